"""Failure drill in the main window, with the real engine: clicks fail and
restore components, consequences are shown down, the banner says whether the
system is up, reset restores all, and the document is never edited."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from designer.io import load_design
from designer.look.style import State

from .live_support import close_window, open_window
from .window_helpers import MONOLITH, THREE_TIER


@pytest.fixture
def win(qtbot, tmp_path):
    window, live = open_window(qtbot, tmp_path, load_design(MONOLITH))
    window.view.fit_all()
    yield window, live
    close_window(window, live)


def click(qtbot, view, cid):
    item = view.scene().item_for(cid)
    centre = item.scene_rect().center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(centre))


def state(window, cid):
    return window.view.scene().item_for(cid).state


def test_failing_the_only_uplink_takes_the_system_down_and_reset_restores(win, qtbot):
    window, live = win
    doc, drill, banner = window.document, live.drill, live.drill.banner
    before, undo_count = doc.snapshot(), doc.undo_stack.count()
    assert state(window, "uplink-a") is State.SPOF
    live.drill_action.trigger()
    assert drill.is_active() and banner.isVisible()
    assert banner.headline.text() == "System UP"
    big = banner.headline.fontInfo().pointSizeF()                # for a projector
    assert banner.headline.fontInfo().bold() and big >= 1.5 * banner.detail.fontInfo().pointSizeF()
    assert state(window, "uplink-a") is State.NORMAL       # analysis colours put away
    click(qtbot, window.view, "uplink-a")
    assert state(window, "uplink-a") is State.DRILL_FAILED
    assert state(window, "nginx") is State.DRILL_DOWN       # the entry point is lost
    assert banner.headline.text() == "System DOWN"
    assert "nginx ✗ down" in banner.detail.text() and "ISP uplink" in banner.detail.text()
    banner.reset_button.click()
    assert banner.headline.text() == "System UP"
    assert state(window, "uplink-a") is State.NORMAL
    assert state(window, "nginx") is State.NORMAL
    assert doc.undo_stack.count() == undo_count and doc.snapshot() == before


def test_clicking_again_restores_the_component(win, qtbot):
    window, live = win
    live.drill.set_active(True)
    click(qtbot, window.view, "switch-1")
    assert live.drill.failed() == {"switch-1"}
    assert live.drill.banner.headline.text() == "System DOWN"
    click(qtbot, window.view, "switch-1")
    assert live.drill.failed() == set()
    assert live.drill.banner.headline.text() == "System UP"
    assert state(window, "switch-1") is State.NORMAL


def test_leaving_the_drill_restores_the_analysis_colours(win, qtbot):
    window, live = win
    live.drill.set_active(True)
    click(qtbot, window.view, "uplink-a")
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)         # Esc leaves the drill
    assert not live.drill.is_active() and not live.drill_action.isChecked()
    assert not live.drill.banner.isVisible()
    assert state(window, "uplink-a") is State.SPOF
    assert window.view.scene().holds_spof("site-a")         # container badge back
    assert window.view.tool() == "select"


def test_an_edit_during_the_drill_is_followed(win, qtbot):
    window, live = win
    live.drill.set_active(True)
    click(qtbot, window.view, "uplink-a")
    window.document.delete(["uplink-a"])                   # e.g. from the inspector
    assert live.drill.failed() == set()                      # forgotten, not resurrected
    assert live.drill.banner.headline.text() == "System DOWN"  # no uplink at all now
    window.document.undo_stack.undo()
    assert live.drill.banner.headline.text() == "System UP"
    qtbot.waitUntil(lambda: live.result is not None and not live.scheduler.is_pending(),
                    timeout=5000)
    assert state(window, "uplink-a") is State.NORMAL        # results wait for the drill
    live.drill.set_active(False)
    assert state(window, "uplink-a") is State.SPOF


def test_what_never_fails_cannot_be_failed(win, qtbot):
    window, live = win
    live.drill.set_active(True)
    click(qtbot, window.view, "internet")
    assert live.drill.failed() == set()
    assert live.drill.banner.headline.text() == "System UP"
    assert "never fails by itself" in live.drill.banner.hint.text()
    assert live.drill.banner.hint.isVisible()
    click(qtbot, window.view, "switch-1")                  # a real failure clears the hint
    assert not live.drill.banner.hint.isVisible()


def on_screen_rects(view):
    """Each component item's rectangle as drawn, in the view's coordinates
    (the banner's), clipped to the viewport."""
    port = view.viewport().geometry()
    rects = {}
    for item in view.scene().component_items():
        drawn = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        rects[item.cid] = drawn.translated(port.topLeft()).intersected(port)
    return rects


def test_the_banner_never_covers_the_fitted_design(qtbot, tmp_path):
    window, live = open_window(qtbot, tmp_path, load_design(THREE_TIER))
    try:
        view, banner = window.view, live.drill.banner
        view.fit_all()
        live.drill_action.trigger()
        live.drill.toggle("sw-web")
        qtbot.waitUntil(lambda: banner.isVisible() and view.viewportMargins().top() > 0)
        assert banner.headline.text() == "System DOWN"
        for size in ((1200, 800), (900, 650), (1500, 900)):
            window.resize(*size)
            qtbot.waitUntil(lambda: view.viewportMargins().top() >= banner.height())
            view.fit_all()
            port = view.viewport().geometry()
            rects = on_screen_rects(view)
            assert port.contains(rects["internet"])           # the top row is on screen
            assert not rects["internet"].isEmpty()
            covered = [cid for cid, r in rects.items() if r.intersects(banner.geometry())]
            assert covered == []
            assert banner.geometry().top() >= 0 and banner.width() <= max(port.width(), 200)
            assert banner.geometry().bottom() < port.top()
        qtbot.keyClick(view, Qt.Key.Key_Escape)                # leaving gives the strip back
        qtbot.waitUntil(lambda: not banner.isVisible())
        assert view.viewportMargins().top() == 0
        assert view.viewport().geometry().top() == view.contentsRect().top()
    finally:
        close_window(window, live)
