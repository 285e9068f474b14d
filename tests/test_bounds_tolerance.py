"""The certified gap a design asks of its bounds (Settings.bounds_tolerance,
issue 10: "a default tolerance of 1e-9 on unavailability, settable"): the
analysis aims at it, the command line can override it, the file keeps it,
and a report says when the leaf budget stopped the bounds wider."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from benchmarks.generate import generate
from designer.analysis.availability import BOUNDED, design_availability
from designer.analysis.result import AvailabilityPart
from designer.cli import cli
from designer.io import LoadError, design_from_text, design_to_text, save_design
from designer.report.availability import availability_line

LOOSE = 1e-6


def _with_tolerance(design, tolerance):
    return design.model_copy(update={"settings": design.settings.model_copy(
        update={"bounds_tolerance": tolerance})})


@pytest.fixture(scope="module")
def generated():
    return generate(1000)


def test_a_looser_tolerance_stops_the_bounds_sooner_and_still_holds_the_tight_ones(generated):
    tight = design_availability(generated)
    loose = design_availability(_with_tolerance(generated, LOOSE))
    assert tight.method == loose.method == BOUNDED
    (lo, hi), (tight_lo, tight_hi) = loose.bounds, tight.bounds
    assert tight_hi - tight_lo <= 1e-9 < hi - lo <= LOOSE
    assert lo <= tight_hi and tight_lo <= hi        # both hold the true value


def test_analyze_tolerance_overrides_the_design_and_the_json_says_so(generated, tmp_path):
    path = tmp_path / "big.weaklink"
    save_design(generated, path)
    run = CliRunner().invoke(cli, ["analyze", str(path), "--json", "--tolerance", "1e-6"])
    assert run.exit_code == 0, run.output
    report = json.loads(run.stdout)
    assert report["availability_method"] == "bounded"
    assert report["tolerance"] == LOOSE
    low, high = report["bounds"]
    assert high - low <= LOOSE


@pytest.mark.parametrize("value", ["0", "0.01", "tight"])
def test_analyze_refuses_a_tolerance_out_of_range_with_exit_2(tmp_path, value):
    path = tmp_path / "small.weaklink"
    save_design(generate(100), path)
    run = CliRunner().invoke(cli, ["analyze", str(path), "--tolerance", value])
    assert run.exit_code == 2
    assert "--tolerance" in run.output and "Traceback" not in run.output


def test_the_file_keeps_the_tolerance_and_leaves_the_default_out():
    design = generate(100)
    assert "bounds_tolerance" not in design_to_text(design)   # older readers open it
    again = design_from_text(design_to_text(_with_tolerance(design, LOOSE)))
    assert again.settings.bounds_tolerance == LOOSE


def test_a_hand_edited_tolerance_out_of_range_is_named_with_its_place():
    data = json.loads(design_to_text(generate(100)))
    data["design"]["settings"]["bounds_tolerance"] = 0.5
    with pytest.raises(LoadError) as caught:
        design_from_text(json.dumps(data), source="plant.weaklink")
    message = str(caught.value)
    assert "plant.weaklink" in message and "bounds_tolerance" in message


def _bounded_part(low, high, tolerance):
    return AvailabilityPart(value=1 - (low + high) / 2, method=BOUNDED,
                            downtime_minutes_per_year=1.0, nines=2.0,
                            bounds=(1 - high, 1 - low), tolerance=tolerance)


def test_the_report_says_when_the_bounds_stopped_wider_than_asked():
    short = availability_line(_bounded_part(1.0e-2, 1.0e-2 + 2.1e-8, 1e-9))
    assert "gap 2.1e-08, 1e-09 asked" in short
    reached = availability_line(_bounded_part(1.0e-2, 1.0e-2 + 5e-10, 1e-9))
    assert "asked" not in reached and "certified" in reached
