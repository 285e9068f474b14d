"""Designs that arrive without a drawing (written by a script or another
tool: every component at 0, 0) are laid out when opened, with the same
layered layout as "Tidy up", so they never open as one pile of cards."""
from __future__ import annotations

from designer.model import Design, Kind

from .layered import tidy
from .sizes import CHIP_KINDS


def unplaced(design: Design) -> bool:
    """No drawing at all: at least two cards and every one of them at 0, 0
    (chips and tier hulls are placed by their hosts and members)."""
    cards = [c for c in design.components
             if c.kind not in CHIP_KINDS and c.kind is not Kind.TIER]
    return len(cards) > 1 and all(c.x == 0 and c.y == 0 for c in cards)


def laid_out(design: Design) -> Design:
    """The design with the layered layout applied (positions and container sizes)."""
    changes = tidy(design.components, design.links)
    if not changes:
        return design
    return design.model_copy(update={"components": tuple(
        c.model_copy(update=changes[c.id]) if c.id in changes else c
        for c in design.components)})


def placed(design: Design) -> tuple[Design, bool]:
    """(design, False) as it is, or (laid out, True) when it had no drawing."""
    return (laid_out(design), True) if unplaced(design) else (design, False)
