"""Small drawing helpers shared by the items: cached fonts and metrics,
label elision, flat-capped pens, rounded paths and crisp kind icons."""
from __future__ import annotations

import weakref
from typing import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem

from designer.look import style
from designer.model import Kind
from designer.look.style import TextRole

ICON = 22.0          # icon size in scene units; rendered at 2x for crisp zoom
# Keyed by (role, presentation scale): an export renders at scale 1 while the
# window may be in presentation mode (style.rendering_with).
_metrics: dict[tuple[TextRole, float], QFontMetricsF] = {}


def metrics(role: TextRole) -> QFontMetricsF:
    key = (role, style.presentation_scale())
    if key not in _metrics:
        _metrics[key] = QFontMetricsF(font(role))
    return _metrics[key]


def normal_width(text: str, role: TextRole) -> float:
    """`text`'s width at the normal type size, in presentation mode too:
    a font 1.5 times the size sets text 1.54 times as wide (the bundled
    font's hinting), so the normal size is not the larger one's width
    divided by the scale."""
    key = (role, 1.0)
    if key not in _metrics:
        normal = QFont(font(role))
        normal.setPointSizeF(normal.pointSizeF() / style.presentation_scale())
        _metrics[key] = QFontMetricsF(normal)
    return _metrics[key].horizontalAdvance(text)


def elided(text: str, role: TextRole, width: float,
           mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> str:
    return metrics(role).elidedText(text, mode, max(0.0, width))


_fonts: dict[tuple[TextRole, float], QFont] = {}


def font(role: TextRole) -> QFont:
    """style.label_font, cached here for the thousands of items built at once."""
    key = (role, style.presentation_scale())
    if key not in _fonts:
        _fonts[key] = style.label_font(role)
    return _fonts[key]


def _forget_fonts() -> None:
    _fonts.clear()
    _metrics.clear()
    _flat.clear()


style.add_listener(_forget_fonts)


_flat: dict[int, tuple[QPen, QPen]] = {}


def flat(pen: QPen) -> QPen:
    """The same pen with flat caps. With antialiasing, round caps on long or
    dashed strokes cost 6-20x more to rasterise (measured: 200 links of 2,000
    px, 668 ms round vs 38 ms flat), and closed outlines do not show caps."""
    # style hands out cached pen objects: key on identity, keeping the original
    # alive in the entry so that its id cannot be reused by another pen.
    entry = _flat.get(id(pen))
    if entry is None or entry[0] is not pen:
        copy = QPen(pen)
        copy.setCapStyle(Qt.PenCapStyle.FlatCap)
        entry = _flat[id(pen)] = (pen, copy)
    return entry[1]


def rounded(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


def icon_item(parent: QGraphicsItem, kind: Kind, size: float) -> QGraphicsPixmapItem:
    """A kind icon rendered at twice its scene size, shown at half scale, so it
    stays crisp at 200 % zoom and on 2x screens."""
    from designer.resources import icon_pixmap
    item = QGraphicsPixmapItem(icon_pixmap(kind, int(size * 2), style.is_dark()), parent)
    item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
    item.setScale(0.5)
    return item




def follow_style(method: Callable[[], None]) -> None:
    """Call a Qt object's bound `method` after every palette/presentation
    change, for as long as the object lives: the listener holds it weakly and
    removes itself once the Python or C++ side is gone."""
    ref = weakref.WeakMethod(method)

    def listener() -> None:
        bound = ref()
        try:
            if bound is None:
                raise RuntimeError("gone")
            bound()
        except RuntimeError:   # collected, or its C++ object was deleted
            style.remove_listener(listener)
    style.add_listener(listener)
