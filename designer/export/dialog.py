"""File > Export: what to write (diagram PDF, review report, SVG, PNG), the
page and its layout, the palette, the whole design or the selection, with a
preview of the first page; Print… opens the system dialog with a preview.
The choices are remembered between sessions (AppSettings.export_choices).

The drawing is built once per palette and scope and reused by the preview,
the export and the printer: at 5,000 components building is the slow part.
"""
from __future__ import annotations

import os

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QSpinBox, QVBoxLayout, QWidget)

from .diagram import preview, tiny_labels
from .files import ExportError, write_atomically
from .pages import PAGE_SIZES, PageSpec
from .render import build

FORMATS = (("Diagram PDF", "pdf"), ("Design-review report PDF", "report"),
           ("SVG drawing", "svg"), ("PNG image", "png"))
FILTERS = {"pdf": "PDF (*.pdf)", "report": "PDF (*.pdf)", "svg": "SVG (*.svg)",
           "png": "PNG (*.png)"}
SUFFIX = {"pdf": ".pdf", "report": "-review.pdf", "svg": ".svg", "png": ".png"}
PREVIEW_W = 420


class ExportDialog(QDialog):
    exported = Signal(str)          # a sentence for the status bar

    def __init__(self, design, result, selection: list[str], file: str | None,
                 settings=None, parent: QWidget | None = None, routes=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.design, self.result, self.file = design, result, file
        self.routes = routes            # the window's link routes for this design
        self.selection, self.settings = list(selection), settings
        self._pictures: dict = {}
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh_preview)
        self._build()
        self.apply_choices(settings.export_choices() if settings is not None else {})
        self._enable()
        self.refresh_preview()

    # -- widgets -------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        self.format = _combo(FORMATS)
        self.page = _combo([(name, name) for name in PAGE_SIZES])
        self.orientation = _combo([("Follow the drawing", "auto"), ("Portrait", "portrait"),
                                   ("Landscape", "landscape")])
        self.margin = _spin(QDoubleSpinBox(), 0, 50, 10.0, " mm")
        self.layout_mode = _combo([("Fit on one page", "fit"), ("Tile across pages", "tile")])
        self.scale = _spin(QSpinBox(), 10, 400, 100, " %")
        self.overlap = _spin(QDoubleSpinBox(), 0, 40, 10.0, " mm")
        self.palette = _combo([("Light", "light"), ("Grey print", "grey"), ("Dark", "dark")])
        count = len(self.selection)
        self.scope = _combo([("Whole design", "all"),
                             (f"Selection ({count} item{'s' if count != 1 else ''})", "selection")])
        self.dpi = _spin(QSpinBox(), 24, 1200, 192, " dpi")
        self.embed_font = QCheckBox("Embed the font in the SVG")
        for label, widget in (("Export", self.format), ("Page", self.page),
                              ("Orientation", self.orientation), ("Margins", self.margin),
                              ("Layout", self.layout_mode), ("Tile scale", self.scale),
                              ("Tile overlap", self.overlap), ("Colours", self.palette),
                              ("Draw", self.scope), ("PNG resolution", self.dpi),
                              ("", self.embed_font)):
            form.addRow(label, widget)
            _changed(widget, self._options_changed)
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_W, int(PREVIEW_W * 0.75))
        self.tiny_note = QLabel(wordWrap=True)
        self.tiny_note.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton("Print…", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export_asking)
        self.print_button.clicked.connect(self.print_asking)
        row = QHBoxLayout(self)
        left = QWidget()
        left.setLayout(form)
        row.addWidget(left)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.tiny_note)
        row.addLayout(right, 1)
        form.addRow(buttons)

    # -- choices ------------------------------------------------------------------
    def choices(self) -> dict:
        return {"format": self.format.currentData(), "page": self.page.currentData(),
                "orientation": self.orientation.currentData(), "margin": self.margin.value(),
                "layout": self.layout_mode.currentData(), "scale": self.scale.value(),
                "overlap": self.overlap.value(), "palette": self.palette.currentData(),
                "dpi": self.dpi.value(), "embed_font": self.embed_font.isChecked()}

    def apply_choices(self, choices: dict) -> None:
        for combo, key in ((self.format, "format"), (self.page, "page"),
                           (self.orientation, "orientation"), (self.layout_mode, "layout"),
                           (self.palette, "palette")):
            index = combo.findData(choices.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        for spin, key in ((self.margin, "margin"), (self.scale, "scale"),
                          (self.overlap, "overlap"), (self.dpi, "dpi")):
            if isinstance(choices.get(key), (int, float)):
                spin.setValue(choices[key])
        self.embed_font.setChecked(bool(choices.get("embed_font", False)))
        if self.selection:
            self.scope.setCurrentIndex(1)

    def remember(self) -> None:
        if self.settings is not None:
            self.settings.set_export_choices(self.choices())

    def spec(self) -> PageSpec:
        c = self.choices()
        return PageSpec(size=c["page"], orientation=c["orientation"], margin_mm=c["margin"],
                        tile=c["layout"] == "tile", tile_scale=c["scale"] / 100.0,
                        overlap_mm=c["overlap"], palette=c["palette"], only=self.only())

    def only(self) -> tuple[str, ...]:
        return tuple(self.selection) if self.scope.currentData() == "selection" else ()

    def _options_changed(self, *_args) -> None:
        self._enable()
        self._timer.start()

    def _enable(self) -> None:
        kind = self.format.currentData()
        paper = kind in ("pdf", "report")
        tile = paper and kind == "pdf" and self.layout_mode.currentData() == "tile"
        for widget in (self.page, self.orientation, self.margin):
            widget.setEnabled(paper)
        self.layout_mode.setEnabled(kind == "pdf")
        self.scale.setEnabled(tile)
        self.overlap.setEnabled(tile)
        self.dpi.setEnabled(kind == "png")
        self.embed_font.setEnabled(kind == "svg")
        self.scope.setEnabled(bool(self.selection) and kind != "report")
        self.print_button.setEnabled(kind == "pdf")

    # -- drawing -----------------------------------------------------------------------
    def picture(self, whole: bool = False):
        key = (self.palette.currentData(), () if whole else self.only())
        if key not in self._pictures:
            self._pictures[key] = build(self.design, self.result, key[0], key[1] or None,
                                        self.routes)
        return self._pictures[key]

    def sheet(self):
        from .output import diagram_sheet
        spec, report = self.spec(), self.format.currentData() == "report"
        if report:
            spec = spec.with_(tile=False, only=())
        return diagram_sheet(self.design, self.result, spec, self.file, self.picture(report))

    def refresh_preview(self) -> None:
        sheet = self.sheet()
        ratio = self.devicePixelRatio()
        if self.format.currentData() == "report":       # its cover and summary
            from .report_preview import report_preview
            image = report_preview(self.design, self.result, sheet, self.file,
                                   round(PREVIEW_W * ratio))
            label_pt = None
        else:
            image, label_pt = preview(sheet, round(PREVIEW_W * ratio))
        room = round(max(self.preview.height(), self.preview.minimumHeight()) * ratio)
        if image.height() > room:       # a portrait page: the whole page, smaller
            image = image.scaledToHeight(room, Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatio())
        self.preview.setPixmap(pixmap)
        tiny = tiny_labels(label_pt, sheet.spec.size, sheet.spec.tile) \
            if self.format.currentData() == "pdf" else None
        self.tiny_note.setText(f"Note: {tiny}: choose a bigger page or "
                               "“Tile across pages”." if tiny else "")
        self.tiny_note.setVisible(bool(tiny))

    # -- export and print -----------------------------------------------------------------
    def suggested_path(self) -> str:
        folder = os.path.dirname(self.file) if self.file else os.path.expanduser("~")
        stem = os.path.basename(self.file or self.design.name or "design")
        stem = stem.removesuffix(".weaklink.json").removesuffix(".json").removesuffix(".pdf")
        return os.path.join(folder, stem + SUFFIX[self.format.currentData()])

    def export_asking(self) -> None:
        kind = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(self, "Export", self.suggested_path(),
                                              FILTERS[kind])
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> str:
        """Write the chosen export to `path`; returns the status sentence."""
        self.remember()
        from PySide6.QtWidgets import QApplication, QMessageBox
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sentence = self._write(path)
        except (ExportError, ValueError) as err:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(self, "Cannot export", str(err))
            return ""
        QApplication.restoreOverrideCursor()
        self.exported.emit(sentence)
        return sentence

    def _write(self, path: str) -> str:
        from . import output
        from .report import report_pdf
        kind, spec = self.format.currentData(), self.spec()
        name = os.path.basename(path)
        if kind == "report":
            from .certify import certified
            result = certified(self, self.design, self.result)
            data, pages = report_pdf(self.design, result, spec, self.file,
                                     picture=self.picture(whole=True))
            write_atomically(path, data)
            return f"Exported the design-review report to {name} ({pages} pages)"
        if kind == "pdf":
            data, printed = output.sheet_pdf(self.sheet())
            write_atomically(path, data)
            return f"Exported the diagram to {name} ({printed.pages} page" \
                   f"{'s' if printed.pages != 1 else ''})"
        if kind == "svg":
            data = output.picture_svg(self.picture(), self.design.name,
                                      self.embed_font.isChecked())
        else:
            data = output.picture_png(self.picture(), self.dpi.value())
        write_atomically(path, data)
        return f"Exported the drawing to {name}"

    def print_asking(self) -> None:
        from .printing import print_with_preview
        self.remember()
        print_with_preview(self.sheet(), self).exec()

    def done(self, code: int) -> None:
        self.remember()
        for picture in self._pictures.values():
            picture.close()
        self._pictures.clear()
        super().done(code)


def _combo(items) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _spin(spin, low, high, value, suffix: str):
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


def _changed(widget, slot) -> None:
    for signal in ("currentIndexChanged", "valueChanged", "toggled"):
        if hasattr(widget, signal):
            getattr(widget, signal).connect(slot)
            return
