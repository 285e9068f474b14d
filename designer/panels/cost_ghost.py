"""A mitigation shown on the canvas before it is applied: dashed outlines
of what it would add, dashed lines for its new connections, the components
it changes highlighted. Scene items only; the document is not touched.

Built-in items only (no paint() override): one QGraphicsPathItem for every
outline, one for every line, labels as QGraphicsSimpleTextItems."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem

from designer.canvas import geometry as G
from designer.model.patch import Patch

GHOST_Z = 900.0
GHOST_COLOUR = QColor(37, 99, 235)       # blue: "would be added", not a state colour


class Ghost:
    """Shows one patch at a time on `scene` (a CanvasScene)."""

    def __init__(self, scene) -> None:
        self.scene = scene
        self.focus = QRectF()          # the scene rectangle of the parts shown (not lines)
        self._items: list = []
        self._highlighted: list[str] = []

    def show(self, patch: Patch | None, context: Patch | None = None) -> None:
        """Draw `patch`; `context` (earlier steps) only places what it adds."""
        self.clear()
        if patch is None:
            return
        # Earlier steps are drawn faintly: this step's parts may sit inside them.
        rects = self._outlines(context, faint=True) if context is not None else {}
        self.focus = QRectF()
        rects.update(self._outlines(patch, rects))
        for earlier in (context, patch):
            if earlier is not None:
                self._grown(earlier)
        self._lines(patch, rects)
        changed = [c.id for c in patch.update_components if self._changes_meaning(c)]
        self._highlighted = changed
        self.scene.set_highlight(changed)

    def _changes_meaning(self, new) -> bool:
        """Highlight what the edit changes, not containers it only grows."""
        if self.scene.item_for(new.id) is None:
            return False
        old = self.scene.document.component(new.id)
        keep = {"x", "y", "width", "height"}
        return new.model_dump(exclude=keep) != old.model_dump(exclude=keep)

    def bounds(self) -> QRectF:
        """The scene rectangle of what is shown (empty when nothing is)."""
        rect = QRectF()
        for item in self._items:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def clear(self) -> None:
        for item in self._items:
            if item.scene() is not None:
                self.scene.removeItem(item)
        self._items = []
        if self._highlighted:
            self.scene.set_highlight([])
            self._highlighted = []

    def item_count(self) -> int:
        return len(self._items)

    # -- building --------------------------------------------------------------
    def _outlines(self, patch: Patch, known: dict[str, QRectF] | None = None,
                  faint: bool = False) -> dict[str, QRectF]:
        rects: dict[str, QRectF] = dict(known or {})
        colour = QColor(GHOST_COLOUR)
        colour.setAlpha(70 if faint else 255)
        pen = QPen(colour, 1.0 if faint else 2.0,
                   Qt.PenStyle.DotLine if faint else Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        fill = QColor(GHOST_COLOUR)
        fill.setAlpha(0 if faint else 28)
        for comp in patch.add_components:     # parents come before their children
            origin = self._origin(comp.parent, rects)
            if origin is None:
                continue
            width, height = G.size_of(comp)
            rect = QRectF(origin.x() + comp.x, origin.y() + comp.y, width, height)
            rects[comp.id] = rect
            path = QPainterPath()
            path.addRoundedRect(rect, 6.0, 6.0)
            outline = self._add(QGraphicsPathItem(path))
            outline.setPen(pen)
            outline.setBrush(QBrush(fill))
            if faint:
                continue
            self.focus = self.focus.united(rect) if not self.focus.isNull() else rect
            label = self._add(QGraphicsSimpleTextItem("+ " + comp.name))
            label.setBrush(QBrush(GHOST_COLOUR))
            label.setPos(rect.left() + 4, rect.top() + 2)
        return rects

    def _grown(self, patch: Patch) -> None:
        """Containers the edit enlarges to hold its parts: their new outline."""
        colour = QColor(GHOST_COLOUR)
        colour.setAlpha(110)
        pen = QPen(colour, 1.5, Qt.PenStyle.DotLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        for comp in patch.update_components:
            item = self.scene.item_for(comp.id)
            old = self.scene.document.component(comp.id) if item is not None else None
            if old is None or (old.width, old.height) == (comp.width, comp.height):
                continue
            corner = item.mapToScene(QPointF(0, 0))
            path = QPainterPath()
            path.addRoundedRect(QRectF(corner.x(), corner.y(), *G.size_of(comp)), 8.0, 8.0)
            self._add(QGraphicsPathItem(path)).setPen(pen)

    def _origin(self, parent: str | None, rects: dict[str, QRectF]) -> QPointF | None:
        if parent is None:
            return QPointF(0, 0)
        if parent in rects:
            return rects[parent].topLeft()
        item = self.scene.item_for(parent)
        return None if item is None else item.mapToScene(QPointF(0, 0))

    def _lines(self, patch: Patch, rects: dict[str, QRectF]) -> None:
        pen = QPen(GHOST_COLOUR, 1.5, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        for link in (*patch.add_links, *patch.update_links):
            a, b = self._rect_of(link.source, rects), self._rect_of(link.target, rects)
            if a is None or b is None:
                continue
            path = QPainterPath(a.center())
            path.lineTo(b.center())
            line = self._add(QGraphicsPathItem(path))
            line.setPen(pen)

    def _rect_of(self, cid: str, rects: dict[str, QRectF]) -> QRectF | None:
        if cid in rects:
            return rects[cid]
        item = self.scene.item_for(cid)
        return None if item is None else item.sceneBoundingRect()

    def _add(self, item):
        item.setZValue(GHOST_Z)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setAcceptHoverEvents(False)
        self.scene.addItem(item)
        self._items.append(item)
        return item
