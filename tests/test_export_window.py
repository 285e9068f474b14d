"""File > Export and Print in the window: the dialog's preview, the export it
writes, its remembered choices, printing through the same pages, the
selection, and File > Open on an exported PDF."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtPrintSupport import QPrinter

from designer.export.printing import new_printer, print_to
from designer.export.window import export_dialog
from designer.io import load_design
from tests.export_support import all_text, page_size_pt, reader, searchable
from tests.window_helpers import FakePrompts, open_three_tier, temp_settings


def test_file_menu_offers_export_and_print(qtbot, qapp, tmp_path):
    win = open_three_tier(qtbot, qapp, tmp_path)
    titles = [a.text() for a in win.menu("File").actions()]
    assert "&Export…" in titles and "&Print…" in titles


def test_export_writes_the_chosen_pdf_and_remembers_the_choices(qtbot, qapp, tmp_path):
    win = open_three_tier(qtbot, qapp, tmp_path)
    dialog = export_dialog(win)
    assert not dialog.preview.pixmap().isNull()
    dialog.page.setCurrentIndex(dialog.page.findData("A3"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
    dialog.palette.setCurrentIndex(dialog.palette.findData("grey"))
    dialog.refresh_preview()
    shown = dialog.preview.pixmap()
    assert shown.height() > shown.width(), "the preview follows the portrait page"
    out = tmp_path / "out.pdf"
    sentence = dialog.export_to(str(out))
    assert "out.pdf" in sentence
    assert page_size_pt(reader(out.read_bytes()).pages[0]) == (842, 1191)
    assert load_design(out) == win.document.snapshot()
    dialog.done(0)
    again = export_dialog(win)
    assert again.page.currentData() == "A3" and again.palette.currentData() == "grey"
    again.done(0)


def test_the_report_and_the_selection(qtbot, qapp, tmp_path):
    win = open_three_tier(qtbot, qapp, tmp_path)
    chosen = [c.id for c in win.document.components() if c.kind.value == "firewall"][:1]
    win.view.select_ids(chosen)
    dialog = export_dialog(win)
    assert dialog.scope.currentData() == "selection"
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    svg = tmp_path / "sel.svg"
    dialog.export_to(str(svg))
    text = searchable(" ".join(ET.fromstring(svg.read_bytes()).itertext()))
    names = {c.id: c.name for c in win.document.components()}
    assert searchable(names[chosen[0]]) in text
    assert "Database network switch" not in text, "only the selection is drawn"
    dialog.format.setCurrentIndex(dialog.format.findData("report"))
    report = tmp_path / "review.pdf"
    assert "pages" in dialog.export_to(str(report))
    assert "Design review" in all_text(reader(report.read_bytes()))
    dialog.done(0)


def test_printing_draws_the_same_sheet(qtbot, qapp, tmp_path):
    win = open_three_tier(qtbot, qapp, tmp_path)
    dialog = export_dialog(win)
    sheet = dialog.sheet()
    printer = new_printer(sheet)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_to(printer, sheet) == 1
    text = all_text(reader((tmp_path / "printed.pdf").read_bytes()))
    assert win.document.settings.name in text and "Legend" in text
    dialog.done(0)


def test_file_open_takes_an_exported_pdf_as_an_unsaved_design(qtbot, qapp, tmp_path):
    win = open_three_tier(qtbot, qapp, tmp_path)
    dialog = export_dialog(win)
    out = tmp_path / "sent-round.pdf"
    dialog.export_to(str(out))
    dialog.done(0)
    original = win.document.snapshot()
    prompts = FakePrompts()
    from designer.shell.mainwindow import MainWindow
    other = MainWindow(temp_settings(tmp_path / "o"), prompts)
    qtbot.addWidget(other)
    assert other.files.open_now(out)
    assert other.document.snapshot() == original
    assert other.document.path is None, "Save must not write JSON over the PDF"
    assert not other.document.is_clean()


def test_the_dialog_warns_when_labels_would_print_too_small(qtbot, qapp, tmp_path):
    """A big design fitted on one A4 page prints its labels too small to
    read: the dialog says so under the preview, as the CLI does, and the
    note goes once the drawing is tiled. The three-tier example needs none."""
    from benchmarks.generate import generate
    from designer.io import save_design
    win = open_three_tier(qtbot, qapp, tmp_path)
    dialog = export_dialog(win)
    dialog.refresh_preview()
    assert dialog.tiny_note.isHidden()
    dialog.done(0)
    big = tmp_path / "big.weaklink.json"
    save_design(generate(300), big)
    assert win.files.open_now(big)
    dialog = export_dialog(win)
    dialog.page.setCurrentIndex(dialog.page.findData("A4"))
    dialog.refresh_preview()
    assert not dialog.tiny_note.isHidden()
    assert "labels print at" in dialog.tiny_note.text() and "A4" in dialog.tiny_note.text()
    dialog.layout_mode.setCurrentIndex(dialog.layout_mode.findData("tile"))
    dialog.refresh_preview()
    assert dialog.tiny_note.isHidden()
    dialog.done(0)


def _dark_rows(image, top: float, bottom: float) -> int:
    """Rows of `image` between the fractions `top` and `bottom` of its height
    holding a dark (text) pixel, sampled every 2 px across."""
    rows = 0
    for y in range(int(image.height() * top), int(image.height() * bottom)):
        if any(image.pixelColor(x, y).lightness() < 100 for x in range(0, image.width(), 2)):
            rows += 1
    return rows


def test_the_reviews_preview_is_its_first_page_the_cover(qtbot, qapp, tmp_path):
    """The preview showed the diagram sheet (the review's second page) for
    the review too; it now shows page one: the title, the file's facts and
    the summary at the top of a portrait page, the rest of it blank."""
    from designer.export.report_preview import report_preview
    win = open_three_tier(qtbot, qapp, tmp_path)
    dialog = export_dialog(win)
    dialog.format.setCurrentIndex(dialog.format.findData("report"))
    dialog.refresh_preview()
    shown = dialog.preview.pixmap()
    assert shown.height() > shown.width()                  # a portrait page
    image = report_preview(dialog.design, dialog.result, dialog.sheet(), dialog.file, 420)
    assert abs(image.height() / image.width() - 2 ** 0.5) < 0.01       # A4
    assert _dark_rows(image, 0.0, 0.35) > 40            # the title, the facts, the summary
    assert _dark_rows(image, 0.45, 0.9) == 0            # no diagram under them
    dialog.done(0)
