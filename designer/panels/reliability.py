"""How reliable a component is: the kind's default, an availability, or MTBF
and MTTR. One editor for the three fields because the model wants MTBF and
MTTR together, and because a component should hold one of the two forms,
not both: every commit sets all three fields in one undo step."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel

from designer.analysis.figures import DESIGN_OVERRIDE, availability_of
from designer.model import Component, Settings

from .fields import ChoiceField, NumberField, fmt_number

DEFAULT, AVAILABILITY, MTBF = "default", "availability", "mtbf"
_MODES = [("Kind default", DEFAULT), ("Availability", AVAILABILITY),
          ("MTBF and MTTR", MTBF)]


def mode_of(comp: Component) -> str:
    if comp.availability is not None:
        return AVAILABILITY
    if comp.mtbf_hours is not None:
        return MTBF
    return DEFAULT


class ReliabilityEditor(QObject):
    """Adds its rows to the form it is given, so labels line up with the rest."""

    commit = Signal(dict)    # {"availability": ..., "mtbf_hours": ..., "mttr_hours": ...}
    failed = Signal(str)

    def __init__(self, form: QFormLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = ChoiceField(_MODES)
        self.availability = NumberField(
            "e.g. 99.95", scale=100.0,
            bounds=(0.0, 100.0, "Availability is a percentage above 0 and at most 100."))
        self.mtbf = NumberField("hours between failures")
        self.mttr = NumberField("hours to repair")
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        form.addRow("Figure", self.mode)
        form.addRow("Availability %", self.availability)
        form.addRow("MTBF (h)", self.mtbf)
        form.addRow("MTTR (h)", self.mttr)
        form.addRow(self.hint)
        self._form = form
        self._comp: Component | None = None
        self._settings = Settings()
        self.mode.committed.connect(self._mode_picked)
        self.availability.committed.connect(self._availability)
        self.mtbf.committed.connect(self._pair)
        self.mttr.committed.connect(self._pair)
        for field in (self.availability, self.mtbf, self.mttr):
            field.failed.connect(self.failed)

    def show_component(self, comp: Component, settings: Settings) -> None:
        self._comp, self._settings = comp, settings
        self.availability.show_value(comp.availability)
        self.mtbf.show_value(comp.mtbf_hours)
        self.mttr.show_value(comp.mttr_hours)
        self._show_mode(mode_of(comp))

    def _show_mode(self, mode: str) -> None:
        self.mode.show_value(mode)
        self._form.setRowVisible(self.availability, mode == AVAILABILITY)
        self._form.setRowVisible(self.mtbf, mode == MTBF)
        self._form.setRowVisible(self.mttr, mode == MTBF)
        self.hint.setText(self._hint(mode))

    def _hint(self, mode: str) -> str:
        comp = self._comp
        if mode == DEFAULT and comp is not None:
            return _default_text(comp, self._settings)
        if mode == MTBF and comp is not None and comp.mtbf_hours:
            share = comp.mtbf_hours / (comp.mtbf_hours + (comp.mttr_hours or 0.0))
            return f"Availability {fmt_number(share, 100.0)} %"
        if mode == MTBF:
            return "Enter both MTBF and MTTR."
        return ""

    def _mode_picked(self, mode: str) -> None:
        if mode == DEFAULT:
            self.commit.emit(_figures(None, None, None))
        else:
            self._show_mode(mode)         # wait for the figures before changing anything
            (self.availability if mode == AVAILABILITY else self.mtbf).setFocus()

    def _availability(self, value) -> None:
        self.commit.emit(_figures(value, None, None))

    def _pair(self, _value) -> None:
        try:
            mtbf, mttr = self.mtbf.parse(self.mtbf.text()), self.mttr.parse(self.mttr.text())
        except ValueError as err:
            self.failed.emit(str(err))
            return
        if (mtbf is None) != (mttr is None):
            self.hint.setText("Enter both MTBF and MTTR.")
            return
        self.commit.emit(_figures(None, mtbf, mttr))


def _default_text(comp: Component, settings: Settings) -> str:
    """'99.982 % from Uptime Institute ... (an assumption)' for a component
    that uses its kind's figure."""
    figure = availability_of(comp, settings)
    text = f"{fmt_number(figure.value, 100.0)} %"
    if figure.origin == DESIGN_OVERRIDE:
        return text + ", set for every " + comp.kind.title.lower() + " in the design settings."
    text += f" ({figure.source})"
    if figure.assumption:
        text += ". An assumption: put your own figure here."
    return text


def _figures(availability, mtbf, mttr) -> dict:
    return {"availability": availability, "mtbf_hours": mtbf, "mttr_hours": mttr}
