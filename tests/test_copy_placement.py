"""Where the cost plan's "second site" and "second rack" put their copies:
never on another site or rack, and a copied rack inside its site (a copy of
s0 lay on s1; a copied rack on the next rack, or outside its site); and no
first-step candidate of the examples or generated designs puts a box on
another."""
from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from benchmarks.generate import generate, with_copies
from designer.analysis.mitigation.candidates import generate as candidates
from designer.analysis.mitigation.candidates import weak_targets
from designer.analysis.mitigation.weak import weak_points
from designer.io import load_design
from designer.model import Kind
from designer.model.patch import apply_patch

PLACES = (Kind.SITE, Kind.RACK)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LAID_OUT_BY_HOST = {Kind.PSU, Kind.NIC, Kind.DISK, Kind.SERVICE}


def _box(comp):
    return comp.x, comp.y, comp.x + comp.width, comp.y + comp.height


def _overlapping(design, kinds=PLACES, touching=None) -> list[tuple[str, str]]:
    """Pairs of boxes of `kinds` in one container that overlap (with one of
    `touching` in the pair, when given)."""
    by_parent: dict = {}
    for comp in design.components:
        if comp.kind in kinds and comp.width:
            by_parent.setdefault(comp.parent, []).append(comp)
    found = []
    for siblings in by_parent.values():
        for a, b in combinations(siblings, 2):
            if touching is not None and a.id not in touching and b.id not in touching:
                continue
            ax0, ay0, ax1, ay1 = _box(a)
            bx0, by0, bx1, by1 = _box(b)
            if ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
                found.append((a.id, b.id))
    return found


def _outside_parent(design) -> list[str]:
    return [c.id for c in design.components if c.kind in PLACES and c.parent
            and (c.x < 0 or c.y < 0 or c.x + c.width > design.by_id[c.parent].width
                 or c.y + c.height > design.by_id[c.parent].height)]


@pytest.mark.parametrize("places", [("s0",), ("s0", "s1"), ("s0-r0",), ("s0-r0", "s0-r1"),
                                    ("s1-r2", "s0", "s0-net")])
def test_copies_overlap_no_site_or_rack_and_stay_in_their_site(places):
    design = generate(1000)
    assert not _overlapping(design)
    copied = with_copies(design, *places)
    assert len(copied.components) > len(design.components)
    assert _overlapping(copied) == []
    assert _outside_parent(copied) == []


@pytest.mark.parametrize("name", ["monolith", "three-tier", "duplicated-services", "multi-site",
                                  300, 1000])
def test_no_first_step_candidate_puts_a_box_on_another(name):
    """Every candidate of the plan's first step, applied: what it adds or
    grows lies on nothing beside it (before: the generated 300's second
    rack on the next rack, the 1,000's second site on the other site)."""
    design = generate(name) if isinstance(name, int) else load_design(
        EXAMPLES / f"{name}.weaklink.json")
    weak = weak_points(design)
    found = candidates(design, weak_targets(design, weak, {}), spofs=weak.spofs)
    assert found
    boxes = set(Kind) - LAID_OUT_BY_HOST - {Kind.TIER, Kind.SEGMENT, Kind.NOTE, Kind.TEXT}
    for candidate in found:
        touched = {c.id for c in candidate.patch.add_components + candidate.patch.update_components}
        assert _overlapping(apply_patch(design, candidate.patch), boxes, touched) == [], \
            candidate.description
