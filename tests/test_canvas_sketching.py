"""The sketching flow a new user meets (issue 13): a palette tool stays armed
until Esc (Shift for one), new items get numbered labels, one source fans
out to several targets, services join tiers by drag or connect, duplicate
brings its internal links, lands beside the original with a numbered label
and is called "Duplicate", every binding of a standard key works, and the
quorum field says what the analysis uses."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from designer.analysis.engine import drill
from designer.io import load_design
from designer.look import theme
from designer.model import Design, Kind, LinkKind
from tests.canvas_support import LEFT, _send, center, comp, drag, make_view, move, press
from tests.window_helpers import EXAMPLES, open_three_tier

SHIFT = Qt.KeyboardModifier.ShiftModifier


def click(view, pos, modifiers=Qt.KeyboardModifier.NoModifier):
    press(view, pos, modifiers=modifiers)
    _send(view, QEvent.Type.MouseButtonRelease, pos, LEFT, Qt.MouseButton.NoButton, modifiers)


def test_a_palette_tool_stays_armed_until_escape_and_numbers_labels(qtbot):
    view, doc = make_view(qtbot)
    view.set_tool(Kind.SWITCH)
    for x in (1100, 1300):
        click(view, (x, 700))
    switches = [c for c in doc.components() if c.kind is Kind.SWITCH and c.id != "sw"]
    assert [c.label for c in switches] == ["Switch 1", "Switch 2"]
    assert view.tool() is Kind.SWITCH
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert view.tool() == "select"
    click(view, (1100, 900))               # the select tool places nothing
    assert len([c for c in doc.components() if c.kind is Kind.SWITCH]) == 3


def test_shift_click_places_just_one(qtbot):
    view, doc = make_view(qtbot)
    view.set_tool(Kind.UPS)
    click(view, (1100, 700), SHIFT)
    assert view.tool() == "select"
    assert [c.label for c in doc.components() if c.kind is Kind.UPS and c.id != "ups"] \
        == ["UPS 1"]


def test_numbers_continue_after_the_highest(qtbot):
    view, doc = make_view(qtbot)
    doc.update("web-1", label="Server 3")
    view.set_tool(Kind.SERVER)
    click(view, (1300, 300), SHIFT)
    assert doc.component(view.selected_ids()[0]).label == "Server 4"


def _feeds_and_psus() -> Design:
    parts = [comp("ups", Kind.UPS, 0, 0)]
    for i in range(3):
        parts.append(comp(f"h{i}", Kind.SERVER, 220 * i, 200, width=180, height=90))
        parts.append(comp(f"h{i}-psu", Kind.PSU, parent=f"h{i}"))
    return Design(components=tuple(parts))


def _power_targets(doc) -> list[str]:
    return sorted(l.target for l in doc.links() if l.kind is LinkKind.POWER)


def test_shift_release_fans_one_source_out_to_several_targets(qtbot):
    view, doc = make_view(qtbot, _feeds_and_psus())
    view.set_tool("connect")
    press(view, center(view, "ups"))
    move(view, center(view, "h0-psu"))
    _send(view, QEvent.Type.MouseButtonRelease, center(view, "h0-psu"), LEFT,
          Qt.MouseButton.NoButton, SHIFT)
    assert view.fan_source() == "ups"
    click(view, center(view, "h1-psu"), SHIFT)       # Shift: keep going
    assert view.fan_source() == "ups"
    click(view, center(view, "h2-psu"))              # plain click: the last one
    assert view.fan_source() is None
    assert _power_targets(doc) == ["h0-psu", "h1-psu", "h2-psu"]
    assert all(l.source == "ups" for l in doc.links())


def test_click_on_the_source_then_targets_and_escape_stops(qtbot):
    view, doc = make_view(qtbot, _feeds_and_psus())
    view.set_tool("connect")
    click(view, center(view, "ups"))
    assert view.fan_source() == "ups"
    click(view, center(view, "h1-psu"), SHIFT)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert view.fan_source() is None
    click(view, center(view, "h2-psu"))              # a fresh press: no link from ups
    assert _power_targets(doc) == ["h1-psu"]


def test_dropping_a_service_on_a_tier_makes_it_a_replica(qtbot):
    view, doc = make_view(qtbot)
    tag = view.scene().item_for("tier-web").tag.sceneBoundingRect().center()
    drag(view, center(view, "db"), tag, steps=8)
    db = doc.component("db")
    assert db.tier == "tier-web" and db.parent == "db-1"          # still runs on db-1
    assert doc.undo_stack.text(doc.undo_stack.count() - 1) == "Add to tier web tier"
    doc.undo_stack.undo()
    assert doc.component("db").tier is None


def test_connecting_a_tier_to_a_service_makes_it_a_replica(qtbot):
    view, doc = make_view(qtbot)
    links = len(doc.links())
    view.set_tool("connect")
    tag = view.scene().item_for("tier-web").tag.sceneBoundingRect().center()
    drag(view, tag, center(view, "db"))
    assert doc.component("db").tier == "tier-web"
    assert len(doc.links()) == links                # a membership, not a link
    assert view.scene().item_for("tier-web").members == 3


def test_duplicate_brings_internal_links_lands_beside_and_numbers(qtbot):
    view, doc = make_view(qtbot)
    doc.update("rack", label="Rack 1")
    view.select_ids(["rack"])
    count = doc.undo_stack.count()
    new = view.duplicate()
    assert doc.undo_stack.count() == count + 1
    assert doc.undo_stack.text(count) == "Duplicate"
    copy = doc.component(new[0])
    original = view.rect_of(["rack"])
    assert copy.label == "Rack 2"
    assert view.rect_of([copy.id]).left() >= original.right() + 10   # beside, not on top
    assert copy.x % 10 == 0
    copied = set(new) | {c.id for c in doc.components() if c.parent in new}
    copied |= {c.id for c in doc.components() if c.parent in copied}
    inner = [l for l in doc.links() if l.source in copied and l.target in copied]
    assert [l.kind for l in inner] == [LinkKind.DEPENDENCY]        # app -> db came along
    doc.undo_stack.undo()
    assert copy.id not in doc


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    win = open_three_tier(qtbot, qapp, tmp_path)
    yield win
    theme.apply(False)


def test_every_binding_of_a_standard_key_works(qtbot, window):
    redo = window.actions.all["redo"].shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in redo and QKeySequence("Ctrl+Y") in redo
    assert QKeySequence("Ctrl+W") in window.actions.all["close"].shortcuts()
    window.document.update("web-1", label="Web A")
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.component("web-1").label != "Web A"
    QTest.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert window.document.component("web-1").label == "Web A"


def test_quorum_field_and_analysis_agree_on_one_of_n(qtbot, window):
    from designer.panels.component_form import SPECIFIC_ROWS

    field = next(make() for name, make, _t in SPECIFIC_ROWS if name == "quorum")
    assert field.placeholderText().startswith("1 of n")
    design = load_design(EXAMPLES / "multi-site.weaklink.json")
    design = Design(settings=design.settings, links=design.links, components=tuple(
        c.model_copy(update={"quorum": None}) for c in design.components))
    tiers = [c for c in design.components if c.kind is Kind.TIER]
    assert tiers
    for tier in tiers:
        members = [c.id for c in design.components if c.tier == tier.id]
        assert len(members) >= 2
        assert tier.id not in drill(design, set(members[1:])).down      # one is enough
        assert tier.id in drill(design, set(members)).down
