"""The visual language: icons, bundled font, state styles, pens and legend."""
from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontInfo, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from designer import resources
from designer.look import legend
from designer.look import style
from designer.model.component import LinkKind, Trust
from designer.model.kinds import CONTAINERS, Kind
from designer.look.style import State


@pytest.fixture(autouse=True)
def light_palette(qapp):
    style.set_dark(False)
    style.set_presentation(False)
    yield
    style.set_dark(False)
    style.set_presentation(False)


def _luminance(color) -> float:
    return 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()


def _ink(image: QImage) -> list:
    """Colours of the clearly drawn (mostly opaque) pixels."""
    return [image.pixelColor(x, y) for x in range(image.width())
            for y in range(image.height()) if image.pixelColor(x, y).alpha() > 160]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_every_kind_has_an_icon_visible_at_16px(kind, dark):
    image = resources.icon_pixmap(kind, 16, dark).toImage()
    ink = _ink(image)
    assert len(ink) >= 12, f"{kind.value} icon nearly empty at 16 px"
    canvas = (style.DARK if dark else style.LIGHT).canvas
    contrast = abs(sum(map(_luminance, ink)) / len(ink) - _luminance(canvas))
    assert contrast > 100, "icon must be recoloured to stand out on this palette"


def test_icons_differ_from_each_other_at_16px():
    images = {k: resources.icon_pixmap(k, 16).toImage() for k in Kind}
    for a, b in itertools.combinations(Kind, 2):
        assert images[a] != images[b], f"{a.value} and {b.value} look identical"


def test_icon_is_multi_size_qicon_and_app_icon_exists():
    assert not resources.icon(Kind.SERVER, dark=True).isNull()
    assert 64 in [s.width() for s in resources.icon("app").availableSizes()]


def test_bundled_font_loads_and_is_used_for_labels():
    family = resources.load_fonts()
    assert family == resources.load_fonts() == "DejaVu Sans"
    assert resources.resource_path("fonts", "DejaVuSans-Bold.ttf").is_file()
    assert QFontInfo(style.label_font()).family() == family


def test_pdf_export_embeds_the_bundled_font(tmp_path):
    scene = QGraphicsScene()
    text = QGraphicsSimpleTextItem("web-1 is a SPOF")
    text.setFont(style.label_font())
    scene.addItem(text)
    pdf_path = tmp_path / "label.pdf"
    writer = QPdfWriter(str(pdf_path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    painter = QPainter(writer)
    scene.render(painter, QRectF(0, 0, 400, 100), text.boundingRect())
    painter.end()
    data = pdf_path.read_bytes()
    assert b"DejaVuSans" in data and b"/FontFile2" in data


def test_labels_never_below_9pt_and_grow_in_presentation_mode():
    normal = {role: style.label_font(role).pointSizeF() for role in style.TextRole}
    assert min(normal.values()) >= 9
    style.set_presentation(True)
    for role in style.TextRole:
        assert style.label_font(role).pointSizeF() > normal[role]


def _swatch_grey(state: State) -> QImage:
    return _grey(legend.state_swatch(state))


def _grey(swatch) -> QImage:
    scene = QGraphicsScene()
    scene.addItem(swatch)
    box = QRectF(-6, -12, legend.SWATCH_W + 18, legend.SWATCH_H + 18)
    image = QImage(int(box.width() * 2), int(box.height() * 2), QImage.Format.Format_RGB32)
    image.fill(style.palette().canvas)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), box)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def _changed_pixels(a: QImage, b: QImage) -> int:
    return sum(1 for x in range(a.width()) for y in range(a.height())
               if abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value()) > 40)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_state_is_distinct_on_a_greyscale_print(dark):
    style.set_dark(dark)
    greys = {state: _swatch_grey(state) for state in State}
    for a, b in itertools.combinations(State, 2):
        assert _changed_pixels(greys[a], greys[b]) > 150, f"{a} vs {b} in grey"


def test_link_kinds_are_distinct_on_a_greyscale_print():
    greys = {kind: _grey(legend.link_sample(kind)) for kind in LinkKind}
    for a, b in itertools.combinations(LinkKind, 2):
        assert _changed_pixels(greys[a], greys[b]) > 40, f"{a} vs {b} in grey"


def test_states_have_second_cues_not_only_hue():
    cues = {(s.width, s.pen_style, s.badge, s.hatch) for s in style.LIGHT.states.values()}
    assert len(cues) == len(State)
    assert style.state_style(State.DRILL_FAILED).strike


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_link_and_border_pens_have_real_widths(dark):
    style.set_dark(dark)
    pens = [style.link_pen(k) for k in LinkKind]
    pens += [style.state_pen(s) for s in State]
    pens += [style.container_pen(k) for k in (Kind.SITE, Kind.RACK, Kind.SERVER)]
    pens += [style.segment_pen(t) for t in Trust]
    pens += [style.tier_pen(), style.selection_pen(), style.note_pen()]
    for pen in pens:
        assert pen.widthF() > 0 and not pen.isCosmetic()
    assert style.link_pen(LinkKind.POWER).widthF() > style.link_pen(LinkKind.NETWORK).widthF()


def test_container_kinds_all_have_fills():
    for kind in CONTAINERS & {Kind.SITE, Kind.RACK, Kind.SERVER}:
        assert style.container_brush(kind).color().isValid()


def test_switching_palette_recolours_and_notifies():
    calls = []
    style.add_listener(lambda: calls.append(style.is_dark()))
    light_canvas = style.palette().canvas
    light_pen = style.state_pen(State.SPOF).color()
    style.set_dark(True)
    assert calls == [True]
    assert _luminance(style.palette().canvas) < _luminance(light_canvas)
    assert style.state_pen(State.SPOF).color() != light_pen
    style._listeners.clear()


def test_pens_are_cached_not_allocated_per_call():
    assert style.link_pen(LinkKind.POWER) is style.link_pen(LinkKind.POWER)


def test_level_of_detail_drops_labels_then_chips_then_icons():
    levels = [style.detail_level(z) for z in (1.0, 0.4, 0.3, 0.1)]
    assert levels == [style.Detail.FULL, style.Detail.NO_LABELS,
                      style.Detail.NO_CHIPS, style.Detail.BOXES]


def test_legend_names_every_state_and_link_kind(qtbot):
    panel = legend.build_legend_items()
    texts = {item.text() for item in panel.childItems()
             if isinstance(item, QGraphicsSimpleTextItem)}
    assert {s.title for s in State} <= texts
    assert {legend.LINK_TITLES[k] for k in LinkKind} <= texts


def test_legend_widget_follows_the_palette(qtbot):
    widget = legend.LegendWidget()
    qtbot.addWidget(widget)
    before = widget.grab().toImage().pixelColor(2, 2)
    style.set_dark(True)
    after = widget.grab().toImage().pixelColor(2, 2)
    assert _luminance(after) < _luminance(before) - 100


def test_kind_icons_are_single_colour_so_the_dark_palette_can_recolour_them():
    for kind in Kind:
        source = resources.resource_path("icons", f"{kind.value}.svg").read_text()
        assert "currentColor" in source and "#" not in source, kind.value
