"""Render what a CanvasView shows into an image at any device-pixel ratio,
and regenerate the canvas pictures in docs/images (run from the repo root,
or name the folder):

    QT_QPA_PLATFORM=offscreen python -m designer.canvas.snapshot [OUT_DIR]

Rendering at scale 2 draws paths and text at twice the resolution and uses
the icons' 2x pixmaps, which is how the canvas looks on a 2x screen.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from designer import data

EXAMPLES = ("monolith", "three-tier", "duplicated-services", "multi-site")


def render(view, scale: float = 1.0) -> QImage:
    """The view's visible area as an image with device-pixel ratio `scale`."""
    size = view.viewport().size()
    image = QImage(int(size.width() * scale), int(size.height() * scale),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    painter.setRenderHints(view.renderHints())
    view.render(painter, QRectF(0, 0, size.width(), size.height()), view.viewport().rect())
    painter.end()
    return image


def example_view(name: str, size=(1400, 900)):
    from designer.canvas import CanvasView
    from designer.document import Document
    from designer.io import load_design

    view = CanvasView(Document(load_design(data.template(name))))
    view.resize(*size)
    view.show()
    view.fit_all()
    return view


def main(out: Path = Path("docs") / "images") -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from designer.look import style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in EXAMPLES:
        view = example_view(name)
        app.processEvents()
        written.append(out / f"canvas-{name}.png")
        render(view).save(str(written[-1]))
        if name == "three-tier":
            view.set_zoom(1.5)
            view.center_on_ids(["web-1"] if "web-1" in view.document else [])
            written.append(out / f"canvas-{name}@2x.png")
            render(view, 2.0).save(str(written[-1]))
        if name == "multi-site":
            view.set_dark(True)
            written.append(out / f"canvas-{name}-dark.png")
            render(view).save(str(written[-1]))
            view.set_dark(False)
        view.close()
    for path in written:
        print(path)
    style.set_dark(False)
    return written


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs") / "images")
