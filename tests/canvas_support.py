"""Shared fixtures for the canvas tests: a small but complete design and a
view built from a Document, offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from designer.model import Component, Design, Kind, Link, LinkKind, Trust  # noqa: E402


def comp(cid: str, kind: Kind, x: float = 0, y: float = 0, **props) -> Component:
    return Component(id=cid, kind=kind, label=props.pop("label", cid), x=x, y=y, **props)


def sample_design() -> Design:
    """A site with a rack of two web servers (PSUs, NICs, services in a tier),
    a DMZ segment, a switch, a UPS fed by a utility feed, and the Internet."""
    c = [
        comp("dc", Kind.SITE, 0, 0, label="Frankfurt DC", width=900, height=560),
        comp("dmz", Kind.SEGMENT, 520, 60, parent="dc", width=340, height=220,
             trust=Trust.DMZ, label="DMZ"),
        comp("rack", Kind.RACK, 40, 60, parent="dc", width=420, height=440),
        comp("web-1", Kind.SERVER, 20, 50, parent="rack", width=180, height=110),
        comp("web-2", Kind.SERVER, 220, 50, parent="rack", width=180, height=110),
        comp("db-1", Kind.SERVER, 20, 250, parent="rack", width=180, height=110),
        comp("psu-1a", Kind.PSU, parent="web-1"), comp("psu-1b", Kind.PSU, parent="web-1"),
        comp("nic-1", Kind.NIC, parent="web-1"), comp("nic-2", Kind.NIC, parent="web-2"),
        comp("disk-1", Kind.DISK, parent="db-1"),
        comp("tier-web", Kind.TIER, 0, 0, quorum=1, label="web tier"),
        comp("app-1", Kind.SERVICE, 20, 40, parent="web-1", tier="tier-web", label="shop"),
        comp("app-2", Kind.SERVICE, 20, 40, parent="web-2", tier="tier-web", label="shop"),
        comp("db", Kind.SERVICE, 20, 40, parent="db-1", label="postgres"),
        comp("sw", Kind.SWITCH, 40, 60, parent="dc", segment="dmz"),
        comp("ups", Kind.UPS, 560, 400, parent="dc"),
        comp("feed", Kind.UTILITY_FEED, 560, 620),
        comp("inet", Kind.INTERNET, 1000, 80, label="Internet"),
        comp("note", Kind.NOTE, 1000, 300, text="Workshop: check the feed"),
    ]
    # The switch sits in the DMZ zone: placed in the site, member of the segment.
    c[15] = comp("sw", Kind.SWITCH, 560, 120, parent="dc", segment="dmz")
    links = [
        Link(id="p1", kind=LinkKind.POWER, source="feed", target="ups"),
        Link(id="p2", kind=LinkKind.POWER, source="ups", target="psu-1a"),
        Link(id="p3", kind=LinkKind.POWER, source="ups", target="psu-1b"),
        Link(id="n1", kind=LinkKind.NETWORK, source="nic-1", target="sw"),
        Link(id="n2", kind=LinkKind.NETWORK, source="nic-2", target="sw"),
        Link(id="n3", kind=LinkKind.NETWORK, source="sw", target="inet"),
        Link(id="n4", kind=LinkKind.NETWORK, source="sw", target="inet"),
        Link(id="d1", kind=LinkKind.DEPENDENCY, source="app-1", target="db", port=5432),
    ]
    return Design(components=tuple(c), links=tuple(links))


# -- view and input helpers ---------------------------------------------------------------
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

LEFT = Qt.MouseButton.LeftButton


def make_view(qtbot, design=None, size=(1200, 800)):
    """A shown CanvasView on a Document holding `design` (the sample by default)."""
    from designer.canvas import CanvasView
    from designer.document import Document

    doc = Document(sample_design() if design is None else design)
    view = CanvasView(doc)
    qtbot.addWidget(view)
    # pytest-qt holds widgets weakly; a parentless view then dies whenever the
    # garbage collector reaches it, possibly in the middle of its own paint
    # event. Keep it alive until pytest-qt closes and deletes it at teardown.
    qtbot.__dict__.setdefault("_canvas_views", []).append(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(1.0)
    view.centerOn(450, 300)
    messages: list[str] = []
    view.statusMessage.connect(messages.append)
    view.messages = messages
    return view, doc


def _send(view, kind, scene_pos, button=LEFT, buttons=LEFT, modifiers=Qt.KeyboardModifier.NoModifier):
    local = QPointF(view.mapFromScene(QPointF(*scene_pos) if isinstance(scene_pos, tuple)
                                      else scene_pos))
    glob = QPointF(view.viewport().mapToGlobal(local.toPoint()))
    event = QMouseEvent(kind, local, glob, button, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), event)


def press(view, pos, button=LEFT, modifiers=Qt.KeyboardModifier.NoModifier):
    _send(view, QEvent.Type.MouseButtonPress, pos, button, button, modifiers)


def move(view, pos, buttons=LEFT):
    _send(view, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, buttons)


def release(view, pos, button=LEFT):
    _send(view, QEvent.Type.MouseButtonRelease, pos, button, Qt.MouseButton.NoButton)


def double_click(view, pos):
    _send(view, QEvent.Type.MouseButtonDblClick, pos)


def drag(view, start, end, steps=5, button=LEFT, modifiers=Qt.KeyboardModifier.NoModifier):
    """Press at `start`, move in steps, release at `end` (scene coordinates)."""
    start, end = QPointF(*start) if isinstance(start, tuple) else start, \
        QPointF(*end) if isinstance(end, tuple) else end
    press(view, start, button, modifiers)
    for i in range(1, steps + 1):
        move(view, start + (end - start) * (i / steps), button)
    release(view, end, button)


def drop_kind(view, kind, scene_pos):
    """Drop a palette entry (MIME application/x-weaklink-kind) at a scene point."""
    from designer.canvas import KIND_MIME

    mime = QMimeData()
    mime.setData(KIND_MIME, kind.value.encode("utf-8"))
    local = QPointF(view.mapFromScene(QPointF(*scene_pos)))
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(local.toPoint(), action, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    drop = QDropEvent(local, action, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    return drop.isAccepted()


def center(view, cid) -> QPointF:
    return view.scene().item_for(cid).scene_rect().center()


def scene_pos(view, cid) -> QPointF:
    return view.scene().item_for(cid).scenePos()

