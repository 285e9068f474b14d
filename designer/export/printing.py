"""Printing the diagram through the system print dialog, with a preview.

The printer gets the sheet's page layout first (size, orientation, full-page
mode, so our margins and crop marks are where we put them); the user may
change them in the dialog, and the sheet is drawn for whatever page the
printer then has, by the same code that writes the PDF."""
from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from .diagram import Sheet, paint, prepare


def new_printer(sheet: Sheet) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setDocName(sheet.design.name)
    prepare(printer, sheet)
    return printer


def print_to(printer: QPrinter, sheet: Sheet) -> int:
    """Draw every page of `sheet` on `printer` (or its preview); the page count."""
    painter = QPainter(printer)
    if not painter.isActive():     # no printer, or the user cancelled
        return 0
    printed = paint(painter, printer, sheet)
    painter.end()
    return printed.pages


def print_with_preview(sheet: Sheet, parent=None) -> QPrintPreviewDialog:
    """The preview dialog (its Print button opens the system dialog); shown
    modally unless the caller only wants the object (tests)."""
    printer = new_printer(sheet)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print {sheet.design.name}")
    dialog.paintRequested.connect(lambda target: print_to(target, sheet))
    return dialog
