"""Python's cyclic collector paused during an analysis (analysis/gc_pause.py):
it is off while a design's availability or a fault tree's P(top) is
computed (its passes over the whole heap cost 10 % of an analysis of 1,000
components), and on again afterwards, also after an analysis that failed,
so a long session's memory is still collected."""
from __future__ import annotations

import gc

import pytest

from benchmarks.generate import generate
from designer.analysis import bdd
from designer.analysis.availability import design_availability
from designer.analysis.fta_cuts import top_probability
from designer.analysis.gc_pause import collector_paused
from designer.analysis.mef import load_fault_tree


@pytest.fixture(autouse=True)
def collector_on():
    """The collector as a headless command has it; a window's tests earlier
    in the same process may have switched it off (live/collector.py)."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


@pytest.fixture
def passes():
    """The collector's passes, counted while the test runs."""
    counted = []

    def count(phase, info):
        if phase == "start":
            counted.append(info["generation"])
    gc.callbacks.append(count)
    yield counted
    gc.callbacks.remove(count)


@pytest.fixture
def collector_seen(monkeypatch):
    """Whether the collector was on, each time the analysis built a diagram."""
    seen = []
    build = bdd.build_many

    def looking(*args):
        seen.append(gc.isenabled())
        return build(*args)
    monkeypatch.setattr(bdd, "build_many", looking)
    return seen


def test_the_collector_is_off_during_an_analysis_and_runs_after(collector_seen, passes):
    assert gc.isenabled()
    found = design_availability(generate(600))
    assert found.method == "bounded"
    assert collector_seen and not any(collector_seen)
    assert gc.isenabled()
    passes.clear()
    garbage = []
    for _ in range(3 * gc.get_threshold()[0]):
        cycle = []
        cycle.append(cycle)
        garbage.append(cycle)
    del garbage
    assert passes            # thresholds crossed: it runs again by itself


def test_the_collector_is_off_while_an_edit_compiles(monkeypatch):
    """An edit's re-analysis compiles the edited design first: the collector's
    passes there scanned the whole part cache (issue 10)."""
    from designer.analysis import incremental
    from designer.model import Component, Design, Kind
    design = generate(300)
    again = incremental.Reanalysis(design, max_events=0)
    seen, compile_design = [], incremental.compile_design

    def compiling(edited):
        seen.append(gc.isenabled())
        return compile_design(edited)
    monkeypatch.setattr(incremental, "compile_design", compiling)
    disk = Component(id="s0-r0-h0-disk9", kind=Kind.DISK, parent="s0-r0-h0")
    again.availability(Design(settings=design.settings, components=design.components + (disk,),
                              links=design.links))
    assert seen == [False]
    assert gc.isenabled()


def test_a_failed_analysis_leaves_the_collector_running():
    with pytest.raises(RuntimeError):
        with collector_paused():
            with collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()        # the inner block leaves it to the outer
            raise RuntimeError("an analysis that fails")
    assert gc.isenabled()


def test_the_collector_is_off_during_a_fault_tree_analysis(collector_seen, tmp_path):
    tree_file = tmp_path / "tree.xml"
    tree_file.write_text(_or_of_ands(40))
    tree = load_fault_tree(str(tree_file))
    found, exact = top_probability(tree.circuit, tree.probabilities, 100_000, 1e-9)
    assert exact is not None and 0.0 < found.value < 1.0
    assert collector_seen and not any(collector_seen)
    assert gc.isenabled()


def _or_of_ands(branches: int) -> str:
    """An Open-PSA tree: the top fails when both events of some branch fail."""
    gates = "".join(f'<define-gate name="g{i}"><and><basic-event name="a{i}"/>'
                    f'<basic-event name="b{i}"/></and></define-gate>' for i in range(branches))
    top = "".join(f'<gate name="g{i}"/>' for i in range(branches))
    events = "".join(f'<define-basic-event name="{n}{i}"><float value="0.01"/>'
                     f'</define-basic-event>' for i in range(branches) for n in "ab")
    return (f'<?xml version="1.0"?><opsa-mef><define-fault-tree name="t">'
            f'<define-gate name="top"><or>{top}</or></define-gate>{gates}'
            f'</define-fault-tree><model-data>{events}</model-data></opsa-mef>')


@pytest.mark.parametrize("design", ["generated", "ring", "chain"])
def test_a_compile_leaves_nothing_to_the_collector(design):
    """What a compile drops is freed at once by reference counting, nothing
    held in a cycle until the collector runs: the compiler lets go of its
    power and network helpers (which hold its bound methods), and the
    services' needs are ordered without networkx's self-referencing graphs
    (dependency_order.py). So the cost plan can pause the collector for
    its whole run without holding memory (mitigation/plan.make_plan)."""
    from designer.analysis import structure
    from designer.io import design_from_dict
    from tests.hostile import services_linked
    built = {"generated": lambda: generate(300),
             "ring": lambda: design_from_dict(services_linked(40, ring=True)),
             "chain": lambda: design_from_dict(services_linked(40, ring=False))}[design]()
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        structure.compile_design(built)
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []


def test_the_collector_is_off_through_a_whole_plan(monkeypatch):
    """Between candidates too: its passes there scanned what each analysis
    kept (4.5 s of the 51 s plan at 5,000 components)."""
    from designer.analysis.mitigation import plan as planning
    seen, generate_candidates = [], planning.generate

    def generating(*args, **kwargs):
        seen.append(gc.isenabled())
        return generate_candidates(*args, **kwargs)
    monkeypatch.setattr(planning, "generate", generating)
    found = planning.make_plan(generate(100), step_limit=3)
    assert found.steps and len(seen) >= 3 and not any(seen)
    assert gc.isenabled()
