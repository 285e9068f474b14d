"""What loading and saving report. A LoadError names the file, the place in
it (a JSON path such as `components[3].parent`, or `line 4, column 17` when
the text is not JSON at all) and a sentence; `str()` is `FILE: WHERE: MESSAGE`
so the CLI, the GUI's problem list and a log all show the same line."""
from __future__ import annotations

import re
from typing import Iterable

# Control characters would split one problem over several lines (an id with
# a newline); a 10,000-character reference would make a 40 KB line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LONG_RUN = re.compile(r"[^\s'\"]{81,}")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str, shorten: bool = True) -> str:
    """`text` on one line: control characters escaped and (unless it is a
    file name) runs of more than 80 characters without a space shortened,
    at most 1,000 characters in all."""
    text = _CONTROL.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}"),
                        str(text))
    if not shorten:
        return text
    text = _LONG_RUN.sub(lambda m: f"{m.group()[:40]}...({len(m.group()):,} characters)",
                         text)
    return text if len(text) <= 1000 else text[:997] + "..."


class LoadError(ValueError):
    """One problem in a design file or pasted design."""

    def __init__(self, file: str, where: str, message: str) -> None:
        file, where, message = one_line(file, False), one_line(where), one_line(message)
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
