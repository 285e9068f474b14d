"""The overview dock: the whole design, small, with the main view's visible
area drawn as a rectangle. Click or drag in it to move the main view there.

Why a cached picture and not a second QGraphicsView on the scene (the first
version): that view repainted all ~20,000 items after every scene change,
48-84 ms per paint at 1,000 components and ~300 ms at 5,000, pausing the GUI
after each edit. Now the design is drawn in low detail into an image sized
to the dock (`overview_draw.py`), a few milliseconds at a time, and only
refreshed lazily: a change marks the image stale, a refresh starts at most
once per `REFRESH_MS` (later if drawing was slow) and never while the dock
is hidden. Scrolling or zooming the main view repaints image + rectangle.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QWidget

from designer.look import style

from .overview_draw import Drawing, fit_scale

REFRESH_MS = 300          # at most ~3 refreshes a second while the design changes
SLOW_FACTOR = 10          # ...and at most ~10 % of the GUI thread spent drawing
SLICE_MS = 6.0            # drawing time per event-loop turn


class Minimap(QWidget):
    def __init__(self, view, parent=None) -> None:
        super().__init__(parent)
        self.main = view
        self.setMinimumSize(160, 110)
        self.setToolTip("Overview: click or drag to move the view")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._image = QImage()
        self._area = QRectF()      # the scene area the image shows
        self._stale = True
        self._dragging = False
        self.render_ms = 0.0       # drawing time of the last refresh: sets the pause
        self.refreshes = 0
        self._drawing: Drawing | None = None
        self._timer = QTimer(self, singleShot=True, timeout=self.refresh)
        self._slicer = QTimer(self, singleShot=True, interval=0, timeout=self._next_slice)
        # scene.changed also covers recolouring by the analysis and restyling,
        # which the document's signals would miss.
        view.scene().changed.connect(self._scene_changed)
        view.document.changed.connect(self._abort)
        view.document.reset.connect(self._abort)
        view.zoomChanged.connect(self._main_moved)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self._main_moved)
            bar.rangeChanged.connect(self._main_moved)

    # -- keeping the picture current ------------------------------------------------
    def is_stale(self) -> bool:
        """Does the picture lag behind the design (or is a refresh drawing)?"""
        return self._stale or self._drawing is not None

    def _scene_changed(self, _rects) -> None:
        self._stale = True
        self._schedule(self._pause())

    def _pause(self) -> float:
        return max(REFRESH_MS, SLOW_FACTOR * self.render_ms)

    def _schedule(self, delay: float) -> None:
        # Not restarted by later changes: a steady stream still refreshes on time.
        if self.isVisible() and not self._timer.isActive() and self._drawing is None:
            self._timer.start(int(delay))

    def _main_moved(self, *_unused) -> None:
        if self.isVisible():
            self.update()

    def refresh(self) -> None:
        """Start redrawing the picture (while the dock is shown)."""
        if not self.isVisible() or self._drawing is not None:
            return                  # stays stale; showEvent or the drawing's end go on
        start = time.perf_counter()
        self._stale = False         # changes from now on mark it stale again
        self._drawing = Drawing(self.main.scene(), self._drawing_area(), self.size(),
                                self.devicePixelRatioF())
        self._drawing.cpu_ms += (time.perf_counter() - start) * 1e3   # the bounds
        self._slicer.start()

    def _next_slice(self) -> None:
        drawing = self._drawing
        if drawing is None:
            return
        if not drawing.step(SLICE_MS):
            self._slicer.start()
            return
        self._drawing = None
        self._image, self._area = drawing.image, drawing.area
        self.refreshes += 1
        self.render_ms = drawing.cpu_ms
        self.update()
        if self._stale:
            self._schedule(self._pause())

    def _abort(self, *_unused) -> None:
        """The document changed: items the drawing walks may be gone."""
        if self._drawing is not None:
            self._drawing.abort()
            self._drawing = None
            self._slicer.stop()
        self._stale = True
        self._schedule(self._pause())

    def _drawing_area(self) -> QRectF:
        """The drawing's bounds (from the top-level items, never a walk over all
        ~20,000 scene items) plus a margin, widened to the dock's shape."""
        area = self.main.content_rect()
        if area.isEmpty():
            area = self.visible_rect()
        margin = max(area.width(), area.height()) * 0.04 + 10
        area = area.adjusted(-margin, -margin, margin, margin)
        scale = fit_scale(area, self.size())
        full = QRectF(0, 0, self.width() / scale, self.height() / scale)
        full.moveCenter(area.center())
        return full

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._schedule(0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._stale = True          # meanwhile the old picture is stretched
        self._schedule(50)

    # -- mapping between the dock and the scene -------------------------------------
    def _transform(self) -> QTransform:
        """Scene -> widget: the image's area fitted and centred in the widget."""
        if self._area.isEmpty():
            return QTransform()
        scale = fit_scale(self._area, self.size())
        centre = self._area.center()
        return QTransform.fromTranslate(self.width() / 2, self.height() / 2) \
            .scale(scale, scale).translate(-centre.x(), -centre.y())

    def map_from_scene(self, point: QPointF) -> QPoint:
        return self._transform().map(point).toPoint()

    def map_to_scene(self, point: QPoint | QPointF) -> QPointF:
        return self._transform().inverted()[0].map(QPointF(point))

    def scale(self) -> float:
        """Widget pixels per scene unit."""
        return self._transform().m11()

    def visible_rect(self) -> QRectF:
        """The part of the scene the main view shows, in scene coordinates."""
        return self.main.mapToScene(self.main.viewport().rect()).boundingRect()

    # -- painting and mouse ---------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.palette().canvas)
        transform = self._transform()
        if not self._image.isNull():
            painter.drawImage(transform.mapRect(self._area), self._image)
        color = self.palette().highlight().color()
        fill = QColor(color)
        fill.setAlpha(40)
        painter.setPen(QPen(color, 2))
        painter.setBrush(fill)
        painter.drawRect(transform.mapRect(self.visible_rect()))

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging = True
            self.center_main_on(self.map_to_scene(event.position()))

    def mouseMoveEvent(self, event) -> None:
        if self._dragging:
            self.center_main_on(self.map_to_scene(event.position()))

    def mouseReleaseEvent(self, event) -> None:
        self._dragging = False

    def center_main_on(self, point: QPointF) -> None:
        self.main.centerOn(point)
        self.update()
