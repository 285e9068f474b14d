"""Diagram PDFs read back with pypdf: page count and size as asked, every label
as text, the bundled font embedded as a subset, no page that is a picture, real
pen widths, grey print in greys, and the attached design that opens again."""
from __future__ import annotations

import re

import pytest

from designer.analysis.engine import analyze
from designer.io import LoadError, load_design
from designer.export.output import diagram_pdf
from designer.export.pages import PageSpec
from tests.export_support import (EXAMPLES, all_text, content, embedded_fonts,
                                  font_files, images, page_size_pt, reader, searchable,
                                  shown_labels, text_positions)

A4 = (595.3, 841.9)
A3 = (841.9, 1190.6)


def _pdf(path, spec=PageSpec()):
    design = load_design(path)
    data, printed = diagram_pdf(design, analyze(design), spec, str(path))
    return design, data, printed


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_every_example_fits_one_page_with_every_label_as_text(qapp, path):
    design, data, printed = _pdf(path)
    pdf = reader(data)
    assert len(pdf.pages) == printed.pages == 1
    text = all_text(pdf)
    for cid, label in shown_labels(design).items():
        assert searchable(label) in text, f"{cid}: {label!r} not in the PDF's text"
    assert design.name in text


def test_page_size_and_orientation_as_asked(qapp):
    path = EXAMPLES[0]
    for spec, (w, h) in ((PageSpec(size="A4", orientation="portrait"), A4),
                         (PageSpec(size="A4", orientation="landscape"), A4[::-1]),
                         (PageSpec(size="A3", orientation="landscape"), A3[::-1]),
                         (PageSpec(size="Letter", orientation="portrait"), (612, 792)),
                         (PageSpec(size="Tabloid", orientation="portrait"), (792, 1224))):
        _design, data, _ = _pdf(path, spec)
        size = page_size_pt(reader(data).pages[0])
        assert size == pytest.approx((w, h), abs=1.5), spec


def test_bundled_font_is_embedded_as_a_subset(qapp):
    _design, data, _ = _pdf(EXAMPLES[0])
    fonts = embedded_fonts(reader(data))
    assert fonts and all("DejaVu" in name for name in fonts), fonts
    smallest_file = min(f.stat().st_size for f in font_files())
    for name, size in fonts.items():
        assert 0 < size < smallest_file / 4, f"{name}: {size} bytes embedded"


def test_no_page_is_a_picture_and_no_line_is_a_hairline(qapp):
    for path in EXAMPLES:
        _design, data, _ = _pdf(path, PageSpec(tile=True))
        for page in reader(data).pages:
            assert images(page) == [], "icons and drawing must be vectors"
            widths = [float(w) for w in re.findall(r"([\d.]+) w\b", content(page))]
            assert widths and min(widths) > 0, "a zero width is a device hairline"


def test_grey_print_has_only_greys_and_states_keep_their_second_cue(qapp):
    _design, data, _ = _pdf(EXAMPLES[-1], PageSpec(palette="grey"))
    page = reader(data).pages[0]
    colours = re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:scn|SCN)\b", content(page))
    assert colours
    for r, g, b in colours:
        assert float(r) == pytest.approx(float(g), abs=0.004) == pytest.approx(float(b), abs=0.004)
    text = all_text(reader(data))
    assert "!" in text and "2" in text     # SPOF and cut-set badges are glyphs, not hues
    assert re.search(r"\[[\d. ]+\]\s*[\d.]+\s+d", content(page)), "dashed borders remain"


def test_the_attached_design_opens_again_and_equals_the_original(qapp, tmp_path):
    for path in EXAMPLES:
        design, data, _ = _pdf(path)
        assert list(reader(data).attachments) == ["design.weaklink.json"]
        out = tmp_path / (path.name + ".pdf")
        out.write_bytes(data)
        assert load_design(out) == design


def test_a_pdf_without_a_design_is_refused_with_a_sentence(tmp_path):
    import pypdf
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    out = tmp_path / "other.pdf"
    with open(out, "wb") as handle:
        writer.write(handle)
    with pytest.raises(LoadError) as err:
        load_design(out)
    assert "without a Weaklink design" in str(err.value) and str(out) in str(err.value)


def test_the_design_survives_a_pdf_tool_rewriting_the_file(qapp, tmp_path):
    """Another program (here pypdf) re-saves the PDF: the design still opens."""
    import pypdf
    design, data, _ = _pdf(EXAMPLES[0])
    source = tmp_path / "exported.pdf"
    source.write_bytes(data)
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.compress_identical_objects()
    rewritten = tmp_path / "rewritten.pdf"
    with open(rewritten, "wb") as handle:
        writer.write(handle)
    assert load_design(rewritten) == design


def test_tiles_print_at_scale_with_an_overview_first(qapp):
    path = next(p for p in EXAMPLES if "multi-site" in p.name)
    _design, fitted, _ = _pdf(path, PageSpec(size="A4"))
    _design, tiled, printed = _pdf(path, PageSpec(size="A4", tile=True, tile_scale=1.0))
    pdf = reader(tiled)
    assert len(reader(fitted).pages) == 1
    assert len(pdf.pages) == printed.pages > 2
    sizes = {tuple(round(v) for v in page_size_pt(p)) for p in pdf.pages}
    assert len(sizes) == 1, "every tile on the same paper"
    assert "page 2" in all_text(pdf)          # the overview names the tiles


def test_nothing_is_printed_outside_the_margins(qapp):
    """Legend, title block and drawing stay on the paper, in both orientations."""
    margin_pt = 10 * 72 / 25.4
    for path in EXAMPLES:
        for orientation in ("portrait", "landscape"):
            _design, data, _ = _pdf(path, PageSpec(orientation=orientation, margin_mm=10))
            page = reader(data).pages[0]
            width, height = page_size_pt(page)
            for text, x, y in text_positions(page):
                assert margin_pt - 1 <= x <= width - margin_pt, (path.name, orientation, text)
                assert margin_pt - 1 <= y <= height - margin_pt, (path.name, orientation, text)
