"""Render the images in docs/live-analysis.md: every example with its analysis
overlay, the same in the dark palette and in grey (as printed), and a failure
drill in progress.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_live_docs.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
EXAMPLES = ("monolith", "three-tier", "duplicated-services", "multi-site")
DRILL_EXAMPLE, DRILL_FAILS = "three-tier", ("sw-web",)
SIZE = (1500, 900)


def _wait(app: QApplication, done, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()


def _window(app: QApplication, scratch: Path, dark: bool = False):
    from designer.live import controller as live
    from designer.look import theme
    from designer.shell.dialogs import HeadlessPrompts
    from designer.shell.mainwindow import MainWindow
    from designer.shell.settings import AppSettings

    theme.setup(app, dark=dark)
    settings = AppSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, HeadlessPrompts())
    window.resize(*SIZE)
    analysis = live.attach(window)
    window.set_dark(dark)
    window.show()
    return window, analysis


def _open(app, window, analysis, name: str) -> None:
    from designer.io import load_design

    analysis.result = None
    window.document.load(load_design(ROOT / "examples" / f"{name}.weaklink.json"))
    _wait(app, lambda: analysis.result is not None and not analysis.scheduler.is_pending())
    window.view.fit_all()
    # The Overview redraws lazily (at least 300 ms after a change, in slices):
    # give it time so each picture shows its own design there too.
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def _save(image, name: str) -> None:
    path = IMAGES / name
    image.save(str(path), "PNG")
    print(f"wrote {path.relative_to(ROOT)}")


def overlays(app: QApplication, scratch: Path) -> None:
    window, analysis = _window(app, scratch)
    for name in EXAMPLES:
        _open(app, window, analysis, name)
        _save(window.grab(), f"overlay-{name}.png")
        if name == "three-tier":
            grey = window.view.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
            _save(grey, f"overlay-{name}-grey.png")
    _open(app, window, analysis, DRILL_EXAMPLE)
    analysis.drill.set_active(True)
    for cid in DRILL_FAILS:
        analysis.drill.toggle(cid)
    app.processEvents()
    _save(window.grab(), "drill.png")
    analysis.shutdown()
    window.document.undo_stack.clear()
    window.close()


def dark(app: QApplication, scratch: Path) -> None:
    window, analysis = _window(app, scratch, dark=True)
    _open(app, window, analysis, "three-tier")
    _save(window.view.grab(), "overlay-three-tier-dark.png")
    window.view.select_ids(["web-1"])
    app.processEvents()
    _save(window.grab(), "window-three-tier-dark.png")
    analysis.shutdown()
    window.close()


def main() -> int:
    from designer import resources

    app = QApplication.instance() or QApplication(sys.argv[:1])
    resources.load_fonts()
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="weaklink-docs-") as scratch:
        overlays(app, Path(scratch))
        dark(app, Path(scratch))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
