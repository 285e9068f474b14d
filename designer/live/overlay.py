"""AnalysisResult -> a State per component on the canvas. The scene adds the
badge on each container (site, rack, server) that holds a SPOF inside it.

Precedence when a component is in several lists: SPOF > order-2 cut set >
not modeled > protected > normal. A SPOF is the stronger message; a component
that is one failure away from a SPOF is worth more attention than a grey
"we could not tell", and green is only shown when nothing else applies.

`states_for` is pure (no scene), so the CLI agreement test and the overlay
use the same mapping. The scene touches only items whose state changed.
"""
from __future__ import annotations

from typing import Iterable

from designer.look.style import State

_PRECEDENCE = (State.SPOF, State.CUT2, State.NOT_MODELED, State.PROTECTED)


def states_for(result, component_ids: Iterable[str]) -> dict[str, State]:
    """The state of every component id (NORMAL when the result says nothing)."""
    ids = list(component_ids)
    marked: dict[State, set[str]] = {
        State.SPOF: {s.id for s in result.spofs},
        State.CUT2: {cid for pair in result.cut_sets_order2 for cid in pair},
        State.NOT_MODELED: set(result.not_modeled),
        State.PROTECTED: set(result.protected),
    }
    states = {}
    for cid in ids:
        states[cid] = next((s for s in _PRECEDENCE if cid in marked[s]), State.NORMAL)
    return states


class Overlay:
    """Applies results to a CanvasScene and remembers the last one, so the
    drill can borrow the canvas and give it back. The scene diffs states
    itself (only changed items are touched) and puts the "holds a SPOF"
    badge on every placement ancestor of a SPOF."""

    def __init__(self, scene, document) -> None:
        self._scene, self._document = scene, document
        self.result = None
        self.states: dict[str, State] = {}
        self.suspended = False

    def apply(self, result) -> None:
        self.result = result
        if not self.suspended:
            self.restore()

    def restore(self) -> None:
        """Show the last result (after a drill, or a palette change)."""
        self.suspended = False
        if self.result is None:
            return
        self.states = states_for(self.result, [c.id for c in self._document.components()])
        self._scene.set_states(self.states)

    def suspend(self) -> None:
        """The drill owns the canvas: keep new results, do not paint them."""
        self.suspended = True

    def clear(self) -> None:
        self.result, self.states = None, {}
        self._scene.clear_states()
