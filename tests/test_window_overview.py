"""The Overview dock as a user meets it: a small picture of the whole design
with the main view's area on it; clicking or dragging there moves the main
view; edits and analysis colours show up a moment later (coalesced, not
drawn per change), not at all while the dock is hidden, and scrolling the
main view moves the rectangle without redrawing the picture."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor

from designer.look import style
from designer.look import theme
from designer.panels.minimap import REFRESH_MS
from designer.look.style import State
from tests.window_helpers import open_three_tier


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    win = open_three_tier(qtbot, qapp, tmp_path)
    win.docks["overview"].raise_()
    win.view.set_zoom(4.0)                   # the view's rectangle: small, at the top
    win.view.center_on_ids(["internet"])
    qtbot.waitUntil(lambda: not win.minimap.is_stale())
    yield win
    theme.apply(False)


def _share(mini, rect: QRectF, color: QColor) -> float:
    """Which share of the overview's pixels inside the scene rect `rect`
    (less a pixel at each side) has exactly `color`."""
    image = mini.grab().toImage()
    ratio = image.devicePixelRatio()
    a, b = mini.map_from_scene(rect.topLeft()), mini.map_from_scene(rect.bottomRight())
    points = [(x, y) for x in range(a.x() + 1, b.x() - 1) for y in range(a.y() + 1, b.y() - 1)]
    same = sum(image.pixelColor(int(x * ratio), int(y * ratio)).rgb() == color.rgb()
               for x, y in points)
    return same / max(1, len(points))


def _rect(window, cid: str) -> QRectF:
    return window.view.scene().item_for(cid).scene_rect()


def test_clicking_the_overview_moves_the_main_view_there(qtbot, window):
    view, mini = window.view, window.minimap
    content = view.content_rect()
    target = content.topLeft() + (content.center() - content.topLeft()) * 0.3
    qtbot.mouseClick(mini, Qt.MouseButton.LeftButton, pos=mini.map_from_scene(target))
    centre = mini.visible_rect().center()
    tolerance = 4 / mini.scale() + 2
    assert abs(centre.x() - target.x()) < tolerance and abs(centre.y() - target.y()) < tolerance
    assert mini.visible_rect().width() < content.width()


def test_dragging_in_the_overview_pans_the_main_view_along(qtbot, window):
    view, mini = window.view, window.minimap
    start, end = _rect(window, "fw-edge").center(), _rect(window, "sw-db").center()
    qtbot.mousePress(mini, Qt.MouseButton.LeftButton, pos=mini.map_from_scene(start))
    qtbot.mouseMove(mini, mini.map_from_scene(end))
    centre = mini.visible_rect().center()
    tolerance = 4 / mini.scale() + 2
    assert abs(centre.x() - end.x()) < tolerance and abs(centre.y() - end.y()) < tolerance
    qtbot.mouseRelease(mini, Qt.MouseButton.LeftButton, pos=mini.map_from_scene(end))
    assert view.zoom_factor() == pytest.approx(4.0)      # panned, never zoomed


def test_analysis_colours_reach_the_overview_a_moment_later(qtbot, window):
    mini, spof = window.minimap, style.state_style(State.SPOF).border
    assert _share(mini, _rect(window, "fw-edge"), spof) < 0.1
    before = mini.refreshes
    window.view.scene().set_states({"fw-edge": State.SPOF})
    qtbot.waitUntil(lambda: _share(mini, _rect(window, "fw-edge"), spof) > 0.8)
    assert mini.refreshes == before + 1


def test_a_burst_of_edits_is_drawn_once_showing_the_last(qtbot, window):
    mini, before = window.minimap, window.minimap.refreshes
    note = window.view.scene().item_for("note-1")
    yellow = note.brush().color()
    old = _rect(window, "note-1")
    for step in range(1, 11):
        window.document.move({"note-1": (1080.0, 130.0 + 40 * step)})
    assert mini.is_stale()
    qtbot.waitUntil(lambda: not mini.is_stale())
    assert mini.refreshes == before + 1
    assert _share(mini, _rect(window, "note-1"), yellow) > 0.8
    assert _share(mini, old.adjusted(0, 0, 0, -old.height() * 0.7), yellow) < 0.1


def test_a_hidden_overview_draws_nothing_until_shown(qtbot, window):
    mini, dock, before = window.minimap, window.docks["overview"], window.minimap.refreshes
    dock.hide()
    window.view.scene().set_states({"fw-edge": State.SPOF})
    qtbot.wait(REFRESH_MS + 200)      # longer than any refresh would wait
    assert mini.refreshes == before and mini.is_stale()
    dock.show()
    qtbot.waitUntil(lambda: not mini.is_stale())
    assert mini.refreshes == before + 1
    assert _share(mini, _rect(window, "fw-edge"), style.state_style(State.SPOF).border) > 0.8


def test_scrolling_the_main_view_moves_the_rectangle_without_redrawing(qtbot, window):
    view, mini, before = window.view, window.minimap, window.minimap.refreshes
    shown = mini.visible_rect()
    view.centerOn(_rect(window, "sw-db").center())
    moved = mini.visible_rect()
    assert moved.center().x() - shown.center().x() > 200
    edge = mini.map_from_scene(QPointF(moved.center().x(), moved.top()))
    highlight = mini.palette().highlight().color()
    qtbot.waitUntil(lambda: mini.grab().toImage().pixelColor(edge).rgb() == highlight.rgb())
    assert mini.refreshes == before and not mini.is_stale()


def test_a_drawing_dropped_part_way_ends_its_painter_first(qtbot, qapp, tmp_path):
    """An overview picture still being drawn when its window goes (or at the
    interpreter's exit) freed its image under the active painter: Qt's
    "Cannot destroy paint device that is being painted", then a segfault
    at the end of `make bench`. Dropped, it now ends its painter first."""
    import gc

    from designer.panels.overview_draw import Drawing
    win = open_three_tier(qtbot, qapp, tmp_path)
    drawing = Drawing(win.view.scene(), win.view.scene().itemsBoundingRect(), win.minimap.size(),
                      1.0)
    assert not drawing.step(0.0)              # a slice, not the whole picture
    painter = drawing._painter
    assert painter.isActive()
    del drawing
    gc.collect()
    assert not painter.isActive()
