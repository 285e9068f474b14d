"""The words of the Problems list and the status bar's SPOF count: each
SPOF's row, each order-2 pair's, each note's, and the one-line summary.
`name` is a callable that says what a person calls a component id."""
from __future__ import annotations

from typing import Callable, Optional

from designer.analysis.result import CutPair, Note, Spof, StructurePart
from designer.model import Kind

Name = Callable[[str], str]

SPOFS_TITLE = "Single points of failure"
PAIRS_TITLE = "Order-2 cut sets: one failure from a SPOF"
NOTES_TITLE = "Notes"
PAIR_WHY = "these two failing together take the system down; either alone does not"
WHOLE_SYSTEM = "the system"


def spof_count(count: int) -> str:
    return "No SPOF" if count == 0 else f"{count} SPOF{'s' if count != 1 else ''}"


def summary(structure: StructurePart) -> str:
    """One line above the Problems list."""
    n = len(structure.spofs)
    head = ("No single point of failure." if n == 0 else
            f"{n} single point{'s' if n != 1 else ''} of failure.")
    cuts = len(structure.cut_sets_order2)
    if cuts:
        head += f" {cuts} pair{'s' if cuts != 1 else ''} one failure from a SPOF."
    if not structure.system_up:
        head = "The system is down even with nothing failed. " + head
    return head


def kind_title(kind: str) -> str:
    try:
        return Kind(kind).title
    except ValueError:
        return str(kind)


def spof_cells(spof: Spof, name: Name) -> tuple[str, str, str]:
    """Problem | Takes down | Why."""
    radius = ", ".join(name(cid) for cid in spof.blast_radius) or WHOLE_SYSTEM
    return f"{name(spof.id)} ({kind_title(spof.kind)})", radius, spof.explanation


def pair_cells(a: str, b: str, name: Name,
               explained: Optional[CutPair] = None) -> tuple[str, str, str]:
    """Problem | Takes down | Why; past the explained pairs, the generic reason."""
    if explained is None:
        return f"{name(a)} + {name(b)}", WHOLE_SYSTEM, PAIR_WHY
    radius = ", ".join(name(cid) for cid in explained.blast_radius) or WHOLE_SYSTEM
    return f"{name(a)} + {name(b)}", radius, explained.explanation


def pair_group_cells(first: str, partners: int, name: Name) -> tuple[str, str, str]:
    """A member of many pairs, its partners folded under it."""
    return f"{name(first)} + any of {partners}", WHOLE_SYSTEM, PAIR_WHY


def note_cells(note: Note, name: Name) -> tuple[str, str, str]:
    return (name(note.id) if note.id else "Design"), "", note.message


def group_title(title: str, count: int) -> str:
    return f"{title} ({count})"
