"""Render the diagram pictures of docs/visual.md and docs/user-guide.md
(issue 13): every example at 1600x1000 and 1024x700, light and dark, as the
window shows it after `weaklink FILE`; the generated 5,000-component design
fitted and at 100 %; presentation mode.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_diagram_docs.py [NAME ...]

NAME: an example name, "generated" or "presentation" (default: all).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPointF, QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
IMAGES = ROOT / "docs" / "images"
EXAMPLES = ("monolith", "three-tier", "duplicated-services", "multi-site")
SIZES = ((1600, 1000), (1024, 700))


def _settle(app, analysis, seconds: float = 120.0) -> None:
    done = []
    analysis.applied.connect(done.append)
    end = time.monotonic() + seconds
    while not done and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + 1.2          # the Overview redraws lazily
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _window(app, size, dark: bool, scratch: Path):
    from designer.live import controller as live
    from designer.look import theme
    from designer.shell import compact
    from designer.shell.dialogs import HeadlessPrompts
    from designer.shell.mainwindow import MainWindow
    from designer.shell.settings import AppSettings

    theme.setup(app, dark=dark)
    settings = AppSettings(QSettings(str(scratch / f"{time.monotonic()}.ini"),
                                     QSettings.Format.IniFormat))
    window = MainWindow(settings, HeadlessPrompts())
    window.resize(*size)
    analysis = live.attach(window)
    window.actions.set_icons()
    compact.fit_window(window)
    window.set_dark(dark)
    window.show()
    return window, analysis


def shoot(app, path: Path, size, dark: bool, name: str, scratch: Path, zoom=None) -> None:
    window, analysis = _window(app, size, dark, scratch)
    window.files.open_now(path)
    _settle(app, analysis)
    window.view.scene().finish_routing()   # big designs route in idle slices
    window.view.fit_all()
    if zoom is not None:
        window.view.set_zoom(zoom)
        window.view.center_on_point(window.view.content_rect().topLeft() + QPointF(700, 450))
    app.processEvents()
    out = IMAGES / f"diagram-{name}.png"
    window.grab().save(str(out), "PNG")
    print(f"wrote {out.relative_to(ROOT)}", flush=True)
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()


def generated_file(scratch: Path) -> Path:
    from benchmarks.generate import generate
    from designer.io import save_design

    path = scratch / "generated-5000.weaklink.json"
    save_design(generate(5000), path)
    return path


def main(names: list[str]) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from designer.app import _application
    _application()
    scratch = Path(tempfile.mkdtemp(prefix="weaklink-docs-"))
    names = names or [*EXAMPLES, "generated", "presentation"]
    for name in (n for n in names if n in EXAMPLES):
        path = ROOT / "examples" / f"{name}.weaklink.json"
        for w, h in SIZES:
            for dark in (False, True):
                shoot(app, path, (w, h), dark, f"{name}-{w}x{h}" + ("-dark" if dark else ""),
                      scratch)
    if "generated" in names:
        path = generated_file(scratch)
        shoot(app, path, (1600, 1000), False, "generated-5000-fit", scratch)
        shoot(app, path, (1600, 1000), False, "generated-5000-100", scratch, zoom=1.0)
    if "presentation" in names:
        window, analysis = _window(app, (1024, 700), False, scratch)
        window.files.open_now(ROOT / "examples" / "three-tier.weaklink.json")
        _settle(app, analysis)
        window.actions.all["presentation"].trigger()
        for _ in range(30):
            app.processEvents()
            time.sleep(0.02)
        window.presentation.refresh()
        window.grab().save(str(IMAGES / "diagram-presentation.png"), "PNG")
        print("wrote docs/images/diagram-presentation.png")
        window.presentation.leave()


if __name__ == "__main__":
    main(sys.argv[1:])
