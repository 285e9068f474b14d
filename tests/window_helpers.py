"""Shared by the window, files and recovery tests: a stand-in for the
dialogs that records every question and answers from a script, so no test
ever blocks on a modal box, and paths to the bundled examples."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from designer.shell.settings import AppSettings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
THREE_TIER = EXAMPLES / "three-tier.weaklink.json"
MONOLITH = EXAMPLES / "monolith.weaklink.json"


class FakePrompts:
    """Answers: save_changes -> self.save_answer, recover -> self.recover_answer,
    open_path / save_path -> the next queued path. Records what was asked."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.asked: list[tuple] = []
        self.save_answer = "cancel"
        self.recover_answer = "later"
        self.paths: list[Path | None] = []

    def error(self, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text))

    def save_changes(self, name: str) -> str:
        self.asked.append(("save_changes", name))
        return self.save_answer

    def recover(self, name: str, saved_at: str, source: str) -> str:
        self.asked.append(("recover", name, source))
        return self.recover_answer

    def open_path(self, directory: str):
        self.asked.append(("open_path", directory))
        return self.paths.pop(0) if self.paths else None

    def save_path(self, suggestion: str):
        self.asked.append(("save_path", suggestion))
        return self.paths.pop(0) if self.paths else None


def temp_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def open_three_tier(qtbot, qapp, tmp_path: Path, prompts: "FakePrompts | None" = None):
    """A shown main window (light theme) with a copy of the three-tier example
    open from tmp_path, so saves never touch the bundled file."""
    import shutil

    from designer.look import theme
    from designer.shell.mainwindow import MainWindow

    theme.setup(qapp, False)
    win = MainWindow(temp_settings(tmp_path), prompts or FakePrompts())
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    copy = tmp_path / "three-tier.weaklink.json"
    shutil.copy(THREE_TIER, copy)
    assert win.files.open_now(copy)
    return win
