"""The sketching flow (mixed into CanvasView): readable numbered labels for
new and duplicated items ("Server 3"), and fan-out connecting, where one
source is linked to several targets in one gesture.

Fan-out: in the connect tool (or dragging from a card's edge) release over a
target with Shift held, or click the source itself, and the source stays
armed; each further click on a component links the source to it, Shift+click
keeps it armed for the next one, a plain click links the last one, and Esc
or a click on empty canvas stops.
"""
from __future__ import annotations

import re
from typing import Iterable

from PySide6.QtCore import QPoint, Qt

from designer.model import Kind

_NUMBERED = re.compile(r"^(.*?)(\s+|-|_)?(\d+)$")


def numbered_label(labels: Iterable[str], kind: Kind) -> str:
    """The next free "<Kind title> N" ("Server 3"): one past the highest N
    already used, so numbers are never reused while their items exist."""
    stem = kind.title
    pattern = re.compile(rf"^{re.escape(stem)} (\d+)$")
    used = [int(m.group(1)) for m in map(pattern.match, labels) if m]
    return f"{stem} {max(used, default=0) + 1}"


def next_label(taken: set[str], label: str) -> str:
    """A copy's label: its number counted on ("web-1" -> "web-2", "Server 3"
    -> "Server 4"), or " 2" added ("Frankfurt DC" -> "Frankfurt DC 2"); never
    one in `taken`. Adds the result to `taken`."""
    found = _NUMBERED.match(label)
    if found and found.group(1):
        stem, sep, number = found.group(1), found.group(2) or "", int(found.group(3))
    else:
        stem, sep, number = label, " ", 1
    candidate = label
    while candidate in taken or candidate == label:
        number += 1
        candidate = f"{stem}{sep}{number}"
    taken.add(candidate)
    return candidate


class Sketching:
    _fan_source: str | None = None

    def arm_fan(self, source: str) -> None:
        """Keep `source` as the start of the next connections."""
        self._fan_source = source
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        name = self.document.component(source).name
        self.statusMessage.emit(f"Click the components to connect {name} to "
                                "(Shift+click to keep going, Esc to stop)")

    def fan_source(self) -> str | None:
        return self._fan_source

    def disarm_fan(self) -> bool:
        """Stop a fan-out; True if one was armed."""
        was, self._fan_source = self._fan_source, None
        if was is not None and self._tool == "select":
            self.viewport().unsetCursor()
        return was is not None

    def tidy_up(self) -> int:
        """Lay out each container's contents (one undo step, "Tidy up")."""
        from .tidy import tidy_up
        count = tidy_up(self.scene())
        self.statusMessage.emit(f"Tidied up: {count} component(s) moved or resized"
                                if count else "Already tidy")
        return count

    def fan_click(self, item, modifiers, at: QPoint | None = None) -> None:
        """A click while a source is armed: link it to the clicked component."""
        source = self._fan_source
        if item is None or source not in self.document or item.cid == source:
            self.disarm_fan()
            self.statusMessage.emit("Stopped connecting")
            return
        keep = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if not keep:
            self.disarm_fan()
        self.connect_items(source, item.cid, at)
