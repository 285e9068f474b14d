"""`weaklink analyze FILE --json` and the canvas agree on every example: the
same SPOFs and cut sets, the same colours, the same figures in the status bar,
once both phases of the live analysis (colours, then figures) have arrived,
in the worker thread and in the worker process."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from designer.analysis.result import AvailabilityPart
from designer.report.result_json import result_to_json
from designer.cli import cli
from designer.io import load_design
from designer.model.naming import names_of
from designer.panels.problems import IDS
from designer.report import availability as A
from designer.report.problems import spof_count
from designer.report.states import states_for

from .live_support import close_window, open_window
from .window_helpers import EXAMPLES

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.weaklink.json"))


class AsStructure:
    """The CLI's JSON read back with the attribute names the overlay uses."""

    def __init__(self, data: dict) -> None:
        self.__dict__.update(data)
        self.spofs = [type("Spof", (), s) for s in data["spofs"]]
        self.cut_sets_order2 = [tuple(p) for p in data["cut_sets_order2"]]


def figures_of(data: dict) -> AvailabilityPart:
    """The CLI's availability figures read back into their type."""
    interval = data.get("confidence_interval")
    return AvailabilityPart(value=data["availability"], method=data["availability_method"],
                            downtime_minutes_per_year=data["downtime_minutes_per_year"],
                            nines=data["nines"],
                            confidence_interval=tuple(interval) if interval else None)


def cli_json(path) -> dict:
    run = CliRunner().invoke(cli, ["analyze", str(path), "--json"])
    assert run.exit_code == 0, run.output
    return json.loads(run.output)


def test_there_are_examples_to_compare():
    assert len(EXAMPLE_FILES) >= 4


CASES = [(p, "thread") for p in EXAMPLE_FILES] + [(EXAMPLE_FILES[-1], "process")]


@pytest.mark.parametrize("path,where", CASES,
                         ids=lambda c: c if isinstance(c, str) else c.name.split(".")[0])
def test_canvas_agrees_with_the_cli(path, where, qtbot, tmp_path):
    expected = cli_json(path)
    design = load_design(path)
    options = {"process_components": 1} if where == "process" else {}
    window, live = open_window(qtbot, tmp_path, design, **options)
    try:
        # open_window waits for `result`, set once the figures have arrived
        assert not live.scheduler.is_pending()
        assert live.result.structure is live.structure.structure   # the colours' result
        assert live.scheduler.last_in_process == (where == "process")
        assert len(live.scheduler.last_phase_ms) == 3       # colours, findings, figures
        assert result_to_json(live.result) == expected     # same SPOFs, same numbers
        scene, ids = window.view.scene(), [c.id for c in design.components]
        shown = {cid: scene.item_for(cid).state for cid in ids}
        assert shown == states_for(AsStructure(expected), ids)
        spof_rows = live.problems.rows(0)
        assert [r.data(0, IDS) for r in spof_rows] == [[s["id"]] for s in expected["spofs"]]
        names = names_of(design.components)
        assert [r.text(1) for r in spof_rows] == [
            ", ".join(names[b] for b in s["blast_radius"]) or "the system"
            for s in expected["spofs"]]
        bar = live.figures
        assert bar.availability.text() == A.availability_short(figures_of(expected))
        assert bar.downtime.text() == A.downtime_short(expected["downtime_minutes_per_year"])
        assert bar.spofs.text() == spof_count(len(expected["spofs"]))
        assert bar.nines.text() == A.nines_short(figures_of(expected))
        assert bar.cost.text() == f"€{expected['cost']['opex_monthly']:,.0f}/month"
        assert not bar.pending.isVisible() and bar.availability.isEnabled()
    finally:
        close_window(window, live)
