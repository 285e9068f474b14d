"""The overview dock: the whole canvas scene, small, with the main view's
visible area drawn as a rectangle. Click or drag in it to move the main view
there. A second QGraphicsView on the same scene, so it costs no copy; it
refits (debounced) when the scene changes and redraws the rectangle whenever
the main view scrolls or zooms."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGraphicsView


class Minimap(QGraphicsView):
    def __init__(self, view, parent=None) -> None:
        super().__init__(view.scene(), parent)
        self.main = view
        self.setInteractive(False)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setMinimumSize(160, 110)
        self.setToolTip("Overview: click or drag to move the view")
        self._dragging = False
        self._refit = QTimer(self, singleShot=True, interval=150, timeout=self.fit)
        self.scene().changed.connect(self._scene_changed)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self.viewport().update)
            bar.rangeChanged.connect(self.viewport().update)

    def _scene_changed(self, _rects) -> None:
        if self.isVisible():
            self._refit.start()

    def visible_rect(self) -> QRectF:
        """The part of the scene the main view shows, in scene coordinates."""
        return self.main.mapToScene(self.main.viewport().rect()).boundingRect()

    def fit(self) -> None:
        scene = self.scene()
        area = scene.itemsBoundingRect() if scene.items() else scene.sceneRect()
        area = area.united(self.visible_rect()) if not area.isEmpty() else self.visible_rect()
        margin = max(area.width(), area.height()) * 0.04 + 10
        self.fitInView(area.adjusted(-margin, -margin, margin, margin),
                       Qt.AspectRatioMode.KeepAspectRatio)
        self.viewport().update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        shown = self.visible_rect()
        color = self.palette().highlight().color()
        pen = QPen(color, 2)
        pen.setCosmetic(True)
        painter.setPen(pen)
        fill = QColor(color)
        fill.setAlpha(40)
        painter.setBrush(fill)
        painter.drawRect(shown)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging = True
            self.center_main_on(self.mapToScene(event.position().toPoint()))

    def mouseMoveEvent(self, event) -> None:
        if self._dragging:
            self.center_main_on(self.mapToScene(event.position().toPoint()))

    def mouseReleaseEvent(self, event) -> None:
        self._dragging = False

    def wheelEvent(self, event) -> None:
        event.ignore()          # no zooming of the overview itself

    def center_main_on(self, point: QPointF) -> None:
        self.main.centerOn(point)
        self.viewport().update()
