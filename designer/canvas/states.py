"""The scene's view state, kept apart from the document: selection, analysis
states, the blast-radius highlight and the level of detail.

`set_states` is built for the live analysis overlay at 5,000 components: it
diffs against the previous states and touches only items whose state changed,
then updates the "holds a SPOF" header badge of the containers whose answer
changed. Mixed into CanvasScene (which provides `_items`, `_links`, `item_for`).
"""
from __future__ import annotations

from typing import Iterable, Mapping

from designer.look import style
from designer.look.style import Detail, State

from .drawing import follow_style


class SceneStates:
    def __init__(self) -> None:
        self.detail = Detail.FULL
        self._states: dict[str, State] = {}
        self._holders: set[str] = set()
        self._selection: list[str] = []
        self._highlight: set[str] = set()
        # None: follow the window's palette; a Palette: this scene keeps it
        # (an export scene: designer/export/render.py).
        self.pinned_palette: style.Palette | None = None
        follow_style(self.restyle)

    def reset_view_state(self) -> None:
        self._states, self._holders, self._highlight = {}, set(), set()
        self._set_selection([])

    def forget_ids(self, ids: Iterable[str]) -> None:
        """Drop view state of removed items."""
        ids = set(ids)
        for cid in ids:
            self._states.pop(cid, None)
        self._holders -= ids
        self._highlight -= ids
        if ids & set(self._selection):
            self._set_selection([i for i in self._selection if i not in ids])

    # -- analysis states ---------------------------------------------------------------
    def set_states(self, states: Mapping[str, State]) -> None:
        """Recolour by analysis state; ids absent from `states` become NORMAL."""
        changed = {i for i in self._states.keys() | states.keys()
                   if self._states.get(i, State.NORMAL) != states.get(i, State.NORMAL)}
        for item_id in changed:
            item = self.item_for(item_id)
            if item is not None:
                item.set_state(states.get(item_id, State.NORMAL))
        self._states = {i: s for i, s in states.items() if s is not State.NORMAL}
        self._update_holders()

    def clear_states(self) -> None:
        self.set_states({})

    def state_of(self, item_id: str) -> State:
        return self._states.get(item_id, State.NORMAL)

    def _update_holders(self) -> None:
        holders: set[str] = set()
        for item_id, state in self._states.items():
            item = self._items.get(item_id)
            if state is State.SPOF and item is not None:
                holders |= {p.cid for p in _ancestors(item)}
        for cid in holders ^ self._holders:
            self._items[cid].decor.set_holds_spof(cid in holders)
        self._holders = holders

    def holds_spof(self, cid: str) -> bool:
        return cid in self._holders

    # -- highlight (hover blast radius) --------------------------------------------------
    def set_highlight(self, ids: Iterable[str]) -> None:
        ids = {i for i in ids if i in self._items}
        for cid in ids ^ self._highlight:
            self._items[cid].decor.set_highlighted(cid in ids)
        self._highlight = ids

    def highlighted_ids(self) -> set[str]:
        return set(self._highlight)

    # -- selection ---------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        return list(self._selection)

    def select_ids(self, ids: Iterable[str]) -> None:
        self._set_selection([i for i in dict.fromkeys(ids) if self.item_for(i) is not None])

    def is_selected(self, item_id: str) -> bool:
        return item_id in self._selection

    def _set_selection(self, ids: list[str]) -> None:
        if ids == self._selection:
            return
        old, new = set(self._selection), set(ids)
        self._selection = ids
        for item_id in old ^ new:
            item = self.item_for(item_id)
            if item is not None:
                _mark(item, item_id in new)
        self.selectionChangedIds.emit(list(ids))

    # -- level of detail and palette ---------------------------------------------------------
    def set_detail(self, detail: Detail) -> None:
        """Show or hide labels, chips and icons; once per threshold crossing."""
        if detail is self.detail:
            return
        self.detail = detail
        for item in (*self._items.values(), *self._links.values()):
            item.set_detail(detail)
        self.detail_changed()   # links bundle or unbundle (lod.py)

    def restyle(self) -> None:
        """Follow a palette change (light/dark, presentation)."""
        if self.pinned_palette is not None:
            with style.rendering_with(self.pinned_palette):
                return self._restyle()
        self._restyle()

    def _restyle(self) -> None:
        self.setBackgroundBrush(style.palette().canvas)
        for item in self._items.values():
            item.refresh_icons()
            item.restyle()
        for link in self._links.values():
            link.restyle()


def _mark(item, on: bool) -> None:
    item.set_selected(on)


def _ancestors(item):
    parent = item.parentItem()
    while parent is not None:
        if hasattr(parent, "cid"):
            yield parent
        parent = parent.parentItem()
