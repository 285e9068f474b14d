"""Read a design: bytes -> text -> JSON -> migrated dict -> Design.

Each stage refuses bad input with a LoadError naming the file and the place,
never with a traceback: an over-sized, binary or non-UTF-8 file, broken JSON,
a wrong wrapper or version, values pydantic rejects, and finally the
structural refusals of `design_errors()` (dangling references, placement
cycles, impossible links), all reported together where possible.
"""
from __future__ import annotations

import json
import math
import os
from typing import Any

from pydantic import ValidationError

from designer.model import Design, design_errors

from .errors import LoadError, raise_all
from .guard import check_parsed, read_regular
from .messages import json_path, owner_hint, path_hint, sentence
from .migrate import MigrationError, unwrap
from .pdf import design_text_in_pdf, is_pdf

MAX_BYTES = 50 * 1024 * 1024   # a real design is well under 5 MB
_ROOT = "$"


def load_design(path: str | os.PathLike) -> Design:
    """The design stored at `path`, or LoadError(s) saying what is wrong."""
    name = os.fspath(path)
    data = _read_capped(name)
    if is_pdf(data):   # a diagram PDF exported by Weaklink carries its design
        text = design_text_in_pdf(data, name)
    else:
        text = _decode(name, data)
    return design_from_dict(_parse(name, text), source=name)


def design_from_text(text: str, source: str = "<clipboard>") -> Design:
    """A Design from JSON text such as design_to_text() puts on the clipboard."""
    if not text.strip():
        raise LoadError(source, _ROOT, "there is no design here (empty text)")
    return design_from_dict(_parse(source, text), source=source)


def design_from_dict(raw: Any, source: str = "<design>") -> Design:
    """A Design from a parsed file wrapper (`{"format", "version", "design"}`),
    as read from a file or the clipboard. `source` names it in messages."""
    try:
        design_dict = unwrap(raw)
    except MigrationError as err:
        raise LoadError(source, err.where, err.message) from None
    extra = sorted(set(raw) - {"format", "version", "design"})
    if extra:
        raise LoadError(source, extra[0], "is not a field of a Weaklink file")
    try:
        design = Design.model_validate(design_dict, context={"defer_consistency": True})
    except ValidationError as err:
        raise_all([_from_pydantic(source, design_dict, e) for e in err.errors()])
        raise   # unreachable: a ValidationError always carries errors
    raise_all([LoadError(source, p.where or _ROOT, p.message + path_hint(design_dict, p.where))
               for p in design_errors(design)])
    return design


def _read_capped(name: str) -> bytes:
    """Regular files only, capped in size (guard.py; limits in docs/limits.md)."""
    return read_regular(name)


def _decode(name: str, data: bytes) -> str:
    if not data.strip():
        raise LoadError(name, _ROOT, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(name, _ROOT, "is saved as UTF-16; Weaklink designs are UTF-8 "
                                     "(re-save it as UTF-8)")
    if b"\x00" in data[:65536]:
        raise LoadError(name, _ROOT, "is a binary file, not a Weaklink design (JSON text)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - data.rfind(b"\n", 0, err.start)
        bad = data[err.start:err.start + 1].hex()
        raise LoadError(name, f"line {line}, column {column}",
                        f"not UTF-8 text (byte 0x{bad}); Weaklink designs are "
                        "saved as UTF-8") from None


def _parse(name: str, text: str) -> Any:
    try:
        raw = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite,
                         parse_int=_whole)
        check_parsed(name, raw)
        return raw
    except json.JSONDecodeError as err:
        ended = err.pos >= len(text.rstrip())
        detail = "the file ends too early (truncated?)" if ended else err.msg
        raise LoadError(name, f"line {err.lineno}, column {err.colno}",
                        f"not valid JSON: {detail}") from None
    except _BadNumber as err:
        raise LoadError(name, _place_of(text, err.token), str(err)) from None
    except RecursionError:
        raise LoadError(name, _ROOT, "not a design: JSON nested too deeply") from None


class _BadNumber(ValueError):
    """NaN, Infinity or an overflowing literal: Python's json takes them, but
    they are not JSON and a design holding them could never be saved."""

    def __init__(self, token: str, message: str) -> None:
        super().__init__(f"not valid JSON: {message}")
        self.token = token


def _refuse_constant(token: str) -> float:
    raise _BadNumber(token, f"{token} is not a number JSON allows")


def _finite(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _BadNumber(token, f"the number {token} is too large")
    return value


def _whole(token: str) -> int:
    # int() refuses more than 4,300 digits with a bare ValueError; no design
    # field needs more than a handful, so refuse long ones with a place.
    if len(token.lstrip("-")) > 30:
        raise _BadNumber(token, f"a number with {len(token.lstrip('-')):,} digits is too large")
    return int(token)


def _place_of(text: str, token: str) -> str:
    offset = max(text.find(token), 0)
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - text.rfind(chr(10), 0, offset)}"


def _from_pydantic(source: str, raw: dict, error: dict) -> LoadError:
    loc = tuple(error.get("loc", ()))
    return LoadError(source, json_path(loc), sentence(error) + owner_hint(raw, loc))

