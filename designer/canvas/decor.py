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

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from designer.look import style
from designer.look.style import State, TextRole

from .geometry import CHIP_KINDS

if TYPE_CHECKING:
    from .items import ComponentItem

BADGE = 18.0
_HALO_GAP = 4.0


class Badge(QGraphicsPathItem):
    """The one badge of a card: a round mark ("!", "2", "✓"...), or a pill
    with a count ("! ×3") when the card and its chips carry several marks;
    `place` centres it on the card's badge slot. A SPOF badge keeps its
    size on screen at every zoom (ItemIgnoresTransformations), so single
    points of failure stay findable from the zoomed-out overview and the
    minimap; the other badges scale with the drawing so they do not bury
    it. Its `anchor` (0 its left end, 1 its right end), the end nearer the
    label, holds its place as the zoom changes: a badge that keeps its
    size while the card shrinks grows away from the text it was kept clear
    of at 100 %."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFont(style.label_font(TextRole.BADGE))
        self.setZValue(20)
        self.width = BADGE
        self.anchor = 0.5

    def show_state(self, state: State, mark: str | None = None, count: int = 1,
                   anchor: float = 0.5) -> None:
        s = style.state_style(state)
        mark = s.badge if mark is None else mark
        self.setVisible(bool(mark))
        if not mark:
            return
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations,
                     state is State.SPOF)
        self.setBrush(style.badge_brush(state))
        self.setPen(QPen(QColor(style.palette().canvas), 1.5))
        self.text.setText(mark if count <= 1 else f"{mark} ×{count}")
        self.text.setBrush(s.badge_text)
        r = self.text.boundingRect()
        self.width, self.anchor = max(BADGE, r.width() + 10), anchor
        left = -anchor * self.width
        path = QPainterPath()
        path.addRoundedRect(QRectF(left, -BADGE / 2, self.width, BADGE), BADGE / 2, BADGE / 2)
        self.setPath(path)
        self.text.setPos(left + (self.width - r.width()) / 2, -r.height() / 2)

    def place(self, centre: QPointF) -> None:
        """Centred on `centre` (in the card) at 100 %, held there by its anchor."""
        self.setPos(centre + QPointF((self.anchor - 0.5) * self.width, 0.0))


# The mark a merged badge shows: the strongest message among those it counts.
_RANK = (State.DRILL_FAILED, State.SPOF, State.CUT2, State.NOT_MODELED, State.PROTECTED)
_HOLDS = "holds a single point of failure inside"


class Decor:
    """The decorations of one ComponentItem. A card has one badge slot (its
    top-right corner): its own state, the states of the chips along its edge
    and "holds a SPOF" for a container are merged there into one badge with a
    count, so badges never stack or cover a chip's label; the tooltip names
    each mark."""

    def __init__(self, item: "ComponentItem") -> None:
        self.item = item
        self.badge: Badge | None = None
        self.hatch: QGraphicsPathItem | None = None
        self.halo: QGraphicsPathItem | None = None
        self.glow: QGraphicsPathItem | None = None
        self.selected = self.highlighted = False
        self.holds_spof = False
        self.ever_held = False       # (tests and the legend ask for the header badge)
        self.label_squeezed = False

    @property
    def header_badge(self) -> Badge | None:
        """The badge as the "holds a SPOF" mark of a container (None if never held)."""
        return self.badge if self.ever_held else None

    # -- state -------------------------------------------------------------------
    def update(self) -> None:
        """Follow the item's state and size (called from item.restyle())."""
        item, state = self.item, self.item.state
        host = self.host()
        if host is not None:
            if style.state_style(state).badge or host.decor.badge is not None:
                host.decor.refresh_badge()
        if state is State.NORMAL and not self.worn():
            return   # the common case at build time: nothing to show, nothing to hide
        if host is None:
            self.refresh_badge()
        self._update_hatch(state)
        font = item.label_item.font()
        if font.strikeOut() != style.state_style(state).strike:
            font.setStrikeOut(style.state_style(state).strike)
            item.label_item.setFont(font)
        self._update_halo()

    def host(self) -> "ComponentItem | None":
        """The card a chip's marks are merged into (None for any other item)."""
        if self.item.kind not in CHIP_KINDS:
            return None
        parent = self.item.parentItem()
        return parent if hasattr(parent, "decor") else None

    def marks(self) -> list[tuple[State, str]]:
        """(state, sentence) for every mark this card's badge counts."""
        item = self.item
        found = []
        if style.state_style(item.state).badge:
            found.append((item.state, f"{item.comp.name}: {item.state.title.lower()}"))
        for chip in getattr(item, "chips", ()):
            if style.state_style(chip.state).badge:
                found.append((chip.state, f"{chip.comp.name}: {chip.state.title.lower()}"))
        if self.holds_spof and not any(s is State.SPOF for s, _ in found):
            found.append((State.SPOF, f"{item.comp.name} {_HOLDS}"))
        return found

    def refresh_badge(self) -> None:
        """Show the merged badge in the card's corner slot (or hide it)."""
        marks = self.marks()
        if not marks and self.badge is None:
            return
        if self.badge is None:
            self.badge = Badge(self.item)
        if not marks:
            self.badge.setVisible(False)
            self._unsqueeze()
            return
        top = min(marks, key=lambda m: _RANK.index(m[0]) if m[0] in _RANK else len(_RANK))
        self.badge.show_state(top[0], count=len(marks), anchor=self.item.BADGE_ANCHOR)
        self.badge.setToolTip("\n".join(sentence for _, sentence in marks))
        self.badge.place(self.item.badge_slot(self.badge.width))
        self._keep_label_clear()

    def _keep_label_clear(self) -> None:
        """No badge covers text: shorten the label (with an ellipsis) beside it."""
        self._unsqueeze()
        label, badge = self.item.label_item, self.badge
        room = self.item.mapRectFromItem(badge, badge.boundingRect())
        text = self.item.mapRectFromItem(label, label.boundingRect())
        if label.isVisible() and text.intersects(room) and room.left() > text.left():
            self.item.squeeze_label(room.left() - text.left() - 4)
            self.label_squeezed = True

    def _unsqueeze(self) -> None:
        if self.label_squeezed:
            self.label_squeezed = False
            self.item.layout()

    def worn(self) -> bool:
        """Does the item wear (or has it ever worn) any decoration?"""
        return (self.badge is not None or self.hatch is not None or self.halo is not None
                or self.glow is not None or self.holds_spof
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
        self.ever_held = self.ever_held or on
        self.refresh_badge()

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
