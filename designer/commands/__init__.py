"""The undoable edits. Each command changes the document through its
primitive mutators only (`_insert`, `_remove`, `_replace`, `_set_settings`);
the Document's public edit methods validate first and then push one of these,
or a macro of several, so every edit is one undo step.

Commands reach their document through a weak reference, so a document and
its history form no reference cycle and a dropped document is freed at once
(its C++ destructor deletes the stack and the commands). A document that is
cyclic garbage for other reasons is handled by Document.__del__, which empties
the stack before the collector clears any wrapper (see the note there)."""
from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Sequence

from PySide6.QtGui import QUndoCommand

from designer.model import Component, Link, Settings

if TYPE_CHECKING:
    from designer.document import Document


class _DocumentCommand(QUndoCommand):
    """A command that edits one document, held weakly (see the module note)."""

    def __init__(self, doc: "Document", text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self._doc_ref = weakref.ref(doc)

    @property
    def _doc(self) -> "Document":
        doc = self._doc_ref()
        if doc is None:  # the stack dies with its document, so this cannot run
            raise RuntimeError("undo command outlived its document")
        return doc


class InsertItems(_DocumentCommand):
    def __init__(self, doc: "Document", components: Sequence[Component],
                 links: Sequence[Link], text: str, parent: QUndoCommand | None = None):
        super().__init__(doc, text, parent)
        self._components, self._links = list(components), list(links)

    def redo(self) -> None:
        self._doc._insert(self._components, self._links)

    def undo(self) -> None:
        self._doc._remove([c.id for c in self._components], [l.id for l in self._links])


class RemoveItems(_DocumentCommand):
    def __init__(self, doc: "Document", components: Sequence[Component],
                 links: Sequence[Link], text: str, parent: QUndoCommand | None = None):
        super().__init__(doc, text, parent)
        self._components, self._links = list(components), list(links)

    def redo(self) -> None:
        self._doc._remove([c.id for c in self._components], [l.id for l in self._links])

    def undo(self) -> None:
        self._doc._insert(self._components, self._links)


class ReplaceComponents(_DocumentCommand):
    """Property edits, renames, moves and re-parenting: old values -> new values."""

    def __init__(self, doc: "Document", before: Sequence[Component],
                 after: Sequence[Component], text: str, parent: QUndoCommand | None = None):
        super().__init__(doc, text, parent)
        self._before, self._after = list(before), list(after)

    def redo(self) -> None:
        self._doc._replace(self._after)

    def undo(self) -> None:
        self._doc._replace(self._before)


class ReplaceLinks(_DocumentCommand):
    def __init__(self, doc: "Document", before: Sequence[Link], after: Sequence[Link],
                 text: str, parent: QUndoCommand | None = None):
        super().__init__(doc, text, parent)
        self._before, self._after = list(before), list(after)

    def redo(self) -> None:
        self._doc._replace_links(self._after)

    def undo(self) -> None:
        self._doc._replace_links(self._before)


class SetSettings(_DocumentCommand):
    def __init__(self, doc: "Document", before: Settings, after: Settings, text: str):
        super().__init__(doc, text)
        self._before, self._after = before, after

    def redo(self) -> None:
        self._doc._set_settings(self._after)

    def undo(self) -> None:
        self._doc._set_settings(self._before)


class SetAccepted(_DocumentCommand):
    """Accept (or withdraw) segmentation findings: the design's list of
    AcceptedFinding values before and after."""

    def __init__(self, doc: "Document", before: tuple, after: tuple, text: str):
        super().__init__(doc, text)
        self._before, self._after = before, after

    def redo(self) -> None:
        self._doc._set_accepted(self._after)

    def undo(self) -> None:
        self._doc._set_accepted(self._before)


class Macro(QUndoCommand):
    """Several commands as one undo step. Holds its children in Python so
    their redo/undo overrides stay alive (PySide does not keep child commands
    created with a parent argument)."""

    def __init__(self, text: str, children: Sequence[QUndoCommand], applied: bool = False):
        super().__init__(text)
        self._children = list(children)
        # Children already applied one by one (Document.compound): the stack's
        # first redo, on push, must not apply them twice.
        self._applied = applied

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        for child in self._children:
            child.redo()

    def undo(self) -> None:
        for child in reversed(self._children):
            child.undo()
