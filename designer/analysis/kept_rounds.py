"""What a round of the conditioning worked out from a group's columns,
kept for the next analysis (conditioning._bounds).

A group is the parts with the same shared events: `Parts.prefetch` gives
them one list of settings and one leaf-to-column map. From their columns a
round works out, per part, P(bad) with the free events at their
probability and working, log P(good) with them working and the spread of
the single failures, and, for
the group, each shared event's change of log P(good) when it alone fails,
summed over the parts by column. An edit touches one or two groups; the
others meet the same settings round after round (the choices sort on
rounded values, parts.coarse), so their figures are read here instead of
worked out again: an edit of the generated 5,000-component design 1.12 ->
0.80 s (docs/performance.md). A group is the same when its parts'
signatures (diagram shape, probabilities row by row, which shared event
each shared row is: `Parts._signatures`), their shared events' positions
in the conditioning order and which event sits at each, its settings and
its leaf-to-column map are:
then every figure kept is what working it out gives, to the bit.

Each entry records the analysis that used it last (`Parts.generation`);
part_cache.trim keeps those of the last two analyses, within a budget.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

SETTING_KEY = 130       # bytes: a setting's key (a tuple of two masks) in an entry's list


@dataclass(eq=False)
class Kept:
    """One group's figures from one round."""

    generation: int             # the analysis that used it last
    settings: list
    column_of: np.ndarray
    sums: np.ndarray | None     # the changes of log P(good) summed by column (None: no shared event)
    # Per part, in the group's order (an edit elsewhere may renumber the
    # parts): (bad_true, bad_up, log P(good) with the free events working,
    # spread or None), by column.
    per_part: list


@dataclass
class Group:
    key: tuple                  # member names, their positions and events there, the parts' signatures
    part_indices: list[int]     # its parts, in order
    positions: np.ndarray       # its shared events' positions in the conditioning order
    settings: list
    column_of: np.ndarray
    kept: Kept | None           # found for this round, or None: work it out
    per_part: list = field(default_factory=list)   # as Kept.per_part, worked out now

    def figures(self, a: int) -> tuple:
        """Part a's kept figures."""
        return self.kept.per_part[self.part_indices.index(a)]


def groups_of(parts, found: list) -> dict[int, Group]:
    """`found` (Parts.prefetch) by group, each with its kept entry if any."""
    members: dict[int, list[int]] = {}
    for a, (_, column_of) in enumerate(found):
        members.setdefault(id(column_of), []).append(a)
    groups = {}
    for gid, group in members.items():
        settings, column_of = found[group[0]]
        positions = parts.members[group[0]][0]
        # Where each shared event sits, not only which positions they
        # take: an edit may swap two of the group's events in the order
        # (a link removed at 2,000 components), and the figures' rows
        # follow the order.
        placed = (positions.tobytes(), tuple(parts.shared_name[k] for k in positions.tolist()))
        key = (parts.member_names[group[0]], placed, tuple(parts.signatures[a] for a in group))
        groups[gid] = Group(key, group, positions, settings, column_of,
                            _find(parts, key, settings, column_of))
    return groups


def _find(parts, key: tuple, settings: list, column_of: np.ndarray) -> Kept | None:
    for kept in parts.rounds.get(key, ()):
        if (len(kept.settings) == len(settings) and np.array_equal(kept.column_of, column_of)
                and kept.settings == settings):
            kept.generation = parts.generation
            return kept
    return None


def keep(parts, group: Group, sums: np.ndarray | None) -> None:
    """A group worked out this round, kept for the next analysis."""
    parts.rounds.setdefault(group.key, []).append(
        Kept(parts.generation, group.settings, group.column_of, sums, group.per_part))


def used_settings(rounds: dict, member_names, since: int) -> set:
    """The settings that entries used since analysis `since` hold for
    parts with these shared events (Parts._hinted)."""
    return {setting for key, entries in rounds.items() if key[0] == member_names
            for kept in entries if kept.generation >= since for setting in kept.settings}


def held_settings(rounds: dict, since: int) -> dict:
    """Per part cache key (signature, member names), the settings entries
    used since analysis `since` hold: the trim keeps their columns."""
    held: dict = {}
    for (names, _, signatures), entries in rounds.items():
        for kept in entries:
            if kept.generation >= since:
                for signature in signatures:
                    held.setdefault((signature, names), set()).update(kept.settings)
    return held


def entry_bytes(kept: Kept) -> int:
    """About what an entry holds: its sums and per-part figures, and its
    settings' keys (SETTING_KEY bytes each)."""
    figures = sum(v.nbytes for values in kept.per_part for v in values if v is not None)
    return (0 if kept.sums is None else kept.sums.nbytes) + kept.column_of.nbytes + figures \
        + SETTING_KEY * len(kept.settings)
