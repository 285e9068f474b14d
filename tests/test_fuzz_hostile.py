"""Hostile input never gets a traceback, a hang or a crash (issue 16).

1. The generated corpus of tests/hostile.py (FIFOs, symlink loops, rings,
   chains, deep MEF formulas, huge numbers, ...): each case runs as a real
   `weaklink` process, since a hang or a segfault must fail the case, not
   the test run, and must answer with an acceptable exit code, no traceback,
   within its time budget. Two at a time (CI has 2 cores).
2. Hypothesis mutates a real design and a small fault tree with hostile
   values and runs the commands in-process: exit 0, 1 or 2 only, and
   `--json` output that parses.
The slow cases (100,000-element inputs) run in tools/hostile_times.py."""
from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.cli import cli
from tests.hostile import CASES, run_case

ROOT = Path(__file__).parents[1]
QUICK = [case for case in CASES if not case.slow]
# The budgets hold on an idle machine; when other work loads every core
# (a shared CI runner, helpers building at once) they stretch by the load.
LOAD = max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))
PROGRESS = (": reading", ": finding", ": checking", ": computing", ": opening", ": planning")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Every quick case that needs its own process, run once, one at a time
    (two at once on CI's 2 cores would measure the load, not the case)."""
    found = {}
    for case in QUICK:
        if case.process:
            folder = tmp_path_factory.mktemp(case.name)
            found[case.name] = run_case(case, folder, hard_limit=case.budget + 20)
    return found


@pytest.mark.parametrize("name", [case.name for case in QUICK if case.process])
def test_hostile_case_in_a_process_answers_in_time(outcomes, name):
    outcome = outcomes[name]
    assert outcome.exit is not None, f"{name}: still running after {outcome.seconds:.0f} s"
    assert not outcome.traceback, outcome.stderr[-1500:]
    assert outcome.exit in outcome.case.exits, (outcome.exit, outcome.stderr[-800:])
    assert outcome.seconds <= outcome.case.budget * LOAD, f"{name}: {outcome.seconds:.1f} s"
    if outcome.exit == 2:
        _one_clear_line(outcome.stderr)


@pytest.mark.parametrize("case", [c for c in QUICK if not c.process], ids=lambda c: c.name)
def test_hostile_case_in_process_answers_in_time(tmp_path, case):
    target = case.make(tmp_path)
    args = [a.replace("{file}", str(target)).replace("{out}", str(tmp_path / "shot.png"))
            for a in case.command]
    started = time.perf_counter()
    result = CliRunner().invoke(cli, args)
    seconds = time.perf_counter() - started
    for path in tmp_path.iterdir():          # a closed folder: let pytest remove it
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o700)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    assert result.exit_code in case.exits, result.output[-800:]
    assert seconds <= case.budget * LOAD
    if result.exit_code == 2:
        _one_clear_line(result.stderr)


def _one_clear_line(stderr: str) -> None:
    said = [line for line in stderr.splitlines()
            if line.strip() and not line.startswith("This plugin")
            and not any(word in line for word in PROGRESS)]
    assert said, "exit 2 without a word"
    assert len(said[0]) < 1200 and ": " in said[0]
    assert "Traceback" not in stderr


# -- hypothesis: mutated designs -----------------------------------------------------

EXAMPLE = json.loads((ROOT / "examples" / "three-tier.weaklink.json").read_text())
HOSTILE_VALUES = st.one_of(
    st.sampled_from([None, True, -1, 0, 1.5, -0.5, 1e308, -1e308, 10 ** 40, "", "\ud800x",
                     "x" * 5000, "a\nb", [], {}, [[[[[]]]]], "9" * 50, "none", "raid42"]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.integers(min_value=-10 ** 6, max_value=10 ** 6))


def _places(value, path=()):
    """Every JSON path in `value`, iteratively."""
    stack, found = [(value, path)], []
    while stack:
        item, where = stack.pop()
        found.append(where)
        if isinstance(item, dict):
            stack.extend((v, (*where, k)) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(item))
    return found


def _mutated(data, place, value):
    copy = json.loads(json.dumps(data))
    if not place:
        return value
    target = copy
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = value
    return copy


PLACES = _places(EXAMPLE)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(changes=st.lists(st.tuples(st.sampled_from(PLACES), HOSTILE_VALUES), min_size=1,
                        max_size=3))
def test_a_mutated_design_gets_a_result_or_a_clear_refusal(tmp_path_factory, changes):
    data = EXAMPLE
    for place, value in changes:
        try:
            data = _mutated(data, place, value)
        except (KeyError, IndexError, TypeError):
            continue     # an earlier change removed that place
    path = tmp_path_factory.mktemp("mut") / "case.weaklink.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for command in (["validate", str(path)], ["analyze", "--json", str(path)]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code in (0, 1, 2), result.output[-1500:]
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            repr(result.exception))
        if command[1] == "--json" and result.exit_code == 0:
            _all_finite(json.loads(result.stdout))


def _all_finite(value) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            assert math.isfinite(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


# -- hypothesis: hostile fault trees ---------------------------------------------------

ATTRIBUTE = st.one_of(st.sampled_from(["0", "1", "2", "-1", "²", "1e999", "nan", "",
                                       "9" * 400, "bogus", "gate", "basic-event"]),
                      st.text(alphabet="0123456789.-e", max_size=6))
EXPRESSION = st.sampled_from([
    '<float value="{a}"/>', '<int value="{a}"/>', '<bool value="{a}"/>',
    '<exponential><float value="{a}"/><float value="{a}"/></exponential>',
    '<GLM><float value="0.1"/><float value="{a}"/><float value="1"/>'
    '<float value="{a}"/></GLM>', '<system-mission-time/>', ""])
FORMULA = st.sampled_from([
    '<atleast min="{a}"><basic-event name="a"/><basic-event name="b"/></atleast>',
    '<or><event name="a" type="{a}"/><basic-event name="b"/></or>',
    '<and><basic-event name="a"/><gate name="{a}"/></and>',
    '<not><not><basic-event name="a"/></not></not>',
    '<or><basic-event name="a"/><basic-event name="b"/></or>'])


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(expression=EXPRESSION, formula=FORMULA, a=ATTRIBUTE, b=ATTRIBUTE,
       mission=st.sampled_from(["", "<system-mission-time/>",
                                '<system-mission-time><float value="-5"/></system-mission-time>']))
def test_a_hostile_fault_tree_gets_a_result_or_a_clear_refusal(tmp_path_factory, expression,
                                                                formula, a, b, mission):
    body = (f'<define-gate name="top">{formula.format(a=a)}</define-gate>'
            f'<define-basic-event name="a">{expression.format(a=b)}</define-basic-event>'
            f'<define-basic-event name="b"><float value="0.1"/></define-basic-event>')
    text = (f'<?xml version="1.0"?><opsa-mef><model-data>{mission}</model-data>'
            f'<define-fault-tree name="t">{body}</define-fault-tree></opsa-mef>')
    path = tmp_path_factory.mktemp("mef") / "case.xml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["fta", "--json", str(path)])
    assert result.exit_code in (0, 2), result.output[-1500:]
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    if result.exit_code == 0:
        _all_finite(json.loads(result.stdout))
    else:
        lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert len(lines) == 1 and str(path) in lines[0]


def test_the_corpus_covers_every_case_of_the_issue():
    names = {case.name for case in CASES}
    for expected in ("fifo-validate", "fifo-analyze", "mef-fifo", "symlink-loop",
                     "dependency-ring-1000", "dependency-chain-10000", "switch-chain-3000",
                     "placement-chain-20000", "mef-flat-or-100000", "mef-gate-chain-100000",
                     "mef-not-3000", "mef-comment-60mb", "surrogate-name-text",
                     "beta-1e308", "mef-unknown-encoding", "screenshot-100000-notes"):
        assert expected in names
    assert os.path.exists(ROOT / "tools" / "hostile_times.py")
