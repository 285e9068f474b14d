"""Compiling with numba once per process, or saying it cannot.

numba is a dependency (docs/dependencies.md), but nothing rests on it: the
bundle leaves it out (packaging/weaklink.spec), WEAKLINK_NO_JIT turns it
off, and a compile may fail. Each compiled piece (part_kernels.py,
bdd_walk.py) then answers None and its caller runs the numpy or Python way,
with the same figures.
"""
from __future__ import annotations

import os
import sys
import threading
import warnings
from typing import Any, Callable


class Compiled:
    """`build(jit)` run once, on first `get()`: its compiled functions (warmed
    up by `build`), or None when numba is missing, disabled or failing."""

    def __init__(self, build: Callable[[Callable], Any]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._found: list = []          # [result], once looked for

    def get(self) -> Any:
        if not self._found:
            with self._lock:
                if not self._found:
                    self._found.append(None if os.environ.get("WEAKLINK_NO_JIT")
                                       else _attempt(self._build))
        return self._found[0]

    def get_if_loaded(self) -> Any:
        """What `get()` gave, or None when it was not asked yet."""
        return self._found[0] if self._found else None


def _attempt(build: Callable[[Callable], Any]) -> Any:
    try:
        from numba import njit
    except ImportError:
        return None
    # A bundled application has no source files for numba's on-disk cache
    # to key on; elsewhere the cache spares later processes the compile
    # (0.5-0.9 s, then 0.1-0.3 s to load).
    jit = njit(cache=not getattr(sys, "frozen", False), nogil=True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")      # a read-only cache folder
            return build(jit)
    except Exception:                            # noqa: BLE001 - any failure: the slow way
        return None
