"""Render the application icon (resources/icons/app.svg) into the usual
hicolor sizes for a Linux install: OUT/hicolor/NxN/apps/weaklink.png and
OUT/hicolor/scalable/apps/weaklink.svg. Run by `make dist` with the bundle's
own Qt, offscreen: `python packaging/make_icons.py OUT`."""
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main(out: Path) -> None:
    from designer import resources
    app = QGuiApplication.instance() or QGuiApplication([])
    svg = resources.icon_svg("app")
    renderer = QSvgRenderer(QByteArray(svg))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = out / "hicolor" / f"{size}x{size}" / "apps" / "weaklink.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target), "PNG")
    scalable = out / "hicolor" / "scalable" / "apps" / "weaklink.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(svg)
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]))
