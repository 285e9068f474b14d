"""The one mutator of the design. A QObject that holds the current components,
links and settings, validates every edit with the model's rules, records it as
an undo command, and emits change signals the scene and the analyzer follow.

Public edit methods raise `designer.model.DesignError` (with a user-facing
message) when the model refuses; nothing changes in that case. Several edits
that make one gesture (a drop that grows its container) go in
`with document.compound(text):`, which makes them one undo step, or none."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from designer import commands as C
from designer.model import AcceptedFinding, Component, Design, Kind, Link, LinkKind, Settings
from designer.model import errors as E
from designer.model.edits import attached_links, descendants, orphaned_members, unique_id
from designer.model.patch import Patch, apply_patch, validated
from designer.model.rules import check_link, check_membership, check_parent, power_cycle


class Document(QObject):
    componentsAdded = Signal(list)    # list[Component]
    componentsRemoved = Signal(list)  # list[str] (ids)
    componentsChanged = Signal(list)  # list[Component] (new values)
    linksAdded = Signal(list)         # list[Link]
    linksRemoved = Signal(list)       # list[str]
    linksChanged = Signal(list)       # list[Link]
    settingsChanged = Signal(object)  # Settings
    acceptedChanged = Signal(object)  # tuple[AcceptedFinding] (accepted findings)
    aboutToLoad = Signal(object)      # Design: about to replace this one (see load)
    reset = Signal()                  # a whole new design was loaded
    changed = Signal()                # after every change: analysis follows this

    def __init__(self, design: Design | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.path: Path | None = None
        self._components: dict[str, Component] = {}
        self._links: dict[str, Link] = {}
        self._settings = Settings()
        self._accepted: tuple = ()       # AcceptedFinding values (segmentation)
        # Insertion order per id, kept after removal so an undone delete puts
        # the item back where it was (files and snapshots keep their order).
        self._order: dict[str, int] = {}
        self._compound: list[QUndoCommand] | None = None   # see compound()
        self.load(design or Design())

    def __del__(self) -> None:
        # Delete the undo commands while every wrapper is still whole. When a
        # dropped document is cyclic garbage, Python's collector clears the
        # command wrappers too, and clearing a shiboken wrapper hands its C++
        # object back to Python, which deletes it while the QUndoStack still
        # lists it: the stack's destructor then crashed (SIGSEGV). Finalizers
        # run before any clearing, so emptying the stack here is safe.
        try:
            self.undo_stack.blockSignals(True)
            self.undo_stack.clear()
        except (AttributeError, RuntimeError):  # never built, or deleted with its window
            pass

    # -- reading ---------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings

    def component(self, cid: str) -> Component:
        return self._components[cid]

    def link(self, lid: str) -> Link:
        return self._links[lid]

    def components(self) -> list[Component]:
        return list(self._components.values())

    def links(self) -> list[Link]:
        return list(self._links.values())

    def __contains__(self, item_id: str) -> bool:
        return item_id in self._components or item_id in self._links

    def children(self, parent_id: str | None) -> list[Component]:
        return [c for c in self._components.values() if c.parent == parent_id]

    def links_of(self, cid: str) -> list[Link]:
        return attached_links(self._links, {cid})

    def snapshot(self) -> Design:
        """An immutable copy for analysis or saving; cheap (values are frozen)."""
        return Design.model_construct(settings=self._settings,
                                      components=tuple(self._components.values()),
                                      links=tuple(self._links.values()),
                                      accepted=self._accepted)

    def new_id(self, stem: str) -> str:
        taken = self._components.keys() | self._links.keys()
        return unique_id(taken, stem)

    def is_clean(self) -> bool:
        return self.undo_stack.isClean()

    # -- whole-document ----------------------------------------------------
    def load(self, design: Design, path: Path | None = None) -> None:
        """Replace the design. `aboutToLoad` comes first: the analysis may
        start its worker process while the scene is being built (a second
        at 5,000 components)."""
        self.aboutToLoad.emit(design)
        self._components = {c.id: c for c in design.components}
        self._links = {l.id: l for l in design.links}
        self._order = {item_id: n for n, item_id in
                       enumerate([*self._components, *self._links])}
        self._settings = design.settings
        self._accepted = tuple(design.accepted)
        self.path = path
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.reset.emit()
        self.changed.emit()

    # -- edits (validated, undoable) -----------------------------------------
    @contextmanager
    def compound(self, text: str) -> Iterator[None]:
        """The edits made inside the block become one undo step named `text`.
        Each is checked and applied as it is made, so a later one sees the
        earlier ones; if one is refused (or anything raises), the ones before
        it are undone and no step is left on the stack. Nested blocks join
        the outermost one."""
        if self._compound is not None:
            yield
            return
        self._compound = done = []
        try:
            yield
        except BaseException:
            self._compound = None
            for command in reversed(done):
                command.undo()
            raise
        self._compound = None
        if done:
            self.undo_stack.push(C.Macro(text, done, applied=True))

    def _push(self, command: QUndoCommand) -> None:
        """Record and apply an edit: on the stack, or in the open compound."""
        if self._compound is None:
            self.undo_stack.push(command)
        else:
            command.redo()
            self._compound.append(command)

    def add_component(self, kind: Kind, parent: str | None = None, x: float = 0.0,
                      y: float = 0.0, **props: Any) -> Component:
        props.setdefault("id", self.new_id(Kind(kind).value))
        props.setdefault("label", props["id"])
        comp = _validated(Component, dict(kind=kind, parent=parent, x=x, y=y, **props))
        self.insert([comp], [], f"Add {comp.kind.title.lower()} {comp.name}")
        return comp

    def add_link(self, kind: str, source: str, target: str, **props: Any) -> Link:
        kind = LinkKind(kind).value
        props.setdefault("id", self.new_id(f"{kind}-link"))
        link = _validated(Link, dict(kind=kind, source=source, target=target, **props))
        self.insert([], [link], f"Connect {self._name(source)} to {self._name(target)}")
        return link

    def insert(self, components: Iterable[Component], links: Iterable[Link],
               text: str) -> None:
        """Add several items as one step (paste, duplicate, templates)."""
        components, links = list(components), list(links)
        lookup = {**self._components, **{c.id: c for c in components}}
        for item in (*components, *links):
            if item.id in self:
                raise E.DuplicateId(f"id '{item.id}' is already used")
        for comp in components:
            check_parent(lookup, comp, comp.parent)
            check_membership(lookup, comp)
        for link in links:
            check_link(lookup, link)
        self._refuse_power_loop([*self._links.values(), *links])
        self._push(C.InsertItems(self, components, links, text))

    def update(self, cid: str, text: str | None = None, **changes: Any) -> Component:
        """Change properties of one component (rename, costs, re-parent, ...)."""
        return self.update_many({cid: changes}, text or f"Edit {self._name(cid)}")[0]

    def update_many(self, changes: Mapping[str, Mapping[str, Any]], text: str) -> list[Component]:
        """Change several components as one undo step (a drag, an align)."""
        missing = [cid for cid in changes if cid not in self._components]
        if missing:
            raise E.DanglingReference(f"no component '{missing[0]}' in this design")
        before = [self._components[cid] for cid in changes]
        after = [_validated(Component, {**old.model_dump(), **changes[old.id]})
                 for old in before]
        lookup = {**self._components, **{c.id: c for c in after}}
        for old, new in zip(before, after):
            if new.kind is not old.kind or new.id != old.id:
                raise E.InvalidProperty("a component's id and kind cannot change")
            check_parent(lookup, new, new.parent)
            check_membership(lookup, new)
        if before != after:
            self._push(C.ReplaceComponents(self, before, after, text))
        return after

    def move(self, positions: Mapping[str, tuple[float, float]], text: str = "Move") -> None:
        self.update_many({cid: {"x": x, "y": y} for cid, (x, y) in positions.items()}, text)

    def update_link(self, lid: str, **changes: Any) -> Link:
        old = self._links[lid]
        new = _validated(Link, {**old.model_dump(), **changes})
        lookup = self._components
        check_link(lookup, new)
        self._refuse_power_loop([l for l in self._links.values() if l.id != lid] + [new])
        self._push(C.ReplaceLinks(self, [old], [new], f"Edit link {lid}"))
        return new

    def delete(self, ids: Iterable[str]) -> None:
        """Delete components (with what is placed inside them and their links) and
        links, as one undo step."""
        ids = [i for i in ids if i in self]
        comp_ids = descendants(self._components, [i for i in ids if i in self._components])
        removed = set(comp_ids)
        links = {l.id: l for l in attached_links(self._links, removed)}
        links.update({i: self._links[i] for i in ids if i in self._links})
        if not comp_ids and not links:
            return
        orphans = orphaned_members(self._components, removed)
        steps: list[QUndoCommand] = []
        if orphans:
            before = [self._components[c.id] for c in orphans]
            steps.append(C.ReplaceComponents(self, before, orphans, ""))
        steps.append(C.RemoveItems(self, [self._components[c] for c in comp_ids],
                                   list(links.values()), ""))
        self._push(C.Macro(f"Delete {len(comp_ids) + len(links)} item(s)", steps))

    def set_settings(self, **changes: Any) -> Settings:
        new = _validated(Settings, {**self._settings.model_dump(), **changes})
        if new != self._settings:
            self._push(C.SetSettings(self, self._settings, new, "Design settings"))
        return new

    @property
    def accepted(self) -> tuple:
        return self._accepted

    def set_accepted(self, entries, text: str) -> None:
        """Replace the accepted segmentation findings (one undo step)."""
        new = tuple(_validated(AcceptedFinding, e.model_dump()) for e in entries)
        if new != self._accepted:
            self._push(C.SetAccepted(self, self._accepted, new, text))

    def apply_patch(self, patch: Patch) -> None:
        """A whole described edit (a mitigation, model/patch.py) as one undo
        step; checked by applying it to a snapshot first, so a refused patch
        changes nothing and raises the model's DesignError(s)."""
        if patch.empty:
            return
        patch = validated(patch)
        apply_patch(self.snapshot(), patch)
        steps: list[QUndoCommand] = []
        if patch.add_components or patch.add_links:
            steps.append(C.InsertItems(self, patch.add_components, patch.add_links, ""))
        if patch.update_components:
            before = [self._components[c.id] for c in patch.update_components]
            steps.append(C.ReplaceComponents(self, before, patch.update_components, ""))
        if patch.update_links:
            before = [self._links[l.id] for l in patch.update_links]
            steps.append(C.ReplaceLinks(self, before, patch.update_links, ""))
        self._push(C.Macro(patch.text, steps))

    # -- primitives: called by commands only -----------------------------------
    def _insert(self, components: list[Component], links: list[Link]) -> None:
        self._components = self._merged(self._components, components)
        self._links = self._merged(self._links, links)
        self._emit(self.componentsAdded, components)
        self._emit(self.linksAdded, links)
        self.changed.emit()

    def _remove(self, component_ids: list[str], link_ids: list[str]) -> None:
        for lid in link_ids:
            del self._links[lid]
        for cid in component_ids:
            del self._components[cid]
        self._emit(self.linksRemoved, link_ids)
        self._emit(self.componentsRemoved, component_ids)
        self.changed.emit()

    def _replace(self, components: list[Component]) -> None:
        for comp in components:
            self._components[comp.id] = comp
        self._emit(self.componentsChanged, components)
        self.changed.emit()

    def _replace_links(self, links: list[Link]) -> None:
        for link in links:
            self._links[link.id] = link
        self._emit(self.linksChanged, links)
        self.changed.emit()

    def _set_accepted(self, entries: tuple) -> None:
        self._accepted = entries
        self.acceptedChanged.emit(entries)
        self.changed.emit()

    def _set_settings(self, settings: Settings) -> None:
        self._settings = settings
        self.settingsChanged.emit(settings)
        self.changed.emit()

    # -- helpers ---------------------------------------------------------------
    def _merged(self, current: dict, added: list) -> dict:
        """`current` plus `added`, in each id's original insertion order."""
        restoring = False
        for item in added:
            if item.id in self._order:
                restoring = True
            else:
                self._order[item.id] = len(self._order)
            current[item.id] = item
        if restoring:
            current = dict(sorted(current.items(), key=lambda kv: self._order[kv[0]]))
        return current

    @staticmethod
    def _emit(signal, items: list) -> None:
        if items:
            signal.emit(items)

    def _name(self, cid: str) -> str:
        comp = self._components.get(cid)
        return comp.name if comp else cid

    @staticmethod
    def _refuse_power_loop(links: list[Link]) -> None:
        loop = power_cycle(links)
        if loop:
            raise E.InvalidConnection("power would run in a loop: " + " -> ".join(loop))


def _validated(model, data: dict):
    """Build a model value, turning pydantic's error into a DesignError."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise E.InvalidProperty(message, where) from None
