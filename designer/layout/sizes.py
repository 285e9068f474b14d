"""What the canvas draws, in scene units, without Qt: default sizes per kind,
title-bar heights, chip sizes and the grid. canvas/geometry.py takes its
numbers from here, so a layout computed headless (the benchmark generator)
matches the drawing."""
from __future__ import annotations

from designer.model import Kind

GRID = 10.0
HEADER = 26.0          # title bar height of rack and segment
HEADERS = {Kind.SITE: 32.0, Kind.RACK: HEADER, Kind.SERVER: 24.0, Kind.SEGMENT: HEADER}
PAD = 10.0             # inner margin a container keeps around its contents
CHIP_W, CHIP_H, CHIP_GAP = 38.0, 18.0, 3.0
CHIP_MARGIN = 6.0      # from a host's corner to its first chip
CHIP_KINDS = frozenset({Kind.PSU, Kind.NIC, Kind.DISK})
RESIZABLE = frozenset({Kind.SITE, Kind.RACK, Kind.SERVER, Kind.SEGMENT, Kind.NOTE})
MIN_SIZE = (80.0, 60.0)

DEFAULT_SIZE: dict[Kind, tuple[float, float]] = {
    Kind.SITE: (640.0, 420.0),
    Kind.RACK: (180.0, 400.0),
    Kind.SERVER: (170.0, 84.0),
    Kind.SEGMENT: (420.0, 280.0),
    Kind.SERVICE: (130.0, 30.0),
    Kind.NOTE: (160.0, 90.0),
    Kind.TEXT: (140.0, 24.0),
    Kind.TIER: (180.0, 80.0),
    Kind.PSU: (CHIP_W, CHIP_H),
    Kind.NIC: (CHIP_W, CHIP_H),
    Kind.DISK: (CHIP_W, CHIP_H),
}
DEVICE_SIZE = (136.0, 44.0)


def default_size(comp) -> tuple[float, float]:
    """The stored size of a resizable component, else the kind's default."""
    w, h = DEFAULT_SIZE.get(comp.kind, DEVICE_SIZE)
    if comp.kind in RESIZABLE:
        return (comp.width or w, comp.height or h)
    return (w, h)


def min_host_size(kinds) -> tuple[float, float]:
    """The smallest host that fits these chips along its edges (PSUs and
    disks along the bottom, NICs down the right side below the title bar)."""
    bottom = sum(1 for k in kinds if k is not Kind.NIC)
    nics = sum(1 for k in kinds if k is Kind.NIC)
    width = 2 * CHIP_MARGIN + bottom * (CHIP_W + CHIP_GAP)
    height = HEADER + 4 + nics * (CHIP_H + CHIP_GAP) + CHIP_H
    return width, height
