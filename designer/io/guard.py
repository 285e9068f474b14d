"""Checks on a design file before any real work: what is read and what was
parsed. A FIFO or device is refused before it is opened (reading one
blocks forever), the size is capped, and the parsed JSON is walked once,
iteratively, for nesting depth, lone surrogates (text that cannot be
printed or saved as UTF-8) and the component and link counts. Limits and
how to raise them: designer/model/limits.py and docs/limits.md."""
from __future__ import annotations

from typing import Any

from designer.model import limits

from .errors import LoadError
from .messages import json_path

_ROOT = "$"


def read_regular(name: str) -> bytes:
    """The bytes of the regular file `name`, at most FILE_MB of them."""
    problem = limits.regular_file_problem(name)
    if problem is not None:
        raise LoadError(name, _ROOT, problem)
    cap = limits.FILE_MB.value * 1024 * 1024
    try:
        with open(name, "rb") as handle:
            data = handle.read(cap + 1)
    except OSError as err:
        raise LoadError(name, _ROOT, f"cannot be read: {err.strerror or err}") from None
    if len(data) > cap:
        raise LoadError(name, _ROOT, f"is larger than {limits.FILE_MB.value} MB, the limit "
                                     f"for a design (a real one is far smaller; raise it "
                                     f"with the environment variable "
                                     f"{limits.FILE_MB.variable})")
    return data


def check_parsed(name: str, raw: Any) -> None:
    """Depth, surrogates and counts of parsed JSON, with the JSON path."""
    depth_limit = limits.JSON_DEPTH.value
    stack: list[tuple[Any, tuple, int]] = [(raw, (), 0)]
    while stack:
        value, loc, depth = stack.pop()
        if depth > depth_limit:
            inside = loc[1:] if loc[:1] == ("design",) else loc   # paths are design-relative
            raise LoadError(name, json_path(inside[:4]) + "...",
                            f"nests deeper than {depth_limit} levels, the limit (a design "
                            f"needs about 6; raise it with the environment variable "
                            f"{limits.JSON_DEPTH.variable})")
        if isinstance(value, str):
            _refuse_surrogates(name, value, loc)
        elif isinstance(value, dict):
            for key in value:
                _refuse_surrogates(name, key, loc)
            stack.extend((value[key], (*loc, key), depth + 1) for key in reversed(value))
        elif isinstance(value, list):
            stack.extend((value[i], (*loc, i), depth + 1) for i in reversed(range(len(value))))
    design = raw.get("design") if isinstance(raw, dict) else None
    if isinstance(design, dict):
        for key, limit in (("components", limits.COMPONENTS), ("links", limits.LINKS)):
            items = design.get(key)
            if isinstance(items, list) and len(items) > limit.value:
                raise LoadError(name, key, limit.message(len(items)))


def _refuse_surrogates(name: str, text: str, loc: tuple) -> None:
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as err:
            code = ord(text[err.start])
            inside = loc[1:] if loc[:1] == ("design",) else loc   # paths are design-relative
            raise LoadError(name, json_path(inside),
                            f"holds \\u{code:04x}, half of a UTF-16 surrogate pair, which "
                            "is not a character (the text cannot be shown or saved)") from None
