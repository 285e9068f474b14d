"""Decorations an item wears on top of its body: the analysis-state badge
("!", "2", "✓", "?", "×"), the hatch of a drill-down, the struck-through label
of a drill failure, the selection halo, the blast-radius highlight and the
"holds a SPOF" badge on a container's header.

Every decoration is a built-in child item created the first time it is
needed and then only shown or hidden, so recolouring 5,000 items creates no
objects and runs no Python paint code.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import (QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem,
                               QGraphicsSimpleTextItem)

from designer.look import style
from designer.look.style import State, TextRole

if TYPE_CHECKING:
    from .items import ComponentItem

BADGE = 18.0
_HALO_GAP = 4.0


class Badge(QGraphicsEllipseItem):
    """A round badge with one character, centred on its position in the
    parent. A SPOF badge keeps its size on screen at every zoom
    (ItemIgnoresTransformations), so single points of failure stay findable
    from the zoomed-out overview and the minimap; the other badges scale with
    the drawing so they do not bury it."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(-BADGE / 2, -BADGE / 2, BADGE, BADGE, parent)
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFont(style.label_font(TextRole.BADGE))
        self.setZValue(20)

    def show_state(self, state: State, mark: str | None = None) -> None:
        s = style.state_style(state)
        mark = s.badge if mark is None else mark
        self.setVisible(bool(mark))
        if not mark:
            return
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations,
                     state is State.SPOF)
        self.setBrush(style.badge_brush(state))
        pen = QPen(QColor(style.palette().canvas), 1.5)
        self.setPen(pen)
        self.text.setText(mark)
        self.text.setBrush(s.badge_text)
        r = self.text.boundingRect()
        self.text.setPos(-r.width() / 2, -r.height() / 2)


class Decor:
    """The decorations of one ComponentItem."""

    def __init__(self, item: "ComponentItem") -> None:
        self.item = item
        self.badge: Badge | None = None
        self.header_badge: Badge | None = None
        self.hatch: QGraphicsPathItem | None = None
        self.halo: QGraphicsPathItem | None = None
        self.glow: QGraphicsPathItem | None = None
        self.selected = self.highlighted = False
        self.holds_spof = False

    # -- state -------------------------------------------------------------------
    def update(self) -> None:
        """Follow the item's state and size (called from item.restyle())."""
        item, state = self.item, self.item.state
        if state is State.NORMAL and not self.worn():
            return   # the common case at build time: nothing to show, nothing to hide
        if style.state_style(state).badge or self.badge is not None:
            if self.badge is None:
                self.badge = Badge(item)
            self.badge.show_state(state)
            self.badge.setPos(item.size[0] - BADGE * 0.1, BADGE * 0.1)
        self._update_hatch(state)
        font = item.label_item.font()
        if font.strikeOut() != style.state_style(state).strike:
            font.setStrikeOut(style.state_style(state).strike)
            item.label_item.setFont(font)
        self._update_halo()
        self.set_holds_spof(self.holds_spof, force=True)

    def worn(self) -> bool:
        """Does the item wear (or has it ever worn) any decoration?"""
        return (self.badge is not None or self.hatch is not None or self.halo is not None
                or self.glow is not None or self.header_badge is not None
                or self.item.label_item.font().strikeOut())

    def _update_hatch(self, state: State) -> None:
        brush = style.hatch_brush(state)
        if brush is None and self.hatch is None:
            return
        if self.hatch is None:
            self.hatch = QGraphicsPathItem(self.item)
            self.hatch.setPen(QPen(Qt.PenStyle.NoPen))
            self.hatch.setZValue(-0.5)
            self.hatch.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, False)
        self.hatch.setVisible(brush is not None)
        if brush is not None:
            self.hatch.setBrush(brush)
            self.hatch.setPath(self.item.path())

    # -- container header -----------------------------------------------------------
    def set_holds_spof(self, on: bool, force: bool = False) -> None:
        if on == self.holds_spof and not force:
            return
        self.holds_spof = on
        if not on and self.header_badge is None:
            return
        if self.header_badge is None:
            self.header_badge = Badge(self.item)
        self.header_badge.setVisible(on)
        if on:
            self.header_badge.show_state(State.SPOF)
            right = self.item.size[0] - BADGE / 2 - 6 - (BADGE if self.badge_visible() else 0)
            self.header_badge.setPos(right, 4 + BADGE / 2)
            self.header_badge.setToolTip("Holds a single point of failure")

    def badge_visible(self) -> bool:
        return self.badge is not None and self.badge.isVisible()

    # -- selection and blast radius -------------------------------------------------
    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self._update_halo()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self._update_halo()

    def _update_halo(self) -> None:
        if self.selected or self.halo is not None:
            self.halo = self.halo or self._ring(style.selection_pen(), 10)
            self.halo.setVisible(self.selected)
            self.halo.setPath(self._outline(_HALO_GAP))
        if self.highlighted or self.glow is not None:
            if self.glow is None:
                color = QColor(style.state_style(State.SPOF).border)
                color.setAlpha(110)
                self.glow = self._ring(QPen(color, 8.0), -1)
            self.glow.setVisible(self.highlighted)
            self.glow.setPath(self._outline(_HALO_GAP + 2))

    def _ring(self, pen: QPen, z: float) -> QGraphicsPathItem:
        ring = QGraphicsPathItem(self.item)
        ring.setPen(pen)
        ring.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        ring.setZValue(z)
        ring.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        return ring

    def _outline(self, gap: float) -> QPainterPath:
        w, h = self.item.size
        path = QPainterPath()
        radius = self.item.radius + gap
        path.addRoundedRect(QRectF(-gap, -gap, w + 2 * gap, h + 2 * gap), radius, radius)
        return path
