"""Hidden common cause (ANALYSIS.md section 3): the shared component is the
SPOF, the redundant pair is not, and the pair shows up as an order-2 cut."""
from __future__ import annotations

from designer.analysis.engine import analyze

from .engine_strategies import Sketch
from .oracle import Oracle


def _check(design):
    result = analyze(design)
    oracle = Oracle(design)
    assert {s.id for s in result.spofs} == oracle.spofs()
    assert {frozenset(p) for p in result.cut_sets_order2} == oracle.cuts2()
    spofs = {s.id: s for s in result.spofs}
    pairs = {frozenset(p) for p in result.cut_sets_order2}
    return spofs, pairs


def _server_with_service(s: Sketch, host: str, parent: str, service: str, **svc) -> Sketch:
    return s.add(host, "server", parent).add(service, "service", host, **svc)


def test_two_psus_on_one_feed_make_the_feed_the_spof():
    s = Sketch().add("site", "site").add("feed-a", "utility_feed", "site")
    _server_with_service(s, "web-1", "site", "web")
    s.add("psu-1", "psu", "web-1").add("psu-2", "psu", "web-1")
    s.power("feed-a", "psu-1", "psu-2")
    spofs, pairs = _check(s.design())
    assert "feed-a" in spofs and "psu-1" not in spofs and "psu-2" not in spofs
    assert frozenset({"psu-1", "psu-2"}) in pairs
    assert "both PSUs of web-1" in spofs["feed-a"].explanation
    assert spofs["feed-a"].blast_radius == ("web",)


def test_psus_on_two_feeds_leave_no_power_spof():
    s = Sketch().add("site", "site").add("feed-a", "utility_feed", "site")
    s.add("feed-b", "utility_feed", "site")
    _server_with_service(s, "web-1", "site", "web")
    s.add("psu-1", "psu", "web-1").add("psu-2", "psu", "web-1")
    s.power("feed-a", "psu-1").power("feed-b", "psu-2")
    spofs, pairs = _check(s.design())
    assert not {"feed-a", "feed-b", "psu-1", "psu-2"} & set(spofs)
    assert frozenset({"feed-a", "feed-b"}) in pairs
    assert frozenset({"feed-a", "psu-2"}) in pairs


def _two_nic_server(switch_for_second_nic: str) -> Sketch:
    s = Sketch().add("internet", "internet").add("site", "site")
    s.add("sw-1", "switch", "site").add("sw-2", "switch", "site")
    _server_with_service(s, "web-1", "site", "web")
    s.add("nic-1", "nic", "web-1").add("nic-2", "nic", "web-1")
    s.net("internet", "sw-1", "sw-2").net("nic-1", "sw-1")
    return s.net("nic-2", switch_for_second_nic)


def test_two_nics_into_one_switch_make_the_switch_the_spof():
    spofs, pairs = _check(_two_nic_server("sw-1").design())
    assert "sw-1" in spofs and not {"nic-1", "nic-2"} & set(spofs)
    assert frozenset({"nic-1", "nic-2"}) in pairs
    assert "only" in spofs["sw-1"].explanation


def test_two_nics_into_two_switches_leave_no_network_spof():
    spofs, pairs = _check(_two_nic_server("sw-2").design())
    assert not {"sw-1", "sw-2", "nic-1", "nic-2"} & set(spofs)
    assert frozenset({"sw-1", "sw-2"}) in pairs and frozenset({"nic-1", "sw-2"}) in pairs


def test_two_uplinks_into_one_router_make_the_router_the_spof():
    s = Sketch().add("internet", "internet").add("site", "site")
    s.add("isp-1", "isp_uplink", "site").add("isp-2", "isp_uplink", "site")
    s.add("rtr", "router", "site")
    _server_with_service(s, "web-1", "site", "web")
    s.net("internet", "isp-1", "isp-2").net("rtr", "isp-1", "isp-2", "web-1")
    spofs, pairs = _check(s.design())
    assert "rtr" in spofs and not {"isp-1", "isp-2"} & set(spofs)
    assert frozenset({"isp-1", "isp-2"}) in pairs
    assert spofs["rtr"].explanation == "rtr is the only path from the Internet to web"


def test_single_uplink_is_the_only_path_from_the_internet():
    s = Sketch().add("internet", "internet").add("site", "site")
    s.add("isp-1", "isp_uplink", "site")
    _server_with_service(s, "proxy-1", "site", "proxy")
    s.net("internet", "isp-1").net("isp-1", "proxy-1")
    spofs, _ = _check(s.design())
    assert "isp-1 is the only path from the Internet to proxy" in spofs["isp-1"].explanation


def _tier_of_two(s: Sketch, host_1: str, host_2: str) -> Sketch:
    s.add("tier", "tier", entry=True)
    s.add("w1", "service", host_1, tier="tier").add("w2", "service", host_2, tier="tier")
    return s


def test_all_replicas_on_one_server_make_the_server_the_spof():
    s = Sketch().add("site", "site").add("h1", "server", "site")
    spofs, pairs = _check(_tier_of_two(s, "h1", "h1").design())
    assert set(spofs) == {"site", "h1"}
    assert frozenset({"w1", "w2"}) in pairs
    assert spofs["h1"].blast_radius == ("tier", "w1", "w2")


def test_all_replicas_in_one_rack_make_the_rack_the_spof():
    s = Sketch().add("site", "site").add("rack", "rack", "site")
    s.add("h1", "server", "rack").add("h2", "server", "rack")
    spofs, pairs = _check(_tier_of_two(s, "h1", "h2").design())
    assert set(spofs) == {"site", "rack"}
    assert frozenset({"h1", "h2"}) in pairs
    assert spofs["rack"].explanation.startswith("rack holds h1 and h2")


def test_all_replicas_in_one_site_make_the_site_the_spof():
    s = Sketch().add("site", "site").add("r1", "rack", "site").add("r2", "rack", "site")
    s.add("h1", "server", "r1").add("h2", "server", "r2")
    spofs, pairs = _check(_tier_of_two(s, "h1", "h2").design())
    assert set(spofs) == {"site"}
    assert frozenset({"r1", "r2"}) in pairs


def test_replicas_in_two_sites_leave_no_spof():
    s = Sketch().add("s1", "site").add("s2", "site")
    s.add("h1", "server", "s1").add("h2", "server", "s2")
    spofs, pairs = _check(_tier_of_two(s, "h1", "h2").design())
    assert spofs == {}
    assert frozenset({"s1", "s2"}) in pairs
