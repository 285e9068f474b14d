"""The overview's picture of the design, in low detail and drawn a slice at a
time, so that even at 5,000 components (about 40 ms of Python reading item
positions and colours) no single slice holds the GUI thread for long.

Low detail: one box per component in its current colours (containers first,
then what they hold), links as faint straight lines; no text, icons, chips
or tier hulls, which are below a pixel at overview scale anyway. A state
other than normal fills the box with its strong border colour (areas such as
sites keep their tint and border), so that an analysis colour shows even
where a box is two pixels wide.

The caller must `abort()` a drawing when the document changes: the items it
is walking may be deleted between two slices.
"""
from __future__ import annotations

import time
from typing import Iterator

from PySide6.QtCore import QLineF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from designer.look import style
from designer.model import Kind
from designer.look.style import State

_SKIP = frozenset({Kind.PSU, Kind.NIC, Kind.DISK, Kind.TIER})
_AREAS = frozenset({Kind.SITE, Kind.SEGMENT, Kind.RACK})   # a solid fill would hide too much
LINK_ALPHA = 110       # faint: the boxes and their colours come first


def fit_scale(area: QRectF, size: QSize) -> float:
    """Pixels per scene unit that fit `area` into `size`, keeping its shape."""
    return min(size.width() / max(area.width(), 1e-6), size.height() / max(area.height(), 1e-6))


class Drawing:
    """One refresh: `step()` until it returns True, then take `image`."""

    def __init__(self, scene, area: QRectF, size: QSize, ratio: float) -> None:
        self.area = area
        self.image = QImage(max(1, round(size.width() * ratio)),
                            max(1, round(size.height() * ratio)),
                            QImage.Format.Format_ARGB32_Premultiplied)
        self.image.setDevicePixelRatio(ratio)
        self.image.fill(style.palette().canvas)
        self.cpu_ms = 0.0        # summed over the slices
        self._painter = QPainter(self.image)
        scale = fit_scale(area, size)
        self._painter.scale(scale, scale)
        self._painter.translate(-area.topLeft())
        self._work = _draw(self._painter, scene)

    def step(self, budget_ms: float) -> bool:
        """Draw for about `budget_ms`; True once the picture is complete."""
        start = time.perf_counter()
        deadline = start + budget_ms / 1e3
        try:
            for _ in self._work:
                if time.perf_counter() > deadline:
                    return False
            self._painter.end()
            return True
        finally:
            self.cpu_ms += (time.perf_counter() - start) * 1e3

    def abort(self) -> None:
        if self._painter.isActive():
            self._painter.end()

    def __del__(self) -> None:
        # A drawing dropped part-way (its window closed, or left to the
        # interpreter's exit in `make bench`) freed its image under the
        # active painter: "QPaintDevice: Cannot destroy paint device that
        # is being painted", then a segfault. The painter ends first.
        try:
            self.abort()
        except RuntimeError:          # its C++ painter already gone (exit)
            pass


def _draw(painter: QPainter, scene) -> Iterator[None]:
    groups: dict[int, dict[tuple[int, int], list[QRectF]]] = {}
    for item in list(scene.component_items()):
        if item.kind not in _SKIP:
            _add_box(groups, item)
        yield
    for depth in sorted(groups):
        for (pen, fill), rects in groups[depth].items():
            painter.setPen(QPen(QColor.fromRgba(pen), 0))   # 0: one pixel at any scale
            painter.setBrush(QColor.fromRgba(fill))
            painter.drawRects(rects)
        yield
    lines: dict[int, list[QLineF]] = {}
    colors: dict[tuple, int] = {}
    for link in list(scene.link_items()):
        _add_line(lines, colors, link)
        yield
    for color, batch in lines.items():
        painter.setPen(QPen(QColor.fromRgba(color), 0))
        painter.drawLines(batch)


def _add_box(groups: dict, item) -> None:
    depth, parent = 0, item.parentItem()
    while parent is not None:
        depth, parent = depth + 1, parent.parentItem()
    pen = item.pen().color()
    strong = item.state is not State.NORMAL and item.kind not in _AREAS
    fill = pen if strong else item.brush().color()
    rect = QRectF(item.scenePos(), QSizeF(*item.size))
    groups.setdefault(depth, {}).setdefault((pen.rgba(), fill.rgba()), []).append(rect)


def _add_line(lines: dict, colors: dict, link) -> None:
    path = link.path()       # top-level, so already in scene coordinates
    if path.elementCount() < 2:
        return
    key = (link.kind, link.state, link.selected)
    if key not in colors:
        color = QColor(link.pen().color())
        color.setAlpha(LINK_ALPHA)
        colors[key] = color.rgba()
    start, end = path.elementAt(0), path.currentPosition()
    lines.setdefault(colors[key], []).append(QLineF(start.x, start.y, end.x(), end.y()))
