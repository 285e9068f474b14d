"""The undoable edits. Each command changes the document through its
primitive mutators only (`_insert`, `_remove`, `_replace`, `_set_settings`);
the Document's public edit methods validate first and then push one of these,
or a macro of several, so every edit is one undo step."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtGui import QUndoCommand

from designer.model import Component, Link, Settings

if TYPE_CHECKING:
    from designer.document import Document


class InsertItems(QUndoCommand):
    def __init__(self, doc: "Document", components: Sequence[Component],
                 links: Sequence[Link], text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self._doc, self._components, self._links = doc, list(components), list(links)

    def redo(self) -> None:
        self._doc._insert(self._components, self._links)

    def undo(self) -> None:
        self._doc._remove([c.id for c in self._components], [l.id for l in self._links])


class RemoveItems(QUndoCommand):
    def __init__(self, doc: "Document", components: Sequence[Component],
                 links: Sequence[Link], text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self._doc, self._components, self._links = doc, list(components), list(links)

    def redo(self) -> None:
        self._doc._remove([c.id for c in self._components], [l.id for l in self._links])

    def undo(self) -> None:
        self._doc._insert(self._components, self._links)


class ReplaceComponents(QUndoCommand):
    """Property edits, renames, moves and re-parenting: old values -> new values."""

    def __init__(self, doc: "Document", before: Sequence[Component],
                 after: Sequence[Component], text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self._doc, self._before, self._after = doc, list(before), list(after)

    def redo(self) -> None:
        self._doc._replace(self._after)

    def undo(self) -> None:
        self._doc._replace(self._before)


class ReplaceLinks(QUndoCommand):
    def __init__(self, doc: "Document", before: Sequence[Link], after: Sequence[Link],
                 text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self._doc, self._before, self._after = doc, list(before), list(after)

    def redo(self) -> None:
        self._doc._replace_links(self._after)

    def undo(self) -> None:
        self._doc._replace_links(self._before)


class SetSettings(QUndoCommand):
    def __init__(self, doc: "Document", before: Settings, after: Settings, text: str):
        super().__init__(text)
        self._doc, self._before, self._after = doc, before, after

    def redo(self) -> None:
        self._doc._set_settings(self._after)

    def undo(self) -> None:
        self._doc._set_settings(self._before)


class Macro(QUndoCommand):
    """Several commands as one undo step. Holds its children in Python so
    their redo/undo overrides stay alive (PySide does not keep child commands
    created with a parent argument)."""

    def __init__(self, text: str, children: Sequence[QUndoCommand]):
        super().__init__(text)
        self._children = list(children)

    def redo(self) -> None:
        for child in self._children:
            child.redo()

    def undo(self) -> None:
        for child in reversed(self._children):
            child.undo()
