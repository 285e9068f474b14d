"""What an analysis hands to the CLI, the canvas overlay and the report.
Plain data, no Qt. Engine I fills the structural part; engine II adds the
availability figures; the segmentation work adds findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Spof:
    id: str
    label: str
    kind: str
    blast_radius: tuple[str, ...]   # entry points, tiers and services that go down
    explanation: str                 # a chain a person can read


@dataclass(frozen=True)
class Note:
    id: str
    message: str


@dataclass
class AnalysisResult:
    design: str
    components: int
    entry_points: list[str] = field(default_factory=list)
    spofs: list[Spof] = field(default_factory=list)
    cut_sets_order2: list[tuple[str, str]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # Components that can fail, are analysed, and are neither SPOF nor in an
    # order-2 cut set: the canvas shows them as protected.
    protected: list[str] = field(default_factory=list)
    # Components whose power or network is not modeled (the grey state).
    not_modeled: list[str] = field(default_factory=list)
    system_up: bool = True          # with nothing failed
    # Engine II.
    availability: Optional[float] = None
    availability_method: Optional[str] = None        # "exact" | "monte-carlo"
    confidence_interval: Optional[tuple[float, float]] = None
    downtime_minutes_per_year: Optional[float] = None
    nines: Optional[float] = None
    importance: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict:
        data = {
            "design": self.design,
            "components": self.components,
            "system_up": self.system_up,
            "entry_points": list(self.entry_points),
            "spofs": [dict(id=s.id, label=s.label, kind=s.kind,
                           blast_radius=list(s.blast_radius),
                           explanation=s.explanation) for s in self.spofs],
            "cut_sets_order2": [list(pair) for pair in self.cut_sets_order2],
            "notes": [dict(id=n.id, message=n.message) for n in self.notes],
            "protected": list(self.protected),
            "not_modeled": list(self.not_modeled),
        }
        if self.availability is not None:
            data.update(
                availability=self.availability,
                availability_method=self.availability_method,
                downtime_minutes_per_year=self.downtime_minutes_per_year,
                nines=self.nines,
                importance=dict(self.importance),
            )
            if self.confidence_interval is not None:
                data["confidence_interval"] = list(self.confidence_interval)
        return data
