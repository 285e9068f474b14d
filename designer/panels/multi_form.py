"""The inspector for several selected components: the properties they all
have, set on all of them at once as one undo step (`document.update_many`).
A property whose values differ shows "mixed" until it is set."""
from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from designer.model import DesignError, Kind
from designer.model.kinds import NEVER_FAIL

from .component_form import specific_rows
from .fields import BoolField, ChoiceField, NumberField, TextField

MIXED = "\u2014 mixed \u2014"
_TITLES = {"availability": "availability", "ccf_group": "common-cause group",
           "capex": "purchase cost", "opex_monthly": "running cost"}


class MultiForm(QWidget):
    error = Signal(str)

    def __init__(self, document, ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.ids = [i for i in ids if i in {c.id for c in document.components()}]
        kinds = {document.component(i).kind for i in self.ids}
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.form.addRow(self.heading)
        self.fields: dict[str, Any] = {}
        can_fail = not kinds & NEVER_FAIL
        if can_fail:
            self._add("availability", NumberField("kind default", scale=100.0, bounds=(
                0.0, 100.0, "Availability is a percentage above 0 and at most 100.")),
                "Availability %")
            self._add("ccf_group", TextField("none"), "Common-cause group")
        if can_fail or kinds == {Kind.TIER}:
            currency = document.settings.currency
            self._add("capex", NumberField("kind default"), f"Purchase ({currency})")
            self._add("opex_monthly", NumberField("kind default"), f"Per month ({currency})")
        for name, make, title in specific_rows(kinds):
            self._add(name, make(), title)
        if not self.fields:
            self.form.addRow(QLabel("These components share no property to edit together."))
        self.refresh()

    def _add(self, name: str, field, title: str | None) -> None:
        self.fields[name] = field
        if isinstance(field, TextField):
            field.setProperty("unmixed", field.placeholderText())
        field.committed.connect(lambda value, n=name: self.commit(n, value))
        field.failed.connect(self.error)
        if title:
            self.form.addRow(title, field)
        else:
            self.form.addRow(field)

    def refresh(self) -> None:
        comps = [self.document.component(i) for i in self.ids if i in self.document]
        counts = Counter(c.kind for c in comps)
        kinds = ", ".join(f"{n} × {k.title}" for k, n in counts.most_common())
        self.heading.setText(f"<b>{len(comps)} components selected</b><br>{kinds}<br>"
                             "Changes apply to all of them.")
        for name, field in self.fields.items():
            if name in ("tier", "segment"):
                field.set_choices(self._choices(Kind(name)))
            values = {_key(getattr(c, name)) for c in comps}
            value = getattr(comps[0], name) if comps else None
            _show(field, value, mixed=len(values) > 1)

    def _choices(self, kind: Kind) -> list[tuple[str, Any]]:
        found = sorted((c.name, c.id) for c in self.document.components() if c.kind is kind)
        return [("None", None), *found]

    def commit(self, name: str, value: Any) -> bool:
        change = {name: value}
        if name == "availability":
            change.update(mtbf_hours=None, mttr_hours=None)
        what = _TITLES.get(name, name.replace("_", " "))
        try:
            self.document.update_many({cid: change for cid in self.ids},
                                      f"Set {what} of {len(self.ids)} components")
        except DesignError as err:
            self.error.emit(f"Cannot set the {what}: {err.message}")
            self.refresh()
            return False
        self.error.emit("")
        return True


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, (list, tuple)) else value


def _show(field, value: Any, mixed: bool) -> None:
    if isinstance(field, BoolField):
        field.setCheckState(Qt.CheckState.PartiallyChecked if mixed else
                            Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
    elif isinstance(field, ChoiceField) and mixed:
        field.show_mixed(MIXED)
    elif isinstance(field, TextField):
        field.setPlaceholderText(MIXED if mixed else field.property("unmixed"))
        field.show_value(None if mixed else value)
    else:
        field.show_value(value)
