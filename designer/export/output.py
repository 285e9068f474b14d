"""Export files: the diagram as PDF, SVG or PNG, each written atomically.

Every writer renders into memory first and then replaces the target in one
step (files.py), so a failed or interrupted export never leaves half a file,
and an unwritable place is reported before any time is spent rendering.

The diagram PDF carries the design itself as an embedded file
(`ATTACHMENT`), so File > Open and `weaklink analyze` can read the PDF again
(designer/io/pdf.py is the reading side).
"""
from __future__ import annotations

import base64

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from designer import __version__
from designer.io import design_to_text
from designer.io.pdf import ATTACHMENT
from designer.look.style import label_font
from designer.model import Design

from .diagram import Printed, Sheet, paint, prepare
from .files import check_writable, write_atomically
from .pages import PageSpec
from .render import Picture, build, paper_color
from .words import sheet_info

PDF_DPI = 1200
MAX_PIXELS = 100_000_000      # 400 MB of pixels: beyond this, lower the DPI


# --- PDF -------------------------------------------------------------------------
def new_pdf_writer(buffer: QBuffer, title: str) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator(f"Weaklink {__version__}")
    return writer


def diagram_sheet(design: Design, result, spec: PageSpec, file: str | None = None,
                  picture: Picture | None = None) -> Sheet:
    picture = picture or build(design, result, spec.palette, spec.only or None)
    return Sheet(picture, design, sheet_info(design, result, file), spec)


def diagram_pdf(design: Design, result, spec: PageSpec = PageSpec(),
                file: str | None = None) -> tuple[bytes, Printed]:
    """The diagram PDF's bytes, with the design attached."""
    sheet = diagram_sheet(design, result, spec, file)
    try:
        return sheet_pdf(sheet)
    finally:
        sheet.picture.close()


def sheet_pdf(sheet: Sheet) -> tuple[bytes, Printed]:
    """A built sheet as PDF bytes (the picture stays open for its owner)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = new_pdf_writer(buffer, sheet.design.name)
    attach_design(writer, sheet.design)
    prepare(writer, sheet)
    painter = QPainter(writer)
    printed = paint(painter, writer, sheet)
    painter.end()
    return bytes(buffer.data()), printed


def attach_design(writer: QPdfWriter, design: Design) -> None:
    writer.addFileAttachment(ATTACHMENT, QByteArray(design_to_text(design).encode("utf-8")),
                             "application/json")


def write_diagram_pdf(path: str, design: Design, result, spec: PageSpec = PageSpec(),
                      file: str | None = None) -> Printed:
    check_writable(path)
    data, printed = diagram_pdf(design, result, spec, file)
    write_atomically(path, data)
    return printed


# --- SVG and PNG ---------------------------------------------------------------------
def diagram_svg(design: Design, result, palette: str = "light", only=None,
                embed_font: bool = False) -> bytes:
    """An SVG of the drawing; labels are <text> in the bundled font's family."""
    picture = build(design, result, palette, only)
    try:
        return picture_svg(picture, design.name, embed_font)
    finally:
        picture.close()


def picture_svg(picture: Picture, title: str, embed_font: bool = False) -> bytes:
    source = picture.source
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(96)
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription(f"Weaklink {__version__}")
    painter = QPainter(generator)
    painter.setFont(label_font())   # no group in the file names another family
    picture.draw_at(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    data = bytes(buffer.data())
    return _embed_font(data) if embed_font else data


def _embed_font(svg: bytes) -> bytes:
    """Put the bundled font into the SVG (@font-face, data URL), so it shows
    the same on a machine without DejaVu Sans."""
    from designer.resources import FONT_FILES, load_fonts, resource_path
    family = load_fonts()
    faces = []
    for name, weight in zip(FONT_FILES, ("normal", "bold")):
        encoded = base64.b64encode(resource_path("fonts", name).read_bytes()).decode("ascii")
        faces.append(f"@font-face {{ font-family: '{family}'; font-weight: {weight}; "
                     f"src: url(data:font/ttf;base64,{encoded}) format('truetype'); }}")
    style = ("<style type=\"text/css\"><![CDATA[\n" + "\n".join(faces) +
             "\n]]></style>\n").encode("ascii")
    head_end = svg.index(b">", svg.index(b"<svg")) + 1
    return svg[:head_end] + b"\n" + style + svg[head_end:]


def diagram_png(design: Design, result, dpi: float = 192.0, palette: str = "light",
                only=None) -> bytes:
    """A PNG of the drawing at `dpi` (96 = the canvas at 100 % zoom)."""
    picture = build(design, result, palette, only)
    try:
        return picture_png(picture, dpi)
    finally:
        picture.close()


def picture_png(picture: Picture, dpi: float) -> bytes:
    source = picture.source
    ratio = dpi / 96.0
    width, height = round(source.width() * ratio), round(source.height() * ratio)
    if width * height > MAX_PIXELS:
        raise ValueError(f"{width} x {height} pixels is too large; lower the DPI")
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(paper_color(picture.palette))
    painter = QPainter(image)
    picture.draw_at(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())
