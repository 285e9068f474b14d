"""CanvasView: the QGraphicsView the main window embeds. It owns a CanvasScene
built from the Document, turns mouse gestures into interaction objects
(`interactions.py`, `drag.py`, `connect.py`), accepts palette drops, and offers
the editing commands (clipboard, delete, align, snap) and navigation
(`navigation.py`) the main window binds to menus and shortcuts.

Tools: "select" (default; a drag that starts on a component's border
connects), "connect", "drill" (clicks report `drillClicked`, nothing is
edited) or a Kind (the next click places one).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import QGraphicsView, QWidget

from designer.look import style
from designer.document import Document
from designer.model import Kind

from . import geometry as G
from .connect import Chooser, Connect, menu_chooser, on_edge
from .containers import ContainerItem, TierItem
from .drag import Move
from .drawing import follow_style
from .editing import Editing
from .interactions import Interaction, Pan, RubberBand, Resize
from .labeledit import LabelEditor
from .navigation import Navigation
from .placement import component_at
from .scene import CanvasScene
from .sketching import Sketching

KIND_MIME = "application/x-weaklink-kind"
_NO_EDGE_CONNECT = frozenset({Kind.SITE, Kind.RACK, Kind.SEGMENT, Kind.TIER, Kind.NOTE,
                              Kind.TEXT})


class CanvasView(Navigation, Editing, Sketching, QGraphicsView):
    selectionChangedIds = Signal(list)
    statusMessage = Signal(str)
    componentActivated = Signal(str)
    drillClicked = Signal(str)
    toolChanged = Signal(str)
    zoomChanged = Signal(float)     # the new factor; every zoom path ends in set_zoom

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setScene(CanvasScene(document, self))
        self.scene().selectionChangedIds.connect(self.selectionChangedIds)
        self._tool: str | Kind = "select"
        self._active: Interaction | None = None
        self._space = False
        self._snap = True
        self._editor: LabelEditor | None = None
        self.kind_chooser: Chooser = menu_chooser
        self.setRenderHints(QPainter.RenderHint.Antialiasing |
                            QPainter.RenderHint.TextAntialiasing |
                            QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # A scroll bar showing up after a fit (or a dock resizing the window)
        # keeps the fitted centre, not the top-left corner: the design stays whole.
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        follow_style(self._restyled)
        document.reset.connect(self._forget_gesture)
        document.componentsRemoved.connect(self._abort_gesture)

    def scene(self) -> CanvasScene:  # typed accessor
        return super().scene()

    # -- tools and settings ---------------------------------------------------------------
    def set_tool(self, tool: str | Kind) -> None:
        if tool not in ("select", "connect", "drill"):
            tool = Kind(tool)
        self._tool = tool
        cursor = Qt.CursorShape.ArrowCursor if tool == "select" else Qt.CursorShape.CrossCursor
        self.viewport().setCursor(cursor)
        self.toolChanged.emit(tool.value if isinstance(tool, Kind) else tool)
        if isinstance(tool, Kind):
            self.statusMessage.emit(f"Click on the canvas to place {tool.title.lower()}s "
                                    "(Esc to stop, Shift+click for just one)")

    def tool(self) -> str | Kind:
        return self._tool

    def set_snap(self, on: bool) -> None:
        self._snap = bool(on)

    def snap_enabled(self) -> bool:
        return self._snap

    def set_zoom(self, factor: float) -> None:
        before = self.zoom_factor()
        super().set_zoom(factor)
        if self.zoom_factor() != before:
            self.zoomChanged.emit(self.zoom_factor())

    def set_dark(self, dark: bool) -> None:
        style.set_dark(dark)   # the scene and this view follow through listeners

    def _restyled(self) -> None:
        self.resetCachedContent()
        self.viewport().update()

    # -- mouse --------------------------------------------------------------------------------
    def _in_editor(self, event: QMouseEvent) -> bool:
        """Mouse events inside the open label editor go to it (cursor, selection)."""
        pos = self.mapToScene(event.position().toPoint())
        return self._editor is not None and self._editor.sceneBoundingRect().contains(pos)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if self._in_editor(event):
            return super().mousePressEvent(event)
        if self._editor is not None:
            self._editor.finish(commit=True)   # a click elsewhere ends the edit
        if self._active is not None:
            return
        if event.button() == Qt.MouseButton.MiddleButton or (
                event.button() == Qt.MouseButton.LeftButton and self._space):
            self._active = Pan(self, event)
        elif event.button() == Qt.MouseButton.LeftButton:
            self._active = self._start(pos, event.modifiers())
        event.accept()

    def _start(self, pos: QPointF, modifiers) -> Interaction | None:
        item = component_at(self.scene(), pos)
        if self.fan_source() is not None:
            self.fan_click(item, modifiers, self.viewport().mapToGlobal(self.mapFromScene(pos)))
            return None
        if isinstance(self._tool, Kind):
            # Stays armed for the next click until Esc; Shift places just one.
            kind = self._tool
            if modifiers & Qt.KeyboardModifier.ShiftModifier:
                self.set_tool("select")
            self.place(kind, pos)
            return None
        if self._tool == "drill":
            if item is not None:
                self.drillClicked.emit(item.cid)
            return None
        if self._tool == "connect":
            return Connect(self, item, pos) if item is not None else None
        add = bool(modifiers & (Qt.KeyboardModifier.ControlModifier |
                                Qt.KeyboardModifier.ShiftModifier))
        return self._select_gesture(item, pos, add)

    def _select_gesture(self, item, pos: QPointF, add: bool) -> Interaction | None:
        """Select tool: resize grip, edge connect, link click, move or rubber band."""
        if item is not None and not item.grabs_at(item.mapFromScene(pos)) \
                and not self._on_grip(item, pos):
            item = None   # the open floor of a site or zone
        edge = item is not None and item.kind not in _NO_EDGE_CONNECT and on_edge(item, pos)
        link = self._link_on_top(pos)
        if link is not None and not edge:
            self.select_ids(self.selected_ids() + [link] if add else [link])
            return None
        if item is None:
            return RubberBand(self, pos, add)
        if self._on_grip(item, pos):
            return Resize(self, item)
        if edge and not add:
            return Connect(self, item, pos)
        return Move(self, item, pos, add)

    def _on_grip(self, item, pos: QPointF) -> bool:
        return (isinstance(item, ContainerItem) and item.kind in G.RESIZABLE
                and self.scene().is_selected(item.cid)
                and item.grip_rect().contains(item.mapFromScene(pos)))

    def _link_on_top(self, pos: QPointF) -> str | None:
        """The link drawn topmost under the pointer, if a link is what is on top."""
        for found in self.scene().items(pos):
            if found.zValue() >= 1000:      # gesture overlays
                continue
            return getattr(found, "lid", None) or getattr(found.parentItem(), "lid", None)
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if self._active is not None:
            self._active.move(event, pos)
        elif self._in_editor(event):
            super().mouseMoveEvent(event)
        elif self._tool == "select" and not self._space:
            self._hover(pos)
        event.accept()

    def _hover(self, pos: QPointF) -> None:
        """Cursor feedback: resize grip, connect edge, or plain pointer."""
        item = component_at(self.scene(), pos)
        shape, hint = Qt.CursorShape.ArrowCursor, ""
        if item is not None:
            if self._on_grip(item, pos):
                shape = Qt.CursorShape.SizeFDiagCursor
            elif item.kind not in _NO_EDGE_CONNECT and on_edge(item, pos):
                shape, hint = Qt.CursorShape.CrossCursor, "Drag from the edge to connect"
        if shape != self.viewport().cursor().shape():
            self.viewport().setCursor(shape)
            if hint:
                self.statusMessage.emit(hint)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._active is None and self._in_editor(event):
            return super().mouseReleaseEvent(event)
        active, self._active = self._active, None
        if active is not None:
            active.release(event, self.mapToScene(event.position().toPoint()))
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._in_editor(event):
            return super().mouseDoubleClickEvent(event)
        pos = self.mapToScene(event.position().toPoint())
        item = component_at(self.scene(), pos)
        if item is None or event.button() != Qt.MouseButton.LeftButton:
            return
        label = item.label_item
        if label.isVisible() and label.sceneBoundingRect().adjusted(-4, -4, 4, 4).contains(pos) \
                and not isinstance(item, TierItem):
            self.edit_label(item.cid)
        else:
            self.componentActivated.emit(item.cid)

    # -- keys ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.scene().focusItem() is not None:   # typing into the label editor
            super().keyPressEvent(event)
        elif key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        elif key == Qt.Key.Key_Escape:
            self.escape()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key in _NUDGE and self.selected_ids():
            step = G.GRID if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1.0
            self.nudge(_NUDGE[key][0] * step, _NUDGE[key][1] * step)
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    def _abort_gesture(self, _ids=None) -> None:
        """Something was removed under a gesture (undo while dragging): drop it."""
        active, self._active = self._active, None
        if active is not None:
            try:
                active.cancel()
            except (KeyError, RuntimeError):   # its items are gone already
                pass

    def _forget_gesture(self) -> None:
        """A new design was loaded: the scene dropped every item a gesture held."""
        self._active, self._editor = None, None

    def escape(self) -> None:
        if self.disarm_fan():
            self.statusMessage.emit("Stopped connecting")
        elif self._editor is not None:
            self._editor.finish(commit=False)
        elif self._active is not None:
            self._active.cancel()
            self._active = None
        elif self._tool != "select":
            self.set_tool("select")
        else:
            self.select_ids([])

    # -- drops from the palette -------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(KIND_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(KIND_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        data = bytes(event.mimeData().data(KIND_MIME)).decode("utf-8")
        try:
            kind = Kind(data)
        except ValueError:
            self.statusMessage.emit(f"Unknown component kind “{data}”")
            return
        if self.place(kind, self.mapToScene(event.position().toPoint())) is not None:
            event.acceptProposedAction()

_NUDGE = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
          Qt.Key.Key_Down: (0, 1)}
