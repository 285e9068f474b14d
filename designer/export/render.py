"""Draw a design with its analysis into any QPaintDevice, away from the window.

    picture = build(design, result, palette=GREY)      # an offscreen scene
    picture.draw(painter, target_rect)                  # PDF page, SVG, image, printer

`build` makes its own Document and CanvasScene from the frozen Design, so the
drawing is exactly the canvas's (same items, same style functions), while
the open views are never touched: the scene is built inside
`style.rendering_with(palette)` and keeps that palette (`pinned_palette`)
even if the window switches between light and dark meanwhile.

Three changes make a screen scene fit for paper: kind icons become vector
QGraphicsSvgItems (crisp at any print scale, not bitmaps), SPOF badges drop
ItemIgnoresTransformations (on screen they keep their pixel size; on a page
at 1,200 dpi that size would be a speck), and the level of detail is full.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem

from designer.canvas.scene import CanvasScene
from designer.document import Document
from designer.look import style
from designer.look.grey import PALETTES
from designer.look.palettes import DARK, LIGHT, Palette
from designer.analysis.gc_pause import collector_paused   # exports allocate like analyses
from designer.model import Design

from designer.report.states import states_for

HINTS = (QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing |
         QPainter.RenderHint.SmoothPixmapTransform)
PAD = 12.0   # scene units around the drawing


def palette_named(name: str | Palette) -> Palette:
    if isinstance(name, Palette):
        return name
    try:
        return PALETTES[name]
    except KeyError:
        raise ValueError(f"unknown palette “{name}”; use one of "
                         f"{', '.join(PALETTES)}") from None


def paper_color(palette: Palette) -> QColor:
    """White paper, except for the dark palette, which brings its own ground."""
    return QColor(palette.canvas) if palette.name == "dark" else QColor("#FFFFFF")


@dataclass
class Picture:
    """A built offscreen scene and the part of it to draw."""
    scene: CanvasScene
    document: Document
    source: QRectF          # scene rect to draw (the design or the selection)
    palette: Palette

    def draw(self, painter: QPainter, target: QRectF, fill: bool = True) -> QRectF:
        """Draw `source` into `target`, scaled to fit and centred; returns the
        rect actually covered (device coordinates)."""
        scale = fit_scale(self.source, target)
        w, h = self.source.width() * scale, self.source.height() * scale
        covered = QRectF(target.x() + (target.width() - w) / 2,
                         target.y() + (target.height() - h) / 2, w, h)
        self.draw_at(painter, covered, self.source, fill)
        return covered

    def draw_at(self, painter: QPainter, target: QRectF, source: QRectF,
                fill: bool = True) -> None:
        """Draw scene rect `source` into `target` (same aspect ratio)."""
        painter.save()
        painter.setRenderHints(HINTS)
        if fill:
            painter.fillRect(target, paper_color(self.palette))
        painter.setClipRect(target)
        with style.rendering_with(self.palette), collector_paused():
            self.scene.render(painter, target, source,
                              Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.restore()

    def close(self) -> None:
        """Free the scene now rather than at garbage collection."""
        self.scene.clear()


def fit_scale(source: QRectF, target: QRectF) -> float:
    if source.isEmpty():
        return 1.0
    return min(target.width() / source.width(), target.height() / source.height())


def build(design: Design, result=None, palette: str | Palette = "light",
          only: Iterable[str] | None = None, routes: dict | None = None) -> Picture:
    """An offscreen scene of `design` coloured by `result` (None: no
    states) in `palette`; `only`: ids to show (a selection), else all.
    `routes`: link routes the window already computed for this very design
    (CanvasScene.routed_links()); the rest are routed here, which is most of
    the time an export of a big design takes."""
    palette = palette_named(palette)
    with style.rendering_with(palette), collector_paused():
        document = Document(design)
        scene = CanvasScene(document)
        scene.pinned_palette = palette
        if result is not None:
            scene.set_states(states_for(result, [c.id for c in design.components]))
        if routes:
            scene.adopt_routes(routes)
        scene.route_now()   # big designs route in idle slices; paper needs them all
        _for_paper(scene, palette)
        source = _show_only(scene, set(only)) if only else _bounds(scene)
    return Picture(scene, document, source.adjusted(-PAD, -PAD, PAD, PAD), palette)


def _for_paper(scene: CanvasScene, palette: Palette) -> None:
    dark = palette.name == "dark"
    for item in list(scene.items()):
        if item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
    for comp in scene.component_items():
        icon = getattr(comp, "icon", None)
        if isinstance(icon, QGraphicsPixmapItem) and icon.isVisible():
            on_dark = getattr(comp, "icon_on_dark", dark)
            ink = palette.icon if on_dark == dark else (DARK if on_dark else LIGHT).icon
            _vector_icon(icon, icon_renderer(comp.kind.value, ink.name()))


@lru_cache(maxsize=None)
def icon_renderer(kind: str, ink: str) -> QSvgRenderer:
    """A kind's icon drawn in `ink` (the palette's icon colour, e.g. a grey)."""
    from designer.resources import resource_path
    source = resource_path("icons", f"{kind}.svg").read_bytes()
    return QSvgRenderer(QByteArray(source.replace(b"currentColor", ink.encode())))


def _vector_icon(icon: QGraphicsPixmapItem, renderer) -> None:
    """Put a vector copy of the icon where the bitmap was, and hide the bitmap."""
    vector = QGraphicsSvgItem(icon.parentItem())
    vector.setSharedRenderer(renderer)
    # Its default device cache would put a bitmap in the PDF after all.
    vector.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    shown = icon.pixmap().width() * icon.scale()   # scene units
    natural = max(1.0, vector.boundingRect().width())
    vector.setScale(shown / natural)
    vector.setPos(icon.pos())
    vector.setZValue(icon.zValue())
    icon.setVisible(False)


def _bounds(scene: CanvasScene) -> QRectF:
    rect = QRectF()
    for item in scene.component_items():
        if item.parentItem() is None:
            rect = rect.united(item.sceneBoundingRect())
    for link in scene.link_items():
        rect = rect.united(link.sceneBoundingRect())
    return rect if not rect.isEmpty() else QRectF(0, 0, 400, 300)


def _show_only(scene: CanvasScene, ids: set[str]) -> QRectF:
    """Hide every component outside the selection (its containers stay as a
    frame, clipped), and every link not between shown components."""
    keep = set(ids)
    for cid in ids:
        item = scene.item_for(cid)
        parent = item.parentItem() if item is not None else None
        while parent is not None:
            keep.add(scene.id_for(parent))
            parent = parent.parentItem()
    rect = QRectF()
    for comp in scene.component_items():
        inside = comp.cid in ids or _has_ancestor(scene, comp, ids)
        if inside:
            keep.add(comp.cid)
            if comp.cid in ids:
                rect = rect.united(comp.sceneBoundingRect())
        elif comp.cid not in keep:
            comp.setVisible(False)
    for link in scene.link_items():
        shown = link.link.source in keep and link.link.target in keep
        link.setVisible(shown or link.lid in ids)
        if link.lid in ids:
            rect = rect.united(link.sceneBoundingRect())
    return rect if not rect.isEmpty() else _bounds(scene)


def _has_ancestor(scene: CanvasScene, item, ids: set[str]) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if scene.id_for(parent) in ids:
            return True
        parent = parent.parentItem()
    return False
