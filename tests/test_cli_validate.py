"""`weaklink validate FILE`: exit 0 and one summary line, or exit 2 with every
problem as `FILE: WHERE: MESSAGE`; never a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from designer import __version__
from designer.cli import cli
from designer.io import load_design

ROOT = Path(__file__).parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.weaklink.json"))
BAD = sorted((ROOT / "tests" / "bad_files").glob("*.weaklink.json"))


def _weaklink(*args: str) -> subprocess.CompletedProcess:
    """The installed entry point, `weaklink ARGS`, in a fresh interpreter."""
    entry = "from designer.cli import main; main()"
    return subprocess.run([sys.executable, "-c", entry, *args], cwd=ROOT,
                          capture_output=True, text=True)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_validate_with_a_one_line_summary(path):
    result = CliRunner().invoke(cli, ["validate", str(path)])
    design = load_design(path)
    assert result.exit_code == 0
    assert result.output == (f"{path}: ok, design '{design.name}', "
                             f"{len(design.components)} components, "
                             f"{len(design.links)} links\n")


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_file_exits_2_naming_file_and_place(path):
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.splitlines()
    assert lines and all(line.startswith(f"{path}: ") for line in lines)
    assert all(len(line.split(": ", 2)) == 3 for line in lines)
    assert "Traceback" not in result.output


def test_real_process_prints_no_traceback_at_any_stage():
    """One interpreter per file would be slow; one process per kind of failure
    (wrapper, JSON, pydantic, structure) shows the installed path end to end."""
    for name in ("version-999", "truncated", "string-for-number", "placement-cycle"):
        path = ROOT / "tests" / "bad_files" / f"{name}.weaklink.json"
        done = _weaklink("validate", str(path))
        assert done.returncode == 2, name
        assert done.stderr.startswith(f"{path}: ") and "Traceback" not in done.stderr
        assert done.stdout == ""


def test_real_process_refuses_20_megabytes_of_garbage(tmp_path):
    path = tmp_path / "garbage.weaklink.json"
    path.write_bytes(os.urandom(20 * 1024 * 1024))
    done = _weaklink("validate", str(path))
    assert done.returncode == 2
    assert done.stderr.startswith(f"{path}: $: ") and "Traceback" not in done.stderr


def test_real_process_validates_an_example():
    done = _weaklink("validate", "examples/monolith.weaklink.json")
    assert done.returncode == 0
    assert done.stdout.startswith("examples/monolith.weaklink.json: ok, design 'Monolith'")


def test_many_errors_are_capped_with_a_count(tmp_path):
    path = tmp_path / "many.weaklink.json"
    components = [{"id": f"c{i}", "kind": "site", "x": "left"} for i in range(80)]
    path.write_text(json.dumps({"format": "weaklink", "version": 1,
                                "design": {"components": components}}))
    result = CliRunner().invoke(cli, ["validate", str(path)])
    lines = result.output.splitlines()
    assert result.exit_code == 2 and len(lines) == 51
    assert lines[-1] == f"{path}: ... and 30 more problems"


def test_missing_file_exits_2_with_a_sentence(tmp_path):
    path = tmp_path / "nope.weaklink.json"
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert (result.exit_code, result.output) == (2, f"{path}: $: no such file\n")


def test_version_flag():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_several_files_are_checked_in_one_run_and_any_failure_gives_2():
    good = [str(p) for p in EXAMPLES]
    result = CliRunner().invoke(cli, ["validate", *good])
    assert result.exit_code == 0 and len(result.output.splitlines()) == len(good)
    bad = str(ROOT / "tests" / "bad_files" / "empty.weaklink.json")
    mixed = CliRunner().invoke(cli, ["validate", good[0], bad, good[1]])
    assert mixed.exit_code == 2
    assert [line.split(": ")[0] for line in mixed.output.splitlines()] == \
        [good[0], bad, good[1]]


def test_no_file_is_a_usage_error():
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 2 and "Missing argument" in result.output
