"""Which components to fix, and every candidate edit for them. No Qt.

While SPOFs exist, every SPOF is a target. With none left, the targets are
the members of the weakest order-2 cut sets (highest joint unavailability)
and the components with the highest Birnbaum importance: where a second
failure is most likely to matter."""
from __future__ import annotations

from designer.analysis.figures import availabilities
from designer.model import Design, DesignError, DesignErrors, Kind
from designer.model.kinds import NEVER_FAIL

from .candidate import Candidate
from .generators import GENERATORS
from .weak import Weak

PLACES = frozenset({Kind.SITE, Kind.RACK})
WEAKEST_PAIRS = 4
TOP_BIRNBAUM = 5


def weak_targets(design: Design, weak: Weak, importance: dict[str, float]) -> list[str]:
    if weak.spofs:
        return list(weak.spofs)
    figures = availabilities(design)
    pairs = sorted(weak.pairs,
                   key=lambda p: -(1 - figures[p[0]]) * (1 - figures[p[1]]))
    targets: dict[str, None] = {}
    for a, b in pairs[:WEAKEST_PAIRS]:
        targets.update({a: None, b: None})
    ranked = sorted((cid for cid in importance
                     if design.by_id[cid].kind not in NEVER_FAIL),
                    key=lambda cid: -importance[cid])
    targets.update({cid: None for cid in ranked[:TOP_BIRNBAUM]})
    return list(targets)


def generate(design: Design, targets: list[str], shared_ids: bool = False,
             spofs: tuple[str, ...] | None = None) -> list[Candidate]:
    """Every candidate for every target, without duplicates. `shared_ids`:
    no two candidates invent the same id (so they can be applied together).
    A whole site or rack is copied only when it is a SPOF (`spofs`): once
    a place has a twin, a third copy doubles the design for seconds a year."""
    taken: set[str] | None = set() if shared_ids else None
    found: list[Candidate] = []
    seen: set = set()
    for target in targets:
        kind = design.by_id[target].kind
        if kind in PLACES and spofs is not None and target not in spofs:
            continue
        for make in GENERATORS.get(kind, ()):
            try:
                made = make(design, target, taken if shared_ids else set())
            except (DesignError, DesignErrors, ValueError):
                continue          # an edit the model would refuse is no candidate
            for candidate in made:
                key = (candidate.action, candidate.description)
                if key not in seen and not candidate.patch.empty:
                    seen.add(key)
                    found.append(candidate)
    return found
