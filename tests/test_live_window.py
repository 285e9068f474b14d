"""Live analysis in the main window, end to end with the real engine: edits
recolour the canvas once the result arrives; the Problems dock and the
status bar follow; stale results never win."""
from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import QPoint, Qt

from designer.look.style import State
from designer.live.worker_process import default_analyze

from .live_support import close_window, open_window, two_uplinks

HOLD = threading.Event()


def held_when_one_uplink(design):
    """The real analysis, held back for the design with uplink-2 deleted."""
    if "uplink-2" not in design.by_id:
        HOLD.wait(10)
    return default_analyze(design)


def figures_held_when_one_uplink(design):
    """The real analysis; its phase 2 held back for the design with uplink-2
    deleted (the colours of that design are delivered)."""
    steps = default_analyze(design)
    yield next(steps)
    if "uplink-2" not in design.by_id:
        HOLD.wait(10)
    yield from steps


@pytest.fixture
def win(qtbot, tmp_path):
    window, live = open_window(qtbot, tmp_path, two_uplinks())
    yield window, live
    close_window(window, live)


def state(window, cid):
    return window.view.scene().item_for(cid).state


def test_removing_the_last_redundancy_turns_the_survivor_red(win, qtbot):
    window, live = win
    assert state(window, "uplink-1") is State.CUT2       # one failure from a SPOF
    assert live.figures.spofs.text() == "3 SPOFs"
    window.document.delete(["uplink-2"])
    assert live.figures.pending.isVisible()              # "Analysing…"
    assert window.view.scene()._analysing                # routes out of view wait meanwhile
    qtbot.waitUntil(lambda: state(window, "uplink-1") is State.SPOF, timeout=5000)
    assert live.figures.spofs.text() == "4 SPOFs"       # with the colours
    qtbot.waitUntil(lambda: not live.figures.pending.isVisible(), timeout=5000)
    assert not window.view.scene()._analysing
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: state(window, "uplink-1") is State.CUT2, timeout=5000)


def test_twenty_rapid_edits_cause_one_analysis(win, qtbot):
    window, live = win
    doc, before = window.document, live.scheduler.analyses_started
    for i in range(19):
        doc.move({"web": (260 + i * 5, 200)})
        qtbot.wait(5)
    doc.delete(["uplink-2"])
    qtbot.waitUntil(lambda: state(window, "uplink-1") is State.SPOF, timeout=5000)
    qtbot.wait(400)                                      # nothing else follows
    assert live.scheduler.analyses_started - before == 1
    assert [s.id for s in live.result.spofs] == ["dc", "uplink-1", "web", "nginx"]


def test_a_stale_result_never_overwrites_a_newer_one(qtbot, tmp_path):
    HOLD.clear()
    window, live = open_window(qtbot, tmp_path, two_uplinks(),
                               analyze=held_when_one_uplink, debounce_ms=20)
    try:
        window.document.delete(["uplink-2"])             # its analysis is held
        qtbot.waitUntil(lambda: live.scheduler.analyses_started == 2, timeout=5000)
        window.document.undo_stack.undo()                # newer: two uplinks again
        qtbot.wait(100)
        HOLD.set()                                       # the stale one finishes first
        qtbot.waitUntil(lambda: not live.scheduler.is_pending(), timeout=5000)
        qtbot.wait(200)
        assert live.scheduler.stale_dropped >= 1
        assert state(window, "uplink-1") is State.CUT2
        assert "uplink-1" not in [s.id for s in live.result.spofs]
    finally:
        HOLD.set()
        close_window(window, live)


def _row(panel, group, text):
    return next(r for r in panel.rows(group) if r.text(0).startswith(text))


def test_problems_click_selects_and_centres(win, qtbot):
    window, live = win
    view, panel = window.view, live.problems
    view.set_zoom(2.0)
    view.centerOn(0, 0)
    row = _row(panel, 0, "Web server")
    assert row.text(1) == "nginx"                        # its blast radius
    rect = panel.tree.visualItemRect(row)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.scene().selected_ids() == ["web"]
    item_centre = view.scene().item_for("web").scene_rect().center()
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(item_centre)
    centre = view.mapToScene(view.viewport().rect().center())
    assert abs(centre.x() - item_centre.x()) < 30 and abs(centre.y() - item_centre.y()) < 30


def test_hovering_a_spof_lights_its_blast_radius(win, qtbot):
    window, live = win
    panel, scene = live.problems, window.view.scene()
    rect = panel.tree.visualItemRect(_row(panel, 0, "Web server"))
    qtbot.mouseMove(panel.tree.viewport(), rect.center())
    qtbot.waitUntil(lambda: scene.highlighted_ids() == {"web", "nginx"}, timeout=3000)
    assert scene.item_for("nginx").decor.glow.isVisible()
    qtbot.mouseMove(panel.summary, QPoint(3, 3))
    qtbot.waitUntil(lambda: scene.highlighted_ids() == set(), timeout=3000)


def test_status_bar_lists_the_figures(win):
    window, live = win
    assert live.figures.spofs.text() == "3 SPOFs"
    assert live.figures.cost.text()                      # a figure or "cost: n/a"
    assert live.figures.text().startswith(live.figures.availability.text())
    assert live.figures.isVisibleTo(window)


def test_a_big_design_is_analysed_in_the_worker_process(qtbot, tmp_path):
    window, live = open_window(qtbot, tmp_path, two_uplinks(), process_components=1)
    try:
        assert live.scheduler.last_in_process and live.scheduler.process_pid() != os.getpid()
        assert state(window, "uplink-1") is State.CUT2
        pid = live.scheduler.process_pid()
        window.document.delete(["uplink-2"])
        qtbot.waitUntil(lambda: state(window, "uplink-1") is State.SPOF, timeout=10000)
        assert live.scheduler.process_pid() == pid          # started once, reused
    finally:
        close_window(window, live)


def test_colours_arrive_before_the_figures_of_the_same_job(win, qtbot):
    window, live = win
    seen = []
    live.coloursApplied.connect(lambda r: seen.append(
        ("colours", state(window, "uplink-1"), live.figures.pending.isVisible())))
    # the complete result is a new object, made from that very structural one
    live.applied.connect(lambda r: seen.append(
        ("figures", r.structure is live.structure.structure)))
    window.document.delete(["uplink-2"])
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    # colours painted while the availability still said "Analysing…"; then
    # the figures of that very result
    assert seen == [("colours", State.SPOF, True), ("figures", True)]
    assert not live.figures.pending.isVisible()
    assert live.result.availability is not None and live.result.spofs[1].id == "uplink-1"


def test_a_stale_phase_two_is_dropped_after_a_newer_edit(qtbot, tmp_path):
    HOLD.clear()
    window, live = open_window(qtbot, tmp_path, two_uplinks(),
                               analyze=figures_held_when_one_uplink, debounce_ms=20)
    try:
        before = live.figures.availability.text()
        shown = []
        live.applied.connect(lambda r: shown.append([s.id for s in r.spofs]))
        window.document.delete(["uplink-2"])             # phase 1 arrives, 2 is held
        qtbot.waitUntil(lambda: state(window, "uplink-1") is State.SPOF, timeout=5000)
        assert live.figures.pending.isVisible()
        window.document.undo_stack.undo()                # newer: two uplinks again
        HOLD.set()                                       # the stale phase 2 finishes
        qtbot.waitUntil(lambda: not live.scheduler.is_pending(), timeout=5000)
        qtbot.waitUntil(lambda: live.scheduler.stale_dropped >= 1, timeout=5000)
        assert state(window, "uplink-1") is State.CUT2
        assert shown == [["dc", "web", "nginx"]]         # only the newest job completed
        assert live.figures.availability.text() == before
        assert live.result.structure is live.structure.structure
    finally:
        HOLD.set()
        close_window(window, live)


def estimate_then_held_bounds(design):
    """The real analysis with an estimate first (as a big design gets it),
    the certified figures held back for the design with uplink-2 deleted."""
    import dataclasses

    from designer.analysis.result import Phase
    for phase, part in default_analyze(design):
        if phase is Phase.AVAILABILITY:
            yield Phase.ESTIMATE, dataclasses.replace(part, method="monte-carlo",
                                                      confidence_interval=(0.99, 1.0))
            if "uplink-2" not in design.by_id:
                HOLD.wait(10)
        yield phase, part


def test_a_big_design_shows_its_estimate_then_the_certified_figures(qtbot, tmp_path):
    HOLD.clear()
    window, live = open_window(qtbot, tmp_path, two_uplinks(),
                               analyze=estimate_then_held_bounds, debounce_ms=20)
    try:
        window.document.delete(["uplink-2"])
        qtbot.waitUntil(lambda: live.figures.pending.text() == "Certifying…", timeout=5000)
        assert "(Monte Carlo)" in live.figures.availability.text()
        assert live.figures.availability.isEnabled()          # readable, not greyed
        assert live.result is None or live.result.availability.method != "monte-carlo"
        HOLD.set()
        qtbot.waitUntil(lambda: not live.figures.pending.isVisible(), timeout=5000)
        assert "(Monte Carlo)" not in live.figures.availability.text()
        assert live.result.availability.method != "monte-carlo"   # what the panels get
    finally:
        HOLD.set()
        close_window(window, live)
