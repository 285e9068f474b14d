"""Decisions of docs/analysis.md a user would notice: storage by RAID level,
tier quorums, entry points, what is not modeled, hosts that do not route,
dependency cycles, and the failure drill."""
from __future__ import annotations

import pytest

from designer.analysis.engine import analyze, drill

from .engine_strategies import Sketch
from .oracle import Oracle


def _result(s: Sketch):
    design = s.design()
    result = analyze(design)
    oracle = Oracle(design)
    assert {x.id for x in result.spofs} == oracle.spofs()
    assert {frozenset(p) for p in result.cut_sets_order2} == oracle.cuts2()
    return result


def _spofs(result) -> set[str]:
    return {s.id for s in result.spofs}


def _pairs(result) -> set[frozenset]:
    return {frozenset(p) for p in result.cut_sets_order2}


def _server_with_disks(raid: str | None, disks: int) -> Sketch:
    s = Sketch().add("site", "site").add("h", "server", "site", raid=raid)
    for i in range(disks):
        s.add(f"d{i}", "disk", "h")
    return s.add("app", "service", "h")


@pytest.mark.parametrize("raid, disk_spofs", [(None, 2), ("raid0", 2), ("raid1", 0)])
def test_raid_level_decides_whether_a_disk_is_a_spof(raid, disk_spofs):
    result = _result(_server_with_disks(raid, 2))
    assert len(_spofs(result) & {"d0", "d1"}) == disk_spofs


def test_raid5_survives_one_disk_and_raid6_two():
    raid5 = _result(_server_with_disks("raid5", 3))
    assert not _spofs(raid5) & {"d0", "d1", "d2"}
    assert frozenset({"d0", "d2"}) in _pairs(raid5)
    raid6 = _result(_server_with_disks("raid6", 4))
    assert not any(p <= {"d0", "d1", "d2", "d3"} for p in _pairs(raid6))


def test_raid10_loses_data_only_when_a_mirror_pair_fails():
    pairs = _pairs(_result(_server_with_disks("raid10", 4)))
    assert frozenset({"d0", "d1"}) in pairs and frozenset({"d2", "d3"}) in pairs
    assert frozenset({"d0", "d2"}) not in pairs


def _tier(quorum: int | None) -> Sketch:
    s = Sketch().add("s1", "site").add("s2", "site").add("s3", "site")
    s.add("t", "tier", quorum=quorum)
    for i in (1, 2, 3):
        s.add(f"h{i}", "server", f"s{i}").add(f"w{i}", "service", f"h{i}", tier="t")
    return s


def test_tier_quorum_two_of_three_makes_every_pair_of_replicas_a_cut():
    result = _result(_tier(2))
    assert _spofs(result) == set()
    assert {frozenset({"w1", "w2"}), frozenset({"s1", "s3"})} <= _pairs(result)


def test_tier_quorum_all_makes_each_replica_a_spof_and_unset_means_one():
    assert {"w1", "w2", "w3"} <= _spofs(_result(_tier(3)))
    unset = _result(_tier(None))
    assert _spofs(unset) == set() and _pairs(unset) == set()


def test_entry_points_default_to_what_nothing_depends_on_counting_tiers():
    s = Sketch().add("site", "site").add("h", "server", "site")
    s.add("t", "tier").add("web", "service", "h", tier="t").add("db", "service", "h")
    s.needs("web", "db")
    assert _result(s).entry_points == ("t",)


def test_power_not_drawn_is_noted_and_never_a_spof():
    s = Sketch().add("site", "site").add("feed", "utility_feed", "site")
    s.add("h1", "server", "site").add("h2", "server", "site").power("feed", "h1")
    s.add("a", "service", "h1").add("b", "service", "h2")
    result = _result(s)
    unpowered = {n.id for n in result.notes if "power not modeled" in n.message}
    assert unpowered == {"h2"} and "h2" in result.not_modeled
    assert "feed" in _spofs(result)


def test_network_not_drawn_and_missing_internet_are_noted():
    s = Sketch().add("site", "site").add("h", "server", "site").add("a", "service", "h")
    messages = [n.message for n in _result(s).notes]
    assert any("no Internet drawn" in m for m in messages)
    assert any("network not modeled" in m for m in messages)


def test_a_server_does_not_route_between_its_nics():
    s = Sketch().add("internet", "internet").add("site", "site")
    s.add("sw-1", "switch", "site").add("sw-2", "switch", "site")
    s.add("gw", "server", "site").add("gw-n1", "nic", "gw").add("gw-n2", "nic", "gw")
    s.add("back", "server", "site").add("back-n", "nic", "back")
    s.add("front", "service", "gw").add("api", "service", "back", entry=True)
    s.net("internet", "sw-1").net("gw-n1", "sw-1").net("gw-n2", "sw-2").net("back-n", "sw-2")
    result = _result(s)
    assert not result.system_up
    assert any("down with nothing failed" in n.message for n in result.notes)
    assert result.spofs == () and result.cut_sets_order2 == ()


def test_services_that_need_each_other_stay_up_together():
    s = Sketch().add("site", "site").add("h1", "server", "site").add("h2", "server", "site")
    s.add("a", "service", "h1", entry=True).add("b", "service", "h2")
    s.needs("a", "b").needs("b", "a")
    result = _result(s)
    assert result.system_up and {"h1", "h2", "a", "b"} <= _spofs(result)


def test_drill_reports_what_goes_down():
    s = Sketch().add("site", "site").add("feed-a", "utility_feed", "site")
    s.add("feed-b", "utility_feed", "site").add("h", "server", "site")
    s.add("p1", "psu", "h").add("p2", "psu", "h").add("app", "service", "h")
    s.power("feed-a", "p1").power("feed-b", "p2")
    design = s.design()
    one = drill(design, {"feed-a"})
    assert one.system_up and one.entries_up == {"app": True} and "p1" in one.down
    both = drill(design, {"feed-a", "feed-b"})
    assert not both.system_up and {"h", "app", "p1", "p2"} <= both.down
    assert both.entries_up == {"app": False}
