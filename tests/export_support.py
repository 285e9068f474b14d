"""Reading exported PDFs back for the export tests (pypdf), and the labels
the canvas shows for a design."""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.weaklink.json"))


def font_files() -> list[Path]:
    """The bundled font files, wherever the package keeps them."""
    from designer.resources import FONT_FILES, resource_path
    return [Path(resource_path("fonts", name)) for name in FONT_FILES]


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def page_text(page) -> str:
    """Text as a viewer's search sees it: ligatures unfolded, runs of space one."""
    text = unicodedata.normalize("NFKC", page.extract_text())
    return re.sub(r"\s+", " ", text)


def all_text(pdf: pypdf.PdfReader) -> str:
    return " ".join(page_text(p) for p in pdf.pages)


def page_size_pt(page) -> tuple[float, float]:
    box = page.mediabox
    return float(box.width), float(box.height)


def embedded_fonts(pdf: pypdf.PdfReader) -> dict[str, int]:
    """Base font name -> bytes of its embedded program, for every font used."""
    found = {}
    for page in pdf.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendant = font.get("/DescendantFonts")
            if descendant is not None:
                font = descendant[0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            program = next((descriptor[k] for k in ("/FontFile2", "/FontFile", "/FontFile3")
                            if k in descriptor), None)
            found[str(font["/BaseFont"])] = len(program.get_object().get_data()) if program else 0
    return found


def images(page) -> list[tuple[int, int]]:
    """(width, height) in pixels of every image XObject a page draws."""
    xobjects = page.get("/Resources", {}).get("/XObject", {})
    sizes = []
    for ref in xobjects.values():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            sizes.append((int(obj["/Width"]), int(obj["/Height"])))
    return sizes


def content(page) -> str:
    return page.get_contents().get_data().decode("latin-1")


def shown_labels(design) -> dict[str, str]:
    """Component id -> the text its card shows (elided when the card is narrow),
    built by the export renderer itself."""
    from designer.export.render import build
    picture = build(design, None)
    shown = {item.cid: item.label_item.text() for item in picture.scene.component_items()
             if item.label_item.isVisible() and item.label_item.text()}
    picture.close()
    return shown


def searchable(text: str) -> str:
    """A label as it appears in extracted text (ligatures unfolded, one space)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def text_positions(page) -> list[tuple[str, float, float]]:
    """(text, x, y) of every text run on a page, in PDF points from the
    bottom-left corner (the run's start on its baseline)."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text, x, y))
    page.extract_text(visitor_text=visit)
    return found
