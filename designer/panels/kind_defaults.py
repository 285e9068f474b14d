"""The design's figures per kind: availability, purchase and monthly cost for
every kind that can fail. A cell shows the design's override in normal text
or the built-in default (resources/defaults.json) in grey italics; typing a
value overrides the default for every component of that kind that has no
figure of its own, clearing the cell goes back to the default. Each edit
emits the whole new `kind_overrides` mapping once (one undo step)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QSizePolicy, QTableWidget,
                               QTableWidgetItem)

from designer.analysis.figures import defaults_table, from_mtbf
from designer.model import FAMILIES, Kind, Settings
from designer.model.kinds import NEVER_FAIL

from .fields import fmt_number, parse_number

KINDS = [k for kinds in FAMILIES.values() for k in kinds if k not in NEVER_FAIL]
COLUMNS = (("availability", "Avail. %", 100.0), ("capex", "Buy", 1.0),
           ("opex_monthly", "/ month", 1.0))
_TIPS = ("Availability in percent", "Purchase cost, in the design's currency",
         "Running cost per month, in the design's currency")
_KIND_ROLE = Qt.ItemDataRole.UserRole


class KindDefaults(QTableWidget):
    commit = Signal(dict)    # {kind value: {field: value}}: the new kind_overrides
    failed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(len(KINDS), len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([title for _n, title, _s in COLUMNS])
        for col, tip in enumerate(_TIPS):
            self.horizontalHeaderItem(col).setToolTip(tip)
        self.setVerticalHeaderLabels([k.title for k in KINDS])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(40)
        self.verticalHeader().setDefaultSectionSize(22)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(22 * 8)
        self._overrides: dict[Kind, dict[str, Any]] = {}
        self._settings = Settings()
        self.itemChanged.connect(self._edited)

    def show_settings(self, settings: Settings) -> None:
        self._settings = settings
        self._overrides = {Kind(k): v.model_dump(exclude_none=True)
                           for k, v in settings.kind_overrides.items()}
        defaults = defaults_table()
        self.blockSignals(True)
        for row, kind in enumerate(KINDS):
            own = self._overrides.get(kind, {})
            for col, (name, _title, scale) in enumerate(COLUMNS):
                value = _own_value(own, name)
                shown = value if value is not None else getattr(defaults[kind], name)
                item = QTableWidgetItem(fmt_number(shown, scale, digits=6))
                item.setData(_KIND_ROLE, kind.value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if value is None:
                    _looks_default(item, defaults[kind].source if name == "availability"
                                   else defaults[kind].cost_source)
                self.setItem(row, col, item)
        self.blockSignals(False)

    def _edited(self, item: QTableWidgetItem) -> None:
        kind = Kind(item.data(_KIND_ROLE))
        name, title, scale = COLUMNS[item.column()]
        try:
            value = parse_number(item.text())
        except ValueError as err:
            self.failed.emit(str(err))
            self.show_settings(self._settings)
            return
        figures = dict(self._overrides.get(kind, {}))
        if name == "availability":
            figures.pop("mtbf_hours", None)
            figures.pop("mttr_hours", None)
        if value is None:
            figures.pop(name, None)
        else:
            figures[name] = round(value / scale, 12)
        new = {k.value: v for k, v in self._overrides.items() if k is not kind}
        if figures:
            new[kind.value] = figures
        self.commit.emit(new)



def _own_value(own: dict[str, Any], name: str) -> float | None:
    if name == "availability" and "availability" not in own and "mtbf_hours" in own:
        return from_mtbf(own["mtbf_hours"], own.get("mttr_hours", 0.0))
    return own.get(name)


def _looks_default(item: QTableWidgetItem, source: str) -> None:
    font = QFont(item.font())
    font.setItalic(True)
    item.setFont(font)
    item.setForeground(QBrush(Qt.GlobalColor.gray))
    item.setToolTip(f"Default: {source}. Type a value to override it for this design.")
