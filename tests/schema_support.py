"""Shared by the file-format and analysis schema tests: a validator for a
committed schema file (itself checked against the draft), and running the
command that regenerates one."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema


def validator_for(path: Path) -> jsonschema.Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def command_writes(module: str, out: Path, cwd: Path) -> str:
    """Run `python -m MODULE OUT` and return what it wrote (it must say where)."""
    done = subprocess.run([sys.executable, "-m", module, str(out)], cwd=cwd,
                          capture_output=True, text=True, check=True)
    assert str(out) in done.stdout
    return out.read_text(encoding="utf-8")
