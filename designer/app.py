"""Start the editor: wiring only.

`run(file, screenshot, size)` is what `weaklink [FILE] [--screenshot OUT.png]
[--size WxH]` calls. It sets up the QApplication (name, bundled font, icon,
light or dark look), builds the main window, opens FILE, starts the recovery
journal and offers any journal a crashed session left behind. With
`screenshot` it renders the window offscreen to a PNG and returns instead of
running the event loop (no journal, no questions, no saved preferences)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_PROCESS_SECONDS = 1.0   # let the canvas and the live analysis settle before a screenshot


def parse_size(size: str) -> tuple[int, int]:
    width, sep, height = size.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or int(width) < 200 \
            or int(height) < 150:
        raise ValueError(f"--size wants WIDTHxHEIGHT such as 1400x900, not “{size}”")
    return int(width), int(height)


def run(file: str | None = None, screenshot: str | None = None,
        size: str = "1400x900") -> int:
    try:
        width, height = parse_size(size)
    except ValueError as err:
        print(f"weaklink: {err}", file=sys.stderr)
        return 2
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    if screenshot:
        return _screenshot(app, file, Path(screenshot), (width, height))
    return _interactive(app, file, (width, height))


def _application():
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from designer import resources

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Weaklink")
    app.setApplicationName("Weaklink")
    app.setDesktopFileName("weaklink")
    app.setWindowIcon(resources.icon("app"))
    family = resources.load_fonts()
    if family:
        app.setFont(QFont(family, 10))
    return app


def _interactive(app, file: str | None, size: tuple[int, int]) -> int:
    from designer import recovery, theme
    from designer.mainwindow import MainWindow
    from designer.settings import AppSettings

    settings = AppSettings()
    theme.setup(app, settings.dark())
    window = MainWindow(settings)
    if settings.geometry() is None:
        window.resize(*size)
    journal = recovery.Journal()
    saver = recovery.AutoSaver(window.document, journal, parent=window)
    saver.failed.connect(window.show_message)
    window.show()
    if file:
        window.files.open_now(Path(file))
    window.view.fit_all()
    recovery.offer(window.files, window.prompts, recovery.orphans(journal.directory), saver)
    try:
        return app.exec()
    finally:
        journal.close()


def _screenshot(app, file: str | None, out: Path, size: tuple[int, int]) -> int:
    import tempfile

    from PySide6.QtCore import QSettings

    from designer import theme
    from designer.dialogs import HeadlessPrompts
    from designer.mainwindow import MainWindow
    from designer.settings import AppSettings

    scratch_dir = tempfile.TemporaryDirectory(prefix="weaklink-shot-")
    # A fresh layout: the user's saved preferences must not change the picture.
    scratch = QSettings(str(Path(scratch_dir.name) / "settings.ini"), QSettings.Format.IniFormat)
    theme.setup(app, dark=False)
    window = MainWindow(AppSettings(scratch), HeadlessPrompts())
    window.resize(*size)
    window.show()
    if file and not window.files.open_now(Path(file)):
        return 2
    _settle(app, window)
    image = window.grab()
    if not image.save(str(out), "PNG"):
        print(f"weaklink: cannot write {out}", file=sys.stderr)
        return 1
    return 0


def _settle(app, window) -> None:
    end = time.monotonic() + _PROCESS_SECONDS
    fitted = False
    while time.monotonic() < end:
        app.processEvents()
        if not fitted and time.monotonic() > end - _PROCESS_SECONDS / 2:
            window.view.fit_all()
            fitted = True
        time.sleep(0.02)
    app.processEvents()
