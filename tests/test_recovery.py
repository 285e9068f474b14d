"""The recovery journal: written while dirty, never to the user's file,
removed on a clean save, and offered after a crash on the next start."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from designer.shell import recovery
from designer.document import Document
from designer.shell.files import FileController
from designer.io import load_design
from tests.window_helpers import MONOLITH, THREE_TIER, FakePrompts, temp_settings


@pytest.fixture
def session(qapp, tmp_path):
    user_file = tmp_path / "mine.weaklink.json"
    user_file.write_text(MONOLITH.read_text())
    doc = Document()
    files = FileController(doc, temp_settings(tmp_path), FakePrompts())
    files.open(user_file)
    journal = recovery.Journal(tmp_path / "state")
    saver = recovery.AutoSaver(doc, journal, interval_ms=50)
    yield doc, files, journal, saver, user_file
    journal.close()


def test_the_journal_lives_in_the_users_state_directory():
    from platformdirs import user_state_dir

    assert recovery.default_dir().parent == __import__("pathlib").Path(user_state_dir("weaklink"))


def test_journal_is_written_while_dirty_and_never_touches_the_users_file(qtbot, session):
    doc, _files, journal, _saver, user_file = session
    original = user_file.read_bytes()
    qtbot.wait(200)
    assert not journal.exists()                       # clean: nothing to keep
    cid = doc.components()[0].id
    doc.update(cid, label="unsaved edit")
    qtbot.waitUntil(journal.exists, timeout=3000)
    assert load_design(journal.design_path).by_id[cid].label == "unsaved edit"
    assert journal.design_path.parent == journal.directory != user_file.parent
    assert user_file.read_bytes() == original


def test_a_clean_save_or_an_undo_to_clean_removes_the_journal(qtbot, session):
    doc, files, journal, _saver, user_file = session
    cid = doc.components()[0].id
    doc.update(cid, label="one")
    qtbot.waitUntil(journal.exists, timeout=3000)
    doc.undo_stack.undo()
    assert doc.is_clean() and not journal.exists()
    doc.update(cid, label="two")
    qtbot.waitUntil(journal.exists, timeout=3000)
    assert files.save()
    assert not journal.exists()
    assert load_design(user_file).by_id[cid].label == "two"


def test_a_running_sessions_journal_is_not_offered(qtbot, session):
    doc, _files, journal, saver, _user_file = session
    doc.update(doc.components()[0].id, label="live")
    saver.save_now()
    assert journal.exists()
    assert recovery.orphans(journal.directory) == []


def _crash_after_journal(state_dir, source, label) -> None:
    """Another process writes a journal and dies without cleaning up."""
    code = textwrap.dedent(f"""
        import os, sys
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from designer.shell import recovery
        from designer.io import load_design
        design = load_design({str(THREE_TIER)!r})
        first = design.components[0].model_copy(update={{"label": {label!r}}})
        design = design.model_copy(update={{"components": (first, *design.components[1:])}})
        journal = recovery.Journal({str(state_dir)!r})   # holds its lock until the end
        journal.write(design, {str(source)!r})
        os._exit(9)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 9, done.stderr


def test_after_a_crash_the_journal_is_offered_and_recovered_as_unsaved(qtbot, tmp_path):
    state = tmp_path / "state"
    user_file = tmp_path / "design.weaklink.json"
    user_file.write_text(THREE_TIER.read_text())
    _crash_after_journal(state, user_file, "edited before the crash")
    assert len(list(state.glob("*.lock"))) == 1        # left by the dead process
    found = recovery.orphans(state)
    assert len(found) == 1 and found[0].source == user_file
    doc, prompts = Document(), FakePrompts()
    files = FileController(doc, temp_settings(tmp_path), prompts)
    prompts.recover_answer = "recover"
    assert recovery.offer(files, prompts, found)
    assert prompts.asked[0][0] == "recover" and str(user_file) in prompts.asked[0][2]
    assert doc.components()[0].label == "edited before the crash"
    assert doc.path == user_file and not doc.is_clean()
    assert recovery.orphans(state) == []
    assert load_design(user_file).components[0].label != "edited before the crash"


def test_decide_later_keeps_the_journal_and_discard_removes_it(qtbot, tmp_path):
    state = tmp_path / "state"
    _crash_after_journal(state, tmp_path / "x.weaklink.json", "lost work")
    doc, prompts = Document(), FakePrompts()
    files = FileController(doc, temp_settings(tmp_path), prompts)
    prompts.recover_answer = "later"
    assert not recovery.offer(files, prompts, recovery.orphans(state))
    assert len(recovery.orphans(state)) == 1 and doc.components() == []
    prompts.recover_answer = "discard"
    assert not recovery.offer(files, prompts, recovery.orphans(state))
    assert recovery.orphans(state) == [] and list(state.glob("*.weaklink.json")) == []


def test_a_recovered_design_is_journalled_again_at_once(qtbot, tmp_path):
    state = tmp_path / "state"
    _crash_after_journal(state, tmp_path / "y.weaklink.json", "twice lucky")
    doc, prompts = Document(), FakePrompts()
    files = FileController(doc, temp_settings(tmp_path), prompts)
    journal = recovery.Journal(state)
    saver = recovery.AutoSaver(doc, journal)
    prompts.recover_answer = "recover"
    try:
        assert recovery.offer(files, prompts, recovery.orphans(state), saver)
        assert journal.exists()
        assert load_design(journal.design_path).components[0].label == "twice lucky"
    finally:
        journal.close()
    assert not journal.exists()


def test_locks_of_dead_sessions_without_a_journal_are_swept(qtbot, tmp_path):
    state = tmp_path / "state"
    code = textwrap.dedent(f"""
        import os
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from designer.shell import recovery
        journal = recovery.Journal({str(state)!r})
        os._exit(9)
    """)
    subprocess.run([sys.executable, "-c", code], timeout=60)
    assert len(list(state.glob("*.lock"))) == 1
    live = recovery.Journal(state)
    try:
        assert recovery.orphans(state) == []
        assert [p.name for p in state.glob("*.lock")] == [live.session + ".lock"]
    finally:
        live.close()
    assert list(state.iterdir()) == []
