"""Power mitigations: a second feed, a generator (behind a UPS or not), a
second UPS or PDU, a second PSU on another feed. No Qt."""
from __future__ import annotations

from designer.model import Component, Design, Kind, LinkKind

from .candidate import Candidate, candidate_of
from .copying import power_inputs, second_input, twin
from .draft import Draft, beside


def second_feed(design: Design, feed: str, taken: set[str]) -> list[Candidate]:
    """A second utility feed (or generator, or generator behind a UPS) on
    every consumer of this source."""
    found = []
    source = design.by_id[feed]
    consumers = [l.target for l in design.links if l.kind is LinkKind.POWER and l.source == feed]
    if not consumers:
        return []
    for action, make in (("second-feed", _add_feed), ("generator", _add_generator),
                         ("ups-generator", _add_ups_generator)):
        draft = Draft(design, taken)
        text = make(draft, source)
        for consumer in consumers:
            second_input(draft, consumer, draft.__dict__["_new_source"], feed)
        found.append(candidate_of(draft, action, text, feed))
    return found


def free_spot(draft: Draft, near: Component) -> tuple[float, float]:
    """A free spot for one more device in `near`'s container."""
    return draft.slot(near.parent, near.width or 136.0, near.height or 44.0,
                      near.x + beside(near), near.y)


def _add_feed(draft: Draft, feed: Component) -> str:
    x, y = free_spot(draft, feed)
    new = draft.add(feed, label=f"{feed.name} (second feed)" if feed.kind is
                    Kind.UTILITY_FEED else None, dx=x - feed.x, dy=y - feed.y)
    draft.__dict__["_new_source"] = new.id
    return f"Add a second {feed.kind.title.lower()} beside {feed.name} and power its consumers from both"


def _add_generator(draft: Draft, feed: Component) -> str:
    draft.__dict__["_new_source"] = _beside(draft, feed, "gen", Kind.GENERATOR, "Generator").id
    return f"Add a generator behind {feed.name} so its consumers keep power when it fails"


def _add_ups_generator(draft: Draft, feed: Component) -> str:
    gen = _beside(draft, feed, "gen", Kind.GENERATOR, "Generator")
    ups = _beside(draft, feed, "ups", Kind.UPS, "UPS")
    draft.link(LinkKind.POWER, feed.id, ups.id)
    draft.link(LinkKind.POWER, gen.id, ups.id)
    draft.__dict__["_new_source"] = ups.id
    return (f"Add a UPS fed by {feed.name} and a generator, and power "
            f"{feed.name}'s consumers from the UPS as well")


def _beside(draft: Draft, feed: Component, stem: str, kind: Kind, label: str) -> Component:
    """A new power box the size of `feed`, in the nearest free spot beside it."""
    x, y = free_spot(draft, feed)
    return draft.make(f"{stem}-{feed.id}", kind, feed.parent, x, y, label,
                      width=feed.width, height=feed.height)


def second_power_box(design: Design, box: str, taken: set[str]) -> list[Candidate]:
    """A second UPS or PDU with the same inputs, on every consumer."""
    draft = Draft(design, taken)
    comp = design.by_id[box]
    new = twin(draft, box)
    text = f"Add {new.name} beside {comp.name}, on the same inputs, and feed its consumers from both"
    return [candidate_of(draft, f"second-{comp.kind.value}", text, box)]


def second_psu(design: Design, psu: str, taken: set[str]) -> list[Candidate]:
    """A second PSU on the host, on a different source (a new feed when the
    site has no other)."""
    draft = Draft(design, taken)
    comp = design.by_id[psu]
    feeding = {l.source for l in power_inputs(draft, psu)}
    other = _other_source(design, comp, feeding)
    added = ""
    if other is None:
        template = next((design.by_id[f] for f in feeding
                         if design.by_id[f].kind is Kind.UTILITY_FEED), None)
        site = _site_of(design, comp.id)
        if template is None and site is None:
            return []
        other = (draft.add(template, dx=beside(template)) if template else draft.make(
            "feed-b", Kind.UTILITY_FEED, site, 24.0, 44.0, "Utility feed B")).id
        added = "a new utility feed, "
    new = draft.add(comp, dx=(comp.width or 38.0) + 3.0)
    draft.link(LinkKind.POWER, other, new.id)
    host = design.by_id[comp.parent].name
    text = f"Add a second PSU to {host} on {added}{draft.get(other).name}"
    return [candidate_of(draft, "second-psu", text, psu)]


def _other_source(design: Design, psu: Component, feeding: set[str]) -> str | None:
    """A utility feed in the same site that does not already feed the PSU."""
    site = _site_of(design, psu.id)
    for comp in design.components:
        if (comp.kind is Kind.UTILITY_FEED and comp.id not in feeding
                and _site_of(design, comp.id) == site and not _upstream(design, comp.id, feeding)):
            return comp.id
    return None


def _upstream(design: Design, source: str, of: set[str]) -> bool:
    """Does `source` feed anything in `of`, directly or through UPS/PDU?"""
    frontier, seen = set(of), set()
    while frontier:
        current = frontier.pop()
        seen.add(current)
        if current == source:
            return True
        frontier |= {l.source for l in design.links
                     if l.kind is LinkKind.POWER and l.target == current} - seen
    return False


def _site_of(design: Design, cid: str) -> str | None:
    while cid is not None:
        comp = design.by_id[cid]
        if comp.kind is Kind.SITE:
            return cid
        cid = comp.parent
    return None
