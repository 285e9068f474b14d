"""The grey print palette: the light palette with every colour turned into
its grey of equal luminance, on white paper.

Nothing else changes, which is the point: the grey-print rule of
designer.look.palettes (each state differs by border width, pen pattern,
hatch or badge, not by hue alone) is what keeps a SPOF telling apart from an
order-2 member on a black-and-white printer. `PALETTES` names the three
palettes an export can use.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtGui import QColor

from designer.look.palettes import DARK, LIGHT, Palette


def grey_of(color: QColor) -> QColor:
    """The grey of equal luminance (Rec. 601 weights, as qGray), alpha kept."""
    level = round(0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue())
    return QColor(level, level, level, color.alpha())


def _greyed(value):
    if isinstance(value, QColor):
        return grey_of(value)
    if isinstance(value, dict):
        return {key: _greyed(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _greyed(getattr(value, f.name))
                                             for f in dataclasses.fields(value)})
    return value


def greyed(palette: Palette, name: str = "grey") -> Palette:
    """`palette` in greys; the canvas becomes white paper."""
    grey = _greyed(palette)
    return dataclasses.replace(grey, name=name, canvas=QColor("#FFFFFF"))


GREY = greyed(LIGHT)
PALETTES: dict[str, Palette] = {"light": LIGHT, "dark": DARK, "grey": GREY}
