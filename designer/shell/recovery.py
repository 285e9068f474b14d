"""Crash recovery: a journal of the unsaved design, never the user's file.

While the document is dirty, `AutoSaver` writes the current design every
30 seconds to a journal in the user's state directory
(`platformdirs.user_state_dir("weaklink")/recovery`), as a normal design file
written atomically by the io layer, with a small meta file beside it that
says which file it belongs to and when it was taken. A clean save, an undo
back to the saved state, or closing the design removes the journal.

Each running session holds a QLockFile next to its journal. At start-up,
`orphans()` lists journals whose lock nobody holds any more: the session that
wrote them ended without cleaning up (a crash, a kill, a power cut). Qt's
lock files notice a dead owner on every platform, so a second window running
at the same time never has its journal offered to the first.
"""
from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from designer.io import load_design, save_design
from designer.model import Design

INTERVAL_MS = 30_000
_DESIGN = ".weaklink.json"
_META = ".meta.json"


def default_dir() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("weaklink")) / "recovery"


@dataclass(frozen=True)
class Orphan:
    """A journal left behind by a session that did not end cleanly."""

    directory: Path
    session: str
    source: Path | None
    saved_at: datetime
    name: str

    @property
    def design_path(self) -> Path:
        return self.directory / (self.session + _DESIGN)

    def load(self) -> Design:
        return load_design(self.design_path)

    def discard(self) -> None:
        _remove_session(self.directory, self.session)


class Journal:
    """This session's journal: write(), discard(), close()."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory else default_dir()
        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.session = f"{stamp}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self._lock = QLockFile(str(self.directory / (self.session + ".lock")))
        self._lock.setStaleLockTime(0)   # only a dead owner makes it stale
        self._lock.tryLock(0)

    @property
    def design_path(self) -> Path:
        return self.directory / (self.session + _DESIGN)

    def exists(self) -> bool:
        return self.design_path.exists()

    def write(self, design: Design, source: Path | None) -> Path:
        save_design(design, self.design_path)
        meta = {"session": self.session, "source": str(source) if source else None,
                "saved_at": datetime.now().isoformat(timespec="seconds"),
                "name": design.settings.name}
        _write_atomic(self.directory / (self.session + _META), json.dumps(meta, indent=1))
        return self.design_path

    def discard(self) -> None:
        _remove_session(self.directory, self.session, keep_lock=True)

    def close(self) -> None:
        self.discard()
        self._lock.unlock()


def orphans(directory: Path | None = None) -> list[Orphan]:
    """Journals of sessions that ended without cleaning up, newest first."""
    directory = Path(directory) if directory else default_dir()
    for lock in directory.glob("*.lock"):        # sessions that died with nothing to keep
        session = lock.name[: -len(".lock")]
        if not (directory / (session + _META)).exists():
            _alive(directory, session)           # takes over a stale lock and drops it
    found = []
    for meta_path in sorted(directory.glob("*" + _META)):
        session = meta_path.name[: -len(_META)]
        if not (directory / (session + _DESIGN)).exists() or _alive(directory, session):
            continue
        orphan = _read_meta(directory, session, meta_path)
        if orphan:
            found.append(orphan)
    return sorted(found, key=lambda o: o.saved_at, reverse=True)


def offer(files, prompts, found: list[Orphan], saver: "AutoSaver | None" = None) -> bool:
    """Ask about each journal left behind; True when one was recovered into
    the window (the others answered "later" stay for the next start). The
    recovered design goes into this session's journal before the old one is
    removed, so a second crash loses nothing."""
    for orphan in found:
        source = str(orphan.source) if orphan.source else "a new design never saved"
        answer = prompts.recover(orphan.name or "Untitled design",
                                 orphan.saved_at.strftime("%Y-%m-%d %H:%M"), source)
        if answer == "discard":
            orphan.discard()
        elif answer == "recover":
            return _recover(files, prompts, orphan, saver)
    return False


def _recover(files, prompts, orphan: Orphan, saver) -> bool:
    try:
        design = orphan.load()
    except (OSError, ValueError) as err:
        prompts.error("Cannot recover", f"The recovery journal cannot be read: {err}")
        orphan.design_path.rename(orphan.design_path.with_suffix(".unreadable"))
        return False
    files.adopt(design, orphan.source, "Recovered the unsaved changes; save to keep them")
    if saver is not None:
        saver.save_now()
    orphan.discard()
    return True


class AutoSaver(QObject):
    """Writes the document to the journal every `interval_ms` while dirty."""

    failed = Signal(str)
    written = Signal(str)

    def __init__(self, document, journal: Journal, interval_ms: int = INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc, self.journal = document, journal
        self._revision = self._written = 0
        document.changed.connect(self._bump)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        self._timer = QTimer(self, interval=interval_ms, timeout=self.save_now)
        self._timer.start()

    def save_now(self) -> None:
        if self._doc.is_clean() or self._revision == self._written:
            return
        try:
            self.journal.write(self._doc.snapshot(), self._doc.path)
        except Exception as err:   # a full disk must not take the editor down
            self.failed.emit(f"Recovery journal not written: {err}")
            return
        self._written = self._revision
        self.written.emit(str(self.journal.design_path))

    def _bump(self) -> None:
        self._revision += 1

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.journal.discard()
            self._written = self._revision


def _alive(directory: Path, session: str) -> bool:
    lock = QLockFile(str(directory / (session + ".lock")))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True


def _read_meta(directory: Path, session: str, meta_path: Path) -> Orphan | None:
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        saved = datetime.fromisoformat(meta["saved_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    source = Path(meta["source"]) if meta.get("source") else None
    return Orphan(directory, session, source, saved, str(meta.get("name") or ""))


def _remove_session(directory: Path, session: str, keep_lock: bool = False) -> None:
    suffixes = (_DESIGN, _META) if keep_lock else (_DESIGN, _META, ".lock")
    for suffix in suffixes:
        try:
            (directory / (session + suffix)).unlink()
        except FileNotFoundError:
            pass


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
