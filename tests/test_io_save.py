"""Saves are atomic: a failed save leaves the old file exactly as it was."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from designer.io import SaveError, load_design, save_design
from designer.io import save as save_module
from designer.model import Component, Design, Kind, Settings

EXAMPLES = Path(__file__).parents[1] / "examples"


def _small(name: str = "Small") -> Design:
    return Design(settings=Settings(name=name),
                  components=(Component(id="site-a", kind=Kind.SITE, width=900, height=600),))


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_save_then_load_gives_the_same_design(tmp_path):
    path = tmp_path / "d.weaklink.json"
    save_design(_small(), path)
    assert load_design(path) == _small()
    assert _leftovers(tmp_path) == []


def test_saving_twice_writes_identical_bytes(tmp_path):
    first, second = tmp_path / "a.weaklink.json", tmp_path / "b.weaklink.json"
    design = load_design(EXAMPLES / "multi-site.weaklink.json")
    save_design(design, first)
    save_design(load_design(first), second)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_save_leaves_old_file_intact(tmp_path, monkeypatch, failing):
    path = tmp_path / "d.weaklink.json"
    save_design(_small("Old"), path)
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(save_module.os, failing, disk_full)
    with pytest.raises(SaveError) as caught:
        save_design(_small("New"), path)
    assert str(caught.value) == f"{path}: cannot save: No space left on device"
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_interrupted_write_leaves_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "d.weaklink.json"
    save_design(_small("Old"), path)
    before = path.read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(save_module.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_design(_small("New"), path)
    assert path.read_bytes() == before and _leftovers(tmp_path) == []


def test_save_into_missing_folder_names_the_file(tmp_path):
    path = tmp_path / "no" / "such" / "d.weaklink.json"
    with pytest.raises(SaveError) as caught:
        save_design(_small(), path)
    assert caught.value.file == str(path)


def test_save_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "d.weaklink.json"
    save_design(_small(), path)
    os.chmod(path, 0o640)
    save_design(_small("Again"), path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_new_file_is_not_private(tmp_path):
    path = tmp_path / "d.weaklink.json"
    old = os.umask(0o022)
    try:
        save_design(_small(), path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644


def test_save_through_a_symlink_updates_the_target(tmp_path):
    real = tmp_path / "real.weaklink.json"
    link = tmp_path / "link.weaklink.json"
    save_design(_small("Old"), real)
    link.symlink_to(real)
    save_design(_small("New"), link)
    assert link.is_symlink()
    assert load_design(real).name == "New"


def test_file_is_readable_json_with_the_wrapper_first(tmp_path):
    path = tmp_path / "d.weaklink.json"
    save_design(_small(), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "format": "weaklink",\n  "version": 2,\n  "design": {')
    assert text.endswith("}\n")
