"""Where the cost plan's "second site" and "second rack" put their copies:
never on another site or rack, and a copied rack inside its site (a copy of
s0 lay on s1; a copied rack on the next rack, or outside its site)."""
from __future__ import annotations

from itertools import combinations

import pytest

from benchmarks.generate import generate, with_copies
from designer.model import Kind

PLACES = (Kind.SITE, Kind.RACK)


def _box(comp):
    return comp.x, comp.y, comp.x + comp.width, comp.y + comp.height


def _overlapping(design) -> list[tuple[str, str]]:
    by_parent: dict = {}
    for comp in design.components:
        if comp.kind in PLACES:
            by_parent.setdefault(comp.parent, []).append(comp)
    found = []
    for siblings in by_parent.values():
        for a, b in combinations(siblings, 2):
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
