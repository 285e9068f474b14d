"""The migration chain: older files are brought up to date step by step;
newer or foreign files are refused with a sentence the user can act on."""
from __future__ import annotations

import json

import pytest

from designer.io import LoadError, load_design
from designer.io import migrate as M


@pytest.fixture
def chain(monkeypatch):
    """An empty migration registry for the test to fill; restored afterwards."""
    registry: dict = {}
    monkeypatch.setattr(M, "_MIGRATIONS", registry)
    return registry


def test_migrations_run_in_order_from_the_file_version(chain):
    @M.migrator(1)
    def _one_to_two(design):
        return {**design, "steps": design.get("steps", []) + ["1->2"]}

    @M.migrator(2)
    def _two_to_three(design):
        return {**design, "steps": design["steps"] + ["2->3"]}

    old = {"format": "weaklink", "version": 1, "design": {}}
    assert M.unwrap(old, current=3) == {"steps": ["1->2", "2->3"]}
    newer = {"format": "weaklink", "version": 2, "design": {"steps": []}}
    assert M.unwrap(newer, current=3) == {"steps": ["2->3"]}


def test_a_migration_does_not_change_the_callers_dict(chain):
    @M.migrator(1)
    def _rename(design):
        design["settings"]["name"] = design["settings"].pop("title")
        return design

    original = {"settings": {"title": "Old"}}
    assert M.migrate(original, 1, 2) == {"settings": {"name": "Old"}}
    assert original == {"settings": {"title": "Old"}}


def test_a_gap_in_the_chain_is_refused(chain):
    M.migrator(1)(lambda design: design)
    with pytest.raises(M.MigrationError, match="no migration from version 2 to 3"):
        M.unwrap({"format": "weaklink", "version": 1, "design": {}}, current=3)


def test_registering_a_step_twice_is_a_programming_error(chain):
    M.migrator(1)(lambda design: design)
    with pytest.raises(ValueError, match="already exists"):
        M.migrator(1)(lambda design: design)


def test_loading_an_old_file_migrates_it_before_validation(chain, monkeypatch, tmp_path):
    """Pretend this build reads version 2, where the design name moved from
    `design.title` (version 1) into `design.settings.name`."""
    monkeypatch.setattr(M, "CURRENT_VERSION", 2)

    @M.migrator(1)
    def _title_into_settings(design):
        design = dict(design)
        design["settings"] = {"name": design.pop("title")}
        return design

    path = tmp_path / "old.weaklink.json"
    path.write_text(json.dumps({"format": "weaklink", "version": 1,
                                "design": {"title": "From 2025", "components": []}}))
    assert load_design(path).name == "From 2025"


def test_a_newer_version_is_refused_naming_both_versions(tmp_path):
    path = tmp_path / "new.weaklink.json"
    path.write_text(json.dumps({"format": "weaklink", "version": 7, "design": {}}))
    with pytest.raises(LoadError) as caught:
        load_design(path)
    assert str(caught.value) == (
        f"{path}: version: made by a newer Weaklink: version 7, this one reads up to "
        f"{M.CURRENT_VERSION}; update Weaklink to open it")


@pytest.mark.parametrize("raw, where", [
    ({"version": 1, "design": {}}, "format"),
    ({"format": "Weaklink", "version": 1, "design": {}}, "format"),
    ({"format": "weaklink", "design": {}}, "version"),
    ({"format": "weaklink", "version": 1}, "design"),
    ("weaklink", "$"),
])
def test_foreign_or_incomplete_wrappers_are_refused(raw, where):
    with pytest.raises(M.MigrationError) as caught:
        M.unwrap(raw)
    assert caught.value.where == where


def test_current_files_pass_through_untouched():
    design = {"settings": {"name": "x"}}
    assert M.unwrap(M.wrap(design)) is design
