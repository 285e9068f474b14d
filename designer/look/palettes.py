"""Colour data for designer.look.style: the light and dark palettes.

Pure data (QColor values and Qt enums), no behaviour. Import from
designer.look.style, which re-exports these names; this module exists only so
style.py stays small.

Grey-print rule (VISUAL.md): each analysis state differs from every other by
border width, pen pattern, hatch or badge, not by hue alone:
  NORMAL        1.5 solid, no badge           PROTECTED  1.25 solid, "✓"
  SPOF          4.0 solid, "!"                NOT_MODELED 2.0 dotted, "?"
  CUT2          2.5 dashed, "2"               DRILL_FAILED 2.5 solid, dark fill, "×"
  DRILL_DOWN    1.5 solid, hatched fill, no badge
Segment zones use a dash-dot border (a map boundary) and hues kept clear of
the state colours (no red, amber, green or plain grey), so a zone never
reads as a state.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from designer.model.component import LinkKind, Trust
from designer.model.kinds import Kind
# The states themselves are Qt-free (the report layer); here only their looks.
from designer.report.states import STATE_TITLES, State  # noqa: F401  (re-exported)

_SOLID, _DASH, _DOT = Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine


@dataclass(frozen=True)
class StateStyle:
    border: QColor
    fill: QColor
    width: float
    pen_style: Qt.PenStyle
    badge: str                  # "" for no badge
    text: QColor                # label colour on this fill
    badge_fill: QColor
    badge_text: QColor
    hatch: Optional[Qt.BrushStyle] = None   # pattern drawn over the fill
    hatch_color: Optional[QColor] = None
    strike: bool = False        # strike-through label (failed in a drill)


@dataclass(frozen=True)
class LinkStyle:
    color: QColor
    width: float
    pen_style: Qt.PenStyle
    arrow: bool                 # drawn with an arrowhead at the target end


@dataclass(frozen=True)
class Palette:
    name: str
    canvas: QColor
    grid: QColor
    grid_major: QColor
    text: QColor
    text_muted: QColor
    icon: QColor                # replaces "currentColor" in the SVG icons
    container_fill: dict[Kind, QColor]
    container_header: dict[Kind, QColor]
    container_border: dict[Kind, QColor]
    container_width: dict[Kind, float]
    segment_tint: dict[Trust, QColor]
    segment_border: dict[Trust, QColor]
    tier: QColor
    links: dict[LinkKind, LinkStyle]
    selection: QColor
    note: QColor
    note_border: QColor
    states: dict[State, StateStyle]


def _c(hex_: str) -> QColor:
    return QColor(hex_)


def _states(n, spof, cut2, prot, nm, failed, down, text, light_text) -> dict:
    """Each argument: (border, fill, ...) hex strings; failed adds the badge text
    colour, down adds the hatch and label colours."""
    white = _c("#FFFFFF")
    return {
        State.NORMAL: StateStyle(_c(n[0]), _c(n[1]), 1.5, _SOLID, "", text,
                                 _c(n[0]), white),
        State.SPOF: StateStyle(_c(spof[0]), _c(spof[1]), 4.0, _SOLID, "!", text,
                               _c(spof[0]), white),
        State.CUT2: StateStyle(_c(cut2[0]), _c(cut2[1]), 2.5, _DASH, "2", text,
                               _c(cut2[0]), _c("#1A1A1A")),
        State.PROTECTED: StateStyle(_c(prot[0]), _c(prot[1]), 1.25, _SOLID, "✓", text,
                                    _c(prot[0]), white),
        State.NOT_MODELED: StateStyle(_c(nm[0]), _c(nm[1]), 2.0, _DOT, "?", text,
                                      _c(nm[0]), white),
        State.DRILL_FAILED: StateStyle(_c(failed[0]), _c(failed[1]), 2.5, _SOLID, "×",
                                       light_text, _c(failed[0]), _c(failed[2]),
                                       strike=True),
        State.DRILL_DOWN: StateStyle(_c(down[0]), _c(down[1]), 1.5, _SOLID, "",
                                     _c(down[3]), _c(down[0]), white,
                                     hatch=Qt.BrushStyle.BDiagPattern,
                                     hatch_color=_c(down[2])),
    }


def _links(power: str, network: str, dependency: str) -> dict:
    return {
        LinkKind.POWER: LinkStyle(_c(power), 3.0, _SOLID, True),
        LinkKind.NETWORK: LinkStyle(_c(network), 2.0, _SOLID, False),
        LinkKind.DEPENDENCY: LinkStyle(_c(dependency), 1.75, _DASH, True),
    }


def _by_kind(site: str, rack: str, server: str) -> dict:
    return {Kind.SITE: _c(site), Kind.RACK: _c(rack), Kind.SERVER: _c(server)}


def _by_trust(internet, dmz, internal, data, management) -> dict:
    return {Trust.INTERNET: _c(internet), Trust.DMZ: _c(dmz), Trust.INTERNAL: _c(internal),
            Trust.DATA: _c(data), Trust.MANAGEMENT: _c(management)}


_WIDTHS = {Kind.SITE: 2.0, Kind.RACK: 2.5, Kind.SERVER: 1.5}

LIGHT = Palette(
    name="light", canvas=_c("#F7F8FA"), grid=_c("#E6E9EE"), grid_major=_c("#D5DAE1"),
    text=_c("#1E2630"), text_muted=_c("#5D6876"), icon=_c("#2F3A48"),
    container_fill=_by_kind("#EEF1F5", "#E4E8EE", "#FFFFFF"),
    container_header=_by_kind("#D9DFE7", "#C9D0DA", "#EEF1F5"),
    container_border=_by_kind("#7D8998", "#4F5B6A", "#6A7584"),
    container_width=_WIDTHS,
    segment_tint=_by_trust("#ECEFF3", "#FBE8F1", "#E4EFFB", "#EFE7F9", "#E2F4F1"),
    segment_border=_by_trust("#6B7A8F", "#B4477F", "#3C78B5", "#7D5BB0", "#2C8C7E"),
    tier=_c("#3C5A99"),
    links=_links(power="#C0561B", network="#2A6FB0", dependency="#3A4452"),
    selection=_c("#1A73E8"), note=_c("#FFF2A8"), note_border=_c("#D8C25A"),
    states=_states(n=("#5B6675", "#FFFFFF"), spof=("#D0312D", "#FDE7E6"),
                   cut2=("#E08E0B", "#FFF4DC"), prot=("#2E8540", "#EAF6EC"),
                   nm=("#848B95", "#F1F2F4"), failed=("#111418", "#3D434B", "#FFFFFF"),
                   down=("#9AA0A8", "#ECEDEF", "#8E949C", "#6F757D"),
                   text=_c("#1E2630"), light_text=_c("#F4F5F7")),
)

DARK = Palette(
    name="dark", canvas=_c("#1B1F25"), grid=_c("#252A32"), grid_major=_c("#2F3540"),
    text=_c("#E7EBF0"), text_muted=_c("#A3ACB8"), icon=_c("#D6DCE4"),
    container_fill=_by_kind("#222830", "#272D36", "#2C333D"),
    container_header=_by_kind("#2E3641", "#343C48", "#353D48"),
    container_border=_by_kind("#6C7888", "#8592A3", "#7A8696"),
    container_width=_WIDTHS,
    segment_tint=_by_trust("#262B32", "#3A2230", "#1F2F42", "#2E2640", "#1E3632"),
    segment_border=_by_trust("#8A95A3", "#E07AB0", "#5B9BD8", "#A687D6", "#4DB6A5"),
    tier=_c("#8FA8E0"),
    links=_links(power="#F08A4B", network="#5EA8EE", dependency="#C3CBD6"),
    selection=_c("#5AA2FF"), note=_c("#5B5226"), note_border=_c("#8A7D3A"),
    states=_states(n=("#9AA5B4", "#2C333D"), spof=("#FF5A52", "#4A2224"),
                   cut2=("#FFB020", "#453818"), prot=("#5CC46E", "#1E3A26"),
                   nm=("#9AA0A8", "#30343A"), failed=("#E7EBF0", "#0A0C0F", "#111418"),
                   down=("#6F767F", "#262A30", "#6A717A", "#8C939C"),
                   text=_c("#E7EBF0"), light_text=_c("#F4F5F7")),
)
