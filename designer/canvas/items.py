"""Component items: one per component, built only from built-in QGraphics items
(a QGraphicsPathItem body with text, pixmap and chip children) so that Qt
paints them in C++. Items hold the id and what they show, never state the file
needs; the scene calls `apply(component)` whenever the document changes one.

Kinds drawn here: devices (icon + label), services (rounded pills), chips
(PSU/NIC/disk along a host's edge), sticky notes and free text. Containers
and tiers are in `containers.py`; state badges and halos in `decor.py`.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem, QGraphicsTextItem

from designer.look import style
from designer.model import Component
from designer.look.style import Detail, State, TextRole

from . import geometry as G
from .decor import BADGE, Decor
from .drawing import ICON, elided, flat, font, icon_item, metrics, normal_width, rounded

NO_PEN = QPen(Qt.PenStyle.NoPen)


def fitting_scale(text: str, role: TextRole, room: float) -> float:
    """The scale that fits `text` (in `role`'s type, at the current size)
    in `room`: in presentation mode it shrinks back toward its normal size
    before anything is cut, never below it; outside that mode, or where it
    fits, 1. The floor is the text's own width at the normal size: at 1 /
    the scale, a label sized for its card ("Database network switch") was
    2.6 % too wide and cut."""
    full = metrics(role).horizontalAdvance(text)
    if style.presentation_scale() <= 1.0 or full <= room or full <= 0:
        return 1.0
    return max(normal_width(text, role) / full, room / full)


def _unscaled(room: float, scale: float) -> float:
    """`room` in the label's own units at `scale`. A hundredth more: where
    `fitting_scale` gave room / full, room / scale came out a hair under
    the text's width and cut a label that fits ("Database network swit…"
    on the projector)."""
    return room / scale + 0.01


class ComponentItem(QGraphicsPathItem):
    """Base: a body path in item coordinates with its top-left at (0, 0); the
    item's position is the component's (x, y), relative to the Qt parent item,
    which mirrors the placement parent."""

    role = TextRole.LABEL
    radius = 6.0

    def __init__(self, comp: Component) -> None:
        super().__init__()
        self.cid, self.kind = comp.id, comp.kind
        self.comp = comp
        self.state = State.NORMAL
        self.size = G.size_of(comp)
        self.label_item = QGraphicsSimpleTextItem(self)
        self.label_item.setFont(font(self.role))
        self.decor = Decor(self)
        self.build()
        self.apply(comp)

    # -- hooks -----------------------------------------------------------------
    def build(self) -> None:
        """Create children that do not depend on the component's values."""

    def layout(self) -> None:
        """Place children for the current size and label."""
        w, h = self.size
        self.label_item.setScale(1.0)        # `squeeze_label` may have shrunk it
        self.label_item.setText(elided(self.comp.name, self.role, w - 12))
        r = self.label_item.boundingRect()
        self.label_item.setPos((w - r.width()) / 2, (h - r.height()) / 2)

    def body_pen(self) -> QPen:
        return style.state_pen(self.state)

    def body_brush(self) -> QBrush:
        return style.state_brush(self.state)

    # -- driven by the scene -----------------------------------------------------
    def apply(self, comp: Component) -> None:
        self.comp = comp
        self.size = self.fitted_size(G.size_of(comp))
        if not isinstance(self.parentItem(), ComponentItem) or self.kind not in G.CHIP_KINDS:
            self.setPos(comp.x, comp.y)
        self.setPath(rounded(self.rect(), self.radius))
        self.setToolTip(f"{comp.kind.title}: {comp.name}")
        self.layout()
        self.restyle()

    def fitted_size(self, size: tuple[float, float]) -> tuple[float, float]:
        return size

    def rect(self) -> QRectF:
        return QRectF(0.0, 0.0, *self.size)

    def scene_rect(self) -> QRectF:
        return QRectF(self.scenePos(), QPointF(self.scenePos().x() + self.size[0],
                                               self.scenePos().y() + self.size[1]))

    def anchor_rect(self, toward: QPointF) -> QRectF:
        """The scene rect a link toward `toward` attaches to."""
        return self.scene_rect()

    # The badge's end that holds its place at every zoom (decor.Badge): its
    # left end, the one beside the label.
    BADGE_ANCHOR = 0.0

    def badge_slot(self, badge_width: float) -> QPointF:
        """Centre of the card's one badge: straddling its top-right corner."""
        return QPointF(self.size[0] - badge_width / 2 + BADGE * 0.4, BADGE * 0.1)

    def squeeze_label(self, width: float) -> None:
        """Fit the label in `width` (a badge sits beside it): in presentation
        mode it shrinks toward its normal size first, as `set_label` does,
        and keeps its vertical centre ("ISP up…" and "Databas…" on the
        projector, beside their badges); then it is elided."""
        label = self.label_item
        scale = label.scale() or 1.0
        text = label.text()
        if width > 0:
            smaller = fitting_scale(text, self.role, width)
            if smaller < scale:
                height = label.boundingRect().height()
                label.setScale(smaller)
                label.moveBy(0, height * (scale - smaller) / 2)
                scale = smaller
        label.setText(elided(text, self.role, _unscaled(width, scale)))

    def set_label(self, text: str, room: float,
                  mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> QRectF:
        """Show `text` in `room` scene units, elided if it must be. In
        presentation mode a label that does not fit at the larger size
        shrinks back toward its normal size before anything is cut, so the
        projector shows whole names. Returns the label's size as drawn."""
        label = self.label_item
        scale = fitting_scale(text, self.role, room)
        label.setScale(scale)
        label.setText(elided(text, self.role, _unscaled(room, scale), mode))
        r = label.boundingRect()
        return QRectF(0, 0, r.width() * scale, r.height() * scale)

    def restyle(self) -> None:
        self.setPen(flat(self.body_pen()))
        self.setBrush(self.body_brush())
        self.label_item.setBrush(style.text_color(self.state))
        self.decor.update()

    def set_state(self, state: State) -> None:
        if state is not self.state:
            self.state = state
            self.restyle()

    def set_detail(self, detail: Detail) -> None:
        self.label_item.setVisible(detail is Detail.FULL)

    def set_selected(self, on: bool) -> None:
        self.decor.set_selected(on)

    def grabs_at(self, local: QPointF) -> bool:
        """Does a press at this point (item coordinates) pick the item up?"""
        return True

    def refresh_icons(self) -> None:
        """Re-render icons and fonts after a palette or presentation change."""
        self.label_item.setFont(font(self.role))
        self.layout()


class DeviceItem(ComponentItem):
    """Feeds, UPSes, switches, firewalls...: a rounded card with icon + label.
    The card grows to fit its label (up to G.MAX_CARD_W), so names are not
    cut; a longer name is elided and shown whole in the tooltip."""

    icon_size = ICON

    def build(self) -> None:
        self.icon = icon_item(self, self.kind, self.icon_size)
        self.icon_on_dark = style.is_dark()

    def layout(self) -> None:
        w, h = self.size
        self.icon.setPos(8, (h - ICON) / 2)
        r = self.set_label(self.comp.name, w - ICON - 20)
        self.label_item.setPos(ICON + 14, (h - r.height()) / 2)

    def fitted_size(self, size):
        if self.kind not in G.RESIZABLE:
            size = (G.fit_width(self.label_width() + self.label_extra(size), size[0]), size[1])
        kinds = [c.kind for c in getattr(self, "chips", [])]
        if not kinds:
            return size
        w, h = G.min_host_size(kinds)
        return (max(size[0], w), max(size[1], h))

    def label_width(self) -> float:
        """The label's width at normal size (presentation mode does not move cards)."""
        return normal_width(self.comp.name, self.role)

    def label_extra(self, size: tuple[float, float]) -> float:
        """Card width around the label: icon, gaps and the badge corner."""
        return ICON + 24

    def set_detail(self, detail: Detail) -> None:
        super().set_detail(detail)
        self.icon.setVisible(detail is not Detail.BOXES)

    def place_chips(self, chips: list["ChipItem"]) -> None:
        """Lay this host's PSU/NIC/disk chips along its edge (grows to fit them)."""
        self.chips = chips
        size = self.fitted_size(G.size_of(self.comp))
        if size != self.size:
            self.size = size
            self.setPath(rounded(self.rect(), self.radius))
            self.layout()
            self.decor.update()
        for chip, slot in zip(chips, G.chip_slots(*size, [c.kind for c in chips])):
            chip.setPos(slot)

    def refresh_icons(self) -> None:
        super().refresh_icons()
        self._set_icon(self.icon_on_dark)

    def restyle(self) -> None:
        super().restyle()
        on_dark = self.body_brush().color().lightness() < 110   # e.g. failed in a drill
        if on_dark != self.icon_on_dark:
            self._set_icon(on_dark)

    def _set_icon(self, on_dark: bool) -> None:
        from designer.resources import icon_pixmap
        self.icon_on_dark = on_dark
        self.icon.setPixmap(icon_pixmap(self.kind, int(self.icon_size * 2), on_dark))


class ServiceItem(DeviceItem):
    """A service: a rounded pill (hidden at the smallest zoom, where it would
    be a speck inside its server)."""

    def set_detail(self, detail: Detail) -> None:
        super().set_detail(detail)
        self.setVisible(detail is not Detail.BOXES)

    def apply(self, comp: Component) -> None:
        self.radius = G.size_of(comp)[1] / 2
        super().apply(comp)

    def label_extra(self, size: tuple[float, float]) -> float:
        return size[1] - 10 + 30

    BADGE_ANCHOR = 1.0      # the label is to the right of the badge

    def badge_slot(self, badge_width: float) -> QPointF:
        """On the pill's left end, over its icon: the right end often sits
        beside the host's NIC chips, whose labels a badge there would cover."""
        return QPointF(badge_width / 2 - BADGE * 0.3, BADGE * 0.1)

    def layout(self) -> None:
        w, h = self.size
        size = h - 10
        self.icon.setScale(size / (ICON * 2))
        self.icon.setPos(10, 5)
        r = self.set_label(self.comp.name, w - size - 26)
        self.label_item.setPos(size + 16, (h - r.height()) / 2)


class ChipItem(ComponentItem):
    """A PSU, NIC or disk: a small chip laid along its host's edge."""

    role = TextRole.SMALL
    radius = 3.0

    def layout(self) -> None:
        w, h = self.size
        # The end of a chip's label tells chips apart ("…psu-a", "…psu-b").
        r = self.set_label(self.comp.name, w - 2, Qt.TextElideMode.ElideLeft)
        self.label_item.setPos((w - r.width()) / 2, (h - r.height()) / 2)

    def set_detail(self, detail: Detail) -> None:
        self.setVisible(detail in (Detail.FULL, Detail.NO_LABELS))
        self.label_item.setVisible(detail is Detail.FULL)


class NoteItem(ComponentItem):
    """A sticky note: wrapped text on a yellow card (no meaning to the analyzer)."""

    radius = 2.0

    def build(self) -> None:
        self.text_item = QGraphicsTextItem(self)
        self.text_item.setFont(style.label_font(TextRole.LABEL))

    def layout(self) -> None:
        w, h = self.size
        self.label_item.setText(elided(self.comp.name, TextRole.LABEL, w - 12))
        self.label_item.setPos(6, 4)
        self.text_item.setPlainText(self.comp.text)
        self.text_item.setTextWidth(w - 8)
        self.text_item.setPos(4, 22)

    def body_pen(self) -> QPen:
        return style.note_pen() if self.state is State.NORMAL else super().body_pen()

    def body_brush(self) -> QBrush:
        return style.note_brush()

    def restyle(self) -> None:
        super().restyle()
        self.text_item.setDefaultTextColor(style.text_color())


class TextItem(ComponentItem):
    """Free text: a label with no frame."""

    role = TextRole.TITLE

    def fitted_size(self, size):
        r = metrics(self.role).boundingRect(self.comp.name or " ")
        return (max(40.0, r.width() + 12), max(size[1], r.height() + 6))

    def layout(self) -> None:
        self.label_item.setText(self.comp.name)
        self.label_item.setPos(6, 3)

    def body_pen(self) -> QPen:
        return NO_PEN if self.state is State.NORMAL else super().body_pen()

    def body_brush(self) -> QBrush:
        return QBrush(Qt.BrushStyle.NoBrush)
