"""Hypothesis strategies for random VALID designs (reusable by any test).

    from tests.strategies import designs
    @given(designs())
    def test_something(design): ...

`designs()` covers every kind, every relation (placement, power, network,
dependency, tier and segment membership) and every property, and only
builds what the model accepts: placement follows ALLOWED_PARENTS (parents
are drawn before children, so there are no cycles), power runs from an
earlier component to a later one (so there are no power loops), and every
link joins kinds that check_link allows.
"""
from __future__ import annotations

from typing import Optional

from hypothesis import strategies as st

from designer.model import (Component, Design, FirewallRule, KindFigures, Link,
                            LinkKind, RaidLevel, ServiceRole, Settings, Trust)
from designer.model.kinds import (ALLOWED_PARENTS, DEPENDENCY_TARGETS,
                                  NETWORK_CAPABLE, POWER_CONSUMERS, POWER_SOURCES,
                                  SEGMENT_MEMBERS, TIER_MEMBERS, TOP_LEVEL_ALLOWED, Kind)

TEXT = st.text(max_size=20)
IDS = st.text(min_size=1, max_size=16)
COORD = st.floats(-1e5, 1e5, allow_nan=False)
SIZE = st.none() | st.floats(1, 5000)
MONEY = st.none() | st.floats(0, 1e7)
PORT = st.integers(1, 65535)


@st.composite
def reliability(draw) -> dict:
    """Availability given directly, MTBF/MTTR given as a pair, or neither."""
    which = draw(st.sampled_from(["default", "availability", "mtbf"]))
    if which == "availability":
        return {"availability": draw(st.floats(0, 1, exclude_min=True))}
    if which == "mtbf":
        return {"mtbf_hours": draw(st.floats(1, 1e7)), "mttr_hours": draw(st.floats(0, 1e4))}
    return {}


def kind_props(draw, kind: Kind, segment_ids: list[str]) -> dict:
    """The kind-specific fields (see component.KIND_FIELDS) for one kind."""
    if kind is Kind.SERVER:
        return {"raid": draw(st.none() | st.sampled_from(RaidLevel))}
    if kind is Kind.SERVICE:
        return {"role": draw(st.none() | st.sampled_from(ServiceRole)),
                "ports": tuple(draw(st.lists(PORT, max_size=3))),
                "public": draw(st.booleans()), "entry": draw(st.booleans())}
    if kind is Kind.TIER:
        return {"quorum": draw(st.none() | st.integers(1, 5)), "entry": draw(st.booleans())}
    if kind is Kind.SEGMENT:
        return {"trust": draw(st.none() | st.sampled_from(Trust))}
    if kind is Kind.FIREWALL:
        zone = st.sampled_from(["any", *segment_ids])
        rule = st.builds(FirewallRule, source=zone, destination=zone,
                         protocol=st.sampled_from(["tcp", "udp", "icmp", "any"]),
                         port=st.none() | PORT, action=st.sampled_from(["allow", "deny"]),
                         comment=TEXT)
        return {"rules": tuple(draw(st.lists(rule, max_size=4))),
                "default_deny": draw(st.booleans())}
    return {}


def _placed(draw, ids: list[str], kinds: list[Kind]) -> list[Optional[str]]:
    """A placement parent (or None) for each component, drawn in order."""
    parents: list[Optional[str]] = []
    for i, kind in enumerate(kinds):
        hosts = [ids[j] for j in range(i) if kinds[j] in ALLOWED_PARENTS[kind]]
        options = hosts + ([None] if kind in TOP_LEVEL_ALLOWED else [])
        parents.append(draw(st.sampled_from(options)))
    return parents


@st.composite
def component_kinds(draw, max_size: int) -> list[Kind]:
    """Kinds in drawing order; a kind that needs a parent only comes after one."""
    kinds: list[Kind] = []
    for _ in range(draw(st.integers(0, max_size))):
        ready = [k for k in Kind if k in TOP_LEVEL_ALLOWED
                 or any(p in ALLOWED_PARENTS[k] for p in kinds)]
        # Parts that need a host (PSU, NIC, disk, service) are weighted up, else
        # services would be rare: they need a server, which needs a place.
        hosted = [k for k in ready if k not in TOP_LEVEL_ALLOWED]
        kinds.append(draw(st.sampled_from(ready + hosted * 3)))
    return kinds


def _member_of(draw, kind: Kind, members: frozenset, groups: list[str]) -> Optional[str]:
    if kind not in members or not groups:
        return None
    return draw(st.none() | st.sampled_from(groups))


def _components(draw, ids: list[str], kinds: list[Kind]) -> list[Component]:
    parents = _placed(draw, ids, kinds)
    tiers = [i for i, k in zip(ids, kinds) if k is Kind.TIER]
    segments = [i for i, k in zip(ids, kinds) if k is Kind.SEGMENT]
    return [Component(
        id=cid, kind=kind, label=draw(TEXT), parent=parent,
        tier=_member_of(draw, kind, TIER_MEMBERS, tiers),
        segment=_member_of(draw, kind, SEGMENT_MEMBERS, segments),
        x=draw(COORD), y=draw(COORD), width=draw(SIZE), height=draw(SIZE),
        ccf_group=draw(st.none() | st.sampled_from(["psu-batch", "fw-firmware"])),
        capex=draw(MONEY), opex_monthly=draw(MONEY), text=draw(TEXT),
        **draw(reliability()), **kind_props(draw, kind, segments))
        for cid, kind, parent in zip(ids, kinds, parents)]


def _link_candidates(comps: list[Component]) -> list[tuple[LinkKind, str, str]]:
    """Every (kind, source, target) the model accepts, power only forward."""
    found = []
    for i, src in enumerate(comps):
        for j, dst in enumerate(comps):
            if i == j:
                continue
            if src.kind in POWER_SOURCES and dst.kind in POWER_CONSUMERS and i < j:
                found.append((LinkKind.POWER, src.id, dst.id))
            if src.kind in NETWORK_CAPABLE and dst.kind in NETWORK_CAPABLE and i < j:
                found.append((LinkKind.NETWORK, src.id, dst.id))
            if src.kind is Kind.SERVICE and dst.kind in DEPENDENCY_TARGETS:
                found.append((LinkKind.DEPENDENCY, src.id, dst.id))
    return found


def _links(draw, comps: list[Component], link_ids: list[str]) -> list[Link]:
    by_kind: dict[LinkKind, list[tuple[LinkKind, str, str]]] = {}
    for candidate in _link_candidates(comps):
        by_kind.setdefault(candidate[0], []).append(candidate)
    links = []
    for lid in link_ids if by_kind else ():
        # Pick the relation first so rare ones (dependencies) are not drowned out.
        kind = draw(st.sampled_from(sorted(by_kind)))
        _, source, target = draw(st.sampled_from(by_kind[kind]))
        port = draw(st.none() | PORT) if kind is LinkKind.DEPENDENCY else None
        links.append(Link(id=lid, kind=kind, source=source, target=target, port=port,
                          label=draw(TEXT)))
    return links


def settings() -> st.SearchStrategy[Settings]:
    figures = st.builds(KindFigures, availability=st.none() | st.floats(0.5, 1),
                        mtbf_hours=st.none() | st.floats(1, 1e7),
                        mttr_hours=st.none() | st.floats(0, 1e4),
                        capex=MONEY, opex_monthly=MONEY)
    return st.builds(
        Settings, name=TEXT, currency=st.text(min_size=1, max_size=8),
        horizon_months=st.integers(1, 1200),
        downtime_cost_per_hour=MONEY,
        kind_overrides=st.dictionaries(st.sampled_from(Kind), figures, max_size=3),
        ccf_groups=st.dictionaries(TEXT, st.floats(0, 1), max_size=2))


@st.composite
def designs(draw, max_components: int = 24, max_links: int = 30) -> Design:
    """A random design the model accepts (checked whole by Design itself)."""
    kinds = draw(component_kinds(max_components))
    n_links = draw(st.integers(0, max_links))
    ids = draw(st.lists(IDS, min_size=len(kinds) + n_links,
                        max_size=len(kinds) + n_links, unique=True))
    comps = _components(draw, ids[:len(kinds)], kinds)
    links = _links(draw, comps, ids[len(kinds):])
    return Design(settings=draw(settings()), components=tuple(comps), links=tuple(links))
