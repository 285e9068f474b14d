"""What the conditioning's rounds work out for a group of parts (those with
the same shared events), kept between analyses (analysis/kept_rounds.py):
an edit reads the untouched groups' figures instead of evaluating them,
and gives bit for bit what a fresh analysis gives, also when the edit
renumbers the parts; the cache's trim keeps to its budget and keeps the
columns the kept rounds read."""
from __future__ import annotations

from designer.analysis import bounds, ir, part_cache
from designer.analysis.parts import Parts

CLUSTERS, PARTS_EACH = 3, 3


def _clusters(skip: int = 0) -> ir.Circuit:
    """A fault tree's OR over clusters of parts: every part reads the
    global event g, and the two events of its cluster, so each cluster's
    parts are one group; `skip` leaves out the first parts, renumbering the
    rest."""
    c = ir.Circuit()
    g = c.event("g")
    kids = []
    for k in range(CLUSTERS):
        shared = [c.event(f"c{k}s{i}") for i in range(2)]
        for j in range(PARTS_EACH):
            own = [c.event(f"c{k}p{j}e{i}") for i in range(2)]
            kids.append(c.and_([c.or_([g, shared[0], own[0]]), c.or_([shared[1], own[1]])]))
    c.top = c.or_(kids[skip:])
    return c


def _probs(circuit: ir.Circuit) -> dict[str, float]:
    return {name: (0.02 + 0.01 * (k % 3) if "s" in name or name == "g" else 0.1 + 0.02 * (k % 5))
            for k, name in enumerate(circuit.event_node)}


def _figures(found: bounds.Bounded) -> tuple:
    return found.lo, found.hi, found.leaves, found.gradient


def _evaluated(monkeypatch) -> list[str]:
    """The events of each part evaluated, one entry a call."""
    seen: list[str] = []
    evaluate = Parts.evaluate

    def counted(self, a, settings):
        seen.append(min(self.passes[a].names))
        return evaluate(self, a, settings)
    monkeypatch.setattr(Parts, "evaluate", counted)
    return seen


def test_an_edit_reads_the_untouched_groups_and_gives_the_fresh_figures(monkeypatch):
    circuit = _clusters()
    probs = _probs(circuit)
    cache: dict = {}
    bounds.bound(circuit, probs, True, 1e-12, cache=cache)
    edited = dict(probs, c0p0e0=probs["c0p0e0"] * 1.01)
    seen = _evaluated(monkeypatch)
    again = bounds.bound(circuit, edited, True, 1e-12, cache=cache)
    assert seen and all(name.startswith("c0") for name in seen)    # the edited cluster only
    assert _figures(again) == _figures(bounds.bound(circuit, edited, True, 1e-12))


def test_kept_figures_follow_their_parts_when_an_edit_renumbers_them():
    circuit = _clusters()
    probs = _probs(circuit)
    cache: dict = {}
    bounds.bound(circuit, probs, True, 1e-12, cache=cache)
    fewer = _clusters(skip=1)          # the first part gone: the others move up one
    found = bounds.bound(fewer, probs, True, 1e-12, cache=cache)
    assert any(kept.generation == cache["generation"] and kept.generation > 1
               for found in cache["rounds"].values() for kept in found)    # some read again
    assert _figures(found) == _figures(bounds.bound(fewer, probs, True, 1e-12))


def _three_analyses() -> tuple[ir.Circuit, dict, dict]:
    """A base and two edits of cluster 0: the other clusters are read from
    their kept rounds, so their columns keep the base's stamp."""
    circuit = _clusters()
    probs = _probs(circuit)
    cache: dict = {}
    for factor in (1.0, 1.01, 1.02):
        bounds.bound(circuit, dict(probs, c0p0e0=probs["c0p0e0"] * factor), True, 1e-12,
                     cache=cache)
    return circuit, probs, cache


def _held_columns(cache: dict) -> bool:
    """Whether every column a kept round of the last two analyses reads is
    still in the cache."""
    since = cache["generation"] - 1
    return all(set(kept.settings) <= set(cache["settings"].get((signature, names), {}))
               for (names, _, signatures), found in cache["rounds"].items()
               for kept in found if kept.generation >= since for signature in signatures)


def test_memory_short_the_trim_keeps_the_columns_the_kept_rounds_read():
    _, _, cache = _three_analyses()
    held = {key: dict(memo) for key, memo in cache["settings"].items()}
    part_cache._drop_settings_before(cache["settings"], cache["generation"] - 1, 0,
                                     cache["rounds"])
    assert _held_columns(cache)
    cache["settings"] = held           # without the kept rounds' word, they would go
    part_cache._drop_settings_before(cache["settings"], cache["generation"] - 1, 0, {})
    assert not _held_columns(cache)


def test_the_trim_drops_old_rounds_and_keeps_to_its_budget(monkeypatch):
    circuit, probs, cache = _three_analyses()
    part_cache.trim(cache)
    assert all(kept.generation >= cache["generation"] - 1
               for found in cache["rounds"].values() for kept in found)
    seen = _evaluated(monkeypatch)
    undo = bounds.bound(circuit, probs, True, 1e-12, cache=cache)
    assert all(name.startswith("c0") for name in seen)
    assert _figures(undo) == _figures(bounds.bound(circuit, probs, True, 1e-12))
    monkeypatch.setattr(part_cache, "ROUNDS_BYTES", 0)
    part_cache.trim(cache)
    assert not cache["rounds"]


def test_an_edit_that_swaps_two_shared_events_of_a_group_gives_the_fresh_figures():
    """On the generated 2,000-component design, a NIC's cable removed
    moves two shared events of one group past each other in the
    conditioning order, on the same positions; that group's kept figures
    must not be read (their rows follow the order: the figures came out
    2e-11 off before the key said which event sits where)."""
    from benchmarks.generate import generate
    from designer.analysis.availability import design_availability
    from designer.analysis.incremental import Reanalysis
    from designer.model import Design
    design = generate(2000)
    edited = Design(settings=design.settings, components=design.components,
                    links=tuple(link for link in design.links
                                if (link.source, link.target) != ("s0-r0-h8-nic0", "s0-r0-tor0")))
    assert len(edited.links) == len(design.links) - 1
    again = Reanalysis(design, max_events=0)
    found = again.availability(edited)
    fresh = design_availability(edited, max_events=0)
    assert (found.value, found.bounds) == (fresh.value, fresh.bounds)
    orders: dict = {}
    for names, (positions, order), _ in again._parts["rounds"]:
        orders.setdefault((names, positions), set()).add(order)
    assert any(len(seen) > 1 for seen in orders.values())      # the swap happened
