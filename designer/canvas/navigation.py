"""Navigating the canvas (mixed into CanvasView): zoom with wheel and keys
around the cursor, fit to view, zoom to selection, centre on ids, label
search, the level of detail that follows the zoom (as Qt's 40000-chips
example: decided once per zoom change, never per paint), and the grid
drawn behind the items."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QWheelEvent

from designer.look import style

from . import geometry as G

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.02, 8.0
GRID_MIN_PIXELS = 8.0     # minor grid lines closer than this on screen are skipped


class Navigation:
    _search: tuple[str, int] = ("", -1)

    # -- zoom ------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(ZOOM_MIN, min(ZOOM_MAX, factor))
        step = factor / self.zoom_factor()
        if abs(step - 1.0) > 1e-9:
            self.scale(step, step)
        self.scene().set_detail(style.detail_level(self.zoom_factor()))

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom_factor() / ZOOM_STEP)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps == 0 or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return super().wheelEvent(event)
        self.zoom_at(self.zoom_factor() * ZOOM_STEP ** steps, event.position().toPoint())
        event.accept()

    def zoom_at(self, factor: float, at) -> None:
        """Zoom keeping the scene point under the view point `at` where it is."""
        point = self.mapToScene(at)
        self.set_zoom(factor)
        half = self.mapToScene(self.viewport().rect()).boundingRect()
        room = QRectF(0, 0, half.width() * 2, half.height() * 2)
        room.moveCenter(point)
        self.scene().setSceneRect(self.sceneRect().united(room))
        drift = self.mapFromScene(point) - at
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + drift.x())
        v.setValue(v.value() + drift.y())

    def fit_rect(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        self.scene().setSceneRect(self.sceneRect().united(rect))
        width, height = self._fit_room()
        self.set_zoom(min(width / rect.width(), height / rect.height()))
        self.center_on_point(rect.center())

    def _fit_room(self) -> tuple[int, int]:
        """The viewport's size with both scroll bars shown. The zoom and the
        grown scene rect can make them appear after the fit (or vanish before
        it): fitting the viewport of the moment then cut the design's far edge."""
        size = self.maximumViewportSize()   # as if no scroll bar were shown
        return (size.width() - self.verticalScrollBar().sizeHint().width(),
                size.height() - self.horizontalScrollBar().sizeHint().height())

    def center_on_point(self, point: QPointF) -> None:
        """Centre on a scene point, growing the scene rect so that the view can
        scroll there even near the edge of the drawing."""
        half = self.mapToScene(self.viewport().rect()).boundingRect()
        room = QRectF(0, 0, half.width(), half.height())
        room.moveCenter(point)
        if not self.sceneRect().contains(room):
            self.scene().setSceneRect(self.sceneRect().united(room))
        self.centerOn(point)

    def fit_all(self) -> None:
        self.fit_rect(self.content_rect())

    def zoom_to_selection(self) -> None:
        rect = self.rect_of(self.selected_ids())
        if not rect.isEmpty():
            self.fit_rect(rect)

    def center_on_ids(self, ids: Iterable[str]) -> None:
        rect = self.rect_of(ids)
        if not rect.isNull():
            self.center_on_point(rect.center())

    def keep_in_view(self, ids: Iterable[str]) -> None:
        """Centre on `ids` unless they are wholly shown already (the view
        stays put when they are)."""
        rect = self.rect_of(ids)
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if not rect.isNull() and not shown.contains(rect):
            self.center_on_point(rect.center())

    def content_rect(self) -> QRectF:
        """Everything drawn: the top-level components and their contents,
        those a hand-edited file puts outside their site included (a row of
        servers 48,000 wide in a site 4,000 wide: Fit showed the site only).
        Qt keeps each item's `childrenBoundingRect` until something in it
        moves: 24-40 ms the first time at 5,000 to 6,000 components, then
        the 4 ms of the loop over the components, as before."""
        rect = QRectF()
        for item in self.scene().component_items():
            if item.parentItem() is None:
                rect = self._united(rect, item.scene_rect())
                rect = rect.united(item.mapRectToScene(item.childrenBoundingRect()))
        return rect

    def rect_of(self, ids: Iterable[str]) -> QRectF:
        rect = QRectF()
        for item_id in ids:
            item = self.scene().item_for(item_id)
            if item is not None:
                rect = self._united(rect, item.scene_rect() if hasattr(item, "scene_rect")
                                    else item.sceneBoundingRect())
        return rect

    @staticmethod
    def _united(rect: QRectF, other: QRectF) -> QRectF:
        return rect.united(other) if not rect.isNull() else other

    # -- search ------------------------------------------------------------------------
    def find(self, text: str) -> list[str]:
        """Components whose label (or id) contains `text`, case-insensitive.
        Selects and centres the first; asking again for the same text steps to
        the next match, so Enter in a search box walks through them."""
        needle = text.strip().casefold()
        if not needle:
            return []
        matches = [c.id for c in self.scene().document.components()
                   if needle in c.label.casefold() or needle in c.id.casefold()]
        if not matches:
            self.statusMessage.emit(f"Nothing is called “{text}”")
            return []
        last_text, last_index = self._search
        index = (last_index + 1) % len(matches) if last_text == needle else 0
        self._search = (needle, index)
        self.select_ids([matches[index]])
        self.center_on_ids([matches[index]])
        self.statusMessage.emit(f"{index + 1} of {len(matches)} matching “{text}”")
        return matches

    # -- grid --------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, style.palette().canvas)
        zoom = self.zoom_factor()
        step = G.GRID * 5
        if step * zoom < GRID_MIN_PIXELS:
            step *= 5
            if step * zoom < GRID_MIN_PIXELS:
                return
        painter.setPen(style.grid_pen(major=step > G.GRID * 5))
        left = int(rect.left() // step) * step
        top = int(rect.top() // step) * step
        lines = [QLineF(x, rect.top(), x, rect.bottom())
                 for x in _frange(left, rect.right(), step)]
        lines += [QLineF(rect.left(), y, rect.right(), y)
                  for y in _frange(top, rect.bottom(), step)]
        painter.drawLines(lines)


def _frange(start: float, stop: float, step: float):
    value = start
    while value <= stop:
        yield value
        value += step
