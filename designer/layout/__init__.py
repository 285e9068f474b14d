"""Automatic layout, Qt-free: the "Tidy up" command, the benchmark generator
and designs opened without geometry use it. `sizes` holds the drawn sizes the
canvas uses (one source for both), `layered` the layered layout per container."""
from designer.layout.auto import laid_out, placed, unplaced
from designer.layout.layered import tidy

__all__ = ["tidy", "laid_out", "placed", "unplaced"]
