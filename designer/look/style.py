"""The one place for Weaklink's look: palettes, analysis states, pens, fonts.

Canvas items are built-in QGraphics items recoloured with setPen/setBrush, so
this module hands out ready, cached QPen/QBrush objects instead of paint code.
Treat returned objects as read-only (Qt copies them on setPen/setBrush).
The colour values themselves live in designer.look.palettes (re-exported here).

Public API (stable names):
  State                      NORMAL, SPOF, CUT2, PROTECTED, NOT_MODELED,
                             DRILL_FAILED, DRILL_DOWN
  StateStyle, LinkStyle, Palette, LIGHT, DARK   plain data
  palette() -> Palette       the current palette;  set_dark(bool), is_dark()
  add_listener(fn) / remove_listener(fn)   called after palette/presentation change
  state_style(state) -> StateStyle
  state_pen(state), state_brush(state)     border pen, solid body fill
  hatch_brush(state) -> QBrush | None      pattern for a second shape on top
                                           of the body (only hatched states)
  badge_brush(state), badge_text_color(state)   the round badge ("!", "2" ...)
  text_color(state=State.NORMAL)
  link_pen(kind: LinkKind, state=State.NORMAL), arrow_brush(kind)
  container_pen(kind), container_brush(kind), header_brush(kind)   site/rack/server
  segment_pen(trust), segment_brush(trust)  dash-dot zone tinted by Trust
  tier_pen(), tier_brush(), selection_pen(), note_brush(), note_pen(), grid_pen(major)
  TextRole, label_font(role) -> QFont       bundled font, >= 9 pt at 100 % (a copy)
  set_presentation(on), presentation_scale()
  Detail, detail_level(zoom); LOD_LABELS, LOD_CHIPS, LOD_ICONS   level of detail
  PARALLEL_LINK_GAP          scene units between parallel links
"""
from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from typing import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

from designer.model.component import LinkKind, Trust
from designer.model.kinds import Kind
from designer.look.palettes import DARK, LIGHT, LinkStyle, Palette, State, StateStyle

__all__ = [
    "State", "StateStyle", "LinkStyle", "Palette", "LIGHT", "DARK", "palette",
    "set_dark", "is_dark", "add_listener", "remove_listener", "state_style",
    "state_pen", "state_brush", "hatch_brush", "badge_brush", "badge_text_color",
    "text_color", "link_pen", "arrow_brush", "container_pen", "container_brush",
    "header_brush", "segment_pen", "segment_brush", "tier_pen", "tier_brush",
    "selection_pen", "note_brush", "note_pen", "grid_pen", "TextRole",
    "label_font", "set_presentation", "presentation_scale", "Detail",
    "detail_level", "LOD_LABELS", "LOD_CHIPS", "LOD_ICONS", "PARALLEL_LINK_GAP",
    "MIN_LABEL_PT", "PRESENTATION_SCALE", "rendering_with",
]

# --- level of detail: zoom factors below which the canvas draws less --------
LOD_LABELS = 0.5   # component labels hide (container titles and badges stay)
LOD_CHIPS = 0.35   # PSU/NIC/disk chips on server cards hide
LOD_ICONS = 0.2    # kind icons hide; components become plain coloured boxes
PARALLEL_LINK_GAP = 8.0

MIN_LABEL_PT = 9.0          # never smaller at 100 % zoom (VISUAL.md)
PRESENTATION_SCALE = 1.5    # projector mode: labels and badges grow by this


class Detail(Enum):
    FULL = 3
    NO_LABELS = 2
    NO_CHIPS = 1
    BOXES = 0


def detail_level(zoom: float) -> Detail:
    """What to draw at this zoom; call once per zoom change, not per paint."""
    if zoom < LOD_ICONS:
        return Detail.BOXES
    if zoom < LOD_CHIPS:
        return Detail.NO_CHIPS
    if zoom < LOD_LABELS:
        return Detail.NO_LABELS
    return Detail.FULL


class TextRole(Enum):
    SMALL = 9.0    # chip labels, link annotations
    LABEL = 10.0   # component labels
    TITLE = 12.0   # container title bars
    BADGE = 9.5    # state badges (bold)


# --- current palette, presentation mode and change listeners ---------------
_current: Palette = LIGHT
_presentation = False
_listeners: list[Callable[[], None]] = []
_cache: dict[tuple, object] = {}


def palette() -> Palette:
    return _current


def is_dark() -> bool:
    return _current is DARK


def set_dark(dark: bool) -> None:
    global _current
    wanted = DARK if dark else LIGHT
    if wanted is not _current:
        _current = wanted
        _changed()


def set_presentation(on: bool) -> None:
    global _presentation
    if bool(on) != _presentation:
        _presentation = bool(on)
        _changed()


def presentation_scale() -> float:
    return PRESENTATION_SCALE if _presentation else 1.0


def add_listener(fn: Callable[[], None]) -> None:
    if fn not in _listeners:
        _listeners.append(fn)


def remove_listener(fn: Callable[[], None]) -> None:
    if fn in _listeners:
        _listeners.remove(fn)


def _changed() -> None:
    _cache.clear()
    for fn in list(_listeners):
        try:
            fn()
        except RuntimeError:  # its Qt object was deleted without unregistering
            _listeners.remove(fn)


@contextmanager
def rendering_with(pal: Palette, presentation: bool = False) -> Iterator[None]:
    """Build or restyle items in `pal` for the length of the block without
    touching open views: the palette is swapped for this block only and no
    listener is called (designer/export renders a light PDF while the
    window stays dark). Items keep the pens and brushes they were given."""
    global _current, _presentation, _cache
    saved = (_current, _presentation, _cache)
    _current, _presentation = pal, bool(presentation)
    _cache = _render_caches.setdefault((pal.name, _presentation), {})
    try:
        yield
    finally:
        _current, _presentation, _cache = saved


_render_caches: dict[tuple[str, bool], dict] = {}


def _cached(key: tuple, make: Callable[[], object]):
    """Cache per current palette; the cache is cleared whenever it changes."""
    if key not in _cache:
        _cache[key] = make()
    return _cache[key]


def _pen(color: QColor, width: float, style=Qt.PenStyle.SolidLine) -> QPen:
    # Flat caps and miter joins: with antialiasing, round caps made long and
    # dashed lines 6-20x slower to paint (measured by the canvas benchmark).
    pen = QPen(QColor(color), width, style, Qt.PenCapStyle.FlatCap,
               Qt.PenJoinStyle.MiterJoin)
    pen.setCosmetic(False)  # real widths: a cosmetic pen prints as a hairline
    return pen


# --- analysis states --------------------------------------------------------
def state_style(state: State) -> StateStyle:
    return _current.states[state]


def state_pen(state: State) -> QPen:
    s = state_style(state)
    return _cached(("state_pen", state), lambda: _pen(s.border, s.width, s.pen_style))


def state_brush(state: State) -> QBrush:
    return _cached(("state_brush", state), lambda: QBrush(state_style(state).fill))


def hatch_brush(state: State) -> QBrush | None:
    s = state_style(state)
    if s.hatch is None:
        return None
    return _cached(("hatch", state), lambda: QBrush(s.hatch_color, s.hatch))


def badge_brush(state: State) -> QBrush:
    return _cached(("badge", state), lambda: QBrush(state_style(state).badge_fill))


def badge_text_color(state: State) -> QColor:
    return state_style(state).badge_text


def text_color(state: State = State.NORMAL) -> QColor:
    return state_style(state).text


# --- links ------------------------------------------------------------------
def link_pen(kind: LinkKind, state: State = State.NORMAL) -> QPen:
    def make() -> QPen:
        link = _current.links[kind]
        color = link.color if state is State.NORMAL else state_style(state).border
        return _pen(color, link.width, link.pen_style)
    return _cached(("link", kind, state), make)


def arrow_brush(kind: LinkKind) -> QBrush:
    return _cached(("arrow", kind), lambda: QBrush(_current.links[kind].color))


# --- containers, zones, groups ----------------------------------------------
def container_pen(kind: Kind) -> QPen:
    return _cached(("cpen", kind), lambda: _pen(_current.container_border[kind],
                                                 _current.container_width[kind]))


def container_brush(kind: Kind) -> QBrush:
    return _cached(("cbrush", kind), lambda: QBrush(_current.container_fill[kind]))


def header_brush(kind: Kind) -> QBrush:
    return _cached(("hbrush", kind), lambda: QBrush(_current.container_header[kind]))


def segment_pen(trust: Trust) -> QPen:
    return _cached(("spen", trust), lambda: _pen(_current.segment_border[trust], 1.5,
                                                 Qt.PenStyle.DashDotLine))


def segment_brush(trust: Trust) -> QBrush:
    return _cached(("sbrush", trust), lambda: QBrush(_current.segment_tint[trust]))


def tier_pen() -> QPen:
    return _cached(("tpen",), lambda: _pen(_current.tier, 2.0))


def tier_brush() -> QBrush:
    def make() -> QBrush:
        color = QColor(_current.tier)
        color.setAlpha(28)
        return QBrush(color)
    return _cached(("tbrush",), make)


def selection_pen() -> QPen:
    return _cached(("sel",), lambda: _pen(_current.selection, 2.5))


def note_brush() -> QBrush:
    return _cached(("nbrush",), lambda: QBrush(_current.note))


def note_pen() -> QPen:
    return _cached(("npen",), lambda: _pen(_current.note_border, 1.0))


def grid_pen(major: bool = False) -> QPen:
    def make() -> QPen:
        pen = QPen(_current.grid_major if major else _current.grid, 1.0)
        pen.setCosmetic(True)  # the grid is screen furniture; never exported
        return pen
    return _cached(("grid", major), make)


# --- type ---------------------------------------------------------------------
def label_font(role: TextRole = TextRole.LABEL) -> QFont:
    """The bundled font at the role's size (x presentation scale)."""
    def make() -> QFont:
        from designer.resources import load_fonts  # needs a QGuiApplication
        font = QFont(load_fonts())
        font.setPointSizeF(max(MIN_LABEL_PT, role.value) * presentation_scale())
        font.setBold(role in (TextRole.TITLE, TextRole.BADGE))
        return font
    # A copy: callers often tweak a font (strike-out), which must not leak back.
    return QFont(_cached(("font", role), make))
