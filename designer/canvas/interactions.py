"""One interaction object per gesture (orange-canvas-core
`document/interactions.py` style). The view creates one on mouse press and
forwards the following events to it until it reports it is done; each holds
only the transient state of its gesture and edits the document once, at the
end, through one Document call (one undo step).

Here: Interaction (base), Pan, RubberBand, Resize. Moving is in `drag.py`,
connecting in `connect.py`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from designer.look import style
from designer.model import DesignError

from . import geometry as G
from .items import ComponentItem

if TYPE_CHECKING:
    from .view import CanvasView


class Interaction:
    """Base: a gesture in progress. Return True from a handler when consumed."""

    def __init__(self, view: "CanvasView") -> None:
        self.view = view
        self.scene = view.scene()

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        pass

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        pass

    def cancel(self) -> None:
        """Undo any transient visual change (Escape, focus loss)."""

    def refuse(self, err: DesignError) -> None:
        self.view.statusMessage.emit(err.message)


class Pan(Interaction):
    """Middle-drag or space-drag: scroll the view with the hand."""

    def __init__(self, view: "CanvasView", event: QMouseEvent) -> None:
        super().__init__(view)
        self.last = event.position().toPoint()
        view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        now = event.position().toPoint()
        delta: QPoint = now - self.last
        self.last = now
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h.setValue(h.value() - delta.x())
        v.setValue(v.value() - delta.y())

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        self.cancel()

    def cancel(self) -> None:
        self.view.viewport().unsetCursor()


class RubberBand(Interaction):
    """Drag on empty canvas: select every component wholly inside the band
    (Ctrl/Shift adds to the selection)."""

    def __init__(self, view: "CanvasView", pos: QPointF, add: bool) -> None:
        super().__init__(view)
        self.origin, self.add = pos, add
        self.before = self.scene.selected_ids() if add else []
        self.band = QGraphicsRectItem(QRectF(pos, pos))
        color = QColor(style.palette().selection)
        pen = QPen(color, 1.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        color.setAlpha(30)
        self.band.setPen(pen)
        self.band.setBrush(QBrush(color))
        self.band.setZValue(1000)
        self.scene.addItem(self.band)
        if not add:
            self.scene.select_ids([])

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        self.band.setRect(QRectF(self.origin, pos).normalized())

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        rect = QRectF(self.origin, pos).normalized()
        self.cancel()
        inside = [i.cid for i in self.scene.component_items()
                  if i.isVisible() and rect.contains(i.scene_rect())]
        self.scene.select_ids(self.before + inside)

    def cancel(self) -> None:
        if self.band.scene() is not None:
            self.scene.removeItem(self.band)


class Resize(Interaction):
    """Drag a container's corner grip; never smaller than what it holds.
    One `document.update` (width, height) on release."""

    def __init__(self, view: "CanvasView", item: ComponentItem) -> None:
        super().__init__(view)
        self.item = item
        self.start = item.size
        kids = [c for c in item.childItems() if isinstance(c, ComponentItem)]
        bound = QRectF(0, 0, *G.MIN_SIZE)
        for kid in kids:
            if kid.kind not in G.CHIP_KINDS:
                bound = bound.united(QRectF(kid.pos(), QPointF(kid.pos().x() + kid.size[0],
                                                               kid.pos().y() + kid.size[1])))
        self.minimum = (bound.right() + G.PAD / 2, bound.bottom() + G.PAD / 2)

    def move(self, event: QMouseEvent, pos: QPointF) -> None:
        local = self.item.mapFromScene(pos)
        snap = self.view.snap_enabled()
        w = max(self.minimum[0], G.snap(local.x(), snap))
        h = max(self.minimum[1], G.snap(local.y(), snap))
        self.scene.preview(self.item.comp.model_copy(update={"width": w, "height": h}))

    def release(self, event: QMouseEvent, pos: QPointF) -> None:
        w, h = self.item.size
        comp = self.scene.document.component(self.item.cid)
        self.scene.preview(comp)
        if (w, h) == self.start:
            return
        try:
            self.scene.document.update(comp.id, text=f"Resize {comp.name}", width=w, height=h)
        except DesignError as err:
            self.refuse(err)

    def cancel(self) -> None:
        self.scene.preview(self.scene.document.component(self.item.cid))
