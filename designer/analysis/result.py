"""What an analysis hands to the CLI, the canvas, the panels and the report:
one frozen `AnalysisResult` made of frozen parts, each its own type. No Qt.

    structure      engine I: entry points, SPOFs, order-2 cut sets, notes,
                   the protected / not-modeled states, system up or down
    cost           capex, monthly running cost, the total over the horizon
    availability   engine II: value with its method, interval or bounds,
                   downtime, nines, importance (None until that phase is done)
    findings       segmentation findings (analysis/segmentation)
    mitigations    the mitigation plan (analysis/mitigation; None unless asked for)

An analysis runs in named phases (`Phase`). The first yields a whole result
(structure and cost); each later phase yields only its part, and
`result.advanced(phase, part)` makes a *new* result with it: a result that is
on screen is never changed. `designer.report.result_json` turns a result
into the `analyze --json` object; `designer.report` into sentences.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional

if TYPE_CHECKING:   # built by other packages; only their types are named here
    from designer.analysis.mitigation import Plan
    from designer.analysis.segmentation import SegmentationResult


class Phase(Enum):
    """The phases of one analysis, in the order they arrive."""
    STRUCTURE = "structure"        # the colours, the Problems list, the cost
    FINDINGS = "findings"          # segmentation findings (they need the SPOFs)
    ESTIMATE = "estimate"          # big designs, live only: Monte Carlo figures first
    AVAILABILITY = "availability"  # the availability figures


# Which field of AnalysisResult each later phase fills.
PHASE_FIELD = {Phase.FINDINGS: "findings", Phase.ESTIMATE: "availability",
               Phase.AVAILABILITY: "availability"}


class FrozenMap(Mapping):
    """A read-only mapping (a dict inside a frozen dataclass could still be
    edited in place). Picklable: results travel from the worker process."""

    def __init__(self, items: Mapping | None = None) -> None:
        self._items = dict(items or {})

    def __getitem__(self, key):
        return self._items[key]

    def __iter__(self) -> Iterator:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"


@dataclass(frozen=True)
class Spof:
    id: str
    label: str
    kind: str
    blast_radius: tuple[str, ...]   # entry points, tiers and services that go down
    explanation: str                 # a chain a person can read


@dataclass(frozen=True)
class CutPair:
    """An order-2 cut set the lists show, with what it takes down and why."""
    a: str
    b: str
    blast_radius: tuple[str, ...]   # entry points, tiers and services that go down
    explanation: str                 # a chain a person can read


@dataclass(frozen=True)
class Note:
    id: str                          # "" for a note about the whole design
    message: str


@dataclass(frozen=True)
class StructurePart:
    """Engine I: what fails alone, what fails in pairs, and why."""
    entry_points: tuple[str, ...] = ()
    spofs: tuple[Spof, ...] = ()
    cut_sets_order2: tuple[tuple[str, str], ...] = ()
    # The first pairs of cut_sets_order2 (analysis/pairs.EXPLAINED), in the
    # same order, each with its blast radius and reason.
    cut_sets_order2_explained: tuple[CutPair, ...] = ()
    notes: tuple[Note, ...] = ()
    # Components that can fail, are analysed, and are neither SPOF nor in an
    # order-2 cut set: the canvas shows them as protected.
    protected: tuple[str, ...] = ()
    # Components whose power or network is not modeled (the grey state).
    not_modeled: tuple[str, ...] = ()
    system_up: bool = True           # with nothing failed

    def explained(self) -> dict[frozenset, CutPair]:
        """Explained pairs by {a, b}; pairs past the explained ones are absent."""
        return {frozenset((p.a, p.b)): p for p in self.cut_sets_order2_explained}


@dataclass(frozen=True)
class ImportanceInterval:
    """Certified [lo, hi] on one component's importance (analysis/
    importance_bounds.py): Birnbaum, risk achievement worth, risk reduction
    worth (RRW is inf when the design cannot go down with the component
    perfect)."""
    birnbaum: tuple[float, float]
    raw: tuple[float, float]
    rrw: tuple[float, float]


MINUTES_PER_YEAR = 525_960      # 365.25 days


@dataclass(frozen=True)
class AvailabilityPart:
    """Engine II's figures; downtime and nines are computed once, here."""
    value: float                     # P(system up)
    method: str                      # "exact" | "bounded" | "monte-carlo"
    downtime_minutes_per_year: float
    nines: Optional[float]           # None when the design cannot go down
    confidence_interval: Optional[tuple[float, float]] = None   # Monte Carlo, 95 %
    bounds: Optional[tuple[float, float]] = None                 # certified [lo, hi]
    tolerance: Optional[float] = None       # the gap asked of `bounds` (the design's setting)
    importance: FrozenMap = FrozenMap()                          # Birnbaum by component id
    # Certified importance of the components ranked first by `importance`,
    # when asked for (engine.availability_part) and the method is bounded:
    # cid -> ImportanceInterval (exact importance needs none).
    importance_intervals: FrozenMap = FrozenMap()
    # Components assumed up because their power or network is not drawn.
    assumed_up: int = 0


@dataclass(frozen=True)
class ComponentCost:
    id: str
    capex: float
    opex_monthly: float
    from_defaults: bool              # its monthly figure comes from the defaults table


@dataclass(frozen=True)
class CostPart:
    """What the design costs (ANALYSIS.md 5): capex + months x opex."""
    capex: float
    opex_monthly: float
    horizon_months: int
    horizon_total: float
    currency: str
    per_component: tuple[ComponentCost, ...] = ()

    @property
    def priced_from_defaults(self) -> int:
        """Components whose running cost is the defaults table's (non-zero) guess."""
        return sum(1 for c in self.per_component if c.from_defaults and c.opex_monthly > 0)


@dataclass(frozen=True)
class AnalysisResult:
    design: str                      # the design's name
    components: int                  # how many components it has
    structure: StructurePart
    cost: Optional[CostPart] = None
    availability: Optional[AvailabilityPart] = None
    findings: Optional["SegmentationResult"] = None
    mitigations: Optional["Plan"] = None
    phase: Phase = Phase.STRUCTURE   # the last phase this result includes

    def advanced(self, phase: Phase, part: Any) -> "AnalysisResult":
        """A new result with a later phase's part; this one is unchanged."""
        return replace(self, phase=phase, **{PHASE_FIELD[phase]: part})

    # Shorthand for the structural facts most callers read.
    @property
    def spofs(self) -> tuple[Spof, ...]:
        return self.structure.spofs

    @property
    def cut_sets_order2(self) -> tuple[tuple[str, str], ...]:
        return self.structure.cut_sets_order2

    @property
    def notes(self) -> tuple[Note, ...]:
        return self.structure.notes

    @property
    def entry_points(self) -> tuple[str, ...]:
        return self.structure.entry_points

    @property
    def protected(self) -> tuple[str, ...]:
        return self.structure.protected

    @property
    def not_modeled(self) -> tuple[str, ...]:
        return self.structure.not_modeled

    @property
    def system_up(self) -> bool:
        return self.structure.system_up
