"""Write a design: Design -> wrapper dict -> JSON text -> atomic file.

A save never leaves a half-written file: the text goes to a temporary file
in the same folder (so the final rename stays on one file system), is
flushed and fsynced, then renamed over the target with os.replace, and the
folder is fsynced so the rename itself survives a power cut. On any failure
the temporary file is removed and the previous file is untouched.
"""
from __future__ import annotations

import json
import os
import stat
import tempfile

from designer.model import Design

from .errors import SaveError
from .migrate import wrap


def dump_design(design: Design) -> dict:
    """The file wrapper around `design`, as plain JSON data. Fields left at
    their defaults are omitted so files stay short and diff well."""
    body = design.model_dump(mode="json", exclude_defaults=True)
    return wrap({key: body[key] for key in ("settings", "components", "links", "accepted")
                 if key in body})


def design_to_text(design: Design) -> str:
    """The exact text a file holds (also what the clipboard carries)."""
    return json.dumps(dump_design(design), indent=2, ensure_ascii=False,
                      allow_nan=False) + "\n"


def save_design(design: Design, path: str | os.PathLike) -> None:
    """Write `design` to `path` atomically; raise SaveError if that fails."""
    name = os.fspath(path)
    try:
        data = design_to_text(design).encode("utf-8")
    except (TypeError, ValueError) as err:
        raise SaveError(name, f"the design cannot be written as JSON: {err}") from None
    # Write through a symlink to its target rather than replacing the link.
    target = os.path.realpath(name)
    folder = os.path.dirname(target)
    odd = _not_a_regular_file(target)
    if odd:
        raise SaveError(name, f"it {odd}; choose another name")
    _clear_leftovers(target, folder)
    try:
        replace_atomically(target, folder, data)
    except OSError as err:
        raise SaveError(name, err.strerror or str(err)) from None


# The temporary files being written now. A CLI job that stops ends the
# process at once (os._exit, cli/jobs.py), where the clean-up below cannot
# run, so it removes these itself.
IN_FLIGHT: set[str] = set()


def replace_atomically(target: str, folder: str, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".~" + os.path.basename(target),
                                    suffix=".tmp")
    IN_FLIGHT.add(temp)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException:
        _remove_quietly(temp)
        raise
    finally:
        IN_FLIGHT.discard(temp)
    _fsync_folder(folder)


def _not_a_regular_file(target: str) -> str | None:
    """Why `target` must not be replaced: a FIFO, a device or a folder there
    would silently become a plain file."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return None           # absent (or unreadable: the write will say so)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file"
    return "is a device or socket, not a file"


LEFTOVER_AGE = 60.0   # seconds: a younger temp file may be a save still running


def _clear_leftovers(target: str, folder: str) -> None:
    """Remove this file's own temporary files left by saves that were killed
    (`.~NAME....tmp`, see replace_atomically); never anyone else's file."""
    import time

    prefix, now = ".~" + os.path.basename(target), time.time()
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for entry in names:
        middle = entry[len(prefix):-len(".tmp")]
        if not (entry.startswith(prefix) and entry.endswith(".tmp") and len(middle) == 8
                and all(c.isalnum() or c == "_" for c in middle)):
            continue                       # mkstemp's 8 random characters, nothing else
        path = os.path.join(folder, entry)
        try:
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > LEFTOVER_AGE:
                os.unlink(path)
        except OSError:
            pass


def _mode_for(target: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual
    0666 minus the umask (mkstemp alone would make it private, 0600)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return      # e.g. Windows cannot open a folder; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass        # some file systems refuse fsync on a folder
    finally:
        os.close(fd)


def _remove_quietly(temp: str) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass
