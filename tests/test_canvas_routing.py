"""Link routing on the canvas: routes go around cards (property test on random
designs), are deterministic, draw a power fan-out as a bus, follow a move,
come back with undo, and a link's clickable shape is its thin line."""
from __future__ import annotations

import json
import tracemalloc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF

from designer.canvas import routes
from designer.canvas.links import ARROW
from designer.io import load_design
from designer.io.load import design_from_dict
from designer.model import Design, Kind, Link, LinkKind
from tests import hostile
from tests.canvas_support import comp, make_view

CARD_KINDS = [Kind.SWITCH, Kind.FIREWALL, Kind.UPS, Kind.ROUTER, Kind.LOAD_BALANCER]
CELL_W, CELL_H = 230, 150          # one card per cell: cards never overlap
AREAS = {Kind.SITE, Kind.RACK, Kind.SEGMENT, Kind.TIER}   # every other kind is a card


def drawn_points(view, lid):
    """The polyline the user sees (the arrowhead covers the last few units)."""
    path = view.scene().item_for(lid).path()
    return [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def enters(points, rect, slack=0.5) -> bool:
    """Does an axis-parallel polyline pass through the inside of rect?"""
    x0, y0 = rect.left() + slack, rect.top() + slack
    x1, y1 = rect.right() - slack, rect.bottom() - slack
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        if min(ax, bx) < x1 and max(ax, bx) > x0 and min(ay, by) < y1 and max(ay, by) > y0:
            return True
    return False


def own_cards(scene, cid):
    """An end's card and the cards it sits in (a service's server); a link
    to a tier lands on one of its replicas."""
    out = set()
    ends = [cid] + [i.cid for i in scene.component_items() if i.comp.tier == cid]
    for end in ends:
        item = scene.item_for(end)
        while item is not None:
            if hasattr(item, "cid"):
                out.add(item.cid)
            item = item.parentItem()
    return out


def crossings(view):
    scene = view.scene()
    found = []
    for link in scene.document.links():
        points = drawn_points(view, link.id)
        allowed = own_cards(scene, link.source) | own_cards(scene, link.target)
        for item in scene.component_items():
            if item.kind not in AREAS and item.cid not in allowed and \
                    enters(points, item.scene_rect()):
                found.append((link.id, item.cid))
    return found


@st.composite
def designs(draw):
    """Cards on a random subset of a grid, two servers with PSUs and a
    service, and random links between them (fan-outs included)."""
    cells = draw(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3)), min_size=3,
                          max_size=9, unique=True))
    comps = []
    for n, (cx, cy) in enumerate(cells):
        kind = draw(st.sampled_from(CARD_KINDS))
        comps.append(comp(f"c{n}", kind, 40 + cx * CELL_W + draw(st.integers(0, 60)),
                          40 + cy * CELL_H + draw(st.integers(0, 60))))
    servers = draw(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3)), min_size=0,
                            max_size=2, unique=True).filter(lambda s: not set(s) & set(cells)))
    for n, (cx, cy) in enumerate(servers):
        comps += [comp(f"s{n}", Kind.SERVER, 40 + cx * CELL_W, 40 + cy * CELL_H),
                  comp(f"s{n}-psu1", Kind.PSU, parent=f"s{n}"),
                  comp(f"s{n}-psu2", Kind.PSU, parent=f"s{n}"),
                  comp(f"s{n}-app", Kind.SERVICE, 20, 34, parent=f"s{n}")]
    ids = [c.id for c in comps if c.kind in CARD_KINDS and c.kind is not Kind.UPS] or ["-"]
    ups = [c.id for c in comps if c.kind is Kind.UPS]
    psus = [c.id for c in comps if c.kind is Kind.PSU]
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)),
                          max_size=8).map(lambda ps: [p for p in ps if p[0] != p[1]]))
    links = [Link(id=f"l{n}", kind=LinkKind.NETWORK, source=a, target=b)
             for n, (a, b) in enumerate(pairs)]
    if len(servers) == 2:
        links.append(Link(id="dep", kind=LinkKind.DEPENDENCY, source="s0-app", target="s1-app"))
    if ups:
        links += [Link(id=f"p{n}", kind=LinkKind.POWER, source=ups[0], target=p)
                  for n, p in enumerate(psus)]
    return Design(components=tuple(comps), links=tuple(links))


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(design=designs())
def test_no_route_passes_through_a_card(qtbot, design):
    view, _ = make_view(qtbot, design)
    assert crossings(view) == []


def test_the_sample_and_the_examples_route_around_every_card(qtbot):
    from pathlib import Path

    from designer.io.load import load_design

    for path in sorted(Path("examples").glob("*.weaklink.json")):
        view, _ = make_view(qtbot, load_design(path))
        assert crossings(view) == [], path.name
        scene = view.scene()
        for link in scene.link_items():
            points = drawn_points(view, link.lid)
            assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(points, points[1:])), \
                (path.name, link.lid, "not orthogonal")
            for end, point in ((link.link.source, points[0]), (link.link.target, points[-1])):
                near = [scene.item_for(c).scene_rect().adjusted(-12, -12, 12, 12)
                        for c in own_cards(scene, end)
                        if scene.item_for(c).kind not in AREAS - {Kind.TIER}]
                assert any(r.contains(*point) for r in near), (path.name, link.lid, end)


def test_routing_is_deterministic_whatever_the_order_of_the_file(qtbot):
    from designer.io.load import load_design

    design = load_design("examples/three-tier.weaklink.json")
    shuffled = design.model_copy(update={"links": tuple(reversed(design.links)),
                                         "components": design.components})
    first, _ = make_view(qtbot, design)
    second, _ = make_view(qtbot, shuffled)
    again, _ = make_view(qtbot, design)
    for link in design.links:
        assert drawn_points(first, link.id) == drawn_points(second, link.id), link.id
        assert drawn_points(first, link.id) == drawn_points(again, link.id), link.id


def _fan_out_design(targets: int = 4) -> Design:
    comps = [comp("feed", Kind.UTILITY_FEED, 40, 40)]
    links = []
    for n in range(targets):
        comps += [comp(f"h{n}", Kind.SERVER, 40 + n * 220, 260),
                  comp(f"h{n}-psu", Kind.PSU, parent=f"h{n}")]
        links.append(Link(id=f"p{n}", kind=LinkKind.POWER, source="feed", target=f"h{n}-psu"))
    return Design(components=tuple(comps), links=tuple(links))


def _ink(paths) -> float:
    """Length drawn on screen: overlapping stretches count once."""
    from collections import defaultdict

    lines = defaultdict(list)
    for pts in paths:
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            key = ("v", ax) if ax == bx else ("h", ay)
            lo, hi = sorted((ay, by) if ax == bx else (ax, bx))
            lines[key].append((lo, hi))
    total = 0.0
    for spans in lines.values():
        end = -float("inf")
        for lo, hi in sorted(spans):
            total += max(0.0, hi - max(lo, end))
            end = max(end, hi)
    return total


def test_a_power_fan_out_is_drawn_as_a_bus(qtbot):
    view, _ = make_view(qtbot, _fan_out_design(4))
    paths = [drawn_points(view, f"p{n}") for n in range(4)]
    assert all(p[0] == paths[0][0] for p in paths), "one trunk leaves the feed"
    alone = sum(_ink([p]) for p in paths)
    assert _ink(paths) < 0.6 * alone, "the drops share the trunk"
    dots = [view.scene().item_for(f"p{n}").dot for n in range(4)]
    assert sum(1 for d in dots if d is not None and d.isVisible()) == 3, "a dot per junction"
    assert crossings(view) == []


def test_a_moved_card_takes_its_routes_along_and_others_go_around_it(qtbot):
    design = Design(components=(
        comp("a", Kind.SWITCH, 0, 200), comp("b", Kind.SWITCH, 600, 200),
        comp("c", Kind.FIREWALL, 300, 500), comp("d", Kind.ROUTER, 300, 700)),
        links=(Link(id="ab", kind=LinkKind.NETWORK, source="a", target="b"),
               Link(id="cd", kind=LinkKind.NETWORK, source="c", target="d")))
    view, doc = make_view(qtbot, design)
    straight = drawn_points(view, "ab")
    assert len(straight) == 2
    doc.move({"c": (300.0, 200.0)})        # right onto the a-b line
    assert crossings(view) == []
    assert len(drawn_points(view, "ab")) > 2, "a-b now goes around c"
    c_rect = view.scene().item_for("c").scene_rect()
    assert c_rect.adjusted(-1, -1, 1, 1).contains(*drawn_points(view, "cd")[0])


def test_undo_restores_every_route(qtbot):
    from designer.io.load import load_design

    view, doc = make_view(qtbot, load_design("examples/three-tier.weaklink.json"))
    before = {l.id: drawn_points(view, l.id) for l in doc.links()}
    movable = [c for c in doc.components() if c.kind is Kind.SERVER]
    doc.move({c.id: (c.x + 40, c.y + 30) for c in movable[:2]})
    assert {l.id: drawn_points(view, l.id) for l in doc.links()} != before
    doc.undo_stack.undo()
    assert {l.id: drawn_points(view, l.id) for l in doc.links()} == before
    doc.undo_stack.redo()
    doc.undo_stack.undo()
    assert {l.id: drawn_points(view, l.id) for l in doc.links()} == before


def test_a_link_is_hit_on_its_line_only(qtbot):
    from PySide6.QtCore import QPointF

    view, _ = make_view(qtbot)
    scene = view.scene()
    for item in scene.link_items():
        box = item.path().boundingRect()
        if box.width() > 60 and box.height() > 60:   # an L or Z route
            far = [QPointF(box.left() + box.width() * fx, box.top() + box.height() * fy)
                   for fx in (0.25, 0.5, 0.75) for fy in (0.25, 0.5, 0.75)]
            far = [p for p in far if _distance(item.path(), p) > 8]
            assert far and not any(item.contains(p) for p in far), item.lid
            mid = item.path().pointAtPercent(0.5)
            assert item.contains(mid)


def _distance(path, p) -> float:
    pts = [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
    best = float("inf")
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        x = min(max(p.x(), min(ax, bx)), max(ax, bx))
        y = min(max(p.y(), min(ay, by)), max(ay, by))
        best = min(best, abs(p.x() - x) + abs(p.y() - y))
    return best


def test_a_card_under_a_link_keeps_its_click(qtbot):
    """A dependency from a service leaves through its server's body: a click
    on the server beside the line selects the server, not the link."""
    from tests.canvas_support import drag

    view, _ = make_view(qtbot)
    scene = view.scene()
    server = scene.item_for("web-1").scene_rect()
    spot = server.topLeft() + (server.bottomRight() - server.topLeft()) * 0.15
    assert not any(hasattr(i, "lid") for i in scene.items(spot)) or \
        scene.items(spot)[0].zValue() < 3
    drag(view, spot, spot, steps=1)
    assert view.selected_ids() == ["web-1"]


def test_a_drag_previews_straight_and_the_route_lands_on_release(qtbot):
    from tests.canvas_support import center, move, press, release

    design = Design(components=(
        comp("a", Kind.SWITCH, 0, 200), comp("b", Kind.SWITCH, 600, 200),
        comp("c", Kind.FIREWALL, 300, 500)),
        links=(Link(id="ab", kind=LinkKind.NETWORK, source="a", target="b"),
               Link(id="cb", kind=LinkKind.NETWORK, source="c", target="b")))
    view, doc = make_view(qtbot, design)
    start = center(view, "c")
    press(view, start)
    for step in range(1, 6):
        move(view, start + type(start)(0, -60 * step))
    assert len(drawn_points(view, "cb")) == 2, "straight while dragging"
    release(view, start + type(start)(0, -300))
    assert doc.component("c").y == 200
    points = drawn_points(view, "cb")
    assert all(p[0] == q[0] or p[1] == q[1] for p, q in zip(points, points[1:]))
    assert crossings(view) == []
    doc.undo_stack.undo()
    assert crossings(view) == []


def test_a_bus_drop_onto_its_own_junction_is_drawn_without_error(qtbot):
    """Hand-written files often leave out positions: a feed powering three
    boxes, all at the site's corner, is drawn as a bus whose drop to the
    uplink is one point, its junction. That drew as a traceback and
    stopped `weaklink open --screenshot` (tests/hostile.py's shapes)."""
    design = Design(components=(
        comp("site", Kind.SITE, 0, 0, width=600, height=400),
        comp("feed", Kind.UTILITY_FEED, parent="site"),
        comp("uplink", Kind.ISP_UPLINK, parent="site"),
        comp("sw", Kind.SWITCH, parent="site"),
        comp("srv", Kind.SERVER, parent="site"),
        comp("psu", Kind.PSU, parent="srv")),
        links=tuple(Link(id=f"p-{target}", kind=LinkKind.POWER, source="feed", target=target)
                    for target in ("psu", "sw", "uplink")))
    view, _ = make_view(qtbot, design)
    assert len(drawn_points(view, "p-psu")) >= 2 and len(drawn_points(view, "p-sw")) >= 2
    assert len(set(drawn_points(view, "p-uplink"))) == 1     # the drop is its junction


def test_drops_joining_drops_draw_in_proportion_to_the_bus(qtbot, tmp_path):
    """Servers in a row without racks: each drop of the feed's bus joins the
    one drawn before it. A drop's path repeated the trunk back to the hub,
    so the points drawn grew with the square of the drops (600 servers:
    484,623; 7,000 ran out of memory). Past `routes.TRUNK_POINTS` a drop is
    drawn from its junction, which lies on the line already drawn."""
    path = tmp_path / "row.weaklink.json"
    path.write_text(json.dumps(hostile.generated(120)))
    view, _ = make_view(qtbot, load_design(path))
    scene = view.scene()
    scene.finish_routing()
    power = [f"s{i}-p" for i in range(120)]
    drawn = {lid: drawn_points(view, lid) for lid in power}
    assert max(len(pts) for pts in drawn.values()) <= routes.TRUNK_POINTS + 8
    assert sum(len(pts) for pts in drawn.values()) < 40 * len(power)
    # Still one bus: every drop leaves from the feed or from another drop's
    # line (or its arrowhead, which covers the line's last units).
    feed = scene.item_for("feed").scene_rect().adjusted(-2, -2, 2, 2)
    for lid, pts in drawn.items():
        start = QPointF(*pts[0])
        others = (scene.item_for(o).path() for o in power if o != lid)
        assert feed.contains(start) or any(_distance(p, start) <= ARROW + 1 for p in others), lid


def test_a_bus_holds_one_obstacle_table_at_a_time(qtbot):
    """Each drop of a bus is routed among the rows of every card of its
    site (3 rows a server here: the card, its PSU, its NIC). The bus kept
    every drop's table from its fingerprint to its routing, and the tables
    joined again as what its routes were made from: 7,000 servers in a row
    held 12 GB and the kernel killed the window. Now a drop's table is made
    when it is needed and let go, and a route keeps a digest of it."""
    view, _ = make_view(qtbot, design_from_dict(hostile.generated(200)))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        view.scene().finish_routing()
        kept, peak = (size - before for size in tracemalloc.get_traced_memory())
    finally:
        tracemalloc.stop()
    assert all(drawn_points(view, f"s{i}-p") for i in range(200))
    # The two buses' 400 tables hold 9.8 MB (about 600 rows of 40 bytes
    # each). Before: 18.3 MB kept after routing, 23.4 MB at the peak.
    assert kept < 12 * 2**20
    assert peak - kept < 2**20
