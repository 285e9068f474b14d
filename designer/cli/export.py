"""`weaklink export FILE --pdf OUT [--report] [--page A3] [--landscape] [--tile]`,
`--svg OUT [--embed-font]`, `--png OUT [--dpi N]`.

Exit 0 with one line per file written; 2 with a clear message when the
design cannot be read or an output cannot be written (checked before any
rendering), never a traceback. Files are written atomically. Qt renders
the pages, so this needs a QGuiApplication: without a display it runs on
Qt's offscreen platform.
"""
from __future__ import annotations

import os
import sys

import click

from .jobs import job, timeout_option

EXIT_INVALID = 2
MAX_SHOWN = 50


@click.command("export")
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--pdf", "pdf_out", type=click.Path(), help="Write the diagram (or report) PDF here.")
@click.option("--report", is_flag=True, help="The PDF is a design-review report, not a diagram.")
@click.option("--plan", is_flag=True,
              help="Report: add the mitigation plan (top fixes, cost curve); slow on big designs.")
@click.option("--page", default="A4", show_default=True,
              type=click.Choice(["A4", "A3", "A2", "Letter", "Tabloid"], case_sensitive=False))
@click.option("--landscape", "orientation", flag_value="landscape", help="Landscape pages.")
@click.option("--portrait", "orientation", flag_value="portrait",
              help="Portrait pages (default: follow the drawing's shape).")
@click.option("--margin", default=10.0, show_default=True, help="Margins in mm.")
@click.option("--tile", is_flag=True, help="Print at --scale across pages (overview first).")
@click.option("--scale", default=100.0, show_default=True,
              help="Tile scale in % (100: labels print at 10 pt).")
@click.option("--overlap", default=10.0, show_default=True, help="Tile overlap in mm.")
@click.option("--palette", default="light", show_default=True,
              type=click.Choice(["light", "dark", "grey"]))
@click.option("--svg", "svg_out", type=click.Path(), help="Write an SVG of the drawing here.")
@click.option("--embed-font", is_flag=True, help="SVG: embed the bundled font.")
@click.option("--png", "png_out", type=click.Path(), help="Write a PNG of the drawing here.")
@click.option("--dpi", default=192.0, show_default=True, help="PNG resolution (96 = 100 %).")
@click.option("--only", default="", help="Comma-separated ids: draw only these (and what is inside).")
@timeout_option
def export(file: str, pdf_out, report: bool, plan: bool, page: str, orientation, margin: float,
           tile: bool, scale: float, overlap: float, palette: str, svg_out, embed_font: bool,
           png_out, dpi: float, only: str, timeout: float | None = None) -> None:
    """Export a design as PDF (diagram or review report), SVG or PNG."""
    if not (pdf_out or svg_out or png_out):
        _fail("say what to write: --pdf OUT, --svg OUT and/or --png OUT")
    if report and not pdf_out:
        _fail("--report needs --pdf OUT")
    if plan and not report:
        _fail("--plan belongs to --report")
    if not 10 <= dpi <= 1200:
        _fail(f"--dpi {dpi:g} is out of range (10 to 1200)")
    with job("export", timeout) as progress:     # progress, Ctrl+C, --timeout (cli/jobs.py)
        progress.phase(f"reading {file}")
        _export(file, pdf_out, report, plan, page, orientation, margin, tile, scale, overlap,
                palette, svg_out, embed_font, png_out, dpi, only, progress)


def _export(file, pdf_out, report, plan, page, orientation, margin, tile, scale, overlap,
            palette, svg_out, embed_font, png_out, dpi, only, progress) -> None:
    design = _load(file)
    _check_outputs([p for p in (pdf_out, svg_out, png_out) if p])
    progress.phase("preparing the pages")
    _qt_app()
    from designer.export.pages import PageSpec
    page = {p.lower(): p for p in ("A4", "A3", "A2", "Letter", "Tabloid")}[page.lower()]
    ids = tuple(i.strip() for i in only.split(",") if i.strip())
    _check_ids(design, ids)
    try:
        spec = PageSpec(size=page, orientation=orientation or "auto", margin_mm=margin,
                        tile=tile, tile_scale=scale / 100.0, overlap_mm=overlap,
                        palette=palette, only=ids)
    except ValueError as err:
        _fail(str(err))
    progress.phase("analysing")
    result = _analyse(design, plan, report)
    progress.phase("drawing and writing")
    _write(file, design, result, spec, pdf_out, report, svg_out, embed_font, png_out, dpi,
           progress.written)
    progress.finish()


def _write(file, design, result, spec, pdf_out, report, svg_out, embed_font, png_out, dpi,
           written: list[str]):
    """The files asked for, each whole when its path joins `written`."""
    from designer.export import output
    from designer.export.diagram import tiny_labels
    from designer.export.files import ExportError
    try:
        if pdf_out and report:
            from designer.export.report import write_report_pdf
            pages = write_report_pdf(pdf_out, design, result, spec, file)
            written.append(pdf_out)
            click.echo(f"{pdf_out}: report, {pages} page{'s' if pages != 1 else ''}")
        elif pdf_out:
            printed = output.write_diagram_pdf(pdf_out, design, result, spec, file)
            written.append(pdf_out)
            click.echo(f"{pdf_out}: diagram, {printed.pages} page"
                       f"{'s' if printed.pages != 1 else ''}, {spec.size}")
            tiny = tiny_labels(printed.label_pt, spec.size, spec.tile)
            if tiny:
                click.echo(f"{pdf_out}: note: {tiny}; try --page A2 or --tile", err=True)
        if svg_out:
            output.write_atomically(svg_out, output.diagram_svg(
                design, result, spec.palette, spec.only or None, embed_font))
            written.append(svg_out)
            click.echo(f"{svg_out}: SVG")
        if png_out:
            output.write_atomically(png_out, output.diagram_png(
                design, result, dpi, spec.palette, spec.only or None))
            written.append(png_out)
            click.echo(f"{png_out}: PNG at {dpi:g} dpi")
    except ExportError as err:
        _fail(str(err))
    except ValueError as err:     # e.g. a PNG too large for memory
        _fail(str(err))


def _load(file: str):
    from designer.io import LoadError, load_design
    try:
        return load_design(file)
    except LoadError as err:
        for problem in err.errors[:MAX_SHOWN]:
            click.echo(str(problem), err=True)
        raise SystemExit(EXIT_INVALID) from None


def _check_outputs(paths: list[str]) -> None:
    from designer.export.files import ExportError, check_writable
    for path in paths:
        try:
            check_writable(path)
        except ExportError as err:
            _fail(str(err))


def _check_ids(design, ids: tuple[str, ...]) -> None:
    known = design.by_id.keys() | {l.id for l in design.links}
    unknown = [i for i in ids if i not in known]
    if unknown:
        _fail(f"--only: no component or link with id {', '.join(unknown)}")


def _analyse(design, plan: bool, report: bool = False):
    """The analysis; a review report also gets certified importance."""
    from designer.analysis.engine import analyze
    from designer.report.review import IMPORTANCE_SHOWN
    result = analyze(design, IMPORTANCE_SHOWN if report else 0)
    if plan:
        import dataclasses

        from designer.analysis.mitigation.plan import STEP_LIMIT

        from .analyze import planned
        plan = planned(design, STEP_LIMIT, None, result.findings)
        result = dataclasses.replace(result, mitigations=plan)
    return result


def _qt_app():
    """The QApplication rendering needs; offscreen when there is no display."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or sys.platform in ("win32", "darwin")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from designer.resources import load_fonts
    load_fonts()
    return app


def _fail(message: str):
    click.echo(f"weaklink export: {message}", err=True)
    raise SystemExit(EXIT_INVALID)
