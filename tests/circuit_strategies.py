"""Random small gate DAGs over a few events, for the BDD and cut-set tests
(shared events make some gates modules and others not), and the
brute-force minimal cut sets they are checked against."""
from __future__ import annotations

from itertools import combinations

from hypothesis import strategies as st

from designer.analysis import ir


@st.composite
def gate_dags(draw, names: list[str], top_or: bool = False,
              negations: bool = False) -> ir.Circuit:
    """AND/OR/atleast gates over `names` (and NOT gates, and negated events,
    with `negations`); the top is the last gate, or the OR of the last two
    (`top_or`)."""
    c = ir.Circuit()
    pool = [c.event(name) for name in names[:draw(st.integers(2, len(names)))]]
    if negations:
        pool += [c.not_(e) for e in pool if draw(st.booleans())]
    ops = ["and", "or", "atleast"] + (["not"] if negations else [])
    for _ in range(draw(st.integers(1, 8))):
        kids = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4))
        op = draw(st.sampled_from(ops))
        k = draw(st.integers(1, len(kids)))
        pool.append(c.not_(kids[0]) if op == "not" else c.atleast(k, kids) if op == "atleast"
                    else {"and": c.and_, "or": c.or_}[op](kids))
    c.top = c.or_([pool[-1], pool[-2]]) if top_or and len(pool) > 2 else pool[-1]
    return c


def brute_force_cut_sets(c: ir.Circuit) -> set[frozenset[str]]:
    """Minimal sets of failed events (event true = failure) making the top
    true, every other event working: every set, smallest first."""
    names = list(c.event_node)
    found: list[frozenset[str]] = []
    for size in range(len(names) + 1):
        for combo in combinations(names, size):
            cut = frozenset(combo)
            if not any(prev <= cut for prev in found) and c.evaluate(
                    up={n: n in cut for n in names}):
                found.append(cut)
    return set(found)
