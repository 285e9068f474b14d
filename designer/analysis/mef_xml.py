"""Reading an Open-PSA MEF file into `Element`s with their line numbers
(mef.py builds the fault tree from them): expat, one buffer, with the file
size, element count and nesting depth limited while reading (model/limits.py).
"""
from __future__ import annotations

import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

from designer.model import limits


class MefError(Exception):
    """A fault tree we cannot read, with where it went wrong."""


@dataclass(slots=True)     # one per XML element: 300,000 in a big file
class Element:
    tag: str
    attrib: dict[str, str]
    line: int
    children: list["Element"] = field(default_factory=list)


def read_xml(path: str | Path) -> Element:
    """Parse with expat so every element keeps its line number. Only regular
    files, within the size, element-count and nesting limits (model/limits.py)."""
    problem = limits.regular_file_problem(str(path))
    if problem is not None:
        raise MefError(f"{path}: {problem}")
    size = Path(path).stat().st_size
    if size > limits.MEF_FILE_MB.value * 1024 * 1024:
        raise MefError(f"{path}: {limits.MEF_FILE_MB.message(-(-size // (1024 * 1024)))}")
    parser = xml.parsers.expat.ParserCreate()
    stack: list[Element] = [Element("#document", {}, 0)]
    counted = [0]
    most, deepest = limits.MEF_ELEMENTS.value, limits.MEF_DEPTH.value

    defined = {"define-gate": [0, limits.GATES], "define-basic-event": [0, limits.BASIC_EVENTS]}

    def start(tag, attrib):
        counted[0] += 1
        if tag in defined:       # refuse a too-big tree while reading, not after
            entry = defined[tag]
            entry[0] += 1
            if entry[0] > entry[1].value:
                raise MefError(f"{path}:{parser.CurrentLineNumber}: the fault tree "
                               + entry[1].message(f"over {entry[1].value:,}"))
        if counted[0] > most:
            raise MefError(f"{path}:{parser.CurrentLineNumber}: the file "
                           + limits.MEF_ELEMENTS.message(f"over {most:,}").removeprefix("has "))
        if len(stack) > deepest:
            raise MefError(f"{path}:{parser.CurrentLineNumber}: <{tag}> is nested "
                           f"more than {deepest:,} levels deep, the limit (raise it with "
                           f"the environment variable {limits.MEF_DEPTH.variable})")
        element = Element(tag, attrib, parser.CurrentLineNumber)
        stack[-1].children.append(element)
        stack.append(element)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: stack.pop()
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        # One buffer, not ParseFile's chunks: expat re-scans a token that
        # spans chunks, and a 60 MB comment took minutes (issue 16).
        parser.Parse(data, True)
    except OSError as err:
        raise MefError(f"{path}: cannot read: {err.strerror}") from None
    except xml.parsers.expat.ExpatError as err:
        raise MefError(f"{path}:{err.lineno}: not well-formed XML "
                       f"({xml.parsers.expat.ErrorString(err.code)})") from None
    except (LookupError, ValueError, UnicodeError) as err:   # an encoding Python lacks
        raise MefError(f"{path}:1: cannot decode the XML: {err}") from None
    roots = stack[0].children
    if not roots or roots[0].tag != "opsa-mef":
        raise MefError(f"{path}:1: not an Open-PSA MEF file (no <opsa-mef> root)")
    return roots[0]
