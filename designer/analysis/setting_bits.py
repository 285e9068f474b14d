"""Settings of the shared events as bit masks: the keys of a part's cached
columns (parts.py), which part_columns.py decodes into the part's rows.

Each shared event's name gets one bit for the life of the cache (its
"bit_of" store), so a setting keys the same columns from one analysis to
the next whatever the conditioning order. As frozensets of names the keys
took about 2.5 KB a setting on the generated 5,000-component design, whose
leaves fix up to 150 of a part's events working: 400 MB for the 160,000
settings of its 4,821 leaves. As two ints they take about 100 bytes.
"""
from __future__ import annotations

import numpy as np


class SettingBits:
    """The bits of the shared events, in conditioning order."""

    def __init__(self, bit_of: dict[str, int], shared_names: list[str]) -> None:
        for name in shared_names:
            bit_of.setdefault(name, len(bit_of))
        self.of_position = np.array([bit_of[name] for name in shared_names], dtype=np.int64)
        self.width = len(bit_of)
        self.one_bit = [1 << bit for bit in self.of_position.tolist()]    # per position

    def masks(self, groups: list) -> list[int]:
        """One mask per group of positions (a leaf's failed or worked events)."""
        flags = np.zeros((len(groups), self.width), dtype=np.uint8)
        for j, positions in enumerate(groups):
            if positions:
                flags[j, self.of_position[list(positions)]] = 1
        packed = np.packbits(flags, axis=1, bitorder="little")
        return [int.from_bytes(row.tobytes(), "little") for row in packed]

    def free(self, masks: list[tuple[int, int]]) -> np.ndarray:
        """[position, setting]: whether the setting (failed and worked
        masks) leaves that position's event free, in one numpy pass. C
        order, so sums over the positions add as a Python-built array's."""
        fixed = bit_matrix([failed | worked for failed, worked in masks])
        short = self.width - fixed.shape[1]
        if short > 0:                       # no setting fixes the highest bits
            fixed = np.pad(fixed, ((0, 0), (0, short)))
        return np.ascontiguousarray(fixed[:, self.of_position].T == 0)

    def rows_by_bit(self, positions: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """A part's rows indexed by the bits of its shared events (-1 elsewhere)."""
        table = np.full(self.width, -1, dtype=np.int64)
        table[self.of_position[positions]] = rows
        return table


def bit_matrix(masks: list[int]) -> np.ndarray:
    """The bits of each mask as a row of 0/1 ([masks, highest bit + 1]),
    decoded in one numpy pass over all of them."""
    size = (max(masks, default=0).bit_length() + 7) // 8
    raw = b"".join(mask.to_bytes(size, "little") for mask in masks)
    packed = np.frombuffer(raw, dtype=np.uint8).reshape(len(masks), size)
    return np.unpackbits(packed, axis=1, bitorder="little")
