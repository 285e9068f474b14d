"""New, open, save, templates, recent files and the unsaved-changes prompt,
through the FileController on a real Document and real files."""
from __future__ import annotations

import json

import pytest

from designer.document import Document
from designer.shell.files import FileController, templates
from designer.io import LoadError, load_design
from tests.window_helpers import MONOLITH, THREE_TIER, FakePrompts, temp_settings


@pytest.fixture
def env(qapp, tmp_path):
    doc = Document()
    prompts = FakePrompts()
    files = FileController(doc, temp_settings(tmp_path), prompts)
    return doc, prompts, files


def _same(a, b) -> bool:
    return (a.settings == b.settings and list(a.components) == list(b.components)
            and list(a.links) == list(b.links))


def test_open_edit_save_makes_the_document_clean_and_the_file_holds_the_edit(env, tmp_path):
    doc, prompts, files = env
    copy = tmp_path / "mine.weaklink.json"
    copy.write_text(THREE_TIER.read_text())
    assert files.open(copy)
    assert doc.is_clean() and doc.path == copy
    first = doc.components()[0]
    doc.update(first.id, label="Renamed in a test")
    assert not doc.is_clean()
    assert files.save()
    assert doc.is_clean()
    assert load_design(copy).by_id[first.id].label == "Renamed in a test"
    assert prompts.errors == []


def test_save_then_reopen_gives_the_same_design(env, tmp_path):
    doc, prompts, files = env
    assert files.open(THREE_TIER)
    server = next(c for c in doc.components() if c.kind.value == "server")
    doc.update(server.id, capex=12345.5, text="bought in 2024")
    target = tmp_path / "out.weaklink.json"
    prompts.paths = [target]
    assert files.save_as()
    before = doc.snapshot()
    other = Document()
    assert FileController(other, temp_settings(tmp_path), FakePrompts()).open(target)
    assert _same(other.snapshot(), before)
    assert other.component(server.id).capex == 12345.5


def test_open_of_a_bad_file_shows_the_loaders_message_and_keeps_the_design(env, tmp_path):
    doc, prompts, files = env
    files.open(MONOLITH)
    before = doc.snapshot()
    raw = json.loads(MONOLITH.read_text())
    raw["design"]["components"][1]["parent"] = "no-such-place"
    bad = tmp_path / "bad.weaklink.json"
    bad.write_text(json.dumps(raw))
    with pytest.raises(LoadError) as expected:
        load_design(bad)
    assert not files.open(bad)
    assert len(prompts.errors) == 1
    title, text = prompts.errors[0]
    assert "bad.weaklink.json" in text
    assert expected.value.errors[0].message in text
    assert expected.value.errors[0].where in text
    assert _same(doc.snapshot(), before) and doc.path == MONOLITH


def test_open_of_text_that_is_not_json_names_the_line(env, tmp_path):
    _doc, prompts, files = env
    bad = tmp_path / "broken.weaklink.json"
    bad.write_text('{"format": "weaklink",\n  "version": 1,\n  oops }')
    assert not files.open(bad)
    assert "line 3" in prompts.errors[0][1]


def test_dirty_design_asks_before_it_is_replaced(env):
    doc, prompts, files = env
    files.open(MONOLITH)
    doc.update(doc.components()[0].id, label="changed")
    prompts.save_answer = "cancel"
    assert not files.new_blank()
    assert doc.path == MONOLITH and not doc.is_clean()
    prompts.save_answer = "discard"
    assert files.open(THREE_TIER)
    assert doc.path == THREE_TIER and doc.is_clean()
    assert [a[0] for a in prompts.asked] == ["save_changes", "save_changes"]


def test_answering_save_writes_the_file_before_closing(env, tmp_path):
    doc, prompts, files = env
    copy = tmp_path / "m.weaklink.json"
    copy.write_text(MONOLITH.read_text())
    files.open(copy)
    cid = doc.components()[0].id
    doc.update(cid, label="kept")
    prompts.save_answer = "save"
    assert files.close_document()
    assert doc.path is None and doc.components() == []
    assert load_design(copy).by_id[cid].label == "kept"


def test_new_from_a_template_is_an_untitled_clean_copy_of_the_example(env):
    doc, _prompts, files = env
    found = dict(templates())
    assert {"Monolith", "Three tier", "Duplicated services", "Multi site"} <= set(found)
    assert files.new_from_template(found["Three tier"])
    assert doc.path is None and doc.is_clean()
    assert _same(doc.snapshot(), load_design(THREE_TIER))


def test_recent_files_put_the_latest_first_and_forget_missing_files(env, tmp_path):
    _doc, _prompts, files = env
    seen = []
    files.recentChanged.connect(seen.append)
    files.open(MONOLITH)
    files.open(THREE_TIER)
    assert files.settings.recent_files()[:2] == [str(THREE_TIER), str(MONOLITH)]
    gone = tmp_path / "gone.weaklink.json"
    gone.write_text(MONOLITH.read_text())
    files.open(gone)
    gone.unlink()
    assert not files.open(gone)
    assert str(gone) not in files.settings.recent_files()
    assert seen[-1] == files.settings.recent_files()


def test_save_as_cancelled_leaves_everything_as_it_was(env):
    doc, prompts, files = env
    doc.add_component("site", label="Paris")
    prompts.paths = [None]
    assert not files.save()
    assert doc.path is None and not doc.is_clean()
    assert prompts.asked[-1][0] == "save_path"
