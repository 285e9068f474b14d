"""The document: the one mutator. Every edit validates, is one undo step, and
undo/redo return exactly the values (and order) the user had."""
from __future__ import annotations

import pytest

from designer.document import Document
from designer.model import DesignError, Kind, LinkKind


@pytest.fixture
def doc(qapp):
    document = Document()
    site = document.add_component(Kind.SITE, width=800, height=600, id="site-a")
    document.add_component(Kind.SERVER, parent=site.id, x=20, y=40, id="web-1")
    document.add_component(Kind.PSU, parent="web-1", id="web-1-psu")
    document.add_component(Kind.UTILITY_FEED, id="feed-a")
    document.add_link(LinkKind.POWER, "feed-a", "web-1-psu")
    document.undo_stack.setClean()
    return document


def test_delete_takes_children_and_links_and_undo_restores_order(doc):
    before = doc.snapshot()
    doc.delete(["site-a"])
    assert [c.id for c in doc.components()] == ["feed-a"]
    assert doc.links() == []
    doc.undo_stack.undo()
    assert doc.snapshot() == before
    assert doc.is_clean()
    doc.undo_stack.redo()
    assert not doc.is_clean()


def test_refused_edits_change_nothing_and_push_nothing(doc):
    count = doc.undo_stack.count()
    with pytest.raises(DesignError, match="does not supply power"):
        doc.add_link("power", "web-1-psu", "feed-a")
    with pytest.raises(DesignError, match="must sit inside"):
        doc.add_component(Kind.SERVICE)
    with pytest.raises(DesignError):
        doc.update("web-1", raid="raid42")
    with pytest.raises(DesignError, match="cannot be placed inside a Server"):
        doc.update("site-a", parent="web-1")
    assert doc.undo_stack.count() == count


def test_link_ids_read_well_whatever_the_kind_argument(doc):
    link = doc.add_link(LinkKind.POWER, "feed-a", "web-1-psu")
    assert link.id.startswith("power-link-")


def test_a_move_of_many_is_one_undo_step(doc):
    doc.move({"web-1": (100, 120), "feed-a": (5, 5)})
    assert (doc.component("web-1").x, doc.component("feed-a").x) == (100, 5)
    doc.undo_stack.undo()
    assert (doc.component("web-1").x, doc.component("feed-a").x) == (20, 0)


def test_deleting_a_tier_clears_membership_and_undo_restores_it(qapp):
    doc = Document()
    doc.add_component(Kind.SERVER, id="web-1")
    doc.add_component(Kind.TIER, id="tier-web")
    doc.add_component(Kind.SERVICE, parent="web-1", tier="tier-web", id="app-1")
    doc.delete(["tier-web"])
    assert doc.component("app-1").tier is None
    doc.undo_stack.undo()
    assert doc.component("app-1").tier == "tier-web"


def test_a_compound_edit_is_one_undo_step_and_later_edits_see_earlier_ones(doc):
    before, count = doc.snapshot(), doc.undo_stack.count()
    changes = []
    doc.changed.connect(lambda: changes.append(1))
    with doc.compound("Add a server that grows its site"):
        doc.add_component(Kind.SERVER, parent="site-a", x=700, y=500, id="web-2")
        doc.add_component(Kind.PSU, parent="web-2", id="web-2-psu")   # sees web-2
        doc.update("site-a", width=1000, height=800)
    assert doc.undo_stack.count() == count + 1 and changes        # shown as it happened
    assert doc.undo_stack.undoText() == "Add a server that grows its site"
    after = doc.snapshot()
    doc.undo_stack.undo()
    assert doc.snapshot() == before
    doc.undo_stack.redo()
    assert doc.snapshot() == after


def test_a_refused_edit_inside_a_compound_undoes_the_earlier_ones(doc):
    before, count = doc.snapshot(), doc.undo_stack.count()
    with pytest.raises(DesignError, match="must sit inside"):
        with doc.compound("Half a gesture"):
            doc.update("site-a", width=1000)
            doc.add_component(Kind.SERVICE)              # a service needs a server
    assert doc.snapshot() == before and doc.undo_stack.count() == count
    assert doc.is_clean()
