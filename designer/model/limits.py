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


FILE_MB = Limit("FILE_MB", 50, "megabytes")
MEF_FILE_MB = Limit("MEF_FILE_MB", 200, "megabytes")
COMPONENTS = Limit("MAX_COMPONENTS", 50_000, "components")
LINKS = Limit("MAX_LINKS", 100_000, "links")
JSON_DEPTH = Limit("MAX_JSON_DEPTH", 64, "levels of nesting")
MEF_ELEMENTS = Limit("MAX_MEF_ELEMENTS", 2_000_000, "XML elements")
MEF_DEPTH = Limit("MAX_MEF_DEPTH", 10_000, "levels of nesting")
GATES = Limit("MAX_GATES", 500_000, "gates")
# Services that need each other through tiers (quorums) in one dependency
# cycle: the greatest fixpoint is unrolled once per member, so its size grows
# with the square. Plain service-to-service cycles have no such limit.
TIER_CYCLE = Limit("MAX_TIER_CYCLE", 300, "services in one dependency cycle through tiers")

ALL = (FILE_MB, MEF_FILE_MB, COMPONENTS, LINKS, JSON_DEPTH, MEF_ELEMENTS, MEF_DEPTH,
       GATES, TIER_CYCLE)


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
