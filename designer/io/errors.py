"""What loading and saving report. A LoadError names the file, the place in
it (a JSON path such as `components[3].parent`, or `line 4, column 17` when
the text is not JSON at all) and a sentence; `str()` is `FILE: WHERE: MESSAGE`
so the CLI, the GUI's problem list and a log all show the same line."""
from __future__ import annotations

from typing import Iterable


class LoadError(ValueError):
    """One problem in a design file or pasted design."""

    def __init__(self, file: str, where: str, message: str) -> None:
        super().__init__(f"{file}: {where}: {message}")
        self.file = file
        self.where = where
        self.message = message

    @property
    def errors(self) -> list["LoadError"]:
        """Every problem found; a single error is a list of one."""
        return [self]


class LoadErrors(LoadError):
    """Several problems found in one pass (a file is checked whole). Behaves
    as its first problem for code that expects a single LoadError."""

    def __init__(self, problems: Iterable[LoadError]) -> None:
        found = list(problems)
        if not found:
            raise ValueError("LoadErrors needs at least one problem")
        first = found[0]
        super().__init__(first.file, first.where, first.message)
        self.args = ("\n".join(str(p) for p in found),)
        self._problems = found

    @property
    def errors(self) -> list[LoadError]:
        return list(self._problems)

    def __str__(self) -> str:
        return self.args[0]


def raise_all(problems: list[LoadError]) -> None:
    """Raise nothing, the one problem, or all of them together."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise LoadErrors(problems)


class SaveError(OSError):
    """A save failed; the file on disk is as it was before the attempt."""

    def __init__(self, file: str, message: str) -> None:
        super().__init__(f"{file}: cannot save: {message}")
        self.file = file
        self.message = message

    def __str__(self) -> str:
        return self.args[0]
