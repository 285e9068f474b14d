"""Versioned file wrapper and the chain of migrations between versions.

A file is `{"format": "weaklink", "version": N, "design": {...}}`. Loading
brings an older file up to CURRENT_VERSION by applying, in order, each
migrator registered for the version it finds (1 -> 2 -> 3 ...), all on raw
dicts before pydantic sees them, as napari's settings/_migrations.py does. A
newer or unknown version, or another format, is refused with a sentence the
user can act on.

Adding version 2: bump CURRENT_VERSION, write

    @migrator(1)
    def _v1_to_v2(raw: dict) -> dict: ...

returning the version-2 shape, and add a test that loads a committed v1 file.
"""
from __future__ import annotations

import copy
import json
from typing import Callable

FORMAT_NAME = "weaklink"
CURRENT_VERSION = 2

Migration = Callable[[dict], dict]
_MIGRATIONS: dict[int, Migration] = {}


class MigrationError(ValueError):
    """The wrapper cannot be read. `where` is the JSON path of the culprit."""

    def __init__(self, message: str, where: str = "$") -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def migrator(from_version: int) -> Callable[[Migration], Migration]:
    """Register a function turning a version `from_version` design dict into
    a version `from_version + 1` one."""

    def register(func: Migration) -> Migration:
        if from_version in _MIGRATIONS:
            raise ValueError(f"a migration from version {from_version} already exists")
        _MIGRATIONS[from_version] = func
        return func

    return register


def wrap(design: dict) -> dict:
    """The file's top level around a current-version design dict."""
    return {"format": FORMAT_NAME, "version": CURRENT_VERSION, "design": design}


def unwrap(raw: object, current: int | None = None) -> dict:
    """Check the wrapper and return the design dict migrated to `current`
    (the reader's version; CURRENT_VERSION unless a test says otherwise)."""
    current = CURRENT_VERSION if current is None else current
    if not isinstance(raw, dict):
        raise MigrationError(
            f"the top level is a JSON {_json_type(raw)}, expected an object "
            f'with "format", "version" and "design"')
    fmt = raw.get("format")
    if fmt != FORMAT_NAME:
        got = "is missing" if fmt is None else f"is {json.dumps(fmt)}"
        raise MigrationError(
            f'not a Weaklink design: "format" {got}, expected "{FORMAT_NAME}"', "format")
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise MigrationError(
            f'"version" must be a whole number, got {_json_type(version)} {version!r}',
            "version")
    if version > current:
        raise MigrationError(
            f"made by a newer Weaklink: version {version}, this one reads up to "
            f"{current}; update Weaklink to open it", "version")
    if version < 1:
        raise MigrationError(f"unknown version {version}; versions start at 1", "version")
    design = raw.get("design")
    if not isinstance(design, dict):
        raise MigrationError(
            f'"design" must be a JSON object, got {_json_type(design)}', "design")
    return migrate(design, version, current)


def migrate(design: dict, version: int, target: int = CURRENT_VERSION) -> dict:
    """Apply the chain version -> target; the caller's dict is left untouched."""
    if version == target:
        return design
    design = copy.deepcopy(design)
    for step in range(version, target):
        func = _MIGRATIONS.get(step)
        if func is None:
            raise MigrationError(
                f"no migration from version {step} to {step + 1}; this file cannot "
                f"be read by this Weaklink", "version")
        design = func(design)
    return design


@migrator(1)
def _v1_to_v2(design: dict) -> dict:
    """Version 2 added firewall rule port ranges (`port_end`), rule sides
    naming a tier, a service or the Internet, and accepted findings
    (`accepted`). Every version-1 design means the same in version 2; the
    bump only makes an older Weaklink refuse a file that may use them with
    "made by a newer Weaklink" instead of an unknown-field error."""
    return design


def _json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), "value")
