"""Mitigations are real edits: the same patch gives the same design headless
(`apply_patch`) and through the Document (one undo step), undo gives back
the identical document, and a refused patch changes nothing."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from designer.analysis.mitigation.candidates import generate, weak_targets
from designer.analysis.mitigation.weak import weak_points
from designer.document import Document
from designer.io import load_design
from designer.model import (Component, Design, DesignError, DesignErrors, Kind, Link, LinkKind,
                            RaidLevel)
from designer.model.patch import Patch, apply_patch, merge
from tests.engine_strategies import designs
from tests.oracle import Oracle

EXAMPLES = ["monolith", "three-tier", "duplicated-services", "multi-site"]


def _candidates(name: str, shared_ids: bool = False):
    design = load_design(f"examples/{name}.weaklink.json")
    return design, generate(design, weak_targets(design, weak_points(design), {}), shared_ids)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_candidate_is_an_edit_the_model_accepts_and_the_document_repeats(qapp, name):
    design, candidates = _candidates(name)
    assert candidates, "every example has something to improve"
    for candidate in candidates:
        headless = apply_patch(design, candidate.patch)
        doc = Document(design)
        doc.apply_patch(candidate.patch)
        assert doc.snapshot() == headless
        assert doc.undo_stack.count() == 1
        assert doc.undo_stack.undoText() == candidate.description
        doc.undo_stack.undo()
        assert doc.snapshot() == design
        assert doc.is_clean()


def test_a_refused_patch_raises_and_changes_nothing(qapp):
    design = load_design("examples/monolith.weaklink.json")
    doc = Document(design)
    bad = Patch(add_links=(Link(id="oops", kind=LinkKind.POWER, source="srv-1-psu1",
                                target="feed-a"),), text="bad")
    with pytest.raises((DesignError, DesignErrors)):
        doc.apply_patch(bad)
    with pytest.raises((DesignError, DesignErrors)):
        apply_patch(design, bad)
    assert doc.snapshot() == design and doc.undo_stack.count() == 0


def test_merged_patches_equal_applying_them_in_turn():
    design, candidates = _candidates("monolith", shared_ids=True)
    first, second = candidates[0].patch, candidates[1].patch
    in_turn = apply_patch(apply_patch(design, first), second)
    assert apply_patch(design, merge([first, second], "both")) == in_turn


def test_updates_keep_their_place_and_additions_go_to_the_end():
    design = load_design("examples/monolith.weaklink.json")
    server = design.by_id["srv-1"]
    disk = Component(id="srv-1-disk2", kind=Kind.DISK, parent="srv-1")
    patch = Patch(add_components=(disk,),
                  update_components=(server.model_copy(update={"raid": RaidLevel.RAID1}),))
    edited = apply_patch(design, patch)
    ids = [c.id for c in edited.components]
    assert ids[:-1] == [c.id for c in design.components] and ids[-1] == "srv-1-disk2"
    assert edited.by_id["srv-1"].raid.value == "raid1"


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(design=designs)
def test_on_random_designs_every_candidate_is_one_undoable_document_edit(qapp, design):
    weak = weak_points(design)
    for candidate in generate(design, weak_targets(design, weak, {}), spofs=weak.spofs):
        headless = apply_patch(design, candidate.patch)
        doc = Document(design)
        doc.apply_patch(candidate.patch)
        assert doc.snapshot() == headless and doc.undo_stack.count() == 1
        doc.undo_stack.undo()
        assert doc.snapshot() == design


@settings(max_examples=30, deadline=None)
@given(design=designs)
def test_a_spof_candidate_never_adds_a_spof_and_the_oracle_agrees_on_what_it_removes(design):
    weak = weak_points(design)
    if not weak.spofs:
        return
    before = Oracle(design).spofs()
    assert before == set(weak.spofs)
    for candidate in generate(design, list(weak.spofs), spofs=weak.spofs):
        edited = apply_patch(design, candidate.patch)
        after = Oracle(edited).spofs()
        assert set(weak_points(edited).spofs) == after
        assert after - before <= set(candidate.patch.added_ids), (
            "only parts the edit adds may be new single points of failure")


def test_an_entry_service_in_a_shared_tier_is_not_replicated_into_new_spofs():
    """Found by the property above: the entry is one service of a tier of
    three (quorum 3), and another member depends on a third. A replica of
    the entry would move the entry mark onto the tier, which would then
    need the other members too: service7 would become a new single point
    of failure. No such replica, and no copied site, is offered."""
    def comp(cid, kind, parent=None, **fields):
        return Component(id=cid, kind=kind, parent=parent, **fields)
    design = Design(components=(
        comp("internet0", Kind.INTERNET), comp("site1", Kind.SITE),
        comp("uplink3", Kind.ISP_UPLINK, "site1"), comp("server4", Kind.SERVER, "site1"),
        comp("psu5", Kind.PSU, "server4"), comp("tier6", Kind.TIER, quorum=3),
        comp("service7", Kind.SERVICE, "server4", tier="tier6"),
        comp("service8", Kind.SERVICE, "server4", tier="tier6"),
        comp("service9", Kind.SERVICE, "server4", tier="tier6", entry=True)),
        links=(Link(id="l1", kind=LinkKind.NETWORK, source="uplink3", target="internet0"),
               Link(id="l2", kind=LinkKind.DEPENDENCY, source="service8", target="service7")))
    weak = weak_points(design)
    before = Oracle(design).spofs()
    assert before == set(weak.spofs) == {"site1", "server4", "psu5", "service9"}
    candidates = generate(design, list(weak.spofs), spofs=weak.spofs)
    assert candidates, "the PSU can still be doubled"
    for candidate in candidates:
        assert Oracle(apply_patch(design, candidate.patch)).spofs() - before <= \
            set(candidate.patch.added_ids), candidate.description
    assert not [c for c in candidates if "replica of service9" in c.description
                or "second site" in c.description]
