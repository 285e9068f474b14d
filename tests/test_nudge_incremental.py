"""Incremental nudging (designer/canvas/nudge.py, Channels): routes added,
changed and removed one edit at a time end up drawn exactly as nudging all of
them at once would draw them, although each edit hands back only the new
routes and those whose tracks moved."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from designer.canvas.nudge import Channels, nudge

GAP, LIMIT = 6.0, 8.0


def _path(x: int, y0: int, y1: int, turn: int) -> list:
    """A vertical run on grid line x, turning off sideways at both ends: few
    lines, so that many routes share them."""
    x, top, bottom = 10.0 * x, 10.0 * min(y0, y1), 10.0 * max(y0, y1) + 10.0
    return [(x + turn, top), (x, top), (x, bottom), (x - turn, bottom)]


paths = st.builds(_path, st.integers(0, 2), st.integers(0, 8), st.integers(0, 8),
                  st.sampled_from([-20, 20]))
edits = st.lists(st.tuples(st.integers(0, 11), st.one_of(st.none(), paths),
                           st.sampled_from(["", "bus"])), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(edits)
def test_edit_by_edit_equals_all_at_once(steps):
    channels, drawn, live, nets = Channels(GAP, LIMIT), {}, {}, {}
    for n, pts, net in steps:
        lid = f"l{n}"
        nets[lid] = net or lid
        for moved_lid, moved in channels.update({lid: pts}, nets).items():
            drawn[moved_lid] = moved
        if pts is None:
            live.pop(lid, None)
            drawn.pop(lid, None)
        else:
            live[lid] = pts
        assert drawn == nudge(live, nets, GAP, LIMIT)


def test_a_route_far_along_a_crowded_line_leaves_the_others_alone():
    channels = Channels(GAP, LIMIT)
    crowd = {f"l{k}": _path(0, 0, 5, 20) for k in range(30)}
    channels.update(crowd, {})
    far = channels.update({"far": _path(0, 40, 45, 20)}, {})
    assert list(far) == ["far"]
    near = channels.update({"near": _path(0, 2, 3, 20)}, {})
    # One more track: the tracks close up, all but the outermost (kept at
    # the edge of the clearance band) move.
    assert "near" in near and len(near) >= 29
