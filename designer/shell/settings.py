"""The user's preferences between sessions, through QSettings with typed
accessors: window geometry and dock layout, recent files, dark mode, snap.

Nothing here belongs to a design file (that holds only the design). Tests
pass a QSettings on an ini file in a temporary directory so they never touch
the user's own preferences."""
from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class AppSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings("Weaklink", "Weaklink")

    # -- window ------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, data: QByteArray) -> None:
        self._store.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, data: QByteArray) -> None:
        self._store.setValue("window/state", data)

    # -- recent files ----------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self._store.value("files/recent", [])
        if isinstance(value, str):       # QSettings returns one entry as a str
            value = [value]
        return [str(v) for v in value or [] if v]

    def add_recent(self, path: str | Path) -> list[str]:
        text = _absolute(path)
        recent = [text] + [p for p in self.recent_files() if p != text]
        self._store.setValue("files/recent", recent[:MAX_RECENT])
        return self.recent_files()

    def remove_recent(self, path: str | Path) -> list[str]:
        text = _absolute(path)
        self._store.setValue("files/recent", [p for p in self.recent_files() if p != text])
        return self.recent_files()

    def clear_recent(self) -> None:
        self._store.setValue("files/recent", [])

    # -- view preferences ------------------------------------------------------
    def dark(self) -> bool:
        return self._bool("view/dark", False)

    def set_dark(self, on: bool) -> None:
        self._store.setValue("view/dark", bool(on))

    def snap(self) -> bool:
        return self._bool("view/snap", True)

    def set_snap(self, on: bool) -> None:
        self._store.setValue("view/snap", bool(on))

    # -- export (File > Export remembers its last choices) ------------------------
    def export_choices(self) -> dict:
        try:
            value = json.loads(str(self._store.value("export/choices", "{}")))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def set_export_choices(self, choices: dict) -> None:
        self._store.setValue("export/choices", json.dumps(choices))

    def sync(self) -> None:
        self._store.sync()

    # -- helpers -----------------------------------------------------------------
    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value(key, default)
        if isinstance(value, str):       # ini files give strings back
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _absolute(path: str | Path) -> str:
    """The path with symlinks resolved, or just made absolute when it cannot
    be: a symlink loop raises RuntimeError, a folder without search
    permission PermissionError (issue 16)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)
