"""`weaklink analyze`: readable text, the JSON contract, exit codes."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from designer.cli import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _run(*args):
    return CliRunner().invoke(cli, ["analyze", *map(str, args)])


def test_json_has_the_promised_keys():
    out = _run(EXAMPLES / "monolith.weaklink.json", "--json")
    assert out.exit_code == 0
    data = json.loads(out.output)
    assert {"design", "components", "spofs", "cut_sets_order2", "entry_points",
            "notes"} <= set(data)
    spof = data["spofs"][0]
    assert set(spof) == {"id", "label", "kind", "blast_radius", "explanation"}
    assert all(isinstance(p, list) and len(p) == 2 for p in data["cut_sets_order2"])


def test_text_report_names_the_spofs_and_why():
    out = _run(EXAMPLES / "monolith.weaklink.json")
    assert out.exit_code == 0
    assert "Single points of failure:" in out.output and "takes down:" in out.output


def test_fail_on_spof_exit_codes():
    assert _run(EXAMPLES / "monolith.weaklink.json", "--fail-on-spof").exit_code == 1
    assert _run(EXAMPLES / "multi-site.weaklink.json", "--fail-on-spof").exit_code == 0


def test_bad_file_exits_2_naming_the_file_without_traceback(tmp_path):
    bad = tmp_path / "broken.weaklink.json"
    bad.write_text('{"format": "weaklink", "version": 1, "design": {"components": '
                   '[{"id": "a", "kind": "server", "parent": "nowhere"}]}}')
    out = CliRunner().invoke(cli, ["analyze", str(bad)])
    assert out.exit_code == 2
    assert "broken.weaklink.json" in out.output and "nowhere" in out.output
    assert "Traceback" not in out.output
