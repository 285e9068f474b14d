"""The harm of each free shared event under a leaf of the conditioning
(conditioning.py): what it chooses a loose leaf's split by."""
from __future__ import annotations

import numpy as np

# A free event's harm, to choose what to split on: P(it fails) x (what its
# failure alone adds to P(bad | leaf) + this multiple of P(bad | leaf)), so
# that events that harm nothing still go likeliest first. Measured on the
# generated 1,000-component design (leaves to reach 1e-9, with the global
# order of the time: harm with the shared events working): 0 -> 594 (and
# stuck at 2.1e-9), 0.3 -> 489, 3 -> 489, 30, 100 and 1,000 -> 417; at
# 2,000 components 3 -> 1,263, 30 -> 1,164.
HARM_FLOOR = 30.0


class Harm:
    """The harm of each free event under each leaf of one batch, worked out
    for the few leaves split (building it for all took 5 % of an edit at
    5,000 components): with the floor and alone, -1 for the fixed events."""

    def __init__(self, free: np.ndarray, rise: np.ndarray, bad_all_up: np.ndarray,
                 fail: np.ndarray) -> None:
        self.free, self.rise, self.bad_all_up, self.fail = free, rise, bad_all_up, fail

    def column(self, j: int) -> np.ndarray:
        """[events, 2] for leaf j of the batch."""
        rise = self.rise[:, j]
        both = np.stack([rise + HARM_FLOOR * self.bad_all_up[j], rise], axis=-1)
        return np.where(self.free[:, j, None], self.fail[:, None] * both, -1.0)
