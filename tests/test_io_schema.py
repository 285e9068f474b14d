"""The committed JSON Schema is current and describes real files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from designer.io.schema import DEFAULT_PATH, schema_text

from .schema_support import command_writes, validator_for

ROOT = Path(__file__).parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.weaklink.json"))


@pytest.fixture(scope="module")
def validator():
    return validator_for(DEFAULT_PATH)


def test_committed_schema_matches_the_model():
    assert DEFAULT_PATH.resolve() == (ROOT / "docs" / "weaklink.schema.json").resolve()
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
    written = command_writes("designer.io.schema", tmp_path / "schema.json", cwd=ROOT)
    assert written == schema_text()
