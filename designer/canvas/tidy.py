""""Tidy up" on the canvas: the Qt-free layered layout (designer.layout) fed
with the sizes the canvas really draws (cards grown to their labels, hosts
grown to their chips, container titles), applied as ONE document edit.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from designer.layout import tidy
from designer.layout.sizes import MIN_SIZE, default_size, min_host_size
from designer.model import Component, Kind, Trust

from .drawing import metrics
from .geometry import CHIP_KINDS

if TYPE_CHECKING:
    from .scene import CanvasScene

TITLE_ROOM = 56.0    # a container title's icon and margins (containers.py)


def tidy_changes(scene: "CanvasScene") -> dict[str, dict[str, float]]:
    doc = scene.document

    def size_of(comp: Component) -> tuple[float, float]:
        item = scene.item_for(comp.id)
        return tuple(item.size) if item is not None else default_size(comp)

    def min_of(comp: Component) -> tuple[float, float]:
        item = scene.item_for(comp.id)
        chips = [c.kind for c in getattr(item, "chips", [])
                 if c.kind in CHIP_KINDS] if item is not None else []
        w, h = min_host_size(chips) if chips else MIN_SIZE
        if item is not None:
            title = metrics(item.role).horizontalAdvance(_title(comp)) + TITLE_ROOM
            w = max(w, min(title, 400.0))
        return (max(w, MIN_SIZE[0]), max(h, MIN_SIZE[1]))

    return tidy(doc.components(), doc.links(), size_of, min_of)


def _title(comp: Component) -> str:
    """The text of a container's title bar (a zone's shows its trust first)."""
    if comp.kind is Kind.SEGMENT:
        return f"{(comp.trust or Trust.INTERNAL).value.upper()} · {comp.name}"
    return comp.name


def tidy_up(scene: "CanvasScene") -> int:
    """Lay out every container's contents; one undo step ("Tidy up").
    Returns how many components moved or resized."""
    changes = tidy_changes(scene)
    if changes:
        scene.document.update_many(changes, "Tidy up")
    return len(changes)
