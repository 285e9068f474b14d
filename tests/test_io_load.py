"""Loading refuses bad input with a LoadError naming the file and the place."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from designer.io import MAX_BYTES, LoadError, design_from_dict, load_design

BAD = Path(__file__).parent / "bad_files"
EXAMPLES = Path(__file__).parents[1] / "examples"

# Each committed bad file, the place its first error must point at, and a
# word the message must contain.
EXPECTED = {
    "truncated": ("line 106, column 6", "ends too early"),
    "wrong-type": ("components[1].label", "must be text, got an array"),
    "string-for-number": ("components[1].x", 'must be a number, got the text "left"'),
    "unknown-kind": ("components[1].kind", '"mainframe"'),
    "dangling-reference": ("links[0].target", "switch-9"),
    "placement-cycle": ("components[1].parent", "inside itself"),
    "version-999": ("version", "newer Weaklink"),
    "empty": ("$", "empty"),
    "binary": ("$", "binary"),
    "array": ("$", "array"),
    "not-utf8": ("line 1, column 72", "UTF-8"),
    "wrong-format": ("format", '"drawio"'),
    "not-a-number": ("line 14, column 14", "NaN"),
    "power-loop": ("links", "loop"),
    "duplicate-id": ("components[1].id", "used twice"),
    "impossible-link": ("links[0]", "does not supply power"),
    "unknown-field": ("components[0].colour", "not a field"),
    "orphan-psu": ("components[0].parent", "must sit inside"),
    "wrong-kind-field": ("components[1]", "'raid' does not apply"),
    # issue 16: hostile inputs found by fuzzing, each one line with its place
    "beta-above-one": ("settings.ccf_groups.g", "less than or equal to 1"),
    "beta-negative": ("settings.ccf_groups.g", "greater than or equal to 0"),
    "beta-1e308": ("settings.ccf_groups.g", "less than or equal to 1"),
    "newline-in-id": ("components[8].parent", "'nowhere\\nelse' does not exist"),
    "long-reference": ("components[8].parent", "...(10,000 characters)"),
    "digits-version": ("line 1, column 35", "5,000 digits"),
    "lone-surrogate": ("components[5].label", "surrogate"),
    "nested-too-deep": ("components[0].label[0]...", "WEAKLINK_MAX_JSON_DEPTH"),
    "mtbf-too-large": ("components[5].mtbf_hours", "less than or equal to 1000000000"),
}


def test_every_committed_bad_file_has_an_expectation():
    on_disk = {p.name.removesuffix(".weaklink.json") for p in BAD.glob("*.weaklink.json")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused_with_file_place_and_reason(name):
    path = BAD / f"{name}.weaklink.json"
    with pytest.raises(LoadError) as caught:
        load_design(path)
    where, word = EXPECTED[name]
    first = caught.value.errors[0]
    assert (first.file, first.where) == (str(path), where)
    assert word in first.message
    assert str(first) == f"{path}: {where}: {first.message}"


def test_several_problems_are_reported_together(tmp_path):
    raw = _wrapped({"components": [
        {"id": "a", "kind": "site", "x": "left"},
        {"id": "b", "kind": "warp-drive"},
        {"id": "c", "kind": "server", "quorum": 2}]})
    with pytest.raises(LoadError) as caught:
        design_from_dict(raw, source="pasted")
    places = [e.where for e in caught.value.errors]
    assert places == ["components[0].x", "components[1].kind", "components[2]"]
    assert str(caught.value).count("pasted: ") == 3


def test_structural_problems_are_all_reported_with_the_owner_id():
    raw = _wrapped({"components": [
        {"id": "srv", "kind": "server", "parent": "nowhere"},
        {"id": "svc", "kind": "service", "parent": "srv", "tier": "ghost"}]})
    with pytest.raises(LoadError) as caught:
        design_from_dict(raw, source="f.json")
    lines = [str(e) for e in caught.value.errors]
    assert lines == [
        "f.json: components[0].parent: placement parent 'nowhere' does not exist "
        '(component "srv")',
        "f.json: components[1].tier: tier 'ghost' does not exist (component \"svc\")"]


def test_garbage_of_20_megabytes_is_refused_quickly(tmp_path):
    path = tmp_path / "garbage.weaklink.json"
    path.write_bytes(os.urandom(20 * 1024 * 1024))
    with pytest.raises(LoadError) as caught:
        load_design(path)
    assert caught.value.file == str(path)
    assert "binary" in caught.value.message or "UTF-8" in caught.value.message


def test_printable_garbage_is_refused_as_not_json(tmp_path):
    path = tmp_path / "words.weaklink.json"
    path.write_text("lorem ipsum " * 100_000)
    with pytest.raises(LoadError, match=r"line 1, column 1: not valid JSON"):
        load_design(path)


def test_file_over_the_size_cap_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.weaklink.json"
    with open(path, "wb") as handle:     # sparse: costs no disk and no time
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(LoadError, match="larger than 50 MB"):
        load_design(path)


def test_missing_file_and_folder_are_named(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_design(tmp_path / "absent.weaklink.json")
    with pytest.raises(LoadError, match="is a folder"):
        load_design(tmp_path)


def test_deep_nesting_is_refused_not_crashed(tmp_path):
    path = tmp_path / "deep.weaklink.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(LoadError) as caught:
        load_design(path)
    assert caught.value.where == "$"


def test_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    text = (EXAMPLES / "monolith.weaklink.json").read_text(encoding="utf-8")
    path = tmp_path / "bom.weaklink.json"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert load_design(path) == load_design(EXAMPLES / "monolith.weaklink.json")


def test_overflowing_number_is_refused_where_it_stands(tmp_path):
    path = tmp_path / "huge-number.weaklink.json"
    path.write_text('{"format": "weaklink", "version": 1,\n "design": {"settings": '
                    '{"horizon_months": 1e400}}}')
    with pytest.raises(LoadError) as caught:
        load_design(path)
    assert (caught.value.where, caught.value.message) == (
        "line 2, column 44", "not valid JSON: the number 1e400 is too large")


def test_utf16_file_gets_a_hint_to_re_save_as_utf8(tmp_path):
    path = tmp_path / "notepad.weaklink.json"
    path.write_text('{"format": "weaklink"}', encoding="utf-16")
    with pytest.raises(LoadError, match=r": \$: is saved as UTF-16"):
        load_design(path)


def test_unknown_top_level_field_is_refused():
    raw = {**_wrapped({}), "thumbnail": "..."}
    with pytest.raises(LoadError, match=r"^<design>: thumbnail: "):
        design_from_dict(raw)


@pytest.mark.parametrize("version, where, word", [
    ("1", "version", "whole number"), (True, "version", "whole number"),
    (0, "version", "start at 1"), (None, "version", "whole number")])
def test_bad_versions_are_refused(version, where, word):
    raw = {"format": "weaklink", "version": version, "design": {}}
    with pytest.raises(LoadError) as caught:
        design_from_dict(raw)
    assert caught.value.where == where and word in caught.value.message


def test_design_that_is_not_an_object_is_refused():
    with pytest.raises(LoadError, match='"design" must be a JSON object, got array'):
        design_from_dict({"format": "weaklink", "version": 1, "design": []})


def test_loaded_values_are_typed():
    design = load_design(EXAMPLES / "three-tier.weaklink.json")
    fw = design.by_id["fw-db"]
    assert fw.rules[0].port == 5432 and fw.default_deny is True
    assert json.loads(json.dumps(design.settings.model_dump(mode="json")))["name"] == \
        "Three-tier"


def _wrapped(design: dict) -> dict:
    return {"format": "weaklink", "version": 1, "design": design}


@pytest.mark.parametrize("design, expected", [
    ({"settings": "x"}, 'settings: must be an object, got the text "x"'),
    ({"components": {}}, "components: must be an array, got an object"),
    ({"components": [{"id": "a", "kind": "tier", "quorum": 1.5}]},
     'components[0].quorum: must be a whole number, got the number 1.5 (component "a")'),
    ({"components": [{"id": "a", "kind": "site", "entry": True}]},
     "components[0]: 'entry' does not apply to a Site (component \"a\")"),
    ({"components": [{"id": "", "kind": "site"}]},
     'components[0].id: must have at least 1 character, got the text ""'),
    ({"components": [{"kind": "site"}]}, "components[0].id: is required but missing"),
    ({"settings": {"kind_overrides": {"mainframe": {}}}},
     'settings.kind_overrides.mainframe: unknown value "mainframe"; expected '),
    ({"settings": {"ccf_groups": {"two words": "high"}}},
     'settings.ccf_groups["two words"]: must be a number, got the text "high"'),
])
def test_pydantic_refusals_read_as_json_paths_and_plain_words(design, expected):
    with pytest.raises(LoadError) as caught:
        design_from_dict(_wrapped(design), source="f")
    assert str(caught.value).startswith("f: " + expected)


def test_messages_name_a_kind_with_its_article():
    """"a Internet does not supply power" read as a typo: the Internet is
    "the Internet", an ISP uplink "an ISP uplink"; the palette's hints too
    ("to add a ups" lowercased the acronyms)."""
    from designer.model import Kind
    assert Kind.INTERNET.a_title == "the Internet"
    assert Kind.ISP_UPLINK.a_title == "an ISP uplink"
    assert Kind.UPS.a_title == "a UPS" and Kind.SERVER.a_title == "a Server"
    data = json.loads((EXAMPLES / "three-tier.weaklink.json").read_text())
    link = next(k for k in data["design"]["links"] if k["id"] == "pwr-feed-a-proxy-1-psu2")
    link["source"] = "internet"
    with pytest.raises(LoadError, match="the Internet does not supply power"):
        design_from_dict(data)
