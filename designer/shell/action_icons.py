"""Icons for the window's commands (toolbar and menus), drawn for Weaklink as
small stroked SVGs in one style with the kind icons, recoloured for the light
or dark look. Vector, so they stay sharp at any screen scale."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_PATHS = {
    "new": '<path d="M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8z"/>'
           '<path d="M14 3v5h5M12 11v6M9 14h6"/>',
    "open": '<path d="M3 7a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4'
            'a1 1 0 0 1-1-1z"/>',
    "save": '<path d="M5 3h11l3 3v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z"/>'
            '<path d="M8 3v5h7V3"/><rect x="8" y="13" width="8" height="6"/>',
    "undo": '<path d="M9 14L4 9l5-5"/><path d="M4 9h10a6 6 0 0 1 0 12h-3"/>',
    "redo": '<path d="M15 14l5-5-5-5"/><path d="M20 9H10a6 6 0 0 0 0 12h3"/>',
    "tool_select": '<path d="M5 3l14 8-6 1.5L10 19z"/>',
    "tool_connect": '<circle cx="6" cy="18" r="3"/><circle cx="18" cy="6" r="3"/>'
                    '<path d="M8.5 15.5l7-7"/>',
    "zoom_in": '<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5L21 21M10.5 7.5v6'
               'M7.5 10.5h6"/>',
    "zoom_out": '<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5L21 21M7.5 10.5h6"/>',
    "fit": '<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/><rect x="9" y="9" width="6"'
           ' height="6"/>',
    "find": '<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5L21 21"/>',
    "drill": '<path d="M13 2L4 14h7l-1 8 9-12h-7z"/>',
    "dark": '<path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z"/>',
}
_SIZES = (16, 20, 24, 32, 48, 64)


def names() -> list[str]:
    return list(_PATHS)


def svg(name: str, color: str) -> bytes:
    body = _PATHS[name]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
            f'stroke="{color}" stroke-width="1.8" stroke-linecap="round" '
            f'stroke-linejoin="round">{body}</svg>').encode()


@lru_cache(maxsize=None)
def icon(name: str, color: str) -> QIcon:
    """The icon `name` stroked in `color` (a #RRGGBB string)."""
    renderer = QSvgRenderer(QByteArray(svg(name, color)))
    result = QIcon()
    for size in _SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result
