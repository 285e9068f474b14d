"""Sizes and pure geometry for the canvas: default item sizes per kind, the
snap grid, chip layout along a host's edge and straight link anchoring (a
drag's preview; routes are canvas/orthogonal.py's). No items here, only numbers and QRectF/QPointF.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF

from designer.model import Component, Kind

# The numbers are shared with the Qt-free layout (designer/layout/sizes.py),
# so a design laid out headless matches what the canvas draws.
from designer.layout.sizes import (CHIP_GAP, CHIP_H, CHIP_KINDS, CHIP_MARGIN,  # noqa: E402,F401
                                   CHIP_W, DEFAULT_SIZE, DEVICE_SIZE, GRID, HEADER,
                                   MIN_SIZE, PAD, RESIZABLE, min_host_size)

CONTAINER_ITEMS = frozenset({Kind.SITE, Kind.RACK, Kind.SERVER, Kind.SEGMENT})
MAX_CARD_W = 240.0     # a card grows to fit its label up to this, then elides


def fit_width(needed: float, default: float) -> float:
    """A card's width for a label that needs `needed`: the default, or grown
    in grid steps up to MAX_CARD_W."""
    if needed <= default:
        return default
    return min(MAX_CARD_W, math.ceil(needed / GRID) * GRID)


def size_of(comp: Component) -> tuple[float, float]:
    """The stored size of a resizable component, else the kind's default."""
    w, h = DEFAULT_SIZE.get(comp.kind, DEVICE_SIZE)
    if comp.kind in RESIZABLE:
        return (comp.width or w, comp.height or h)
    return (w, h)


def snap(value: float, on: bool = True) -> float:
    return round(value / GRID) * GRID if on else value


def snap_point(p: QPointF, on: bool = True) -> QPointF:
    return QPointF(snap(p.x(), on), snap(p.y(), on))


def chip_slots(host_w: float, host_h: float, kinds: list[Kind]) -> list[QPointF]:
    """Top-left corners (host coordinates) of chips straddling the host's edge:
    PSUs along the bottom from the left, disks along the bottom from the
    right, NICs down the right side below the title bar."""
    slots: list[QPointF] = []
    count = {Kind.PSU: 0, Kind.NIC: 0, Kind.DISK: 0}
    bottom = host_h - CHIP_H / 2
    for kind in kinds:
        i = count[kind]
        count[kind] += 1
        if kind is Kind.PSU:
            slots.append(QPointF(CHIP_MARGIN + i * (CHIP_W + CHIP_GAP), bottom))
        elif kind is Kind.DISK:
            slots.append(QPointF(host_w - CHIP_MARGIN - CHIP_W - i * (CHIP_W + CHIP_GAP), bottom))
        else:
            slots.append(QPointF(host_w - CHIP_W / 2, HEADER + 4 + i * (CHIP_H + CHIP_GAP)))
    return slots


def border_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the line from rect's centre toward a point leaves the rect."""
    c = rect.center()
    dx, dy = toward.x() - c.x(), toward.y() - c.y()
    if dx == 0 and dy == 0:
        return c
    hw, hh = rect.width() / 2, rect.height() / 2
    scale = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return QPointF(c.x() + dx * scale, c.y() + dy * scale)


def anchored_line(a: QRectF, b: QRectF, offset: float = 0.0) -> QLineF:
    """The segment between two rects' borders, shifted sideways by `offset`
    (parallel links between one pair are drawn apart, not on top of each other)."""
    ca, cb = a.center(), b.center()
    dx, dy = cb.x() - ca.x(), cb.y() - ca.y()
    length = math.hypot(dx, dy) or 1.0
    shift = QPointF(-dy / length * offset, dx / length * offset)
    p0, p1 = ca + shift, cb + shift
    t0 = _exit(a, p0, p1)
    t1 = 1.0 - _exit(b, p1, p0)
    if t1 <= t0:  # overlapping rects: draw centre to centre
        return QLineF(p0, p1)
    d = p1 - p0
    return QLineF(p0 + d * t0, p0 + d * t1)


def _exit(rect: QRectF, p0: QPointF, p1: QPointF) -> float:
    """The parameter t in [0, 1] where p0 + t (p1 - p0) leaves `rect`."""
    t = 1.0
    for start, delta, lo, hi in ((p0.x(), p1.x() - p0.x(), rect.left(), rect.right()),
                                 (p0.y(), p1.y() - p0.y(), rect.top(), rect.bottom())):
        if delta > 0:
            t = min(t, (hi - start) / delta)
        elif delta < 0:
            t = min(t, (lo - start) / delta)
    return max(0.0, t)
