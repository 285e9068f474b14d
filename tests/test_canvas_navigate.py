"""Navigating: zoom with wheel and keys, pan, fit, zoom to selection, search
that selects and centres, and level of detail on zoom-out."""
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from designer.look.style import LOD_CHIPS, LOD_LABELS
from tests.canvas_support import center, drag, make_view


def _visible_rect(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_zoom_in_out_and_keys(qtbot):
    view, _ = make_view(qtbot)
    z = view.zoom_factor()
    view.zoom_in()
    assert view.zoom_factor() > z
    view.zoom_out()
    assert abs(view.zoom_factor() - z) < 1e-9
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom_factor() < z


def test_wheel_zooms_around_the_cursor(qtbot):
    view, _ = make_view(qtbot)
    at = QPoint(300, 200)
    before = view.mapToScene(at)
    event = QWheelEvent(QPointF(at), QPointF(view.viewport().mapToGlobal(at)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom_factor() > 1.4
    after = view.mapToScene(at)
    assert abs(after.x() - before.x()) < 3 and abs(after.y() - before.y()) < 3


def test_fit_all_shows_every_component(qtbot):
    view, doc = make_view(qtbot)
    view.set_zoom(3.0)
    view.fit_all()
    visible = _visible_rect(view)
    for comp in doc.components():
        assert visible.contains(view.scene().item_for(comp.id).scene_rect()), comp.id


def test_fit_all_shows_contents_a_file_put_outside_their_site(qtbot):
    """A hand-edited file may place a server far outside its site's
    rectangle (a row of 7,000 servers 48,000 wide in a site 4,000 wide):
    Fit Design shows every component, not just the site."""
    from tests.canvas_support import sample_design

    design = sample_design()
    server = next(c for c in design.components if c.kind.value == "server")
    moved = server.model_copy(update={"x": server.x + 6000.0})
    design = design.model_copy(update={"components": tuple(
        moved if c.id == server.id else c for c in design.components)})
    view, doc = make_view(qtbot, design)
    view.fit_all()
    visible = _visible_rect(view)
    for comp in doc.components():
        assert visible.contains(view.scene().item_for(comp.id).scene_rect()), comp.id


def test_zoom_to_selection_and_center_on_ids(qtbot):
    view, _ = make_view(qtbot)
    view.select_ids(["ups"])
    view.zoom_to_selection()
    assert view.zoom_factor() > 3
    assert _visible_rect(view).contains(view.scene().item_for("ups").scene_rect())
    view.set_zoom(1.0)
    view.center_on_ids(["inet"])
    mid = _visible_rect(view).center()
    assert (mid - center(view, "inet")).manhattanLength() < 4


def test_search_selects_and_centres_the_match(qtbot):
    view, _ = make_view(qtbot)
    assert view.find("POSTGRES") == ["db"]
    assert view.selected_ids() == ["db"]
    mid = _visible_rect(view).center()
    assert (mid - center(view, "db")).manhattanLength() < 4
    assert view.find("nothing like this") == [] and "Nothing" in view.messages[-1]


def test_search_again_steps_through_matches(qtbot):
    view, _ = make_view(qtbot)
    first = view.find("shop")
    assert first == ["app-1", "app-2"] and view.selected_ids() == ["app-1"]
    view.find("shop")
    assert view.selected_ids() == ["app-2"]


def test_middle_drag_and_space_drag_pan(qtbot):
    view, _ = make_view(qtbot)
    start = _visible_rect(view).center()
    drag(view, (400, 300), (300, 250), button=Qt.MouseButton.MiddleButton)
    moved = _visible_rect(view).center()
    assert moved.x() - start.x() > 50 and moved.y() - start.y() > 25
    qtbot.keyPress(view, Qt.Key.Key_Space)
    drag(view, (1100, 700), (1200, 700))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert _visible_rect(view).center().x() < moved.x() - 50


def test_labels_hide_below_the_threshold_and_come_back(qtbot):
    view, _ = make_view(qtbot)
    ups, site, chip = (view.scene().item_for(i) for i in ("ups", "dc", "psu-1a"))
    view.set_zoom(LOD_LABELS * 0.9)
    assert not ups.label_item.isVisible() and site.label_item.isVisible()
    assert chip.isVisible()
    view.set_zoom(LOD_CHIPS * 0.9)
    assert not chip.isVisible()
    view.set_zoom(1.0)
    assert ups.label_item.isVisible() and chip.isVisible() and chip.label_item.isVisible()


def test_hover_shows_where_a_drag_would_connect(qtbot):
    from tests.canvas_support import move
    view, _ = make_view(qtbot)
    rect = view.scene().item_for("ups").scene_rect()
    move(view, QPointF(rect.left() + 2, rect.center().y()), Qt.MouseButton.NoButton)
    assert view.viewport().cursor().shape() == Qt.CursorShape.CrossCursor
    assert "connect" in view.messages[-1]
    move(view, rect.center() + QPointF(10, 0), Qt.MouseButton.NoButton)
    assert view.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor


def test_render_at_2x_is_sharp(qtbot):
    from designer.canvas.snapshot import render
    view, _ = make_view(qtbot, size=(400, 300))
    view.center_on_ids(["ups"])
    one, two = render(view, 1.0), render(view, 2.0)
    assert (two.width(), two.height()) == (one.width() * 2, one.height() * 2)
    assert two.devicePixelRatio() == 2.0

    def edges(image):   # strong horizontal contrast steps: more at 2x = finer detail
        count = 0
        for y in range(0, image.height(), 3):
            for x in range(1, image.width()):
                a, b = image.pixelColor(x - 1, y), image.pixelColor(x, y)
                count += abs(a.lightness() - b.lightness()) > 96
        return count
    assert edges(two) > 1.5 * edges(one)


def test_every_way_of_zooming_reports_the_new_factor(qtbot):
    view, _ = make_view(qtbot)
    heard: list[float] = []
    view.zoomChanged.connect(heard.append)
    view.select_ids(["ups"])
    at = QPoint(300, 200)
    wheel = QWheelEvent(QPointF(at), QPointF(view.viewport().mapToGlobal(at)), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    for zoom in (lambda: view.set_zoom(2.0), view.zoom_in, view.fit_all,
                 lambda: qtbot.keyClick(view, Qt.Key.Key_Minus), view.zoom_to_selection,
                 lambda: QApplication.sendEvent(view.viewport(), wheel)):
        before = len(heard)
        zoom()
        assert heard[before:] == [view.zoom_factor()]
    view.set_zoom(view.zoom_factor())        # no change, no signal
    assert len(heard) == 6
