"""The fitted view shows the whole design: after opening a file, and whenever
scroll bars come or go because of the fit itself (designer/canvas/navigation.py
fit_rect, designer/canvas/view.py resize anchor)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from benchmarks.generate import generate
from designer.io import save_design
from tests.canvas_support import make_view
from tests.window_helpers import FakePrompts, temp_settings


def visible(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def assert_whole(view):
    shown = visible(view)
    assert shown.contains(view.content_rect()), (shown, view.content_rect())
    assert shown.contains(view.scene().itemsBoundingRect()), "links and badges too"


@pytest.fixture(scope="module")
def two_sites():
    return generate(300)


@pytest.mark.parametrize("size", [(1600, 1000), (1024, 700), (791, 566), (600, 900)])
def test_fit_again_after_the_scroll_bars_settled(qtbot, two_sites, size):
    view, _ = make_view(qtbot, two_sites, size)
    for _ in range(2):   # as opening does: fitted on open, again once settled
        view.fit_all()
        QApplication.processEvents()
        assert_whole(view)


@pytest.mark.parametrize("size", [(1600, 1000), (1024, 700)])
def test_a_design_opened_in_the_window_is_whole_in_view(qtbot, qapp, tmp_path, size):
    from designer.look import theme
    from designer.shell.mainwindow import MainWindow

    path = tmp_path / "generated.weaklink.json"
    save_design(generate(300), path)
    theme.setup(qapp, False)
    win = MainWindow(temp_settings(tmp_path), FakePrompts())
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    assert win.files.open_now(path)
    QApplication.processEvents()
    win.view.scene().finish_routing()   # as the screenshot does before its last fit
    win.view.fit_all()
    QApplication.processEvents()
    assert_whole(win.view)
