"""Each part's variable order (part_build.local_order): grouped as the
design's placement says, with the order of the groups the part's own, so
parts alike share one diagram however the design numbers its racks, and
the figures do not change."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from designer.analysis import bdd, ir, part_build
from designer.analysis.availability import design_availability
from designer.analysis.part_build import local_order
from designer.analysis.part_eval import ColumnPasses
from designer.analysis.part_keys import shapes_of
from tests.circuit_strategies import gate_dags


def _two_alike_parts() -> tuple[ir.Circuit, list[int]]:
    """Two applications of one shape: each needs a server on one rack or
    another (`a` on rack 1 or 2, `b` on rack 3 or 4), both needing the
    shared feed."""
    circuit = ir.Circuit()
    feed = circuit.event("feed")
    kids = []
    for app, racks in (("a", (1, 2)), ("b", (3, 4))):
        replicas = [circuit.and_([circuit.event(f"{app}-rack{r}"), circuit.event(f"{app}-srv{r}")])
                    for r in racks]
        kids.append(circuit.and_([feed, circuit.or_(replicas)]))
    circuit.top = circuit.and_(kids)
    return circuit, kids


def _rank(first_racks: dict[str, int]) -> dict[str, tuple[int, int, int, int]]:
    """(its site, rack, site, server) groups as design_order.rack_rank gives
    them, everything in site 1."""
    rank = {"feed": (1, 0, 1, 0)}
    for app_rack, number in first_racks.items():
        app, rack = app_rack.split("-")
        rank[f"{app}-rack{rack}"] = (1, number, 0, 0)
        rank[f"{app}-srv{rack}"] = (1, number, 0, 10 + number)
    return rank


def test_parts_alike_share_a_diagram_whatever_the_racks_numbers():
    circuit, kids = _two_alike_parts()
    names = [node.name for node in circuit.nodes]
    # The design numbers a's racks 1, 2 and b's 4, 3: in that order the
    # two parts' variables do not map onto each other.
    rank = _rank({"a-1": 1, "a-2": 2, "b-3": 4, "b-4": 3})
    orders = [local_order(circuit, kid, rank, names) for kid in kids]
    (shape_a, events_a), (shape_b, events_b) = shapes_of(circuit, kids, orders)
    assert shape_a == shape_b
    assert events_a == ["feed", "a-rack1", "a-srv1", "a-rack2", "a-srv2"]
    assert events_b == ["feed", "b-rack3", "b-srv3", "b-rack4", "b-srv4"]


def _parts_wired_in_other_orders() -> tuple[ir.Circuit, list[int]]:
    """`_two_alike_parts`, but b's servers drawn before its racks: its
    replicas' ANDs hold (server, rack) where a's hold (rack, server)."""
    circuit = ir.Circuit()
    feed = circuit.event("feed")
    kids = []
    for app, racks in (("a", (1, 2)), ("b", (3, 4))):
        replicas = []
        for r in racks:
            pair = ((f"{app}-rack{r}", f"{app}-srv{r}") if app == "a"
                    else (f"{app}-srv{r}", f"{app}-rack{r}"))
            replicas.append(circuit.and_([circuit.event(name) for name in pair]))
        kids.append(circuit.and_([feed, circuit.or_(replicas)]))
    circuit.top = circuit.and_(kids)
    return circuit, kids


def test_parts_alike_share_a_diagram_whatever_order_their_gates_hold_inputs():
    circuit, kids = _parts_wired_in_other_orders()
    a_replica, b_replica = (circuit.nodes[circuit.nodes[kid].children[1]].children[0]
                            for kid in kids)
    names = [node.name for node in circuit.nodes]
    assert [names[i] for i in circuit.nodes[a_replica].children] == ["a-rack1", "a-srv1"]
    assert [names[i] for i in circuit.nodes[b_replica].children] == ["b-srv3", "b-rack3"]
    rank = _rank({"a-1": 1, "a-2": 2, "b-3": 3, "b-4": 4})
    orders = [local_order(circuit, kid, rank, names) for kid in kids]
    (shape_a, _), (shape_b, events_b) = shapes_of(circuit, kids, orders)
    assert shape_a == shape_b
    assert events_b == ["feed", "b-rack3", "b-srv3", "b-rack4", "b-srv4"]
    # One diagram built, renamed for b: the one b's own build gives.
    built, alone = {}, {}
    part_build.build_parts(circuit, kids, ["a", "b"], names, rank, 10_000, built)
    part_build.build_parts(circuit, kids[1:], ["b"], names, rank, 10_000, alone)
    assert built["a"].nodes is built["b"].nodes
    assert built["b"].names == alone["b"].names
    for shared, own in zip(built["b"].nodes, alone["b"].nodes):
        assert (shared == own).all()


def _copy(dag: ir.Circuit, into: ir.Circuit, prefix: str, drawn: list[str]) -> int:
    """`dag` copied into `into` over events `prefix-name`, the events drawn
    (created) in the order `drawn`: the copy's gates then hold their
    inputs in another order wherever that order differs."""
    for name in drawn:
        into.event(f"{prefix}-{name}")
    copied: dict[int, int] = {}
    for index, node in enumerate(dag.nodes):
        kids = [copied[c] for c in node.children]
        copied[index] = (into.event(f"{prefix}-{node.name}") if node.op == ir.EVENT
                         else into.const(node.value) if node.op == ir.CONST
                         else into.not_(kids[0]) if node.op == ir.NOT
                         else into.atleast(node.k, kids) if node.op == ir.ATLEAST
                         else into.and_(kids) if node.op == ir.AND else into.or_(kids))
    return copied[dag.top]


def _diagram(circuit: ir.Circuit, top: int, events: list[str]) -> ColumnPasses:
    manager = bdd.Manager(events)
    root = bdd.build(circuit, manager, top, {circuit.event_node[e]: e for e in events})
    return ColumnPasses(bdd.flatten(root, manager), manager.leaves)


@settings(max_examples=80, deadline=None)
@given(dag=gate_dags([f"e{i}" for i in range(6)]), data=st.data())
def test_parts_alike_but_for_their_inputs_order_have_one_shape_and_one_diagram(dag, data):
    """Two copies of one circuit, the second's events drawn in a random
    order: one shape (part_keys.shapes_of), and each copy's diagram, built
    in its own order, is the other's row for row: what renaming one shape's
    diagram for its twins (part_build.build_parts) relies on."""
    names = sorted(dag.event_node)
    circuit = ir.Circuit()
    kids = [_copy(dag, circuit, "a", names),
            _copy(dag, circuit, "b", data.draw(st.permutations(names)))]
    events = [[f"{prefix}-{name}" for name in names] for prefix in "ab"]
    orders = [[circuit.event_node[e] for e in part] for part in events]
    (shape_a, _), (shape_b, _) = shapes_of(circuit, kids, orders)
    assert shape_a == shape_b
    built_a, built_b = (_diagram(circuit, kid, part) for kid, part in zip(kids, events))
    assert len(built_a.nodes) == len(built_b.nodes)
    for ours, theirs in zip(built_a.nodes, built_b.nodes):
        assert (ours == theirs).all()


def test_what_no_rack_holds_comes_first_and_a_rack_just_before_its_servers():
    circuit, kids = _two_alike_parts()
    names = [node.name for node in circuit.nodes]
    rank = _rank({"a-1": 2, "a-2": 1, "b-3": 3, "b-4": 4})
    for kid in kids:
        events = [names[i] for i in local_order(circuit, kid, rank, names)]
        assert events[0] == "feed"
        for rack in (e for e in events if "rack" in e):
            assert events[events.index(rack) + 1] == rack.replace("rack", "srv")


def test_a_generated_design_builds_fewer_diagrams_and_keeps_its_figures(monkeypatch):
    """The generated applications repeat on racks drawn in other orders:
    their parts share diagrams, and the bounds are those of an order by
    the design's numbering (computed here with every part's groups in
    the design's order)."""
    design = generate(1000)
    found = design_availability(design, part_cache=(cache := {}))
    diagrams = {id(passes.nodes) for passes in cache["parts"].values()}
    assert len(diagrams) < len(cache["parts"])
    numbered = part_build.local_order

    def by_numbers(circuit, kid, rank, names):
        order = numbered(circuit, kid, None, names)
        return sorted(order, key=lambda i: rank.get(names[i], ())[1:])   # sites aside
    monkeypatch.setattr(part_build, "local_order", by_numbers)
    again = design_availability(design, part_cache=(cache_numbered := {}))
    numbered_diagrams = {id(p.nodes) for p in cache_numbered["parts"].values()}
    assert len(diagrams) < len(numbered_diagrams)
    assert again.method == found.method == "bounded"
    assert abs(again.value - found.value) <= 1e-12
    assert again.bounds[0] <= found.bounds[1] and found.bounds[0] <= again.bounds[1]


def test_sifted_diagrams_give_the_figures_of_the_diagrams_as_built(monkeypatch):
    """Every part's diagram sifted (part_build.sifted; at 300 components
    only when SIFT_FROM is 0): other variable orders, the same function,
    so the same availability and bounds but for the last bits."""
    design = generate(300)
    monkeypatch.setattr(part_build, "SIFT_FROM", 10**9)
    built = design_availability(design, max_events=0, part_cache=(as_built := {}))
    monkeypatch.setattr(part_build, "SIFT_FROM", 0)
    sifted = design_availability(design, max_events=0, part_cache=(resifted := {}))
    nodes = [sum(p.size for p in cache["parts"].values()) for cache in (as_built, resifted)]
    assert nodes[1] < nodes[0]
    assert sifted.method == built.method == "bounded"
    assert abs(sifted.value - built.value) <= 1e-12
    for a, b in zip(sifted.bounds, built.bounds):
        assert abs(a - b) <= 1e-12
    for cid, figures in built.importance.items():
        assert abs(sifted.importance[cid].birnbaum - figures.birnbaum) <= 1e-9
