"""Input limits: how big a design or fault tree Weaklink agrees to work on.

Every limit is checked before the work starts, so a hostile or mistaken
input gets one clear sentence instead of minutes of work or gigabytes of
memory. Each names itself and says how to raise it: an environment variable
(`WEAKLINK_MAX_COMPONENTS=200000 weaklink analyze big.json`). The table is
documented in docs/limits.md; keep the two in step."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    key: str          # WEAKLINK_<KEY> raises it
    default: int
    what: str         # plural noun phrase: "components", "megabytes"

    @property
    def variable(self) -> str:
        return f"WEAKLINK_{self.key}"

    @property
    def value(self) -> int:
        raw = os.environ.get(self.variable, "").strip()
        if raw.isdigit() and len(raw) < 19:
            return max(int(raw), 1)
        return self.default

    def message(self, found: int | str) -> str:
        shown = f"{found:,}" if isinstance(found, int) else found
        return (f"has {shown} {self.what}, more than the limit of {self.value:,} "
                f"(raise it with the environment variable {self.variable})")


class LimitExceeded(ValueError):
    """An input over one of the limits; `str()` is the user's sentence."""

    def __init__(self, limit: Limit, found: int | str, where: str = "$") -> None:
        super().__init__(limit.message(found))
        self.limit = limit
        self.where = where
        self.found = found

    def __reduce__(self):      # crosses from the analysis worker process (cli/worker.py)
        return (type(self), (self.limit, self.found, self.where))


FILE_MB = Limit("FILE_MB", 50, "megabytes")
MEF_FILE_MB = Limit("MEF_FILE_MB", 200, "megabytes")
COMPONENTS = Limit("MAX_COMPONENTS", 50_000, "components")
LINKS = Limit("MAX_LINKS", 100_000, "links")
JSON_DEPTH = Limit("MAX_JSON_DEPTH", 64, "levels of nesting")
MEF_ELEMENTS = Limit("MAX_MEF_ELEMENTS", 2_000_000, "XML elements")
MEF_DEPTH = Limit("MAX_MEF_DEPTH", 10_000, "levels of nesting")
# Fault-tree size: the exact analysis of 20,000 events takes seconds; a
# flat OR of 100,000 took 45 s and 3 GB (benchmark in tools/hostile_times.py).
GATES = Limit("MAX_GATES", 20_000, "gates")
BASIC_EVENTS = Limit("MAX_BASIC_EVENTS", 20_000, "basic events")
# Services that need each other through tiers (quorums) in one dependency
# cycle: the greatest fixpoint is unrolled once per member, so its size grows
# with the square. Plain service-to-service cycles have no such limit.
TIER_CYCLE = Limit("MAX_TIER_CYCLE", 300, "services in one dependency cycle through tiers")

# Failure groups in one connected network part (switches, routers, ... that
# can fail on their own): order-2 cut sets look at every pair, so the work
# grows with the square. The 5,000-component benchmark has 30; a chain of
# 3,000 switches took 26 s and 4 GB before this limit.
NETWORK_PART = Limit("MAX_NETWORK_PART", 1_000, "separately failing devices in one network part")
# Services that depend on each other in a chain: each adds a level to the
# circuit and the SPOF search keeps a set per level (the square again).
DEPENDENCY_DEPTH = Limit("MAX_DEPENDENCY_DEPTH", 1_000, "services in one chain of dependencies")

ALL = (FILE_MB, MEF_FILE_MB, COMPONENTS, LINKS, JSON_DEPTH, MEF_ELEMENTS, MEF_DEPTH,
       GATES, BASIC_EVENTS, TIER_CYCLE, NETWORK_PART, DEPENDENCY_DEPTH)


def check(limit: Limit, found: int, where: str = "$") -> None:
    if found > limit.value:
        raise LimitExceeded(limit, found, where)


def regular_file_problem(name: str) -> str | None:
    """Why `name` cannot be read as an input file, or None when it can be
    opened. A FIFO, a device or a socket would block or never end, so they
    are refused before opening; so are folders and symlink loops."""
    try:
        info = os.stat(name)
    except FileNotFoundError:
        return "no such file"
    except PermissionError:
        return "cannot be read: permission denied (on the file or a folder above it)"
    except OSError as err:
        if err.errno == 40:  # ELOOP
            return "is a symbolic link that loops (it never reaches a file)"
        return f"cannot be read: {err.strerror or err}"
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file: only regular files are read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file: only regular files are read"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file: only regular files are read"
    if not stat.S_ISREG(mode):
        return "is not a regular file"
    return None
