"""Services that need each other, grouped and ordered for the compile
(analysis/dependency_order.py), against what reachability says directly."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from designer.analysis.dependency_order import longest_chain, needing_order


@st.composite
def graphs(draw) -> dict[str, list[str]]:
    """Random needs among up to 9 services, self-needs and cycles included."""
    names = [f"s{i}" for i in range(draw(st.integers(1, 9)))]
    return {name: draw(st.lists(st.sampled_from(names), max_size=4, unique=True))
            for name in names}


def _reaches(graph: dict[str, list[str]]) -> dict[str, set[str]]:
    """Per vertex, every vertex some path of one step or more leads to."""
    found = {}
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            vertex = todo.pop()
            if vertex not in seen:
                seen.add(vertex)
                todo.extend(graph[vertex])
        found[start] = seen
    return found


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_groups_are_the_services_that_need_each_other_each_after_what_it_needs(graph):
    groups = needing_order(graph)
    reaches = _reaches(graph)
    assert sorted(v for group in groups for v in group) == sorted(graph)
    position = {v: j for j, group in enumerate(groups) for v in group}
    for a in graph:
        for b in graph:
            together = a == b or (b in reaches[a] and a in reaches[b])
            assert (position[a] == position[b]) == together
        for need in graph[a]:
            assert position[need] <= position[a]     # built before what needs it


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_the_longest_chain_counts_each_group_of_a_path_once(graph):
    groups = needing_order(graph)
    reaches = _reaches(graph)
    group_of = {v: frozenset(group) for group in groups for v in group}

    def longest_from(vertex: str) -> int:
        further = {group_of[v] for v in reaches[vertex]} - {group_of[vertex]}
        return 1 + max((longest_from(next(iter(g))) for g in further), default=0)
    assert longest_chain(graph) == max(longest_from(v) for v in graph)


def test_a_chain_of_ten_thousand_services_is_not_too_deep():
    graph = {f"s{i}": [f"s{i + 1}"] if i < 9_999 else [] for i in range(10_000)}
    groups = needing_order(graph)
    assert groups[0] == ["s9999"] and groups[-1] == ["s0"]
    assert longest_chain(graph) == 10_000


def test_a_ring_is_one_group_in_the_order_it_was_met():
    graph = {"b": ["c"], "c": ["a"], "a": ["b"], "d": ["a"]}
    assert needing_order(graph) == [["b", "c", "a"], ["d"]]
