"""The committed JSON Schema is current and describes real files."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from designer.io.schema import DEFAULT_PATH, schema_text

ROOT = Path(__file__).parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.weaklink.json"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schema_matches_the_model():
    assert DEFAULT_PATH == ROOT / "docs" / "weaklink.schema.json"
    assert DEFAULT_PATH.read_text(encoding="utf-8") == schema_text(), (
        "docs/weaklink.schema.json is stale: run `python -m designer.io.schema`")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_valid_against_the_schema(validator, path):
    validator.validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", ["unknown-kind", "string-for-number", "unknown-field",
                                  "wrong-format", "version-999"])
def test_schema_rejects_what_the_loader_rejects(validator, name):
    raw = json.loads((ROOT / "tests" / "bad_files" / f"{name}.weaklink.json").read_text())
    assert not validator.is_valid(raw)


def test_schema_command_writes_the_file(tmp_path):
    out = tmp_path / "schema.json"
    done = subprocess.run([sys.executable, "-m", "designer.io.schema", str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert str(out) in done.stdout
    assert out.read_text(encoding="utf-8") == schema_text()
