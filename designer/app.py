"""Start the editor: wiring only.

`run(file, screenshot, size, dark)` is what `weaklink [FILE] [--screenshot
OUT.png] [--size WxH] [--dark]` calls. It sets up the QApplication (name, bundled font, icon,
light or dark look), builds the main window, opens FILE, starts the recovery
journal and offers any journal a crashed session left behind. With
`screenshot` it renders the window offscreen to a PNG and returns instead of
running the event loop (no journal, no questions, no saved preferences)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_PROCESS_SECONDS = 0.5    # let the canvas settle before a screenshot
_ANALYSIS_SECONDS = 20.0  # at most this long for the first analysis to be painted


def parse_size(size: str) -> tuple[int, int]:
    width, sep, height = size.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or int(width) < 200 \
            or int(height) < 150:
        raise ValueError(f"--size wants WIDTHxHEIGHT such as 1400x900, not “{size}”")
    return int(width), int(height)


def run(file: str | None = None, screenshot: str | None = None,
        size: str = "1400x900", dark: bool = False) -> int:
    try:
        width, height = parse_size(size)
    except ValueError as err:
        print(f"weaklink: {err}", file=sys.stderr)
        return 2
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        from designer.shell.platform_check import display_problem
        problem = display_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2
    app = _application()
    if screenshot:
        return _screenshot(app, file, Path(screenshot), (width, height), dark)
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
    from designer.look import theme
    from designer.shell.settings import AppSettings

    settings = AppSettings()
    theme.setup(app, settings.dark())
    window = start(file, settings, size=size)
    try:
        return app.exec()
    finally:
        window.journal.close()


def start(file: str | None, settings, prompts=None, state_dir: Path | None = None,
          size: tuple[int, int] = (1400, 900)):
    """Build and show the editor: window, live analysis, layout, FILE, the
    recovery journal and the offer of any journal a crash left behind.
    Returns the window (its journal is `window.journal`)."""
    from designer.live import controller as live
    from designer.shell import compact, recovery
    from designer.shell.mainwindow import MainWindow

    window = MainWindow(settings, prompts)
    live.attach(window)
    window.actions.set_icons()           # the analysis added its commands
    if not window.restore_layout():
        window.resize(*size)
        compact.fit_window(window)       # a small screen: the canvas keeps the room
    window.journal = recovery.Journal(state_dir)
    saver = recovery.AutoSaver(window.document, window.journal, parent=window)
    saver.failed.connect(window.show_message)
    window.show()
    if file:
        window.files.open_now(Path(file))
    window.view.fit_all()
    window.view.setFocus()               # V, C, Delete work at once
    found = recovery.orphans(window.journal.directory)
    recovery.offer(window.files, window.prompts, found, saver)
    if not file and not found:
        from designer.shell.welcome import show_welcome
        show_welcome(window)
    return window


def _screenshot(app, file: str | None, out: Path, size: tuple[int, int],
                dark: bool = False) -> int:
    import tempfile

    from PySide6.QtCore import QSettings

    from designer.live import controller as live
    from designer.look import theme
    from designer.shell import compact
    from designer.shell.dialogs import HeadlessPrompts
    from designer.shell.mainwindow import MainWindow
    from designer.shell.settings import AppSettings

    scratch_dir = tempfile.TemporaryDirectory(prefix="weaklink-shot-")
    # A fresh layout: the user's saved preferences must not change the picture.
    scratch = QSettings(str(Path(scratch_dir.name) / "settings.ini"), QSettings.Format.IniFormat)
    theme.setup(app, dark=False)
    window = MainWindow(AppSettings(scratch), HeadlessPrompts())
    window.resize(*size)
    analysis = live.attach(window)
    window.actions.set_icons()
    compact.fit_window(window)
    if dark:
        window.set_dark(True)
    window.show()
    if file and not window.files.open_now(Path(file)):
        return 2
    if not file:                          # what a user sees on a first launch
        from designer.shell.welcome import show_welcome
        show_welcome(window)
    _settle(app, window, analysis)
    image = window.grab()
    if not image.save(str(out), "PNG"):
        print(f"weaklink: cannot write {out}", file=sys.stderr)
        return 1
    return 0


def _settle(app, window, analysis) -> None:
    """Wait for the first analysis of the open design to be painted (bounded)."""
    painted = []
    analysis.applied.connect(painted.append)
    start = time.monotonic()
    while time.monotonic() - start < _ANALYSIS_SECONDS and not painted:
        app.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + _PROCESS_SECONDS
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    window.view.fit_all()                  # its level of detail: bundles or links
    window.view.scene().finish_routing()   # big designs route in idle slices
    app.processEvents()
