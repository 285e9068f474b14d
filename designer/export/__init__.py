"""Export: the design on paper and in files, drawn away from the window.

    render    build(design, result, palette) -> Picture: an offscreen scene of
              the canvas's own items in a chosen palette; Picture.draw(painter,
              rect) into any QPaintDevice (PDF, SVG, image, printer)
    pages     PageSpec (size, orientation, margins, fit or tile), tile geometry
    sheet     title block and legend;  diagram   the diagram sheet(s)
    output    diagram PDF (the design attached), SVG, PNG
    report    the design-review PDF (blocks from designer.report.review)
    flow, chart   typesetting of the report's text, tables and cost curve
    files     atomic writes and early "cannot write here" checks (no Qt)
    printing  the system print dialog with preview
    dialog    File > Export

A package of its own rather than designer/io/export: it builds canvas
items (designer.canvas), which io must never import (import-linter).
"""
