"""The Qt-free routing engine (designer/canvas/orthogonal.py, nudge.py) on its
own: routes on random obstacle fields are orthogonal, end on their cards,
never enter another card, are found whenever the cards leave gaps, and are the
same on every call; nudging separates different links and keeps a bus whole."""
from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.canvas.nudge import nudge
from designer.canvas.orthogonal import route, route_to_tree

CELL = 160.0   # one card per cell with at least 40 units between cards


@st.composite
def fields(draw):
    cells = draw(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), min_size=2,
                          max_size=14, unique=True))
    rects = []
    for cx, cy in cells:
        w, h = draw(st.integers(30, 120)), draw(st.integers(20, 110))
        x, y = cx * CELL + draw(st.integers(0, 10)), cy * CELL + draw(st.integers(0, 10))
        rects.append((float(x), float(y), float(x + w), float(y + h)))
    a, b = draw(st.lists(st.sampled_from(range(len(rects))), min_size=2, max_size=2,
                         unique=True))
    return rects, a, b


def _table(rects, a, b):
    rows = [(*r, math.inf) for i, r in enumerate(rects) if i not in (a, b)]
    rows += [(*rects[a], 25.0), (*rects[b], 25.0)]
    return np.array(rows, dtype=float)


def _enters(p, q, r) -> bool:
    return min(p[0], q[0]) < r[2] and max(p[0], q[0]) > r[0] and \
        min(p[1], q[1]) < r[3] and max(p[1], q[1]) > r[1]


def _on_border(p, r) -> bool:
    inside = r[0] <= p[0] <= r[2] and r[1] <= p[1] <= r[3]
    return inside and (p[0] in (r[0], r[2]) or p[1] in (r[1], r[3]))


@settings(max_examples=150, deadline=None)
@given(field=fields())
def test_routes_avoid_every_other_card_and_end_on_their_own(field):
    rects, a, b = field
    path = route(rects[a], rects[b], _table(rects, a, b))
    assert path is not None, "cards with gaps between them always leave a way"
    assert _on_border(path[0], rects[a]) and _on_border(path[-1], rects[b])
    for p, q in zip(path, path[1:]):
        assert p[0] == q[0] or p[1] == q[1], "orthogonal"
        for i, r in enumerate(rects):
            if i not in (a, b):
                assert not _enters(p, q, r), (p, q, r)
    assert route(rects[a], rects[b], _table(rects, a, b)) == path


def test_a_straight_line_when_nothing_is_in_the_way():
    assert route((0, 0, 100, 40), (300, 0, 400, 40), np.zeros((0, 5))) == \
        [(100.0, 20.0), (300.0, 20.0)]


def test_a_card_in_the_way_is_gone_around_in_few_bends():
    wall = np.array([[150, -100, 250, 140, math.inf]], dtype=float)
    path = route((0, 0, 100, 40), (300, 0, 400, 40), wall)
    assert len(path) <= 5 and all(not _enters(p, q, wall[0]) for p, q in zip(path, path[1:]))
    assert min(p[1] for p in path) >= -100 - 10 - 1e-9, "hugs the card at its clearance"


def test_a_drop_ends_on_the_trunk():
    trunk = [[(0.0, 200.0), (600.0, 200.0)]]
    drop = route_to_tree((280, 0, 320, 40), trunk, np.zeros((0, 5)))
    assert drop[0] == (300.0, 40.0) and drop[-1] == (300.0, 200.0)


def test_nudging_separates_links_and_keeps_a_bus_on_one_line():
    line = [(0.0, 0.0), (0.0, 300.0), (200.0, 300.0)]
    apart = nudge({"a": line, "b": line}, {"a": "a", "b": "b"}, gap=6.0, limit=8.0)
    assert apart["a"][0][0] != apart["b"][0][0]
    assert abs(apart["a"][0][0] - apart["b"][0][0]) == 6.0
    bus = nudge({"a": line, "b": line}, {"a": "bus", "b": "bus"}, gap=6.0, limit=8.0)
    assert bus["a"] == bus["b"] == line


def test_the_engine_does_not_import_qt():
    code = ("import sys; import designer.canvas.orthogonal, designer.canvas.nudge; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    # designer.canvas/__init__ imports the Qt canvas; load the modules by path.
    loader = ("import importlib.util, sys, types; pkg = types.ModuleType('designer.canvas'); "
              "pkg.__path__ = ['designer/canvas']; sys.modules['designer.canvas'] = pkg; ")
    subprocess.run([sys.executable, "-c", loader + code], check=True)
