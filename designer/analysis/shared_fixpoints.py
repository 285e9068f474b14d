"""Network reach fixpoints found once for the managers of one build.

Each part of a design has its own CUDD manager and order (part_build.py),
and every part that reaches through the network computed the same
fixpoints again: 32 computations of 4 fixpoints for the 8 part shapes of
the generated 1,000-component design (43 ms of its analysis). A fixpoint is
a function of the events under its usable gates, whatever the manager, so
one found in one manager is copied into the next (CUDD's transfer, in C)
instead. Copying needs the managers to name each leaf alike
(`bdd.Manager(names=...)`); the copy is then the very diagram the next
manager would have built, its order being its own.
"""
from __future__ import annotations


class SharedFixpoints:
    """Fixpoints by their key (bdd._gate) across managers that share
    `names`; `for_manager(cudd)` is what bdd.build takes as `fixpoints`."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}     # leaf -> variable name, for every manager
        self._found: dict = {}              # key -> (cudd it was found in, reached)

    def for_manager(self, cudd) -> "_InManager":
        return _InManager(self._found, cudd)


class _InManager:
    """The mapping bdd._gate reads and fills, for one manager."""

    def __init__(self, found: dict, cudd) -> None:
        self.found = found
        self.cudd = cudd
        self.local: dict = {}

    def __contains__(self, key) -> bool:
        return key in self.local or key in self.found

    def __getitem__(self, key):
        if key not in self.local:
            source, reached = self.found[key]
            self.local[key] = _Copied(source, reached, self.cudd)
        return self.local[key]

    def __setitem__(self, key, reached) -> None:
        self.local[key] = reached
        self.found.setdefault(key, (self.cudd, reached))


class _Copied(dict):
    """A fixpoint found in another manager: a vertex's diagram is copied
    in when first asked for (a part reads only its own targets)."""

    def __init__(self, source, reached, cudd) -> None:
        super().__init__()
        self.source = source
        self.reached = reached
        self.cudd = cudd

    def __missing__(self, vertex: int):
        copied = self[vertex] = self.source.copy(self.reached[vertex], self.cudd)
        return copied
