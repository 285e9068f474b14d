"""The compiled walk of bdd_walk.py (imported only once numba is known to
be there, and CUDD's node layout checked).

Reads a 64-bit CUDD node at its address plus the offsets of bdd_walk.py.
"""
from __future__ import annotations

import numpy as np
from llvmlite import ir as llvm
from numba import njit, types
from numba.extending import intrinsic

from .bdd_walk import ELSE_AT, INDEX_AT, THEN_AT

_INDEX, _THEN, _ELSE = np.uint64(INDEX_AT), np.uint64(THEN_AT), np.uint64(ELSE_AT)
_NODE = ~np.uint64(1)                        # an edge without its complement bit
_SPREAD = np.uint64(0x9E3779B97F4A7C15)      # Fibonacci hashing of node addresses


def _loader(bits: int):
    result = types.uint64 if bits == 64 else types.uint32

    @intrinsic
    def load(typing_context, address):
        def generate(context, builder, signature, arguments):
            pointer = builder.inttoptr(arguments[0], llvm.IntType(bits).as_pointer())
            return builder.load(pointer)
        return result(types.uint64), generate
    return load


_load64, _load32 = _loader(64), _loader(32)


@njit(cache=True, nogil=True)
def _slot(keys, mask, node):  # pragma: no cover - compiled
    """Where `node` is in the open-addressed table, or the free slot for it."""
    slot = ((node >> np.uint64(4)) * _SPREAD) & mask
    while keys[slot] != 0 and keys[slot] != node:
        slot = (slot + np.uint64(1)) & mask
    return slot


def walk(root, one, size):  # pragma: no cover - compiled
    """The diagram under edge `root` (`one`: the address of the constant
    TRUE; `size`: CUDD's node count, the constant included) as CUDD
    variable index, then edge and else edge per node, children first,
    node 0 the constant; and the root as an edge. A root edge of -1 says
    the diagram held more nodes than `size`."""
    capacity = 16
    while capacity < 2 * size:
        capacity *= 2
    mask = np.uint64(capacity - 1)
    keys = np.zeros(capacity, dtype=np.uint64)     # node address, 0 = free
    number = np.zeros(capacity, dtype=np.int64)
    index = np.empty(size, dtype=np.int64)
    high = np.zeros(size, dtype=np.int64)
    low = np.zeros(size, dtype=np.int64)
    index[0] = -1
    slot = _slot(keys, mask, one)
    keys[slot] = one
    count = 1
    stack = np.empty(2 * size + 2, dtype=np.uint64)   # at most two entries per level
    stack[0] = root & _NODE
    depth = 1
    while depth > 0:
        node = stack[depth - 1]
        node_slot = _slot(keys, mask, node)
        if keys[node_slot] == node:                    # numbered through another parent
            depth -= 1
            continue
        then_edge, else_edge = _load64(node + _THEN), _load64(node + _ELSE)
        then_slot = _slot(keys, mask, then_edge & _NODE)
        else_slot = _slot(keys, mask, else_edge & _NODE)
        if keys[then_slot] != 0 and keys[else_slot] != 0:
            if count == size:
                return index, high, low, np.int64(-1)
            depth -= 1
            keys[node_slot] = node         # nothing was added since node_slot was found
            number[node_slot] = count
            index[count] = _load32(node + _INDEX)
            high[count] = number[then_slot] << 1 | np.int64(then_edge & np.uint64(1))
            low[count] = number[else_slot] << 1 | np.int64(else_edge & np.uint64(1))
            count += 1
            continue
        if keys[then_slot] == 0:
            stack[depth] = then_edge & _NODE
            depth += 1
        if keys[else_slot] == 0:
            stack[depth] = else_edge & _NODE
            depth += 1
    root_slot = _slot(keys, mask, root & _NODE)
    return (index[:count], high[:count], low[:count],
            number[root_slot] << 1 | np.int64(root & np.uint64(1)))
