"""The analysis figures in the status bar: availability with the method that
produced it, nines, expected downtime per year, the SPOF count and the
monthly running cost; "Analysing…" while a newer result is on its way. The
words and numbers come from the report layer (designer/report/), the cost
from the result (designer/analysis/cost.py): this module only places them.

Two steps per analysis: the SPOF count and the cost come with the colours
(`set_structure`, Phase.STRUCTURE), the availability later
(`set_availability`, Phase.AVAILABILITY); until then "Analysing…" stays and
the old availability is grey. A big design's Monte Carlo estimate comes
between the two (`set_estimate`, Phase.ESTIMATE), marked "Certifying…". Stale figures stay visible but greyed while
the next result is pending, so the bar does not flicker on every keystroke.
"""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from designer.report.availability import (CERTIFYING, availability_short, certifying_tip,
                                          downtime_text, interval_text, nines_short)
from designer.report.cost import cost_short, cost_tooltip
from designer.report.problems import spof_count

EXACT_TOOLTIP = "computed exactly from the structure function"


class FiguresBar(QWidget):
    """A row of labels for `window.status_slot`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(14)
        self.pending = QLabel("Analysing…", self)
        self.availability = QLabel("", self)
        self.nines = QLabel("", self)
        self.downtime = QLabel("", self)
        self.spofs = QLabel("", self)
        self.cost = QLabel("", self)
        for label in self.labels():
            layout.addWidget(label)
        self.pending.setObjectName("analysingLabel")
        self.spofs.setObjectName("spofCount")

    def labels(self) -> list[QLabel]:
        return [self.pending, self.availability, self.nines, self.downtime,
                self.spofs, self.cost]

    def set_pending(self, pending: bool) -> None:
        if pending:
            self.pending.setText("Analysing…")
            self.pending.setToolTip("")
        self.pending.setVisible(pending)
        for label in self.labels()[1:]:
            label.setEnabled(not pending)

    def set_result(self, result) -> None:
        self.set_structure(result)
        self.set_availability(result)

    def set_structure(self, result) -> None:
        """Engine I's figures and the cost: current at once, the availability
        stays grey."""
        spofs = result.structure.spofs
        self.spofs.setText(spof_count(len(spofs)))
        self.spofs.setStyleSheet("font-weight: bold;" if spofs else "")
        if result.cost is not None:
            self.cost.setText(cost_short(result.cost))
            self.cost.setToolTip(cost_tooltip(result.cost))
        # Its availability is on the way (an estimate of the last design
        # may be on screen, readable: grey it).
        self.set_pending(True)
        self.spofs.setEnabled(True)
        self.cost.setEnabled(True)

    def set_availability(self, result) -> None:
        part = result.availability
        self.availability.setText(availability_short(part))
        self.availability.setToolTip(interval_text(part) or EXACT_TOOLTIP)
        self.nines.setText(nines_short(part))
        self.downtime.setText(downtime_text(part))
        self.set_pending(False)

    def set_estimate(self, result) -> None:
        """A big design's Monte Carlo figures, then its first bounds, shown
        while the final bounds are computed: readable, with "Certifying…"
        beside them."""
        self.set_availability(result)
        self.pending.setText(CERTIFYING)
        self.pending.setToolTip(certifying_tip(result.availability))
        self.pending.setVisible(True)

    def set_availability_failed(self, message: str) -> None:
        """Engine II failed after the colours were shown: they stay."""
        self.availability.setText("Availability failed")
        self.availability.setToolTip(message)
        self.nines.setText("")
        self.downtime.setText("")
        self.set_pending(False)

    def set_failed(self, message: str) -> None:
        self.availability.setText("Analysis failed")
        self.availability.setToolTip(message)
        for label in (self.nines, self.downtime, self.spofs, self.cost):
            label.setText("")
        self.set_pending(False)

    def text(self) -> str:
        """Everything the bar shows, as one line (tests, docs)."""
        return "  ".join(l.text() for l in self.labels() if l.isVisibleTo(self) and l.text())
