"""Labels and badges (issue 13): a card grows to fit its label up to a limit,
then elides with the whole name in its tooltip; a card's badges merge into
one corner badge with a count; no badge covers text; a tier shows its name
and its quorum."""
from __future__ import annotations

from designer.canvas import geometry as G
from designer.look.style import State
from designer.model import Design, Kind
from tests.canvas_support import comp, make_view, sample_design


def _with_labels(**labels) -> Design:
    design = sample_design()
    return Design(settings=design.settings, links=design.links, components=tuple(
        c.model_copy(update={"label": labels[c.id]}) if c.id in labels else c
        for c in design.components))


def test_a_card_grows_to_fit_its_label(qtbot):
    view, _ = make_view(qtbot, _with_labels(sw="Top-of-rack switch A"))
    item = view.scene().item_for("sw")
    assert item.size[0] > G.DEVICE_SIZE[0]
    assert item.label_item.text() == "Top-of-rack switch A"
    assert item.label_item.sceneBoundingRect().right() <= item.scene_rect().right()


def test_a_short_label_keeps_the_default_width(qtbot):
    view, _ = make_view(qtbot)
    assert view.scene().item_for("ups").size == G.DEVICE_SIZE


def test_a_very_long_label_is_elided_with_the_name_in_the_tooltip(qtbot):
    name = "Primary uninterruptible power supply for the whole east wing"
    view, doc = make_view(qtbot, _with_labels(ups=name))
    item = view.scene().item_for("ups")
    assert item.size[0] == G.MAX_CARD_W
    assert item.label_item.text().endswith("…") and item.label_item.text() != name
    assert name in item.toolTip()
    doc.update("ups", label="UPS")                       # and shrinks back
    assert item.size == G.DEVICE_SIZE and item.label_item.text() == "UPS"


def test_badges_of_a_card_and_its_chips_merge_into_one_with_a_count(qtbot):
    view, _ = make_view(qtbot)
    scene = view.scene()
    scene.set_states({"web-1": State.CUT2, "psu-1a": State.SPOF, "psu-1b": State.SPOF})
    host = scene.item_for("web-1")
    assert host.decor.badge.isVisible()
    assert host.decor.badge.text.text() == "! ×3"           # the strongest mark, counted
    assert len(host.decor.badge.toolTip().splitlines()) == 3
    for chip in ("psu-1a", "psu-1b"):
        badge = scene.item_for(chip).decor.badge
        assert badge is None or not badge.isVisible()
    scene.set_states({"psu-1a": State.CUT2})
    assert host.decor.badge.text.text() == "2"
    scene.clear_states()
    assert not host.decor.badge.isVisible()


def test_a_container_holding_a_spof_shows_one_badge_not_two(qtbot):
    view, _ = make_view(qtbot)
    scene = view.scene()
    scene.set_states({"rack": State.CUT2, "psu-1a": State.SPOF})
    rack = scene.item_for("rack")
    badges = [c for c in rack.childItems() if type(c).__name__ == "Badge" and c.isVisible()]
    assert len(badges) == 1 and badges[0].text.text() == "! ×2"


def _texts(item):
    texts = [item.label_item]
    texts += [c.label_item for c in getattr(item, "chips", [])]
    return [t for t in texts if t.isVisible() and t.text()]


def test_no_badge_covers_text(qtbot):
    view, _ = make_view(qtbot, _with_labels(sw="Top-of-rack switch A",
                                            **{"app-1": "A service with a name far too long for any card"}))
    scene = view.scene()
    states = {c: State.SPOF for c in ("sw", "app-1", "web-1", "ups", "psu-1a", "nic-1")}
    states.update({"db": State.CUT2, "dc": State.NOT_MODELED, "rack": State.CUT2})
    scene.set_states(states)
    texts = [t for item in scene.component_items() for t in _texts(item)]
    checked = 0
    for item in scene.component_items():
        badge = item.decor.badge
        if badge is None or not badge.isVisible():
            continue
        room = badge.sceneBoundingRect()
        for text in texts:              # its own, its chips', its neighbours'
            assert not room.intersects(text.sceneBoundingRect()), (item.cid, text.text())
        checked += 1
    assert checked >= 6
    assert scene.item_for("app-1").label_item.text().endswith("…")   # shortened, with an ellipsis


def test_a_tier_shows_its_name_and_quorum(qtbot):
    view, doc = make_view(qtbot)
    tier = view.scene().item_for("tier-web")
    assert tier.label_item.text() == "web tier · 1 of 2"
    doc.update("tier-web", quorum=None)                  # the analysis's default: 1 of n
    assert tier.label_item.text() == "web tier · 1 of 2"
    assert tier.label_item.isVisible()


def test_a_spread_tier_keeps_its_name_when_the_bridge_is_short(qtbot):
    design = Design(components=(
        comp("a", Kind.SERVER, 0, 0, width=180, height=90),
        comp("b", Kind.SERVER, 260, 150, width=180, height=90),   # close: a short bridge
        comp("t", Kind.TIER, label="Payments tier with a long name", quorum=1),
        comp("s1", Kind.SERVICE, 20, 40, parent="a", tier="t"),
        comp("s2", Kind.SERVICE, 20, 40, parent="b", tier="t")))
    view, _ = make_view(qtbot, design)
    tier = view.scene().item_for("t")
    assert len(tier.outlines) == 2
    assert tier.label_item.text() == "Payments tier with a long name · 1 of 2"
