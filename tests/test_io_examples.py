"""The shipped examples are the designs the issue describes, drawable as
they are: measured with the canvas's own geometry (sizes, chips straddling
edges), children sit inside their parents and nothing overlaps."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from designer.canvas import geometry as G
from designer.io import load_design
from designer.model import Design, Kind, LinkKind, ServiceRole

ROOT = Path(__file__).parents[1]
NAMES = ["monolith", "three-tier", "duplicated-services", "multi-site"]


def _load(name: str) -> Design:
    return load_design(ROOT / "examples" / f"{name}.weaklink.json")


def _count(design: Design) -> Counter:
    return Counter(c.kind for c in design.components)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(inner, outer) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and \
        inner[2] <= outer[2] and inner[3] <= outer[3]


def _chips_of(design: Design, host: str) -> list:
    """A host's chips in the order the canvas lays them out."""
    return sorted((c for c in design.components
                   if c.parent == host and c.kind in G.CHIP_KINDS),
                  key=lambda c: (c.kind.value, c.id))


def _drawn_size(design: Design, comp) -> tuple[float, float]:
    """The size the canvas draws (its geometry module decides), grown to fit chips."""
    width, height = G.size_of(comp)
    chips = _chips_of(design, comp.id)
    if chips:
        need = G.min_host_size([c.kind for c in chips])
        width, height = max(width, need[0]), max(height, need[1])
    return width, height


def _footprint(design: Design, comp) -> tuple[float, float, float, float]:
    """The drawn extent in the parent's coordinates, straddling chips included."""
    width, height = _drawn_size(design, comp)
    x0, y0, x1, y1 = comp.x, comp.y, comp.x + width, comp.y + height
    chips = _chips_of(design, comp.id)
    for slot in G.chip_slots(width, height, [c.kind for c in chips]):
        x0, y0 = min(x0, comp.x + slot.x()), min(y0, comp.y + slot.y())
        x1 = max(x1, comp.x + slot.x() + G.CHIP_W)
        y1 = max(y1, comp.y + slot.y() + G.CHIP_H)
    return (x0, y0, x1, y1)


def _site_of(design: Design, cid: str) -> str | None:
    comp = design.by_id[cid]
    while comp.parent is not None:
        comp = design.by_id[comp.parent]
    return comp.id if comp.kind is Kind.SITE else None


def test_build_script_regenerates_the_committed_files(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "examples" / "build.py"), str(tmp_path)],
                   check=True, capture_output=True)
    for name in NAMES:
        fresh = (tmp_path / f"{name}.weaklink.json").read_text(encoding="utf-8")
        assert fresh == (ROOT / "examples" / f"{name}.weaklink.json").read_text(
            encoding="utf-8"), f"{name}: run `python examples/build.py`"


@pytest.mark.parametrize("name", NAMES)
def test_containers_are_sized_and_hosts_already_fit_their_chips(name):
    """The canvas never has to grow a card: what the file says is what is drawn."""
    design = _load(name)
    for comp in design.components:
        if comp.kind in G.CONTAINER_ITEMS:
            assert comp.width and comp.height, comp.id
        chips = _chips_of(design, comp.id)
        if chips:
            need = G.min_host_size([c.kind for c in chips])
            assert comp.width >= need[0] and comp.height >= need[1], comp.id


@pytest.mark.parametrize("name", NAMES)
def test_everything_drawn_sits_inside_its_parent(name):
    design = _load(name)
    for comp in design.components:
        if comp.parent and comp.kind not in G.CHIP_KINDS:   # chips straddle edges
            parent_w, parent_h = _drawn_size(design, design.by_id[comp.parent])
            assert _inside(_footprint(design, comp), (0, 0, parent_w, parent_h)), comp.id


@pytest.mark.parametrize("name", NAMES)
def test_siblings_do_not_overlap_except_zones_around_their_members(name):
    design = _load(name)
    by_parent: dict = {}
    for comp in design.components:
        if comp.kind not in G.CHIP_KINDS:
            by_parent.setdefault(comp.parent, []).append(comp)
    for siblings in by_parent.values():
        for i, a in enumerate(siblings):
            for b in siblings[i + 1:]:
                zone, other = (a, b) if a.kind is Kind.SEGMENT else (b, a)
                if zone.kind is Kind.SEGMENT and other.segment == zone.id:
                    assert _inside(_footprint(design, other), _footprint(design, zone)), \
                        other.id
                else:
                    assert not _overlap(_footprint(design, a), _footprint(design, b)), \
                        (a.id, b.id)


@pytest.mark.parametrize("name", NAMES)
def test_user_facing_entry_is_marked_and_reaches_the_internet(name):
    design = _load(name)
    assert [c for c in design.components if c.entry]
    internet = [c.id for c in design.components if c.kind is Kind.INTERNET]
    uplinks = {c.id for c in design.components if c.kind is Kind.ISP_UPLINK}
    wired = {end for link in design.links_of(LinkKind.NETWORK)
             if internet[0] in (link.source, link.target)
             for end in (link.source, link.target)}
    assert uplinks and uplinks <= wired


def test_monolith_is_one_of_everything_with_the_whole_stack_on_one_server():
    design = _load("monolith")
    counts = _count(design)
    for kind in (Kind.SITE, Kind.UTILITY_FEED, Kind.SERVER, Kind.PSU, Kind.NIC, Kind.DISK,
                 Kind.SWITCH, Kind.ISP_UPLINK, Kind.INTERNET):
        assert counts[kind] == 1, kind
    services = [c for c in design.components if c.kind is Kind.SERVICE]
    assert {s.role for s in services} == {ServiceRole.PROXY, ServiceRole.WEB,
                                          ServiceRole.DATABASE}
    assert len({s.parent for s in services}) == 1


def test_three_tier_firewalls_open_only_the_needed_ports():
    design = _load("three-tier")
    zone = {c.id: c for c in design.components if c.kind is Kind.SEGMENT}
    roles = {c.role: design.by_id[c.parent].segment for c in design.components
             if c.kind is Kind.SERVICE}
    assert [zone[roles[r]].trust.value for r in (ServiceRole.PROXY, ServiceRole.WEB,
                                                 ServiceRole.DATABASE)] == \
        ["dmz", "internal", "data"]
    firewalls = [c for c in design.components if c.kind is Kind.FIREWALL]
    assert all(fw.default_deny for fw in firewalls)
    allowed = {(r.source, r.destination, r.port) for fw in firewalls for r in fw.rules
               if r.action == "allow"}
    ports = {c.role: c.ports for c in design.components if c.kind is Kind.SERVICE}
    assert allowed == {("any", "seg-dmz", 80), ("any", "seg-dmz", 443),
                       ("seg-dmz", "seg-web", ports[ServiceRole.WEB][0]),
                       ("seg-web", "seg-db", ports[ServiceRole.DATABASE][0])}


def test_three_tier_has_no_path_around_the_firewalls():
    design = _load("three-tier")
    firewalls = {c.id for c in design.components if c.kind is Kind.FIREWALL}
    cables = [(l.source, l.target) for l in design.links_of(LinkKind.NETWORK)
              if not firewalls & {l.source, l.target}]
    assert "sw-dmz" not in _reached("internet", cables)
    assert "sw-web" not in _reached("sw-dmz", cables)
    assert "sw-db" not in _reached("sw-web", cables)


def _reached(start: str, cables: list[tuple[str, str]]) -> set[str]:
    """What `start` reaches over `cables`, either way along each."""
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        ends = {b for a, b in cables if a == here} | {a for a, b in cables if b == here}
        todo.extend(ends - seen)
        seen |= ends
    return seen


def test_duplicated_services_have_two_replicas_on_separate_servers_in_one_site():
    design = _load("duplicated-services")
    counts = _count(design)
    assert [counts[k] for k in (Kind.SITE, Kind.UTILITY_FEED, Kind.ISP_UPLINK,
                                Kind.SWITCH)] == [1, 1, 1, 1]
    tiers = [c for c in design.components if c.kind is Kind.TIER]
    assert len(tiers) == 3
    for tier in tiers:
        members = [c for c in design.components if c.tier == tier.id]
        assert len(members) == 2 and tier.quorum == 1
        assert len({m.parent for m in members}) == 2


def test_multi_site_duplicates_everything_per_site():
    design = _load("multi-site")
    sites = [c.id for c in design.components if c.kind is Kind.SITE]
    assert len(sites) == 2
    for kind in (Kind.UTILITY_FEED, Kind.ISP_UPLINK, Kind.SWITCH, Kind.SERVER):
        per_site = Counter(_site_of(design, c.id) for c in design.components
                           if c.kind is kind)
        assert set(per_site) == set(sites) and len(set(per_site.values())) == 1, kind
    for tier in (c for c in design.components if c.kind is Kind.TIER):
        members = [c.id for c in design.components if c.tier == tier.id]
        assert tier.quorum == 1
        assert sorted(_site_of(design, m) for m in members) == sorted(sites), tier.id
    for link in design.links_of(LinkKind.DEPENDENCY):
        assert design.by_id[link.target].kind is Kind.TIER, link.id
    for link in design.links_of(LinkKind.POWER):
        assert _site_of(design, link.source) == _site_of(design, link.target), link.id


def test_examples_show_the_spofs_their_names_promise():
    """Checked with the real analyzer: the monolith fails with any part, the
    duplicated stack only with what its replicas share, multi-site with nothing."""
    from designer.analysis.engine import analyze
    from designer.model.kinds import NEVER_FAIL

    mono = _load("monolith")
    can_fail = {c.id for c in mono.components if c.kind not in NEVER_FAIL}
    assert {s.id for s in analyze(mono).spofs} == can_fail
    dup = analyze(_load("duplicated-services"))
    assert {s.id for s in dup.spofs} == {"site-a", "feed-a", "rack-1", "switch-1",
                                         "uplink-a"}
    assert analyze(_load("multi-site")).spofs == ()
