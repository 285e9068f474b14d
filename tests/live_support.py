"""Shared by the live-analysis and drill tests: a tiny design whose only
redundancy is a pair of ISP uplinks, and a main window with live analysis."""
from __future__ import annotations

from designer.live.controller import attach
from designer.shell.mainwindow import MainWindow
from designer.model import Component as C, Design, Kind, Link, LinkKind

from .window_helpers import FakePrompts, temp_settings


def two_uplinks() -> Design:
    """Internet -> uplink-1 / uplink-2 -> web server running nginx (the entry)."""
    comps = [C(id="internet", kind=Kind.INTERNET, label="Internet", x=300, y=0),
             C(id="dc", kind=Kind.SITE, label="DC", x=0, y=120, width=700, height=400),
             C(id="uplink-1", kind=Kind.ISP_UPLINK, label="Uplink 1", parent="dc",
               x=40, y=40),
             C(id="uplink-2", kind=Kind.ISP_UPLINK, label="Uplink 2", parent="dc",
               x=480, y=40),
             C(id="web", kind=Kind.SERVER, label="Web server", parent="dc", x=260, y=200,
               width=200, height=110),
             C(id="nginx", kind=Kind.SERVICE, label="nginx", parent="web", x=20, y=40,
               entry=True)]
    net = [("internet", "uplink-1"), ("uplink-1", "web"), ("internet", "uplink-2"),
           ("uplink-2", "web")]
    links = [Link(id=f"n{i}", kind=LinkKind.NETWORK, source=a, target=b)
             for i, (a, b) in enumerate(net)]
    return Design(components=tuple(comps), links=tuple(links))


def open_window(qtbot, tmp_path, design: Design, **options):
    prompts = FakePrompts()
    prompts.save_answer = "discard"
    window = MainWindow(settings=temp_settings(tmp_path), prompts=prompts)
    window.document.load(design)        # as File > Open does
    qtbot.addWidget(window)
    live = attach(window, **options)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    # The figures arrive before the job's end is recorded (last_in_process,
    # the timings): wait for both.
    qtbot.waitUntil(lambda: live.result is not None and not live.scheduler.is_pending(),
                    timeout=20000)
    return window, live


def close_window(window, live) -> None:
    """Stop the analysis (its worker process and thread) before the window goes."""
    live.shutdown()
