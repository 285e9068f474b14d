"""Render the images in docs/visual.md: the icon contact sheet and the legend.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_visual_docs.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from designer import resources
from designer.look import legend
from designer.look import style

IMAGES = Path(__file__).resolve().parents[1] / "docs" / "images"
SIZES = (16, 32, 64)
CELL_W, NAME_H = 112, 22


def _draw_cell(painter: QPainter, x: int, y: int, name: str, dark: bool) -> None:
    inner = x + 8
    for size in SIZES:
        painter.drawPixmap(inner, y + 64 - size, resources.icon_pixmap(name, size, dark))
        inner += size + 6
    painter.drawText(QRectF(x, y + 68, CELL_W, NAME_H), Qt.AlignmentFlag.AlignLeft, name)


def icon_sheet(columns: int = 4) -> QImage:
    names = resources.icon_names()
    rows = -(-len(names) // columns)
    band_h = rows * (64 + NAME_H + 14) + 16
    width = columns * (CELL_W + 28) * 2 + 24
    image = QImage(width, band_h, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(QFont(resources.load_fonts(), 9))
    half = width // 2
    for dark, x0 in ((False, 0), (True, half)):
        pal = style.DARK if dark else style.LIGHT
        painter.fillRect(x0, 0, half, band_h, pal.canvas)
        painter.setPen(pal.text_muted)
        for i, name in enumerate(names):
            x = x0 + 12 + (i % columns) * (CELL_W + 28)
            y = 12 + (i // columns) * (64 + NAME_H + 14)
            _draw_cell(painter, x, y, name, dark)
    painter.end()
    return image


def legend_sheet() -> QImage:
    images = []
    for dark in (False, True):
        style.set_dark(dark)
        images.append(legend.render_legend_image(scale=2.0))
    style.set_dark(False)
    out = QImage(sum(i.width() for i in images), max(i.height() for i in images),
                 QImage.Format.Format_ARGB32)
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.drawImage(0, 0, images[0])
    painter.drawImage(images[0].width(), 0, images[1])
    painter.end()
    return out


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    resources.load_fonts()
    IMAGES.mkdir(parents=True, exist_ok=True)
    icon_sheet().save(str(IMAGES / "icons.png"))
    if "--icons-only" not in sys.argv:
        legend_sheet().save(str(IMAGES / "legend.png"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
