"""Bundled files: the font and the kind icons.

Resources are package data, found through `designer.data` (the repo's
resources/ folder in a checkout, designer/data/resources in a wheel).

Icons are single-colour SVGs drawn with the placeholder `currentColor`; the
loader substitutes the palette's icon colour (light or dark) before
QSvgRenderer sees the text, so one drawing serves both palettes.

Public API:
  resource_path(*parts) -> Path
  load_fonts() -> str                 family name of the bundled font (idempotent)
  icon_names() -> list[str]           every Kind value, plus "app"
  icon_svg(kind, dark=False) -> bytes recoloured SVG source
  svg_renderer(kind, dark=False)      cached QSvgRenderer (vector, for export)
  icon_pixmap(kind, size, dark=False) cached QPixmap, size x size device pixels
  icon(kind, dark=False) -> QIcon     cached, 16..64 px
`kind` is a designer.model.Kind or its string value ("app" for the app icon).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QFontDatabase, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from designer import data
from designer.model.kinds import Kind

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FALLBACK_FAMILY = "DejaVu Sans"
ICON_SIZES = (16, 20, 24, 32, 48, 64)
_PLACEHOLDER = b"currentColor"

_family: str | None = None


def resource_path(*parts: str) -> Path:
    return data.path("resources", *parts)


def load_fonts() -> str:
    """Register the bundled font with Qt once; returns its family name.

    Needs a QGuiApplication. Registering it (rather than trusting the system)
    is what makes exported PDFs embed the same font on every machine.
    """
    global _family
    if _family is None:
        families: list[str] = []
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
            if font_id < 0:
                raise RuntimeError(f"bundled font failed to load: {name}")
            families += QFontDatabase.applicationFontFamilies(font_id)
        _family = families[0] if families else FALLBACK_FAMILY
    return _family


def _name(kind: Kind | str) -> str:
    return kind.value if isinstance(kind, Kind) else str(kind)


def icon_names() -> list[str]:
    return [k.value for k in Kind] + ["app"]


@lru_cache(maxsize=None)
def icon_svg(kind: Kind | str, dark: bool = False) -> bytes:
    from designer.look.palettes import DARK, LIGHT  # colour data only; no cycle

    source = resource_path("icons", f"{_name(kind)}.svg").read_bytes()
    color = (DARK if dark else LIGHT).icon.name().encode()
    return source.replace(_PLACEHOLDER, color)


@lru_cache(maxsize=None)
def svg_renderer(kind: Kind | str, dark: bool = False) -> QSvgRenderer:
    renderer = QSvgRenderer(QByteArray(icon_svg(kind, dark)))
    if not renderer.isValid():
        raise ValueError(f"invalid icon SVG: {_name(kind)}")
    return renderer


@lru_cache(maxsize=None)
def icon_pixmap(kind: Kind | str, size: int, dark: bool = False) -> QPixmap:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    svg_renderer(kind, dark).render(painter)
    painter.end()
    return QPixmap.fromImage(image)


@lru_cache(maxsize=None)
def icon(kind: Kind | str, dark: bool = False) -> QIcon:
    result = QIcon()
    for size in ICON_SIZES:
        result.addPixmap(icon_pixmap(kind, size, dark))
    return result
