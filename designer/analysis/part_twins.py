"""Columns shared by twin parts (parts.py): parts with one diagram
(part_keys.shapes_of), the same probabilities row by row and the same
shared rows, fixed alike by a setting, have the same column.

A setting is keyed per part by the bits of the shared events' names
(setting_bits.py), so twin parts on other racks never met each other's
keys, and each twin was evaluated under its own copy of what is one
column: "rack 3 failed" for the part on rack 3 is "rack 5 failed" for its
twin on rack 5. Keyed instead by the part's own rows, one evaluation
serves every twin. Generated designs, one analysis, node x column
evaluations: 1,000 components 19.9 -> 8.0 million, 2,000 57 -> 16
million, 5,000 1,083 -> 217 million (docs/performance.md).

A column's figures do not depend on its company (part_columns.py), so a
twin's copy is what its own evaluation would have given, to the bit.
"""
from __future__ import annotations

from operator import itemgetter

import numpy as np

_FIGURES = itemgetter(slice(3))      # an entry's figures, without its analysis number


class TwinColumns:
    """The columns one analysis evaluated, by their key in part rows."""

    def __init__(self, parts) -> None:
        groups: dict[tuple, int] = {}
        mappings: dict[tuple, int] = {}
        self.group = []             # per part: its (diagram, probabilities, shared rows)
        self.bits_by_row = []       # per part: its shared events' bits, by row
        # Per part: its group and which bit each row reads. Parts alike on
        # them key a setting alike, so a round keys it once for all of
        # them (5,000 components: 79 parts in 27 such sets; keying 51 -> 17 ms,
        # claiming 83 -> 55 ms).
        self.mapping = []
        for a, passes in enumerate(parts.passes):
            table = parts.row_by_bit[a]
            bits = np.flatnonzero(table >= 0)
            bits = bits[np.argsort(table[bits])]
            shared_rows = tuple(table[bits].tolist())        # sorted, as `bits` is
            probs = tuple(parts.p[parts.leaf_idx[a]].tolist())
            # id(): the diagram is alive while its parts are (the analysis).
            self.group.append(groups.setdefault((id(passes.nodes), probs, shared_rows),
                                                len(groups)))
            self.bits_by_row.append(bits)
            self.mapping.append(mappings.setdefault((self.group[-1], bits.tobytes()),
                                                    len(mappings)))
        sizes = np.bincount(self.group)
        self.alone = [bool(sizes[g] == 1) for g in self.group]   # no twin: nothing to share
        self.found: dict[bytes, tuple] = {}     # row key -> (bad_true, bad_up, log changes)
        # This round, per part: (settings, their row keys) it evaluates, and
        # those it copies from a twin.
        self._claimed: dict[int, tuple[list, list]] = {}
        self._copied: dict[int, tuple[list, list]] = {}

    def claim(self, todo: dict[int, list]) -> dict[int, list]:
        """Of each part's settings to evaluate (`todo`), those it evaluates
        itself: the first part of a group to want a setting, or a part
        without twins. The others get a copy (`copy_claimed`)."""
        self._claimed, self._copied = {}, {}     # a stopped round's claims go
        found, evaluated = self.found, set()
        own: dict[int, list] = {}
        keyed: dict[int, dict] = {}     # per mapping: setting -> row key, this round
        for a, settings in todo.items():
            if self.alone[a]:
                if settings:
                    own[a] = list(settings)
                continue
            mine, claimed, copied, keys = [], [], [], []
            for setting, key in zip(settings, self._keys_once(a, settings, keyed)):
                if key in found or key in evaluated:
                    copied.append(setting)
                    keys.append(key)
                else:
                    evaluated.add(key)
                    mine.append(setting)
                    claimed.append(key)
            if mine:
                own[a] = mine
                self._claimed[a] = (mine, claimed)
            if copied:
                self._copied[a] = (copied, keys)
        return own

    def _keys_once(self, a: int, settings: list, keyed: dict) -> list:
        """`keys`, each setting keyed once per mapping (`self.mapping`)."""
        if self.alone[a] or not settings:
            return self.keys(a, settings)
        known = keyed.setdefault(self.mapping[a], {})
        new = [setting for setting in settings if setting not in known]
        if new:
            known.update(zip(new, self.keys(a, new)))
        return list(map(known.__getitem__, settings))

    def copy_claimed(self, parts) -> None:
        """The round's evaluated columns kept, and copied to the twins that
        want them (parts.held_memo: the part's cache). A column's entry is
        made once and shared by its copies, put in with one `dict.update` a
        part (5,000 components: 30,600 copies an analysis, from twins on
        other racks; twins on the same ones share a cache, parts.py)."""
        found = self.found
        for a, (settings, keys) in self._claimed.items():
            found.update(zip(keys, map(_FIGURES, map(parts.held_memo(a).__getitem__, settings))))
        stamped = _Stamped(found, parts.generation)
        for a, (settings, keys) in self._copied.items():
            parts.held_memo(a).update(zip(settings, map(stamped.__getitem__, keys)))

    def keys(self, a: int, settings: list[tuple[int, int]]) -> list[bytes | None]:
        """Part a's `settings` (failed and worked masks) keyed by its rows,
        as bytes: the group (4 bytes), then a byte per shared row failed and
        one per row worked (0 or 1); None for a part without twins (1.5 us
        a setting saved). Unpacked, not packed into bits: numpy's packing
        along rows took half the time of keying (generated 5,000-component
        design, 158,668 settings: 150 -> 70 ms). Plain bytes, not (group,
        row) tuples: bytes keep their hash, a tuple hashes again at every
        lookup (claiming at 5,000 components: 96-100 -> 84-92 ms)."""
        if self.alone[a]:
            return [None] * len(settings)
        bits = self.bits_by_row[a]
        group = np.array([self.group[a]], dtype="<u4").view(np.uint8)
        if not len(bits):
            return [group.tobytes()] * len(settings)
        # A setting's masks hold this part's bits only (Parts.columns), so
        # they fit the bytes up to its highest bit.
        size = int(bits.max()) // 8 + 1
        raw = b"".join([mask.to_bytes(size, "little") for pair in settings for mask in pair])
        flags = np.unpackbits(np.frombuffer(raw, dtype=np.uint8).reshape(len(settings), 2 * size),
                              axis=1, bitorder="little")
        keyed = np.empty((len(settings), 4 + 2 * len(bits)), dtype=np.uint8)
        keyed[:, :4] = group
        flags.take(np.concatenate([bits, size * 8 + bits]), axis=1, out=keyed[:, 4:])
        return keyed.view(f"V{keyed.shape[1]}").ravel().tolist()


class _Stamped(dict):
    """A kept column's figures with this analysis' number (Parts.evaluate's
    entries), made on first asking."""

    def __init__(self, found: dict, generation: int) -> None:
        super().__init__()
        self.found, self.generation = found, generation

    def __missing__(self, key: bytes) -> tuple:
        entry = self[key] = (*self.found[key], self.generation)
        return entry
