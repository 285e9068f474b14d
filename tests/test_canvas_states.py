"""What the analysis overlay drives: states recolour items (cheaply), a
container holding a SPOF shows a badge on its header, the blast radius
highlights, the drill tool reports clicks without editing, and the palette
switches between light and dark."""
from designer.look import style
from designer.canvas.items import ComponentItem
from designer.model import Kind
from designer.look.style import State
from tests.canvas_support import center, make_view, press, release


def test_set_states_recolours_and_badges(qtbot):
    view, _ = make_view(qtbot)
    scene = view.scene()
    ups = scene.item_for("ups")
    normal_width = ups.pen().widthF()
    scene.set_states({"ups": State.SPOF, "sw": State.CUT2, "feed": State.PROTECTED})
    assert ups.pen().widthF() > normal_width
    assert ups.pen().color() == style.state_style(State.SPOF).border
    assert ups.decor.badge.isVisible() and ups.decor.badge.text.text() == "!"
    assert scene.item_for("sw").pen().style() == style.state_style(State.CUT2).pen_style
    scene.clear_states()
    assert ups.pen().widthF() == normal_width and not ups.decor.badge.isVisible()


def test_container_holding_a_spof_shows_it_on_its_header(qtbot):
    view, _ = make_view(qtbot)
    scene = view.scene()
    scene.set_states({"psu-1a": State.SPOF})
    for holder in ("web-1", "rack", "dc"):
        badge = scene.item_for(holder).decor.header_badge
        assert badge is not None and badge.isVisible(), holder
    assert scene.item_for("web-2").decor.header_badge is None
    scene.set_states({"psu-1a": State.CUT2})
    assert not scene.item_for("rack").decor.header_badge.isVisible()


def test_only_items_whose_state_changed_are_touched(qtbot, monkeypatch):
    view, _ = make_view(qtbot)
    scene = view.scene()
    scene.set_states({"ups": State.SPOF, "sw": State.CUT2})
    touched = []
    real = ComponentItem.set_state
    monkeypatch.setattr(ComponentItem, "set_state",
                        lambda self, s: (touched.append(self.cid), real(self, s)))
    scene.set_states({"ups": State.SPOF, "sw": State.PROTECTED, "feed": State.SPOF})
    assert sorted(touched) == ["feed", "sw"]


def test_drill_states_hatch_and_strike(qtbot):
    view, _ = make_view(qtbot)
    scene = view.scene()
    scene.set_states({"ups": State.DRILL_FAILED, "sw": State.DRILL_DOWN})
    assert scene.item_for("ups").label_item.font().strikeOut()
    assert scene.item_for("sw").decor.hatch.isVisible()
    scene.clear_states()
    assert not scene.item_for("ups").label_item.font().strikeOut()
    assert not scene.item_for("sw").decor.hatch.isVisible()


def test_highlight_marks_the_blast_radius(qtbot):
    view, _ = make_view(qtbot)
    scene = view.scene()
    scene.set_highlight(["web-1", "app-1"])
    assert scene.item_for("web-1").decor.glow.isVisible()
    assert scene.highlighted_ids() == {"web-1", "app-1"}
    scene.set_highlight([])
    assert not scene.item_for("web-1").decor.glow.isVisible()


def test_drill_tool_reports_clicks_and_edits_nothing(qtbot):
    view, doc = make_view(qtbot)
    view.set_tool("drill")
    before = doc.snapshot()
    with qtbot.waitSignal(view.drillClicked) as got:
        press(view, center(view, "ups"))
        release(view, center(view, "ups"))
    assert got.args == ["ups"]
    assert doc.snapshot() == before and doc.undo_stack.count() == 0


def test_selection_signal_and_halo(qtbot):
    view, _ = make_view(qtbot)
    with qtbot.waitSignal(view.selectionChangedIds) as got:
        press(view, center(view, "ups"))
        release(view, center(view, "ups"))
    assert got.args == [["ups"]]
    assert view.scene().item_for("ups").decor.halo.isVisible()


def test_dark_palette_recolours_the_canvas(qtbot):
    view, _ = make_view(qtbot)
    ups = view.scene().item_for("ups")
    light_fill = ups.brush().color()
    try:
        view.set_dark(True)
        assert view.scene().backgroundBrush().color() == style.DARK.canvas
        assert ups.brush().color() == style.DARK.states[State.NORMAL].fill != light_fill
        image = view.grab().toImage()
        assert image.pixelColor(5, 5).lightness() < 80
    finally:
        view.set_dark(False)
    assert ups.brush().color() == light_fill


def test_presentation_mode_enlarges_labels(qtbot):
    view, _ = make_view(qtbot)
    label = view.scene().item_for("ups").label_item
    size = label.font().pointSizeF()
    try:
        style.set_presentation(True)
        assert label.font().pointSizeF() > size * 1.3
    finally:
        style.set_presentation(False)
    assert label.font().pointSizeF() == size


def test_spof_badges_keep_their_size_when_zoomed_out(qtbot):
    view, _ = make_view(qtbot)
    view.scene().set_states({"psu-1a": State.SPOF})
    view.set_zoom(0.1)
    badge = view.scene().item_for("rack").decor.header_badge
    on_screen = badge.deviceTransform(view.viewportTransform()).mapRect(badge.boundingRect())
    assert 16 <= on_screen.width() <= 24
    assert not view.scene().item_for("ups").label_item.isVisible()   # while labels are gone


def test_stacked_services_get_a_readable_loop(qtbot):
    from designer.model import Design, Link, LinkKind
    from tests.canvas_support import comp

    design = Design(components=(
        comp("h", Kind.SERVER, 0, 0, width=200, height=130),
        comp("a", Kind.SERVICE, 10, 30, parent="h"), comp("b", Kind.SERVICE, 10, 64, parent="h")),
        links=(Link(id="d", kind=LinkKind.DEPENDENCY, source="a", target="b"),))
    view, _ = make_view(qtbot, design)
    box = view.scene().item_for("d").path().boundingRect()
    assert box.width() > 20 and box.height() > 20
    assert not view.scene().item_for("d").arrow.polygon().isEmpty()


def test_only_spof_badges_stay_big_when_zoomed_out(qtbot):
    view, _ = make_view(qtbot)
    view.scene().set_states({"ups": State.SPOF, "sw": State.CUT2})
    view.set_zoom(0.25)

    def on_screen(cid):
        badge = view.scene().item_for(cid).decor.badge
        return badge.deviceTransform(view.viewportTransform()).mapRect(badge.boundingRect()).width()
    assert on_screen("ups") >= 16 and on_screen("sw") < 8


def test_presentation_shrinks_a_label_beside_its_badge_before_cutting_it(qtbot):
    """On the projector the larger labels met their badges: "ISP up…",
    "Databas…". A label beside a badge now shrinks toward its normal size
    first, as one too long for its card already did; back to normal size
    when the mode ends."""
    from designer.io import load_design
    from tests.export_support import EXAMPLES
    design = load_design(next(p for p in EXAMPLES if "multi-site" in p.name))
    view, _ = make_view(qtbot, design)
    try:
        style.set_presentation(True)
        view.scene().set_states({"uplink-a": State.CUT2, "db-a": State.CUT2})
        for cid in ("uplink-a", "db-a"):
            item = view.scene().item_for(cid)
            assert item.label_item.text() == item.comp.name, cid
        assert view.scene().item_for("uplink-a").label_item.scale() < 1.0
    finally:
        style.set_presentation(False)
    item = view.scene().item_for("uplink-a")
    assert item.label_item.scale() == 1.0 and item.label_item.text() == "ISP uplink"


def test_presentation_keeps_a_tier_tag_on_its_bridge_off_the_services(qtbot):
    """Three-tier's "Web tier · 1 of 2" tag, 1.5 times wider on the
    projector, no longer fitted between the replicas and moved onto the
    first one, covering the top of its service; it now shrinks to fit."""
    from designer.io import load_design
    from tests.export_support import EXAMPLES
    design = load_design(next(p for p in EXAMPLES if "three-tier" in p.name))
    view, _ = make_view(qtbot, design)
    scene = view.scene()
    try:
        style.set_presentation(True)
        tier = scene.item_for("tier-web")
        tier.layout()
        tag = tier.tag.mapRectToScene(tier.tag.boundingRect())
        for cid in ("app-1", "app-2"):
            assert not tag.intersects(scene.item_for(cid).scene_rect()), cid
        assert tier.label_item.text() == "Web tier · 1 of 2"
    finally:
        style.set_presentation(False)
    assert scene.item_for("tier-web").label_item.scale() == 1.0


def test_presentation_cuts_no_name_the_normal_size_shows_whole(qtbot):
    """A card is as wide as its name at the normal size; on the projector
    the name shrinks back to that size before anything is cut. Three-tier
    read "Database network swit…": the larger font sets text 1.54 times as
    wide, not 1.5, and room / (room / width) came out a hair short."""
    from designer.canvas.items import DeviceItem
    from designer.io import load_design
    from tests.export_support import EXAMPLES
    for path in EXAMPLES:
        view, _ = make_view(qtbot, load_design(path))
        cards = [item for item in view.scene().items() if isinstance(item, DeviceItem)]
        whole = {item.cid for item in cards if item.label_item.text() == item.comp.name}
        try:
            style.set_presentation(True)
            cut = [item.comp.name for item in cards
                   if item.cid in whole and item.label_item.text() != item.comp.name]
        finally:
            style.set_presentation(False)
        assert not cut, (path.name, cut)
        assert len(whole) > 5, path.name


def test_a_spof_badge_covers_no_name_at_any_zoom(qtbot):
    """A SPOF badge keeps its size on screen, so zoomed out it takes more of
    its card than at 100 %, where the label is kept clear of it: three-tier
    on the projector, fitted below 100 %, showed "Database " with the "1"
    under "! ×6". The badge now grows away from the label, so a name whole
    at 100 % stays clear at every zoom."""
    from designer.io import load_design
    from tests.export_support import EXAMPLES
    design = load_design(next(p for p in EXAMPLES if "three-tier" in p.name))
    view, _ = make_view(qtbot, design)
    scene = view.scene()
    marked = ("db-1", "db-1-psu1", "db-1-psu2", "db-1-nic1", "postgres-1",
              "web-1", "web-1-nic1", "app-1")

    def on_screen(item):
        return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())
    try:
        style.set_presentation(True)
        scene.set_states({cid: State.SPOF for cid in marked})
        for zoom in (1.0, 0.75, 0.5):
            view.set_zoom(zoom)
            for cid in ("db-1", "web-1"):
                item = scene.item_for(cid)
                badge, label = item.decor.badge, item.label_item
                assert badge.text.text().startswith("! ×"), cid
                assert on_screen(badge).left() > on_screen(label).right(), (cid, zoom)
            pill = scene.item_for("app-1")        # a service's badge sits on its left end
            assert on_screen(pill.decor.badge).right() < on_screen(pill.label_item).left(), zoom
    finally:
        style.set_presentation(False)
