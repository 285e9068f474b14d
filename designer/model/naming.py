"""What to call each component in a list or a sentence: its name, qualified
by its parent's when the name alone is ambiguous ("eth0 (Web 1)"). The
window's lists, the analysis' sentences (SPOF and pair reasons) and the
report all use it."""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable


def names_of(components: Iterable) -> dict[str, str]:
    """Component id -> what to call it."""
    comps = list(components)
    by_id = {c.id: c for c in comps}
    count: dict[str, int] = defaultdict(int)
    for comp in comps:
        count[comp.name] += 1
    names = {}
    for comp in comps:
        parent = by_id.get(comp.parent) if comp.parent else None
        if count[comp.name] > 1 and parent is not None:
            names[comp.id] = f"{comp.name} ({parent.name})"
        else:
            names[comp.id] = comp.name
    return names


def unambiguous_names(design) -> Callable[[str], str]:
    """What a person calls a component (`names_of`: every server has an
    "eth0", so "eth0 (Web 1)"), with its id added where even that repeats;
    an id no component has is left as it is."""
    called = names_of(design.components)
    counts: dict[str, int] = defaultdict(int)
    for name in called.values():
        counts[name] += 1
    names = {cid: name if counts[name] == 1 or name == cid else f"{name} ({cid})"
             for cid, name in called.items()}
    return lambda cid: names.get(cid, cid)
