"""The analysis state of each component, without Qt, so the canvas, a
headless renderer and the CLI agreement test share one mapping; look/ gives
each state its colours, pens and badge.

Precedence when a component is in several lists: SPOF > order-2 cut set >
not modeled > protected > normal. A SPOF is the stronger message; a component
that is one failure away from a SPOF is worth more attention than a grey
"we could not tell", and green is only shown when nothing else applies."""
from __future__ import annotations

from enum import Enum
from typing import Iterable


class State(str, Enum):
    NORMAL = "normal"
    SPOF = "spof"
    CUT2 = "cut2"
    PROTECTED = "protected"
    NOT_MODELED = "not_modeled"
    DRILL_FAILED = "drill_failed"
    DRILL_DOWN = "drill_down"

    @property
    def title(self) -> str:
        return STATE_TITLES[self]


STATE_TITLES = {
    State.NORMAL: "Normal", State.SPOF: "Single point of failure",
    State.CUT2: "In an order-2 cut set", State.PROTECTED: "Protected (redundant)",
    State.NOT_MODELED: "Not modeled", State.DRILL_FAILED: "Failed in drill",
    State.DRILL_DOWN: "Down because of drill",
}

_PRECEDENCE = (State.SPOF, State.CUT2, State.NOT_MODELED, State.PROTECTED)


def states_for(structure, component_ids: Iterable[str]) -> dict[str, State]:
    """The state of every component id (NORMAL when the result says nothing).
    `structure`: a StructurePart, or an AnalysisResult (same attributes)."""
    marked: dict[State, set[str]] = {
        State.SPOF: {s.id for s in structure.spofs},
        State.CUT2: {cid for pair in structure.cut_sets_order2 for cid in pair},
        State.NOT_MODELED: set(structure.not_modeled),
        State.PROTECTED: set(structure.protected),
    }
    return {cid: next((s for s in _PRECEDENCE if cid in marked[s]), State.NORMAL)
            for cid in component_ids}
