"""CUDD's count of live nodes (keys less dead) read through CUDD's own
accessors, in about a microsecond, where dd's `statistics()` takes 0.9 ms
(it also counts the cache's used slots). With it bdd.py checks the node
budget after every gate, so whether a diagram fits does not depend on
when, on a given machine, the count happened to be read.

dd keeps its DdManager pointer as the first C field of a BDD object, after
the object's header and Cython's table of methods; dd gives Python no way
to it. It is read only for dd releases known to lay it out so
(bdd_walk.ADDRESS_INTS), on a 64-bit build, and only once the pointer of a
fresh manager has answered CUDD's accessors as that manager says it
should. Otherwise `live_counter` is None and bdd.py reads `statistics()`.
"""
from __future__ import annotations

import ctypes
import functools
import warnings
from typing import Callable

# Bytes from a dd BDD object's address to its DdManager pointer: the
# object header (reference count, type) and Cython's method table.
MANAGER_AT = 24


def live_counter(cudd_manager) -> Callable[[], int] | None:
    """A function giving `cudd_manager`'s live node count, or None. It must
    not outlive the manager."""
    readers = _readers()
    if readers is None or type(cudd_manager).__module__ != "dd.cudd":
        return None        # (dd's pure-Python BDD has no DdManager)
    keys, dead, _ = readers
    address = _manager_address(cudd_manager)
    return lambda: keys(address) - dead(address)


def statistics_count(cudd_manager) -> int:
    """The same count through dd's statistics(): about 0.9 ms."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # dd warns that 'mem' changed unit
        return int(cudd_manager.statistics()["n_nodes"])


def _manager_address(cudd_manager) -> int:
    return ctypes.c_uint64.from_address(id(cudd_manager) + MANAGER_AT).value


@functools.cache
def _readers():
    """CUDD's Cudd_ReadKeys, Cudd_ReadDead and Cudd_ReadSize, once the layout
    is checked; None where it cannot be."""
    import dd

    from .bdd_walk import ADDRESS_INTS
    if ctypes.sizeof(ctypes.c_void_p) != 8 or not dd.__version__.startswith(ADDRESS_INTS):
        return None
    try:
        from dd import cudd
        library = ctypes.CDLL(cudd.__file__)
        readers = tuple(getattr(library, name) for name in
                        ("Cudd_ReadKeys", "Cudd_ReadDead", "Cudd_ReadSize"))
    except (ImportError, OSError, AttributeError):
        return None
    for function, result in zip(readers, (ctypes.c_uint, ctypes.c_uint, ctypes.c_int)):
        function.argtypes, function.restype = [ctypes.c_uint64], result
    return readers if _layout_holds(cudd, readers) else None


def _layout_holds(cudd, readers) -> bool:
    """A fresh manager, read through its pointer, has the variables and the
    live nodes dd itself reports."""
    keys, dead, size = readers
    manager = cudd.BDD()
    manager.declare("a", "b", "c", "d")
    kept = manager.add_expr(r"(a /\ b) \/ (c /\ ~ d)")
    address = _manager_address(manager)
    holds = size(address) == 4 and keys(address) - dead(address) == statistics_count(manager)
    del kept
    return holds
