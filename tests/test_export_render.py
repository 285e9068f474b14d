"""Rendering away from the window: an export in one palette leaves an open
dark canvas dark; SVG keeps labels as text; PNG at the asked DPI; the tile
grid covers the drawing with the asked overlap and nothing else."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from designer.analysis.engine import analyze
from designer.canvas import CanvasView
from designer.document import Document
from designer.export.output import diagram_pdf, diagram_png, diagram_svg
from designer.export.pages import PageSpec, tile_grid
from designer.export.render import build
from designer.io import load_design
from designer.look import style
from designer.look.grey import GREY
from designer.look.palettes import DARK, LIGHT
from designer.report.states import State, states_for
from tests.export_support import EXAMPLES, searchable, shown_labels

SVG = "{http://www.w3.org/2000/svg}"


def _example(name: str):
    design = load_design(next(p for p in EXAMPLES if name in p.name))
    return design, analyze(design)


def _spof_item(scene, result):
    return scene.item_for(result.spofs[0].id)


def test_a_light_export_leaves_the_dark_window_dark(qapp):
    design, result = _example("three-tier")
    view = CanvasView(Document(design))
    view.scene().set_states(states_for(result, [c.id for c in design.components]))
    try:
        view.set_dark(True)
        window_item = _spof_item(view.scene(), result)
        before = QColor(window_item.pen().color())
        diagram_pdf(design, result, PageSpec(palette="light"))
        picture = build(design, result, "grey")
        assert style.palette() is DARK
        assert QColor(window_item.pen().color()) == before
        assert before == DARK.states[State.SPOF].border
        exported = _spof_item(picture.scene, result)
        assert exported.pen().color() == GREY.states[State.SPOF].border
        # The window switching palette later does not recolour a built export.
        view.set_dark(False)
        assert exported.pen().color() == GREY.states[State.SPOF].border
        assert QColor(window_item.pen().color()) == LIGHT.states[State.SPOF].border
        picture.close()
    finally:
        style.set_dark(False)
        view.close()


def test_presentation_mode_does_not_enlarge_exported_labels(qapp):
    design, _ = _example("three-tier")
    plain = build(design, None)
    sizes = {i.cid: i.label_item.font().pointSizeF() for i in plain.scene.component_items()}
    style.set_presentation(True)
    try:
        again = build(design, None)
        assert {i.cid: i.label_item.font().pointSizeF()
                for i in again.scene.component_items()} == sizes
    finally:
        style.set_presentation(False)


def test_svg_holds_every_label_as_text_in_the_bundled_font(qapp):
    design, result = _example("multi-site")
    root = ET.fromstring(diagram_svg(design, result))
    texts = [el for el in root.iter(f"{SVG}text")]
    content = searchable(" ".join("".join(el.itertext()) for el in texts))
    for cid, label in shown_labels(design).items():
        assert searchable(label) in content, cid
    families = {el.get("font-family") for el in root.iter() if el.get("font-family")}
    assert families and all("DejaVu" in f for f in families), families
    assert not list(root.iter(f"{SVG}image")), "icons are vectors, not bitmaps"


def test_svg_can_embed_the_font(qapp):
    design, result = _example("monolith")
    data = diagram_svg(design, result, embed_font=True)
    ET.fromstring(data)   # still well-formed
    assert b"@font-face" in data and b"data:font/ttf;base64," in data


def test_png_has_the_asked_resolution(qapp):
    design, result = _example("monolith")
    picture = build(design, result)
    width_96 = picture.source.width()
    picture.close()
    for dpi in (96, 300):
        image = QImage.fromData(diagram_png(design, result, dpi=dpi))
        assert abs(image.width() - width_96 * dpi / 96) <= 1
        assert round(image.dotsPerMeterX() * 0.0254) == dpi


def test_selection_export_draws_only_the_selection(qapp):
    design, result = _example("three-tier")
    chosen = result.spofs[0].id
    picture = build(design, result, only=[chosen])
    item = picture.scene.item_for(chosen)
    assert picture.source.contains(item.sceneBoundingRect())
    hidden = [i for i in picture.scene.component_items() if not i.isVisible()]
    assert hidden, "components outside the selection are not drawn"
    whole = build(design, result)
    assert picture.source.width() * picture.source.height() < \
        whole.source.width() * whole.source.height()
    picture.close()
    whole.close()


@settings(max_examples=150, deadline=None)
@given(w=st.floats(10, 5000), h=st.floats(10, 5000), scale=st.floats(0.2, 3),
       area_w=st.floats(150, 1200), area_h=st.floats(150, 1200),
       overlap=st.floats(0, 60))
def test_tiles_cover_the_drawing_with_the_asked_overlap(w, h, scale, area_w, area_h, overlap):
    drawing = QRectF(-37.0, 12.0, w, h)
    rows, columns, tiles = tile_grid(drawing, area_w, area_h, scale, overlap)
    assert len(tiles) == rows * columns
    # Covered: the last tile reaches past the drawing's far edges.
    assert max(t.source.right() for t in tiles) >= drawing.right() - 1e-6
    assert max(t.source.bottom() for t in tiles) >= drawing.bottom() - 1e-6
    # Neighbours share exactly `overlap` points of paper.
    by_place = {(t.row, t.column): t.source for t in tiles}
    for (r, c), src in by_place.items():
        if (r, c + 1) in by_place:
            shared = src.right() - by_place[(r, c + 1)].left()
            assert abs(shared * scale - overlap) < 1e-6
    # No spare page: without the last column the drawing would not be covered.
    if columns > 1:
        assert (columns - 1) * (area_w - overlap) + overlap < w * scale + 1e-6
    if w * scale <= area_w:
        assert columns == 1


def test_big_designs_are_exported_with_every_link_routed(qapp):
    """The canvas routes big designs in idle slices; paper gets every route,
    and reuses the window's where it has them."""
    from benchmarks.generate import generate
    design = generate(900)
    assert len(design.links) > 400           # past the canvas's eager routing
    view = CanvasView(Document(design))
    view.scene().route_now()
    window_routes = view.scene().routed_links()
    fresh = build(design, None)
    adopted = build(design, None, routes=window_routes)
    links = {link.id for link in design.links}
    assert set(fresh.scene.routed_links()) == links
    assert set(adopted.scene.routed_links()) >= links - set(window_routes)
    for lid in list(links)[:200]:
        assert adopted.scene.item_for(lid).path() == view.scene().item_for(lid).path()
    fresh.close()
    adopted.close()
    view.close()
