"""Turn pydantic's validation errors into JSON paths and plain sentences.

pydantic says `('components', 3, 'x')` and "Input should be a valid number,
unable to parse string as a number"; a user wants `components[3].x` and
"must be a number, got the string "left"". The id of the component or link
is added where the file gives one, so the user can find it on the canvas.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# pydantic type errors in JSON words ("a valid tuple" means an array here).
_EXPECTED = {
    "model_type": "an object", "model_attributes_type": "an object",
    "dict_type": "an object", "tuple_type": "an array", "list_type": "an array",
    "string_type": "text", "bool_type": "true or false", "bool_parsing": "true or false",
    "int_type": "a whole number", "int_parsing": "a whole number",
    "int_from_float": "a whole number", "float_type": "a number",
    "float_parsing": "a number",
}
_OWNER = re.compile(r"^(components|links)\[(\d+)\]")
_SHORT = 40


def json_path(loc: Iterable[Any]) -> str:
    """`('components', 3, 'parent')` -> `components[3].parent`."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "[key]":
            continue    # pydantic's marker for "the key itself", already in the path
        elif _IDENTIFIER.match(str(part)):
            path += f".{part}" if path else str(part)
        else:
            path += f"[{_quote(str(part))}]"
    return path or "$"


def describe(value: Any) -> str:
    """A value as the user wrote it, with its JSON type, kept short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {_quote(_clip(value))}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return _clip(repr(value))


def sentence(error: dict) -> str:
    """A pydantic error dict as one sentence (without the location)."""
    kind = error.get("type", "")
    msg = str(error.get("msg", "invalid value"))
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a field Weaklink knows (misspelt, or from a newer version?)"
    if kind in ("value_error", "assertion_error"):
        return msg.split(", ", 1)[1] if msg.startswith(("Value error", "Assertion")) else msg
    if kind in ("enum", "literal_error"):
        return _unknown_choice(error)
    if kind in _EXPECTED:
        return f"must be {_EXPECTED[kind]}, got {describe(error.get('input'))}"
    msg = msg.split(", unable to", 1)[0]
    for prefix in ("Input should ", "String should ", "Tuple should ", "Value should "):
        if msg.startswith(prefix):
            msg = "must " + msg[len(prefix):]
    return f"{msg}, got {describe(error.get('input'))}"


def _unknown_choice(error: dict) -> str:
    noun = "kind" if tuple(error.get("loc", ()))[-1:] == ("kind",) else "value"
    expected = error.get("ctx", {}).get("expected", "")
    value = error.get("input")
    shown = _quote(_clip(value)) if isinstance(value, str) else describe(value)
    return f"unknown {noun} {shown}; expected {expected}"


def owner_hint(raw: Any, loc: tuple) -> str:
    """` (component "web-1")` when the error sits inside a component or link
    whose id the raw dict gives; empty otherwise."""
    if len(loc) < 2 or loc[0] not in ("components", "links") or not isinstance(raw, dict):
        return ""
    items = raw.get(loc[0])
    index = loc[1]
    if not isinstance(items, list) or not isinstance(index, int) or index >= len(items):
        return ""
    item = items[index]
    ident = item.get("id") if isinstance(item, dict) else None
    if not isinstance(ident, str) or not ident or loc[2:] == ("id",):
        return ""
    what = "component" if loc[0] == "components" else "link"
    return f" ({what} {_quote(_clip(ident))})"


def path_hint(raw: Any, where: str) -> str:
    """owner_hint for a JSON path string such as `links[2].source`."""
    found = _OWNER.match(where)
    if not found:
        return ""
    rest = ("id",) if where[found.end():] == ".id" else ()
    return owner_hint(raw, (found.group(1), int(found.group(2)), *rest))


def _clip(text: str) -> str:
    return text if len(text) <= _SHORT else text[:_SHORT - 3] + "..."


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
