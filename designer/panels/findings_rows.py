"""Segmentation findings in the Problems tree: one group per severity (worst
first), accepted findings in their own group, and the request paths from
the Internet to each data store with their added latency. The words come
from designer/report/findings.py; this module lays them out.

Each finding row carries its targets (a click selects them), its evidence
path (hovering lights it up) and its id (FINDING), which the findings view
uses to draw the path and to accept the finding.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from designer.analysis.segmentation import SEVERITIES
from designer.report import findings as words

IDS = Qt.ItemDataRole.UserRole            # as panels/problems.py: what a click selects
HIGHLIGHT = Qt.ItemDataRole.UserRole + 1  # what hovering lights up
FINDING = Qt.ItemDataRole.UserRole + 3    # the finding id of a row
MINE = Qt.ItemDataRole.UserRole + 4       # marks the groups this module owns
SEVERITY_COLORS = {"critical": "#c62828", "high": "#e65100", "medium": "#b58900",
                   "low": "#546e7a"}


def show_findings(tree: QTreeWidget, result, name) -> None:
    """Replace the finding groups of `tree` with `result`'s."""
    clear_findings(tree)
    if result is None:
        return
    for severity in SEVERITIES:
        shown = [f for f in result.open_findings() if f.severity == severity]
        if shown:
            group = _group(tree, f"{words.SEVERITY_TITLES[severity]} findings", len(shown),
                           severity)
            for finding in shown:
                _finding_row(group, finding, name)
    accepted = [f for f in result.findings if f.accepted is not None]
    if accepted:
        group = _group(tree, "Accepted findings", len(accepted), None, expand=False)
        for finding in accepted:
            _finding_row(group, finding, name)
    if result.paths:
        group = _group(tree, "Request paths (added latency)", len(result.paths), None,
                       expand=False)
        for path in result.paths:
            row = QTreeWidgetItem([words.path_line(path, name), "",
                                   words.layers_line(path, name)])
            row.setData(0, IDS, [path.data_store])
            row.setData(0, HIGHLIGHT, [h.component for h in path.hops])
            group.addChild(row)


def clear_findings(tree: QTreeWidget) -> None:
    for i in reversed(range(tree.topLevelItemCount())):
        if tree.topLevelItem(i).data(0, MINE):
            tree.takeTopLevelItem(i)


def _group(tree, title: str, count: int, severity, expand: bool = True) -> QTreeWidgetItem:
    group = QTreeWidgetItem(tree, [f"{title} ({count})"])
    group.setData(0, MINE, True)
    font = group.font(0)
    font.setBold(True)
    group.setFont(0, font)
    if severity is not None:
        group.setForeground(0, QBrush(QColor(SEVERITY_COLORS[severity])))
    group.setFirstColumnSpanned(True)
    group.setExpanded(expand)
    return group


def _finding_row(group: QTreeWidgetItem, finding, name) -> None:
    status = words.acceptance_line(finding)
    why = words.fix(finding, name) + (f" ({status})" if status else "")
    row = QTreeWidgetItem([words.message(finding, name),
                           ", ".join(name(t) for t in finding.targets[:4]), why])
    row.setData(0, IDS, [t for t in finding.targets])
    row.setData(0, HIGHLIGHT, list(finding.evidence.path) or list(finding.targets))
    row.setData(0, FINDING, finding.id)
    row.setForeground(0, QBrush(QColor(SEVERITY_COLORS[finding.severity])))
    row.setToolTip(0, "\n".join([words.title(finding), *words.evidence_lines(finding, name),
                                 f"Why it matters: {words.check_info(finding.check).impact}",
                                 f"Id: {finding.id}"]))
    group.addChild(row)
