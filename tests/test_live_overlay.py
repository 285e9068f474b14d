"""Overlay: a result becomes item states on the real CanvasScene."""
from __future__ import annotations

from pathlib import Path

import pytest

from designer.analysis.result import AnalysisResult, Spof, StructurePart
from designer.canvas.scene import CanvasScene
from designer.document import Document
from designer.io import load_design
from designer.live.overlay import Overlay
from designer.report.states import State

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def fake_result(spofs=(), cut2=(), protected=(), not_modeled=()):
    return AnalysisResult(design="x", components=0, structure=StructurePart(
        spofs=tuple(Spof(i, i, "server", ("nginx",), f"{i} alone") for i in spofs),
        cut_sets_order2=tuple(cut2), protected=tuple(protected),
        not_modeled=tuple(not_modeled)))


@pytest.fixture
def canvas(qtbot):
    doc = Document(load_design(EXAMPLES / "monolith.weaklink.json"))
    scene = CanvasScene(doc)
    return doc, scene, Overlay(scene, doc)


def test_spof_turns_red_and_its_containers_get_the_badge(canvas):
    doc, scene, overlay = canvas
    server = next(c for c in doc.components() if c.kind.value == "server")
    nic = next(c for c in doc.components() if c.parent == server.id
               and c.kind.value == "nic")
    overlay.apply(fake_result(spofs=[nic.id], protected=["switch-1"]))
    assert scene.item_for(nic.id).state is State.SPOF
    assert scene.item_for("switch-1").state is State.PROTECTED
    assert scene.holds_spof(server.id) and scene.holds_spof(server.parent)
    assert scene.item_for(server.id).decor.header_badge.isVisible()
    overlay.apply(fake_result(protected=[nic.id]))       # fixed: badge goes
    assert scene.item_for(nic.id).state is State.PROTECTED
    assert not scene.holds_spof(server.id)


def test_suspended_overlay_keeps_the_result_for_later(canvas):
    doc, scene, overlay = canvas
    overlay.suspend()
    overlay.apply(fake_result(spofs=["switch-1"]))
    assert scene.item_for("switch-1").state is State.NORMAL
    overlay.restore()
    assert scene.item_for("switch-1").state is State.SPOF
