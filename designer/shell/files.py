"""New, open, save, save as, templates, recent files and the close prompt.

`FileController` works on the window's Document through its public API
(`load`, `snapshot`, `path`, `undo_stack`) and asks the user everything
through a `Prompts` object (designer/dialogs.py), so tests inject answers.
Every method returns True when it did what was asked, False when the user
cancelled or it failed (the failure was shown)."""
from __future__ import annotations

import gc

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from designer import data
from designer.layout import placed
from designer.io import LoadError, load_design, save_design
from designer.model import Design, Settings

_SUFFIX = data.TEMPLATE_SUFFIX


def templates() -> list[tuple[str, Path]]:
    """(menu title, path) for each bundled example design users start from."""
    return [(_title(p), p) for p in data.templates()]


def _title(path: Path) -> str:
    stem = path.name[: -len(_SUFFIX)] if path.name.endswith(_SUFFIX) else path.stem
    return stem.replace("-", " ").replace("_", " ").capitalize()


def dropped_design(mime) -> str | None:
    """The one local design file in dropped data (QMimeData), if that is what it is."""
    urls = mime.urls() if mime.hasUrls() else []
    local = [u.toLocalFile() for u in urls if u.isLocalFile()]
    # A .pdf is opened for the design an exported PDF carries (designer/io/pdf.py).
    return local[0] if len(local) == 1 and local[0].endswith((".json", ".pdf")) else None


def display_name(document) -> str:
    if document.path:
        return Path(document.path).name
    return document.settings.name or "Untitled design"


class FileController(QObject):
    pathChanged = Signal()          # the document now belongs to another file
    recentChanged = Signal(list)    # list[str]
    statusMessage = Signal(str)

    def __init__(self, document, settings, prompts, parent: QObject | None = None):
        super().__init__(parent)
        self.document, self.settings, self.prompts = document, settings, prompts

    # -- new ---------------------------------------------------------------
    def new_blank(self) -> bool:
        if not self.maybe_save():
            return False
        self._load(Design(), None)
        self.statusMessage.emit("New design")
        return True

    def new_from_template(self, path: Path) -> bool:
        if not self.maybe_save():
            return False
        design = self._read(path)
        if design is None:
            return False
        self._load(design, None)       # a template opens as a new, untitled design
        self.statusMessage.emit(f"New design from the “{_title(Path(path))}” template")
        return True

    # -- open ----------------------------------------------------------------
    def open(self, path: Path | str | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path = self.prompts.open_path(self._directory())
            if path is None:
                return False
        return self.open_now(Path(path))

    def open_now(self, path: Path) -> bool:
        """Open without asking about unsaved changes (start-up, recovery)."""
        design = self._read(path)
        if design is None:
            if not _exists(path):
                self.recentChanged.emit(self.settings.remove_recent(path))
            return False
        if Path(path).suffix.lower() == ".pdf":
            # The design attached to an exported PDF: unsaved, so Save asks
            # where to keep it instead of writing JSON over the PDF.
            self.adopt(design, None, f"Opened the design attached to {Path(path).name}")
            self.recentChanged.emit(self.settings.add_recent(path))
            return True
        design, drawn = placed(design)     # a file without a drawing: laid out
        self._load(design, Path(path))
        self.recentChanged.emit(self.settings.add_recent(path))
        if drawn:
            self.document.undo_stack.resetClean()      # the positions are not saved yet
        self.statusMessage.emit(f"Opened {Path(path).name}" + (
            ", laid out: it had no positions" if drawn else ""))
        return True

    def adopt(self, design: Design, path: Path | None, what: str) -> None:
        """Take over a design that is not on disk as shown (a recovered journal):
        it belongs to `path` and counts as unsaved."""
        self._load(design, path)
        self.document.undo_stack.resetClean()
        self.statusMessage.emit(what)

    # -- save ------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(Path(self.document.path))

    def save_as(self) -> bool:
        path = self.prompts.save_path(self._suggestion())
        if path is None:
            return False
        return self._write(Path(path))

    # -- closing -------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to drop the design."""
        if self.document.is_clean():
            return True
        answer = self.prompts.save_changes(display_name(self.document))
        if answer == "save":
            return self.save()
        return answer == "discard"

    def close_document(self) -> bool:
        return self.new_blank()

    # -- helpers ---------------------------------------------------------------
    def _read(self, path: Path) -> Design | None:
        try:
            return load_design(Path(path))
        except LoadError as err:
            lines = [f"{e.where}: {e.message}" if e.where else e.message
                     for e in err.errors[:12]]
            self.prompts.error("Cannot open design",
                               f"“{Path(path).name}” cannot be opened:\n\n" + "\n".join(lines),
                               str(err))
        except OSError as err:
            self.prompts.error("Cannot open design",
                               f"“{Path(path).name}” cannot be read: {err.strerror or err}")
        return None

    def _write(self, path: Path) -> bool:
        try:
            save_design(self.document.snapshot(), path)
        except (OSError, ValueError) as err:
            self.prompts.error("Cannot save design", str(err))
            return False
        moved = self.document.path is None or Path(self.document.path) != path
        self.document.path = path
        self.document.undo_stack.setClean()
        self.recentChanged.emit(self.settings.add_recent(path))
        if moved:
            self.pathChanged.emit()
        self.statusMessage.emit(f"Saved {path.name}")
        return True

    def _load(self, design: Design, path: Path | None) -> None:
        self.document.load(design, path)
        self.pathChanged.emit()
        # A loaded design and its scene are tens of thousands of long-lived
        # objects; moving them out of the collector's sight keeps full
        # collections (55-117 ms at 5,000 components) from pausing the GUI.
        gc.unfreeze()   # the previous design's objects may be garbage now
        gc.collect()
        gc.freeze()

    def _directory(self) -> str:
        if self.document.path:
            return str(Path(self.document.path).parent)
        recent = self.settings.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _suggestion(self) -> str:
        if self.document.path:
            return str(self.document.path)
        name = self.document.settings.name or Settings().name
        safe = "".join(ch if ch.isalnum() or ch in "-_ " else "-" for ch in name).strip()
        return str(Path(self._directory()) / ((safe or "design").replace(" ", "-") + _SUFFIX))


def _exists(path: Path) -> bool:
    """Path.exists that answers instead of raising: a folder without search
    permission (PermissionError) or a symlink loop counts as present, so a
    recent-file entry is kept rather than silently dropped."""
    try:
        return Path(path).exists()
    except OSError:
        return True
