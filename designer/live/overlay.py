"""AnalysisResult -> a State per component on the canvas. The scene adds the
badge on each container (site, rack, server) that holds a SPOF inside it.
The mapping itself (`states_for`, with its precedence) is Qt-free and lives
in designer/report/states.py, shared with export and the CLI agreement test.
The scene touches only items whose state changed.
"""
from __future__ import annotations

from designer.report.states import State, states_for


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
