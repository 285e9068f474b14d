"""What the inspector shows when nothing is selected: the design's own
settings (name, currency, cost horizon, cost of downtime, common-cause
groups, bounds tolerance), and when one link is selected: its label and
port. Each edit is one undo step; a refusal shows its message and the
field reverts."""
from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from designer.model import FAMILIES, DesignError, LinkKind
from designer.model.design import DEFAULT_BOUNDS_TOLERANCE

from .fields import NumberField, TextField
from .kind_defaults import KindDefaults

_TITLES = {"name": "name", "currency": "currency", "horizon_months": "cost horizon",
           "downtime_cost_per_hour": "downtime cost", "ccf_groups": "common-cause groups",
           "kind_overrides": "figures per kind", "bounds_tolerance": "bounds tolerance"}
_TOLERANCE_RANGE = "The bounds tolerance is a gap on unavailability above 0, at most 0.001."
_TOLERANCE_TIP = ("The widest gap accepted between the certified lower and upper limits of "
                  "the unavailability, where the design is too big to compute exactly. "
                  "Smaller is slower; empty resets it to 1e-9.")


def _parse_groups(text: str) -> dict[str, float]:
    groups = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, beta = part.partition("=")
        try:
            groups[name.strip()] = float(beta) if beta.strip() else 0.1
        except ValueError:
            raise ValueError(f"“{beta.strip()}” is not a beta factor for group "
                             f"“{name.strip()}”") from None
    return groups


class _GroupsField(TextField):
    """Common-cause groups as 'rack-a=0.1, feed=0.05'."""

    def format(self, value: Any) -> str:
        return ", ".join(f"{k}={v:g}" for k, v in (value or {}).items())

    def parse(self, text: str) -> Any:
        return _parse_groups(text)


def design_summary(document) -> str:
    """'40 components, 29 links' and a count per family that is present."""
    comps = document.components()
    counts = Counter(c.kind for c in comps)
    parts = []
    for family, kinds in FAMILIES.items():
        present = [f"{counts[k]} × {k.title}" for k in kinds if counts[k]]
        if present:
            parts.append(f"{family}: " + ", ".join(present))
    head = f"{len(comps)} components, {len(document.links())} links"
    return "\n".join([head, *parts]) if comps else "An empty design: drag kinds from the palette."


class SettingsForm(QWidget):
    error = Signal(str)

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        form = QFormLayout(self)
        heading = QLabel("Design")
        heading.setObjectName("section")
        form.addRow(heading)
        self.fields = {
            "name": TextField("Untitled design"),
            "currency": TextField("EUR"),
            "horizon_months": NumberField("36", integer=True),
            "downtime_cost_per_hour": NumberField("not set"),
            "ccf_groups": _GroupsField("group=beta, ..."),
            "bounds_tolerance": NumberField("1e-9", bounds=(0.0, 1e-3, _TOLERANCE_RANGE)),
        }
        titles = ["Name", "Currency", "Cost horizon (months)", "Downtime cost per hour",
                  "Common-cause groups", "Bounds tolerance"]
        self.fields["bounds_tolerance"].setToolTip(_TOLERANCE_TIP)
        for (name, field), title in zip(self.fields.items(), titles):
            form.addRow(title, field)
            field.committed.connect(lambda value, n=name: self.commit(**{n: value}))
            field.failed.connect(self.error)
        defaults = QLabel("Figures per kind")
        defaults.setObjectName("section")
        form.addRow(defaults)
        self.kinds = KindDefaults()
        self.kinds.commit.connect(lambda overrides: self.commit(kind_overrides=overrides))
        self.kinds.failed.connect(self.error)
        form.addRow(self.kinds)
        contents = QLabel("Contents")
        contents.setObjectName("section")
        form.addRow(contents)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        hint = QLabel("Select a component to edit it. Nothing selected shows the "
                      "design's own settings.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow(hint)
        self.refresh()

    def refresh(self) -> None:
        settings = self.document.settings
        for name, field in self.fields.items():
            field.show_value(getattr(settings, name))
        self.summary.setText(design_summary(self.document))
        self.kinds.show_settings(settings)

    def commit(self, **changes: Any) -> bool:
        if changes.get("horizon_months", 0) is None:
            changes["horizon_months"] = 36
        if changes.get("bounds_tolerance", 0) is None:
            changes["bounds_tolerance"] = DEFAULT_BOUNDS_TOLERANCE
        try:
            self.document.set_settings(**changes)
        except DesignError as err:
            what = ", ".join(_TITLES.get(n, n) for n in changes)
            self.error.emit(f"Cannot set the {what}: {err.message}")
            self.refresh()
            return False
        self.error.emit("")
        return True


class LinkForm(QWidget):
    """One link: what it joins (read only), its label and, for a dependency, the port."""

    error = Signal(str)

    def __init__(self, document, lid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.lid = document, lid
        link = document.link(lid)
        form = QFormLayout(self)
        heading = QLabel(f"{link.kind.value.capitalize()} link")
        heading.setObjectName("section")
        form.addRow(heading)
        self.ends = QLabel()
        self.ends.setWordWrap(True)
        form.addRow("Joins", self.ends)
        self.fields = {"label": TextField("no label")}
        if link.kind is LinkKind.DEPENDENCY:
            self.fields["port"] = NumberField("any port", integer=True)
        for name, field in self.fields.items():
            form.addRow(name.capitalize(), field)
            field.committed.connect(lambda value, n=name: self.commit(**{n: value}))
            field.failed.connect(self.error)
        self.refresh()

    def refresh(self) -> None:
        if self.lid not in self.document:
            return
        link = self.document.link(self.lid)
        arrow = "—" if link.kind is LinkKind.NETWORK else "→"
        self.ends.setText(f"{self._name(link.source)} {arrow} {self._name(link.target)}")
        for name, field in self.fields.items():
            field.show_value(getattr(link, name))

    def _name(self, cid: str) -> str:
        return self.document.component(cid).name if cid in self.document else cid

    def commit(self, **changes: Any) -> bool:
        try:
            self.document.update_link(self.lid, **changes)
        except DesignError as err:
            self.error.emit(f"Cannot set the {', '.join(changes)}: {err.message}")
            self.refresh()
            return False
        self.error.emit("")
        return True
