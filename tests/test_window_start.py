"""Start-up as `weaklink FILE` does it (designer.app.start): the window on
the file, live analysis attached, a journal for this session, and the offer
of a journal a crashed session left behind."""
from __future__ import annotations

import shutil

from designer import app as weaklink_app
from designer.shell import recovery
from designer.look import theme
from designer.io import load_design
from tests.window_helpers import MONOLITH, THREE_TIER, FakePrompts, temp_settings


def _start(qtbot, qapp, tmp_path, file, prompts):
    theme.setup(qapp, False)
    window = weaklink_app.start(str(file) if file else None, temp_settings(tmp_path),
                                prompts, state_dir=tmp_path / "state")
    qtbot.addWidget(window)
    return window


def test_start_opens_the_file_with_analysis_docks_and_a_journal(qtbot, qapp, tmp_path):
    window = _start(qtbot, qapp, tmp_path, THREE_TIER, FakePrompts())
    try:
        assert window.isVisible() and window.document.path == THREE_TIER
        assert window.windowTitle() == "three-tier.weaklink.json[*] — Weaklink"
        assert window.menu("Analysis").actions()            # the live analysis is wired
        assert window.status_slot.layout().count() >= 1
        assert window.journal.directory == tmp_path / "state"
        assert window.prompts.asked == []                    # nothing to recover
    finally:
        window.journal.close()
        window.document.undo_stack.setClean()


def test_start_after_a_crash_offers_the_journal_and_recovers_it(qtbot, qapp, tmp_path):
    user_file = tmp_path / "mine.weaklink.json"
    shutil.copy(MONOLITH, user_file)
    state = tmp_path / "state"
    crashed = recovery.Journal(state)
    design = load_design(MONOLITH)
    first = design.components[0].model_copy(update={"label": "unsaved before the crash"})
    crashed.write(design.model_copy(update={"components": (first, *design.components[1:])}),
                  user_file)
    crashed._lock.unlock()            # its process is gone: nobody holds the lock
    prompts = FakePrompts()
    prompts.recover_answer = "recover"
    window = _start(qtbot, qapp, tmp_path, None, prompts)
    try:
        assert [a[0] for a in prompts.asked] == ["recover"]
        assert window.document.components()[0].label == "unsaved before the crash"
        assert window.document.path == user_file and window.isWindowModified()
        assert window.journal.exists()                     # journalled again at once
        assert not crashed.exists()
        assert load_design(user_file).components[0].label != "unsaved before the crash"
    finally:
        window.journal.close()
        window.document.undo_stack.setClean()
