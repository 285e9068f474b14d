"""The committed JSON Schema of `weaklink analyze --json` is current and
describes what the command prints for every example."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from designer import data
from designer.report.result_schema import schema_text
from designer.cli import cli

from .schema_support import command_writes, validator_for

ROOT = Path(__file__).parents[1]
COMMITTED = ROOT / "docs" / "analysis.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("*.weaklink.json"))


@pytest.fixture(scope="module")
def validator():
    return validator_for(COMMITTED)


def test_committed_schema_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "docs/analysis.schema.json is stale: run `python -m designer.report.result_schema`")
    assert data.path("docs", "analysis.schema.json").read_text(encoding="utf-8") == schema_text()


def test_there_are_four_examples():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_analyze_json_of_every_example_matches_the_schema(validator, path):
    run = CliRunner().invoke(cli, ["analyze", str(path), "--json"])
    assert run.exit_code == 0, run.output
    found = json.loads(run.output)
    validator.validate(found)
    assert set(found["cost"]) == {"capex", "opex_monthly", "horizon_months",
                                  "horizon_total", "currency"}


def test_schema_rejects_a_result_without_cost_or_with_a_made_up_method(validator):
    run = CliRunner().invoke(cli, ["analyze", str(EXAMPLES[0]), "--json"])
    good = json.loads(run.output)
    assert not validator.is_valid({k: v for k, v in good.items() if k != "cost"})
    assert not validator.is_valid(dict(good, availability_method="guessed"))
    assert not validator.is_valid(dict(good, surprise=1))


def test_schema_command_writes_the_file(tmp_path):
    written = command_writes("designer.report.result_schema", tmp_path / "schema.json", cwd=tmp_path)
    assert written == schema_text()
