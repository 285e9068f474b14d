"""A CUDD diagram copied into a `Flat` by compiled code that reads CUDD's
nodes where they are.

Through CUDD's text dump (bdd_flat.py) das9701's 2.46 million nodes took
3-4 s (writing the text, then reading it back); read in place they take
0.6 s, and the 1,000-component design's parts 4 ms instead of 27-30
(docs/performance.md).

dd gives a Function's node address (`int(f) - 2`, the inverse of dd's
`_add_int`); the low bit of an edge marks a complement, and CUDD's then
edge is never complemented. A 64-bit CUDD lays a node out as index
(uint32), reference count (uint32), next (pointer), then, else. That
layout is checked once per process against CUDD's own accessors (Cudd_T,
Cudd_E, Cudd_NodeReadIndex, called through ctypes) before any compiled
read, and only for dd releases known to give addresses (ADDRESS_INTS);
where the library does not export them, or the layout differs, or numba
is missing (jit.py), `walker()` is None and the dump is used.
"""
from __future__ import annotations

import ctypes
import functools

import numpy as np

from .flat import Flat
from .jit import Compiled

# Where a 64-bit CUDD node keeps its variable index (uint32), then edge and
# else edge, from its address (the layout check and the kernel both read these).
INDEX_AT, THEN_AT, ELSE_AT = 0, 16, 24


def walker(load: bool = True):
    """The compiled walk, or None (then flatten through the dump). Loading
    it costs about 0.16 s once per process (numba's cache; 0.4 s with
    numba's import): with `load` False, None unless it is loaded already."""
    return _WALK.get() if load else _WALK.get_if_loaded()


def flat_of(root, manager, walk, size: int | None = None) -> Flat:
    """`root` (a dd Function of `manager`, not a constant) as a Flat;
    `size`: its dag_size, when the caller has it."""
    leaf_of_index, level_of_index = _tables(manager)
    size = root.dag_size if size is None else size
    index, high, low, root_edge = walk(np.uint64(_address(root)),
                                       np.uint64(_address(manager.cudd.true)), size)
    if root_edge < 0:
        raise RuntimeError("a CUDD diagram larger than its own count")
    inner = index[1:]
    return Flat(np.concatenate(([-1], leaf_of_index[inner])), high, low, int(root_edge),
                np.concatenate(([len(manager.leaves)], level_of_index[inner])))


def _address(function) -> int:
    return int(function) - 2


def _tables(manager) -> tuple[np.ndarray, np.ndarray]:
    """Per CUDD variable index: the leaf it stands for, and its level.
    Kept on the manager until a sifting moves the levels (bdd.py)."""
    if manager.walk_tables is None:
        names = list(manager.var_name.values())
        read_index = _accessors()[2]
        index = np.array([read_index(_address(manager.cudd.var(name)) & ~1) for name in names],
                         dtype=np.int64)
        leaf_of_index = np.full(int(index.max(initial=-1)) + 1, -1, dtype=np.int64)
        leaf_of_index[index] = np.arange(len(names))
        level_of_index = np.zeros_like(leaf_of_index)
        level_of_index[index] = [manager.cudd.level_of_var(name) for name in names]
        manager.walk_tables = (leaf_of_index, level_of_index)
    return manager.walk_tables


@functools.cache
def _accessors():
    """CUDD's Cudd_T, Cudd_E and Cudd_NodeReadIndex, from dd's extension."""
    from dd import cudd
    library = ctypes.CDLL(cudd.__file__)
    found = []
    for name, result in (("Cudd_T", ctypes.c_uint64), ("Cudd_E", ctypes.c_uint64),
                         ("Cudd_NodeReadIndex", ctypes.c_uint32)):
        function = getattr(library, name)
        function.argtypes, function.restype = [ctypes.c_uint64], result
        found.append(function)
    return found


def _example():
    """A small diagram in a manager of its own (keep both alive together)."""
    from dd import cudd
    manager = cudd.BDD()
    manager.declare("a", "b", "c")
    return manager, manager.add_expr(r"(a /\ ~ b) \/ (b /\ c)")


def _layout_holds() -> bool:
    """Every node of a small diagram read in place as CUDD reads it."""
    then_of, else_of, index_of = _accessors()
    manager, example = _example()
    one = _address(manager.true)
    stack, seen = [_address(example) & ~1], set()
    while stack:
        node = stack.pop()
        if node == one or node in seen:
            continue
        seen.add(node)
        edges = (ctypes.c_uint64.from_address(node + THEN_AT).value,
                 ctypes.c_uint64.from_address(node + ELSE_AT).value)
        if (edges != (then_of(node), else_of(node))
                or ctypes.c_uint32.from_address(node + INDEX_AT).value != index_of(node)):
            return False
        stack += [edge & ~1 for edge in edges]
    return len(seen) == example.dag_size - 1


# dd releases whose `int(f)` is known to be the node's address plus 2: the
# layout check itself reads at that address, so a release that changed
# its meaning could crash it. Another release reads through the dump until
# checked and added here (tests/test_bdd_walk.py fails first).
ADDRESS_INTS = ("0.6.",)


def _build(jit):
    import dd
    if (ctypes.sizeof(ctypes.c_void_p) != 8 or not dd.__version__.startswith(ADDRESS_INTS)
            or not _layout_holds()):
        return None
    from .bdd_walk_kernel import walk
    compiled = jit(walk)
    manager, example = _example()          # compile (or load) it now
    compiled(np.uint64(_address(example)), np.uint64(_address(manager.true)), example.dag_size)
    return compiled


_WALK = Compiled(_build)
