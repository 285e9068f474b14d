"""Writing export files safely (no Qt, so the CLI can check its outputs
before it starts Qt): an unwritable place is refused before any rendering,
and a file is replaced in one step (temporary file in the same folder,
fsync, os.replace), so a failed or interrupted export never leaves half a
file behind."""
from __future__ import annotations

import os

from designer.io.save import replace_atomically

__all__ = ["ExportError", "check_writable", "write_atomically"]


class ExportError(Exception):
    """A file that cannot be written, with the reason a person can act on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def check_writable(path: str) -> None:
    """Refuse early a folder that is missing or read-only, or a target that is a folder."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise ExportError(path, "is a folder; give a file name")
    if not os.path.isdir(folder):
        raise ExportError(path, f"the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise ExportError(path, "cannot be written here (permission denied)")


def write_atomically(path: str, data: bytes) -> None:
    """The same atomic replace as saving a design (designer/io/save.py)."""
    check_writable(path)
    target = os.path.realpath(path)
    try:
        replace_atomically(target, os.path.dirname(target), data)
    except OSError as err:
        raise ExportError(path, err.strerror or str(err)) from None
