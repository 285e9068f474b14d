"""The inspector's form for one component: every property that applies to its
kind (model.component.KIND_FIELDS), each edit one `document.update` and so
one undo step. A refused edit shows the DesignError's message and the field
goes back to the model's value."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from designer.analysis.figures import DESIGN_OVERRIDE, capex_of, opex_of
from designer.model import Component, DesignError, Kind, RaidLevel, ServiceRole, Trust
from designer.model.component import KIND_FIELDS
from designer.model.kinds import NEVER_FAIL, SEGMENT_MEMBERS

from .fields import (BoolField, ChoiceField, NotesField, NumberField, PortsField, TextField,
                     fmt_number)
from .reliability import ReliabilityEditor
from .rules_table import RulesTable

_RAID = [("No RAID", RaidLevel.NONE), ("RAID 0", RaidLevel.RAID0),
         ("RAID 1 (mirror)", RaidLevel.RAID1), ("RAID 5", RaidLevel.RAID5),
         ("RAID 6", RaidLevel.RAID6), ("RAID 10", RaidLevel.RAID10)]
_ROLES = [("Not set", None)] + [(r.value.capitalize(), r) for r in ServiceRole]
_TRUST = [("Not set", None), ("Internet", Trust.INTERNET), ("DMZ", Trust.DMZ),
          ("Internal", Trust.INTERNAL), ("Data", Trust.DATA),
          ("Management", Trust.MANAGEMENT)]
_TITLES = {"label": "label", "capex": "purchase cost", "opex_monthly": "running cost",
           "ccf_group": "common-cause group", "raid": "RAID level", "role": "role",
           "ports": "ports", "public": "public", "entry": "user-facing",
           "quorum": "quorum", "trust": "trust", "tier": "tier", "segment": "segment",
           "default_deny": "default deny", "rules": "firewall rules", "text": "notes"}


def applies(name: str, kind: Kind) -> bool:
    if name == "segment":
        return kind in SEGMENT_MEMBERS
    return name not in KIND_FIELDS or kind in KIND_FIELDS[name]


# Kind-specific rows: (field, factory, title or None for a check box's own text).
SPECIFIC_ROWS = [
    ("raid", lambda: ChoiceField(_RAID), "RAID level"),
    ("role", lambda: ChoiceField(_ROLES), "Role"),
    ("ports", lambda: PortsField("e.g. 443, 8443"), "Listens on"),
    # Empty: the analysis needs 1 replica of n (docs/analysis.md, analysis/services.py).
    ("quorum", lambda: NumberField("1 of n (default)", integer=True), "Quorum (k of n)"),
    ("trust", lambda: ChoiceField(_TRUST), "Trust"),
    ("tier", lambda: ChoiceField(), "Tier"),
    ("segment", lambda: ChoiceField(), "Segment"),
    ("public", lambda: BoolField("Reachable from the Internet"), None),
    ("entry", lambda: BoolField("User-facing (an entry point)"), None),
    ("default_deny", lambda: BoolField("Deny what no rule allows"), None),
]


def specific_rows(kinds) -> list:
    """The kind-specific rows that apply to every one of `kinds`."""
    return [row for row in SPECIFIC_ROWS if all(applies(row[0], k) for k in kinds)]


class ComponentForm(QWidget):
    """Edits component `cid` of `document`; `error` carries refusals to show."""

    error = Signal(str)

    def __init__(self, document, cid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.cid = document, cid
        comp = document.component(cid)
        self.fields: dict[str, Any] = {}
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._general(comp)
        if comp.kind not in NEVER_FAIL:
            self._reliability()
        if comp.kind not in NEVER_FAIL or comp.kind is Kind.TIER:
            self._cost()
        self._specific(comp.kind)
        self._section("Notes")
        self._add("text", NotesField("What a reader should know about this component"))
        self.refresh()

    # -- building --------------------------------------------------------------
    def _section(self, title: str) -> None:
        label = QLabel(title)
        label.setObjectName("section")
        self.form.addRow(label)

    def _add(self, name: str, field, title: str | None = None) -> None:
        self.fields[name] = field
        field.committed.connect(lambda value, n=name: self.commit(**{n: value}))
        field.failed.connect(self._refused)
        if title is None:
            self.form.addRow(field)
        else:
            self.form.addRow(title, field)

    def _general(self, comp: Component) -> None:
        self.kind_label = QLabel(f"{comp.kind.title}  ·  id {comp.id}")
        self.kind_label.setObjectName("kindline")
        self.form.addRow(self.kind_label)
        self._add("label", TextField(comp.id), "Label")
        self.placed = QLabel()
        self.form.addRow("Placed in", self.placed)

    def _reliability(self) -> None:
        self._section("Reliability")
        self.reliability = ReliabilityEditor(self.form, self)
        self.reliability.commit.connect(lambda figures: self.commit(**figures))
        self.reliability.failed.connect(self._refused)
        self._add("ccf_group", TextField("none"), "Common-cause group")

    def _cost(self) -> None:
        currency = self.document.settings.currency
        self._section("Cost")
        self._add("capex", NumberField("kind default"), f"Purchase ({currency})")
        self._add("opex_monthly", NumberField("kind default"), f"Per month ({currency})")

    def _specific(self, kind: Kind) -> None:
        shown = specific_rows([kind])
        if shown or kind is Kind.FIREWALL:
            self._section(kind.title)
        for name, make, title in shown:
            self._add(name, make(), title)
        if kind is Kind.FIREWALL:
            self.rules = RulesTable(self._segment_choices)
            self.rules.commit.connect(lambda rules: self.commit(rules=rules))
            self.rules.failed.connect(self._refused)
            self.fields["rules"] = self.rules
            self.form.addRow(self.rules)

    # -- showing ------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the document's current values (after any change)."""
        if self.cid not in self.document:
            return
        comp = self.document.component(self.cid)
        if "tier" in self.fields:
            self.fields["tier"].set_choices(self._choices(Kind.TIER))
        if "segment" in self.fields:
            self.fields["segment"].set_choices(self._choices(Kind.SEGMENT))
        for name, field in self.fields.items():
            if name == "rules":
                field.show_rules(comp.rules)
            else:
                field.show_value(getattr(comp, name))
        if hasattr(self, "reliability"):
            self.reliability.show_component(comp, self.document.settings)
        self._cost_placeholders(comp)
        parent = self.document.component(comp.parent) if comp.parent else None
        self.placed.setText(f"{parent.name} ({parent.kind.title})" if parent else "top level")

    def _cost_placeholders(self, comp: Component) -> None:
        settings = self.document.settings
        for name, figure in (("capex", capex_of), ("opex_monthly", opex_of)):
            if name in self.fields:
                found = figure(comp, settings)
                origin = "design default" if found.origin == DESIGN_OVERRIDE else "default"
                self.fields[name].setPlaceholderText(f"{fmt_number(found.value)} ({origin})")

    def _choices(self, kind: Kind) -> list[tuple[str, Any]]:
        found = sorted((c.name, c.id) for c in self.document.components() if c.kind is kind)
        return [("None", None), *found]

    def _segment_choices(self) -> list[tuple[str, Any]]:
        """What a rule side may name: segments, then tiers, services and the
        Internet (a tier or a service stands for the hosts that run it)."""
        named = [(f"{title} ({kind.title})", value)
                 for kind in (Kind.TIER, Kind.SERVICE, Kind.INTERNET)
                 for title, value in self._choices(kind)[1:]]
        return self._choices(Kind.SEGMENT)[1:] + named

    # -- editing --------------------------------------------------------------------
    def commit(self, **changes: Any) -> bool:
        if self.cid not in self.document:
            return False
        comp = self.document.component(self.cid)
        what = ", ".join(_TITLES.get(n, n.replace("_", " ")) for n in changes
                         if n not in ("mtbf_hours", "mttr_hours"))
        what = what if "availability" not in changes else "reliability"
        try:
            self.document.update(self.cid, text=f"Set {what} of {comp.name}", **changes)
        except DesignError as err:
            self._refused(f"Cannot set the {what}: {err.message}")
            self.refresh()
            return False
        self.error.emit("")
        return True

    def finish_pending(self) -> None:
        """Commit text still being typed (the selection is about to change)."""
        notes = self.fields.get("text")
        if notes is not None:
            notes.finish()
        for field in self.fields.values():
            if isinstance(field, TextField) and field.hasFocus():
                field.editingFinished.emit()

    def _refused(self, message: str) -> None:
        self.error.emit(message)

