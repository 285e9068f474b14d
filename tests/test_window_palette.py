"""The palette offers every kind by family, drags the kind's MIME payload
and picks a placing tool on click."""
from __future__ import annotations

from PySide6.QtCore import Qt

from designer.model import FAMILIES, Kind
from designer.panels.palette import MIME_KIND, Palette


def _visible_kinds(palette: Palette) -> list[str]:
    tree, shown = palette.tree, []
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        for j in range(head.childCount()):
            if not head.isHidden() and not head.child(j).isHidden():
                shown.append(head.child(j).text(0))
    return shown


def test_every_kind_is_offered_once_under_its_family_with_an_icon(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    tree = palette.tree
    families = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert families == list(FAMILIES)
    assert sorted(_visible_kinds(palette)) == sorted(k.title for k in Kind)
    assert all(not palette.item(k).icon(0).isNull() for k in Kind)


def test_dragging_a_kind_carries_its_value_as_the_weaklink_mime(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    data = palette.tree.mimeData([palette.item(Kind.LOAD_BALANCER)])
    assert data.hasFormat(MIME_KIND)
    assert bytes(data.data(MIME_KIND)).decode() == "load_balancer"


def test_clicking_a_kind_chooses_it_as_the_placing_tool(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    palette.show()
    item = palette.item(Kind.UPS)
    rect = palette.tree.visualItemRect(item)
    with qtbot.waitSignal(palette.kindChosen) as chosen:
        qtbot.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert chosen.args == [Kind.UPS]


def test_the_filter_narrows_the_list_and_hides_empty_families(qtbot):
    palette = Palette()
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.filter, "bal")
    assert _visible_kinds(palette) == ["Load balancer"]
    palette.filter.clear()
    assert len(_visible_kinds(palette)) == len(Kind)
