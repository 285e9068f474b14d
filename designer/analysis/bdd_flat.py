"""A BDD copied once into plain integer columns (`Flat`, flat.py), so the
probability passes run over Python ints and numpy arrays instead of
wrapper objects: read in place by compiled code where it can be
(bdd_walk.py), else big diagrams through CUDD's own text dump (C writes
it, numpy reads it) and small ones by one walk over dd's wrappers.
"""
from __future__ import annotations

import os
import tempfile

import numpy as np

from .flat import Flat
from .bdd_walk import flat_of, walker

# Diagrams up to this size are walked through dd's wrappers (a 1,000-node
# diagram in about 4 ms); bigger ones are read in place by compiled code
# (bdd_walk.py) or through CUDD's text dump.
WALK_UP_TO = 1_000
# Importing numba and loading the compiled read cost about 0.4 s once per
# process; the dump about 1.3 us a node (das9701: 2.46 million nodes in
# 3.1 s). From this size a diagram is worth the load; below it, only
# callers that flatten many diagrams in one process (the bounds: `often`)
# load it, or it is loaded already.
LOAD_WALK_FROM = 300_000


def flatten(root, manager, often: bool = False) -> Flat:
    """Small diagrams are walked; big ones read in place when compiled,
    else through CUDD's own text dump (C writes it, numpy reads it: about
    ten times faster than visiting a million wrapper objects)."""
    constant = int(root) & ~1 == int(manager.cudd.true)
    size = 1 if constant else root.dag_size   # CUDD counts by walking the diagram: once
    if size <= WALK_UP_TO:
        return _flatten_walk(root, manager)
    walk = walker(load=often or size >= LOAD_WALK_FROM)
    if walk is not None:
        return flat_of(root, manager, walk, size)
    return _flatten_dump(root, manager)


def _flatten_dump(root, manager) -> Flat:
    """Read CUDD's DDDMP text: one line per node, children first, as
    'id name index then else' with a negative id for a complemented edge
    and id 1 for the constant TRUE (named 'T')."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bdd.dddmp")
        manager.cudd.dump(path, [root], filetype="dddmp")
        with open(path, encoding="ascii") as handle:
            text = handle.read()
    head, _, body = text.partition(".nodes\n")
    root_id = int(head.split(".rootids", 1)[1].split()[0])
    # The name column 'v<n>' is variable n (`_positions`): without its
    # letter numpy reads the whole table in one C pass (das9701, 2.6 million
    # nodes: 1.4 s instead of 4 s of Python lists). The constant's name
    # becomes -1.
    body = body.rsplit(".end", 1)[0].replace(" v", " ").replace(" T ", " -1 ", 1)
    table = np.fromstring(body, dtype=np.int64, sep=" ").reshape(-1, 5)
    if not np.array_equal(table[:, 0], np.arange(1, len(table) + 1)):
        raise RuntimeError("unexpected DDDMP node numbering")
    # (The index column counts only the variables the diagram depends on,
    # so it cannot be used.)
    var = _positions(manager)[table[1:, 1]]
    high, low = (((np.abs(e) - 1) << 1) | (e < 0) for e in (table[1:, 3], table[1:, 4]))
    level = np.array([manager.cudd.level_of_var(name) for name in manager.var_name.values()],
                     dtype=np.int64)
    return Flat(np.concatenate(([-1], var)), np.concatenate(([0], high)),
                np.concatenate(([0], low)), ((abs(root_id) - 1) << 1) | (root_id < 0),
                np.concatenate(([len(level)], level[var])))


def _positions(manager) -> np.ndarray:
    """Variable number (the digits of its name) -> the leaf's position in
    the manager; the identity unless the names are shared between managers
    (shared_fixpoints.py)."""
    numbers = np.array([int(name[1:]) for name in manager.var_name.values()], dtype=np.int64)
    position = np.full(int(numbers.max(initial=-1)) + 1, -1, dtype=np.int64)
    position[numbers] = np.arange(len(numbers))
    return position


def _flatten_walk(root, manager) -> Flat:
    """One visit per node, reading each node's children once (wrapper
    objects are the slow part); numbered deepest level first, so children
    come before parents."""
    level_leaf = {manager.cudd.level_of_var(name): i
                  for i, name in enumerate(manager.var_name.values())}
    one = int(manager.cudd.true) & ~1
    records: list[tuple[int, int, int, int]] = []
    seen: set[int] = {one}
    stack = [root] if int(root) & ~1 != one else []
    seen.update(int(u) & ~1 for u in stack)
    while stack:
        u = stack.pop()
        high, low = u.high, u.low
        h, l = int(high), int(low)
        records.append((u.level, int(u) & ~1, h, l))
        for child, key in ((high, h & ~1), (low, l & ~1)):
            if key not in seen:
                seen.add(key)
                stack.append(child)
    records.sort(key=lambda r: -r[0])
    number = {one: 0}
    for i, record in enumerate(records, start=1):
        number[record[1]] = i
    top = int(root)
    return Flat([-1] + [level_leaf[r[0]] for r in records],
                [0] + [(number[r[2] & ~1] << 1) | (r[2] & 1) for r in records],
                [0] + [(number[r[3] & ~1] << 1) | (r[3] & 1) for r in records],
                (number[top & ~1] << 1) | (top & 1),
                [len(level_leaf)] + [r[0] for r in records])
