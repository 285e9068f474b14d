"""Segmentation findings on the canvas: a coloured border around each zone
(segment) and each firewall an open finding points at, in the colour of the
worst such finding, and the selected finding's path drawn as a thick line
through the components it crosses. Built-in items only (no paint()
overrides); pens have real widths so exported pictures keep them."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem

from designer.analysis.segmentation import severity_rank
from designer.model import Kind
from designer.panels.findings_rows import SEVERITY_COLORS

MARK_Z = 900.0          # above components and links, below drag feedback
PATH_Z = 901.0
MARKED_KINDS = (Kind.SEGMENT, Kind.FIREWALL)


class FindingMarks:
    def __init__(self, scene, document) -> None:
        self.scene, self.document = scene, document
        self._marks: list = []
        self._path = None
        self.marked: dict[str, str] = {}       # component id -> severity shown
        self.path_ids: list[str] = []

    def show(self, result) -> None:
        """Border the zones and firewalls of the open findings."""
        self._drop(self._marks)
        self._marks, self.marked = [], {}
        if result is None:
            return
        for finding in result.open_findings():
            for cid in finding.targets:
                if cid not in self.document or not self.scene.is_component(cid):
                    continue
                if self.document.component(cid).kind not in MARKED_KINDS:
                    continue
                old = self.marked.get(cid)
                if old is None or severity_rank(finding.severity) < severity_rank(old):
                    self.marked[cid] = finding.severity
        for cid, severity in self.marked.items():
            self._marks.append(self._border(cid, severity))

    def _border(self, cid: str, severity: str) -> QGraphicsRectItem:
        item = self.scene.item_for(cid)
        pad = 6.0 if self.document.component(cid).kind is Kind.SEGMENT else 4.0
        rect = item.sceneBoundingRect().adjusted(-pad, -pad, pad, pad)
        mark = QGraphicsRectItem(rect)
        pen = QPen(QColor(SEVERITY_COLORS[severity]), 4.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(False)
        mark.setPen(pen)
        mark.setBrush(Qt.BrushStyle.NoBrush)
        mark.setZValue(MARK_Z)
        mark.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        mark.setToolTip(f"{severity.title()} segmentation finding")
        self.scene.addItem(mark)
        return mark

    def show_path(self, ids: list[str], severity: str = "high") -> None:
        """Draw a path (component ids, source first); [] removes it."""
        self._drop([self._path] if self._path is not None else [])
        self._path, self.path_ids = None, []
        points = [self._centre(cid) for cid in ids]
        points = [p for p in points if p is not None]
        if len(points) < 2:
            return
        line = QPainterPath(points[0])
        for point in points[1:]:
            line.lineTo(point)
        item = QGraphicsPathItem(line)
        pen = QPen(QColor(SEVERITY_COLORS.get(severity, "#1565c0")), 6.0,
                   Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        pen.setCosmetic(False)
        item.setPen(pen)
        item.setOpacity(0.75)
        item.setZValue(PATH_Z)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.scene.addItem(item)
        self._path, self.path_ids = item, list(ids)

    def _centre(self, cid: str) -> QPointF | None:
        item = self.scene.item_for(cid) if self.scene.is_component(cid) else None
        return item.sceneBoundingRect().center() if item is not None else None

    def _drop(self, items) -> None:
        for item in items:
            try:
                if item.scene() is self.scene:
                    self.scene.removeItem(item)
            except RuntimeError:        # the scene was rebuilt: already gone
                pass
