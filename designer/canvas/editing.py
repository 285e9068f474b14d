"""Editing commands (mixed into CanvasView): place a component, connect two,
rename inline; on the selection: select, delete, cut, copy, paste, duplicate,
align/distribute and nudge. Each is one
Document call, so one undo step; a refusal becomes a status message."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QPoint, QPointF, QTimer
from PySide6.QtWidgets import QApplication

from designer.io import LoadError
from designer.model import DesignError, Kind
from designer.model.kinds import CONTAINERS

from . import clipboard
from . import geometry as G
from .arrange import arranged
from .connect import link_between
from .labeledit import LabelEditor
from .placement import insert_fitted, place
from .sketching import next_label


class Editing:
    _paste_count = 0
    _last_payload: dict | None = None

    # -- selection ---------------------------------------------------------------------
    def select_ids(self, ids: Iterable[str]) -> None:
        self.scene().select_ids(ids)

    def selected_ids(self) -> list[str]:
        return self.scene().selected_ids()

    def select_all(self) -> None:
        self.select_ids(c.id for c in self.document.components())

    # -- delete and clipboard ------------------------------------------------------------
    def delete_selection(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.document.delete(ids)

    def copy(self) -> bool:
        payload = self._payload()
        if payload is None:
            return False
        QApplication.clipboard().setMimeData(clipboard.to_mime(payload))
        self._last_payload, self._paste_count = payload, 0
        return True

    def cut(self) -> None:
        if self.copy():
            self.document.delete(self.selected_ids())

    def paste(self) -> list[str]:
        payload = clipboard.from_mime(QApplication.clipboard().mimeData())
        if payload is not None and payload == self._last_payload:
            self._paste_count += 1
        elif payload is not None:
            self._last_payload, self._paste_count = payload, 1
        return self._insert(payload, self._paste_count)

    def duplicate(self) -> list[str]:
        """Copy the selection beside itself in one go (without the system
        clipboard): with the links among the copied items, shifted right by
        the selection's width plus two grid steps, labels numbered on."""
        return self._insert(self._payload(), 0, into_selection=False, duplicate=True)

    def _payload(self) -> dict | None:
        ids = [i for i in self.selected_ids() if self.scene().is_component(i)]
        if not ids:
            return None
        positions = {i.cid: i.scenePos() for i in self.scene().component_items()
                     if i.cid in ids}
        return clipboard.fragment(self.document, ids, positions)

    def _insert(self, payload: dict | None, times: int, into_selection: bool = True,
                duplicate: bool = False) -> list[str]:
        if payload is None:
            self.statusMessage.emit("Nothing to paste")
            return []
        into = self._paste_target() if into_selection else None
        try:
            comps, links = clipboard.pasted(self.document, payload,
                                            clipboard.OFFSET * times, into)
            if duplicate:
                comps = self._beside(comps)
            text = "Duplicate" if duplicate else f"Paste {len(comps)} component(s)"
            insert_fitted(self.scene(), comps, links, text)
        except (DesignError, LoadError) as err:
            self.statusMessage.emit(getattr(err, "message", str(err)))
            return []
        ids = [c.id for c in comps]
        self.select_ids(ids)
        return ids

    def _beside(self, comps: list) -> list:
        """Duplicated roots moved right of the originals, labels numbered on."""
        new = {c.id for c in comps}
        width = self.rect_of(i for i in self.selected_ids() if self.scene().is_component(i))
        shift = G.snap(width.width() + 2 * G.GRID + G.GRID / 2)
        taken = {c.label for c in self.document.components()}
        out = []
        for comp in comps:
            if comp.parent not in new:
                comp = comp.model_copy(update={"x": comp.x + shift,
                                               "label": next_label(taken, comp.label)})
            out.append(comp)
        return out

    def _paste_target(self):
        """A single selected container receives what is pasted, if it accepts it."""
        ids = self.selected_ids()
        if len(ids) == 1 and self.scene().is_component(ids[0]):
            comp = self.document.component(ids[0])
            if comp.kind in CONTAINERS:
                return comp
        return None

    # -- placing, connecting, renaming ----------------------------------------------------------------
    def place(self, kind: Kind, pos: QPointF):
        """Add a component centred on a scene point; shows a refusal instead."""
        try:
            comp = place(self.scene(), kind, pos, self._snap)
        except DesignError as err:
            self.statusMessage.emit(err.message)
            return None
        self.select_ids([comp.id])
        self.statusMessage.emit(f"Added {comp.kind.title.lower()} {comp.name}")
        return comp

    # -- connections and labels -----------------------------------------------------------------------
    def connect_items(self, source: str, target: str, at: QPoint | None = None):
        link, reason = link_between(self.document, source, target, self.kind_chooser,
                                    at or self.mapToGlobal(QPoint(0, 0)))
        if link is None:
            self.statusMessage.emit(reason)
        elif hasattr(link, "tier") and not hasattr(link, "source"):
            self.statusMessage.emit(f"{link.name} is now a replica in its tier")
        else:
            self.statusMessage.emit(f"Added {link.kind.value} link")
        return link

    def edit_label(self, cid: str) -> None:
        item = self.scene().item_for(cid)
        self._editor = LabelEditor(item, self._label_done)
        self.scene().addItem(self._editor)
        self._editor.start()

    def label_editor(self) -> LabelEditor | None:
        return self._editor

    def _label_done(self, cid: str, text: str | None) -> None:
        editor, self._editor = self._editor, None
        if editor is not None:
            # Called from inside the editor's own key or focus handler: hide it
            # now, remove and free it once that handler has returned.
            editor.clearFocus()
            editor.hide()
            QTimer.singleShot(0, lambda: _discard(editor))
        if text is None or cid not in self.document or text == self.document.component(cid).label:
            return
        try:
            self.document.update(cid, text=f"Rename to {text}", label=text)
        except DesignError as err:
            self.statusMessage.emit(err.message)

    # -- arrange ----------------------------------------------------------------------------
    def align(self, how: str) -> None:
        items = [self.scene().item_for(i) for i in self.selected_ids()]
        moves = arranged([i for i in items if hasattr(i, "cid")], how)
        if moves:
            self._move(moves, f"Align {how}")

    def nudge(self, dx: float, dy: float) -> None:
        moves = {}
        for cid in self.selected_ids():
            item = self.scene().item_for(cid)
            if self.scene().is_component(cid) and item.kind not in G.CHIP_KINDS \
                    and not getattr(item, "members", 0):
                comp = self.document.component(cid)
                moves[cid] = (comp.x + dx, comp.y + dy)
        if moves:
            self._move(moves, "Nudge")

    def _move(self, moves: dict[str, tuple[float, float]], text: str) -> None:
        try:
            self.document.move(moves, text)
        except DesignError as err:
            self.statusMessage.emit(err.message)


def _discard(item) -> None:
    try:
        if item.scene() is not None:
            item.scene().removeItem(item)
    except RuntimeError:   # the scene went first (a new design was loaded)
        pass
