"""Failure drill, for workshops: click components to fail them (click again to
restore); everything that goes down as a consequence is shown down, and a
banner above the canvas (see drill_banner) says whether the system is still up and which entry
points still answer. Reset restores all; leaving the mode gives the canvas
back to the analysis colours.

The drill never edits the document: it evaluates the engine's structure
function on a snapshot, on the GUI thread, and only sets item states. The
snapshot is compiled once (57 ms at 1,000 components, 230 ms at 5,000, when
the drill starts or the design changes); each click then costs one
simulation (0.5 ms at 1,000, 4 ms at 5,000). If the document changes during a drill (undo, the inspector), the
drill is re-evaluated on the new snapshot; failed ids that no longer exist
are forgotten.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from PySide6.QtCore import QObject, Signal

from designer.live.drill_banner import DrillBanner
from designer.look.style import State
from designer.model.kinds import NEVER_FAIL
from designer.model.naming import names_of


class CompiledDrill:
    """`engine.drill`, compiling each design once: every click in a drill
    re-simulates the same snapshot, only an edit needs a new compile."""

    def __init__(self) -> None:
        self._design = self._compiled = None

    def __call__(self, design, failed: set[str]):
        from designer.analysis.engine import drill_compiled
        from designer.analysis.structure import compile_design
        if design is not self._design:
            self._design, self._compiled = design, compile_design(design)
        return drill_compiled(self._compiled, failed)


@dataclass(frozen=True)
class DrillView:
    """What the canvas and the banner show for one drill state."""
    failed: frozenset[str]
    down: frozenset[str]            # down as a consequence (failed ones excluded)
    entry_up: dict[str, bool]
    system_up: bool


def read_state(state, failed: set[str]) -> DrillView:
    """engine.DrillState -> what to show. The engine's `down` includes the
    failed ones, and lists components that stopped working; an entry point
    that still works but cannot be reached is down for its users, so it is
    shown down too."""
    lost = {e for e, up in state.entries_up.items() if not up}
    return DrillView(frozenset(failed), frozenset(state.down | lost) - failed,
                     dict(state.entries_up), bool(state.system_up))


def drill_states(view: DrillView, ids) -> dict[str, State]:
    states = {cid: State.NORMAL for cid in ids}
    states.update({cid: State.DRILL_DOWN for cid in view.down if cid in states})
    states.update({cid: State.DRILL_FAILED for cid in view.failed if cid in states})
    return states


class DrillController(QObject):
    """Drill mode on one canvas. Driven by `set_active`, `toggle`, `reset`."""

    activeChanged = Signal(bool)
    updated = Signal(object)          # DrillView

    def __init__(self, document, view, overlay,
                 drill: Optional[Callable] = None, parent: Optional[QObject] = None):
        super().__init__(parent)
        self._document, self._view, self._overlay = document, view, overlay
        self._drill = drill or CompiledDrill()
        self._design = None               # the snapshot being drilled
        self._failed: set[str] = set()
        self._active = False
        self.current: Optional[DrillView] = None
        self.banner = DrillBanner(view)
        self.banner.resetClicked.connect(self.reset)
        self.banner.exitClicked.connect(lambda: self.set_active(False))
        view.drillClicked.connect(self.toggle)
        view.toolChanged.connect(self._tool_changed)
        document.changed.connect(self._document_changed)

    def is_active(self) -> bool:
        return self._active

    def failed(self) -> frozenset[str]:
        return frozenset(self._failed)

    def set_active(self, on: bool) -> None:
        if on == self._active:
            return
        self._active = on
        self._failed.clear()
        self._design = self.current = None
        if on:
            self._overlay.suspend()
            self._view.set_tool("drill")
            self._refresh()
            self.banner.show()
        else:
            self.banner.hide()
            if self._view.tool() == "drill":
                self._view.set_tool("select")
            self._view.scene().clear_states()
            self._overlay.restore()
        self.activeChanged.emit(on)

    def toggle(self, cid: str) -> None:
        if not self._active or cid not in self._document:
            return
        comp = self._document.component(cid)
        if comp.kind in NEVER_FAIL:    # the Internet, tiers, segments, notes
            self.banner.show_hint(f"{comp.kind.title} “{comp.name}” never fails by "
                                  "itself: fail what it stands on instead.")
            return
        self._failed.symmetric_difference_update({cid})
        self._refresh()

    def reset(self) -> None:
        self._failed.clear()
        if self._active:
            self._refresh()

    def _tool_changed(self, tool: str) -> None:
        if tool != "drill":        # Esc, or another tool picked: leave the drill
            self.set_active(False)

    def _document_changed(self) -> None:
        self._design = None
        if self._active:
            self._refresh()

    def _refresh(self) -> None:
        if self._design is None:
            self._design = self._document.snapshot()
        design = self._design
        ids = [c.id for c in design.components]
        self._failed.intersection_update(ids)
        state = self._drill(design, set(self._failed))
        self.current = read_state(state, self._failed)
        self._view.scene().set_states(drill_states(self.current, ids))
        self.banner.show_view(self.current, names_of(design.components),
                              {c.id: c.kind for c in design.components})
        self.updated.emit(self.current)
