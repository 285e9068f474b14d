"""Twin switches (the same neighbours, like the top-of-rack switches of a
site wired to two core pairs) are one vertex of the REACH graphs
(network.py `_merge_twins`): the system's verdict for any failure set, its
SPOFs and its order-2 cut sets stay those of the brute-force oracle."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.analysis import ir
from designer.analysis.engine import analyze
from designer.analysis.structure import compile_design

from .engine_strategies import Sketch
from .oracle import Oracle

RANDOM = settings(max_examples=150, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow])


def leaf_spine(rng) -> Sketch:
    """Spines in racks, some linked to each other; leaves wired to one of
    two sets of spines (so leaves are often twins); servers whose NICs go
    into leaves; services that need each other and the Internet."""
    s = Sketch().add("site", "site").add("internet", "internet")
    racks = [f"rack{i}" for i in range(rng.randint(1, 3))]
    for rack in racks:
        s.add(rack, "rack", parent="site")
    spines = [f"spine{i}" for i in range(rng.randint(2, 5))]
    for spine in spines:
        s.add(spine, "switch", parent=rng.choice(racks))
    for i, spine in enumerate(spines[1:], 1):
        if rng.random() < 0.4:
            s.net(spine, spines[rng.randrange(i)])
    for i in range(rng.randint(1, 2)):
        s.add(f"isp{i}", "isp_uplink", parent="site").net(f"isp{i}", "internet", rng.choice(spines))
    wirings = [rng.sample(spines, rng.randint(1, len(spines))) for _ in range(2)]
    leaves = [f"leaf{i}" for i in range(rng.randint(2, 6))]
    for leaf in leaves:
        s.add(leaf, "switch", parent=rng.choice(racks)).net(leaf, *rng.choice(wirings))
    servers = [f"host{i}" for i in range(rng.randint(2, 4))]
    for host in servers:
        s.add(host, "server", parent=rng.choice(racks))
        for n in range(rng.randint(1, 2)):
            s.add(f"{host}-nic{n}", "nic", parent=host).net(f"{host}-nic{n}", rng.choice(leaves))
        s.add(f"{host}-svc", "service", parent=host)
    s.comps[-1]["entry"] = True
    for host, other in zip(servers, servers[1:]):
        s.needs(f"{host}-svc", f"{other}-svc")
    return s


def _reach_vertices(design) -> int:
    return max((len(node.reach.usable) for node in compile_design(design).circuit.nodes
                if node.op == ir.REACH), default=0)


@RANDOM
@given(st.randoms(use_true_random=False))
def test_twin_leaves_keep_the_oracles_verdict_spofs_and_pairs(rng):
    design = leaf_spine(rng).design()
    oracle, compiled = Oracle(design), compile_design(design)
    result = analyze(design)
    assert {s.id for s in result.spofs} == oracle.spofs()
    assert {frozenset(p) for p in result.cut_sets_order2} == oracle.cuts2()
    for _ in range(20):
        failed = frozenset(rng.sample(oracle.failable, rng.randint(0, min(5, len(oracle.failable)))))
        assert compiled.circuit.evaluate(down=failed) == oracle.system_up(failed)


def test_a_sites_racks_dual_homed_to_two_core_pairs_share_one_vertex():
    """Six top-of-rack switches, each wired to both core pairs: one vertex in
    the REACH graph, and every failure of up to two switches still judged
    as the oracle judges it."""
    s = Sketch().add("site", "site").add("internet", "internet")
    cores = [f"core{i}" for i in range(4)]
    for core in cores:
        s.add(core, "switch", parent="site")
    s.net("core0", "core1").net("core2", "core3")
    s.add("isp", "isp_uplink", parent="site").net("isp", "internet", "core0", "core2")
    for r in range(3):
        s.add(f"r{r}", "rack", parent="site")
        for t in range(2):
            s.add(f"r{r}-tor{t}", "switch", parent=f"r{r}").net(f"r{r}-tor{t}", *cores)
        s.add(f"r{r}-host", "server", parent=f"r{r}")
        for t in range(2):
            nic = f"r{r}-host-nic{t}"
            s.add(nic, "nic", parent=f"r{r}-host").net(nic, f"r{r}-tor{t}")
        s.add(f"r{r}-svc", "service", parent=f"r{r}-host")
    s.needs("r0-svc", "r1-svc").needs("r1-svc", "r2-svc")
    s.comps[-1]["entry"] = True
    design = s.design()
    # The cores, one for the six racks' switches, the uplink (the Internet,
    # with one neighbour, is folded into it); twelve without merging.
    assert _reach_vertices(design) == 4 + 1 + 1
    oracle, compiled = Oracle(design), compile_design(design)
    switches = [c for c in oracle.failable if "tor" in c or "core" in c]
    for a in switches:
        for b in switches:
            assert compiled.circuit.evaluate(down={a, b}) == oracle.system_up({a, b})
