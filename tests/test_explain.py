"""SPOF explanations read off what each failure takes down, and designs of
independent parts (no shared event that may fail) answered exactly."""
from __future__ import annotations

import math

from designer.analysis.availability import EXACT, design_availability
from designer.analysis.engine import analyze
from designer.analysis.figures import availabilities
from designer.analysis.structure import compile_design

from .engine_strategies import Sketch
from .oracle import Oracle


def _servers_with_own_entry(count: int) -> Sketch:
    """One site; each server runs its own entry point, with no replica."""
    s = Sketch().add("site", "site")
    for i in range(count):
        s.add(f"h{i}", "server", "site").add(f"app{i}", "service", f"h{i}", entry=True)
    return s


def test_each_spof_takes_down_its_own_entry_point_and_says_so():
    """Many entry points, one per server: each server and service is a SPOF
    whose blast radius is its own entry point alone (the oracle agrees),
    and the explanation names what the server runs."""
    design = _servers_with_own_entry(40).design()
    result = analyze(design)
    spofs = {s.id: s for s in result.spofs}
    assert set(spofs) == Oracle(design).spofs()
    for i in (0, 17, 39):
        assert spofs[f"h{i}"].blast_radius == (f"app{i}",)
        assert spofs[f"h{i}"].explanation == (f"h{i} runs app{i} with no working replica, "
                                              f"so app{i} goes down")
        assert spofs[f"app{i}"].blast_radius == (f"app{i}",)
    assert set(spofs["site"].blast_radius) == {f"app{i}" for i in range(40)}


def test_a_service_others_depend_on_names_them():
    s = Sketch().add("site", "site").add("h1", "server", "site").add("h2", "server", "site")
    s.add("web", "service", "h1", entry=True).add("api", "service", "h1", entry=True)
    s.add("db", "service", "h2")
    s.needs("web", "db").needs("api", "db")
    spofs = {s.id: s for s in analyze(s.design()).spofs}
    assert spofs["db"].explanation.startswith("web and api depend on db, which has no replica")
    assert spofs["db"].blast_radius[:2] == ("web", "api")
    assert spofs["h1"].explanation.startswith("h1 runs web and api with no working replica")


def test_independent_parts_are_multiplied_exactly():
    """With nothing shared that may fail, the system is up when every
    part is: the product of their availabilities, exactly (it was Monte
    Carlo past the exact BDD's 500 events)."""
    design = _servers_with_own_entry(300).design()      # 601 failable components
    compiled = compile_design(design)
    assert len(compiled.event_of) > 500
    found = design_availability(design, compiled)
    assert found.method == EXACT and found.bounds == (found.value, found.value)
    figures = availabilities(design)
    used = {node.name for node in compiled.circuit.nodes if node.op == "event"}
    log_up = sum(math.log(figures[cid]) for cid in used)
    assert math.isclose(found.value, math.exp(log_up), rel_tol=1e-12)
    assert math.isclose(found.complement, -math.expm1(log_up), rel_tol=1e-12)
    # Birnbaum of a server: the product of everything else.
    assert math.isclose(found.importance["h7"].birnbaum,
                        math.exp(log_up - math.log(figures["h7"])), rel_tol=1e-9)
