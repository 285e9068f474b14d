"""Small screens and workshops (issue 13): at 1024x700 the canvas keeps at
least 60 % of the window and Failure drill stays on the toolbar; F5 goes
full screen with every dock hidden, larger labels and the figures on the
canvas, and Esc brings the old layout back."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QLabel

from designer import app as weaklink_app
from designer.look import style, theme
from tests.window_helpers import THREE_TIER, FakePrompts, temp_settings


def _start(qtbot, qapp, tmp_path, size):
    theme.setup(qapp, False)
    window = weaklink_app.start(str(THREE_TIER), temp_settings(tmp_path), FakePrompts(),
                                state_dir=tmp_path / "state", size=size)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def small(qtbot, qapp, tmp_path):
    window = _start(qtbot, qapp, tmp_path, (1024, 700))
    yield window
    window.journal.close()
    window.document.undo_stack.setClean()


def _share(window) -> float:
    viewport = window.view.viewport()
    return viewport.width() * viewport.height() / (window.width() * window.height())


def test_at_1024x700_the_canvas_keeps_60_percent(small):
    assert (small.width(), small.height()) == (1024, 700)
    assert _share(small) >= 0.60
    shown = [d for d in small.findChildren(QDockWidget) if d.isVisible()]
    assert small.docks["palette"] in shown                # sketching still works
    assert small.docks["inspector"] not in shown          # one double-click away
    small.view.componentActivated.emit("web-1")
    assert small.docks["inspector"].isVisible()


def test_failure_drill_stays_on_the_toolbar(small):
    button = small.toolbar.widgetForAction(small.actions.all["drill"])
    assert button is not None and button.isVisible()
    assert small.toolbar.rect().contains(button.geometry())
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_a_wide_window_keeps_the_full_layout(qtbot, qapp, tmp_path):
    window = _start(qtbot, qapp, tmp_path, (1600, 1000))
    try:
        assert window.docks["inspector"].isVisible()
    finally:
        window.journal.close()


def test_presentation_mode_enters_and_leaves(small, qtbot):
    visible = {d for d in small.findChildren(QDockWidget) if d.isVisible()}
    label = small.view.scene().item_for("web-1").label_item
    size = label.font().pointSizeF()
    small.actions.all["presentation"].trigger()
    try:
        assert small.isFullScreen()
        assert not any(d.isVisible() for d in small.findChildren(QDockWidget))
        assert not small.menuBar().isVisible() and not small.toolbar.isVisible()
        assert label.font().pointSizeF() > size * 1.3          # larger labels
        summary = small.presentation.summary
        assert summary.isVisible() and "F8" in summary.text() and "Esc" in summary.text()
        # Each figure unbroken, so the strip wraps between figures only.
        qtbot.waitUntil(lambda: summary.text().count("·") >= 3, timeout=30_000)
        figures = summary.text().split("\n")[0].split("   ·   ")
        assert any("\u00a0" in figure for figure in figures)
        assert not any(" " in figure for figure in figures), figures
        assert all("/" not in figure or "/\u2060" in figure for figure in figures)
        # A figure the narrow bar dropped to make room for a message is on
        # the strip all the same (the nines were missing from it).
        small.statusBar().showMessage("a message long enough to need most of the bar " * 2)
        nines = small.figures.nines
        qtbot.waitUntil(lambda: nines in small.status.dropped, timeout=5_000)
        assert nines.isHidden() and nines.text()
        small.presentation.refresh()
        assert nines.text().replace(" ", "\u00a0") in summary.text()
        assert small.actions.all["presentation"].isChecked()
        small.actions.all["drill"].trigger()                    # the drill: one key away
        assert small.actions.all["drill"].isChecked()
        small.actions.all["drill"].trigger()
    finally:
        QTest.keyClick(small.view, Qt.Key.Key_Escape)
    assert not small.isFullScreen()
    assert {d for d in small.findChildren(QDockWidget) if d.isVisible()} == visible
    assert small.menuBar().isVisible() and small.toolbar.isVisible()
    assert label.font().pointSizeF() == size
    assert not small.actions.all["presentation"].isChecked()
    assert style.presentation_scale() == 1.0


def test_f5_is_presentation_and_analyse_now_moved(small):
    keys = [k.toString() for k in small.actions.all["presentation"].shortcuts()]
    assert "F5" in keys
    assert [k.toString() for k in small.actions.all["analyse_now"].shortcuts()] == ["F9"]


def test_a_narrow_status_bar_drops_the_tool_before_clipping_the_availability(small, qtbot):
    """At 1024 pixels a big design's figures (a Monte Carlo estimate while
    the bounds are computed, five-figure cost, many findings) no longer
    fit: the tool and the zoom go first, the availability is never cut."""
    from designer.analysis.result import AnalysisResult, AvailabilityPart, StructurePart
    bar = small.figures
    qtbot.waitUntil(lambda: "exact" in bar.availability.text(), timeout=10000)  # its own first
    estimate = AvailabilityPart(value=0.98531, method="monte-carlo", nines=1.83,
                                downtime_minutes_per_year=7_700.0,
                                confidence_interval=(0.9849, 0.9857))
    bar.set_estimate(AnalysisResult(design="big", components=5000,
                                    structure=StructurePart(), availability=estimate))
    small.findings_count.setText("158 findings (158 medium)")
    qtbot.waitUntil(lambda: small.tool_label.isHidden(), timeout=2000)
    label = bar.availability
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width(), timeout=2000)
    assert "(Monte Carlo)" in label.text() and bar.pending.isVisible()
    small.resize(1600, 1000)              # room again: everything comes back
    qtbot.waitUntil(lambda: not small.tool_label.isHidden(), timeout=2000)
    assert not small.zoom_label.isHidden() and not bar.nines.isHidden()


def test_a_card_opened_in_the_inspector_stays_in_view(small, qtbot):
    """At 1024x700 the inspector opens beside the canvas and narrows it
    about its centre: nginx, double-clicked near the left edge, went out
    of sight behind the palette. The view now keeps it whole."""
    view = small.view
    card = view.rect_of(["nginx-1"])
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    # nginx's left edge 10 scene units inside the view's left edge
    view.center_on_point(QPointF(card.left() - 10 + shown.width() / 2, card.center().y()))
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(card)
    assert not small.docks["inspector"].isVisible()
    view.componentActivated.emit("nginx-1")
    qtbot.waitUntil(lambda: small.docks["inspector"].isVisible())
    qtbot.wait(50)
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(card)


def test_a_message_on_a_narrow_bar_is_read_whole(small, qtbot):
    """At 1024 px the figures left a message about 170 px: a refused
    connection read "the Internet does no". While a message shows, the
    least needed labels make room for it; they come back when it goes."""
    bar = small.statusBar()

    def shown_labels():
        return [l for l in bar.findChildren(QLabel) if l.isVisible() and l.text()]

    def settled():          # the analysis done: its figures up, its progress gone
        texts = [l.text() for l in shown_labels()]
        return any("SPOF" in t for t in texts) and not any(
            l.objectName() == "analysingLabel" for l in shown_labels())
    qtbot.waitUntil(settled, timeout=30_000)
    bar.clearMessage()                  # "Opened three-tier.weaklink.json"
    qtbot.wait(50)
    before = shown_labels()
    message = "the Internet does not supply power"
    small.show_message(message)
    qtbot.wait(50)
    shown = shown_labels()
    used = sum(l.sizeHint().width() + 14 for l in shown) + 60
    assert used + bar.fontMetrics().horizontalAdvance(message) <= bar.width()
    assert any("SPOF" in l.text() for l in shown)       # the figures that matter stay
    bar.clearMessage()
    qtbot.wait(50)
    assert shown_labels() == before
