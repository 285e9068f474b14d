"""The JSON Schema of a design file, generated from the model.

`python -m designer.io.schema` (from the repo root) rewrites
docs/weaklink.schema.json; a test regenerates it and fails when the committed
copy is stale. The installed package carries a copy (`DEFAULT_PATH`). Editors (VS Code,
JetBrains) validate and complete `*.weaklink.json` files against it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from designer import data
from designer.model import Design

from .migrate import CURRENT_VERSION, FORMAT_NAME

SCHEMA_ID = "https://weaklink.app/schema/weaklink.schema.json"
FILE_NAME = "weaklink.schema.json"
DEFAULT_PATH = data.path("docs", FILE_NAME)     # the copy this installation carries


def file_schema() -> dict:
    """The schema of the whole file: the wrapper with the design inside."""
    design = Design.model_json_schema(mode="validation")
    defs = design.pop("$defs", {})
    defs["Design"] = design
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Weaklink design file",
        "description": f"A Weaklink design, file format version {CURRENT_VERSION}. "
                       "Positions are relative to the placement parent.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"const": CURRENT_VERSION},
            "design": {"$ref": "#/$defs/Design"},
        },
        "required": ["format", "version", "design"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """The committed file's exact text (stable order, trailing newline)."""
    return json.dumps(file_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path) -> Path:
    path.write_text(schema_text(), encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path("docs") / FILE_NAME
    print(f"wrote {write_schema(target)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
