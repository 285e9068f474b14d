"""`weaklink export`: files written as asked (in a fresh interpreter, with no
display), exit 2 with a sentence on a bad design or an unwritable place, an
existing file untouched when an export fails, and no temporary file left."""
from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from designer.io import load_design
from tests.export_support import EXAMPLES, all_text, page_size_pt, reader

ROOT = Path(__file__).parents[1]
A3 = (841.9, 1190.6)


def _weaklink(*args: str, before: str = "") -> subprocess.CompletedProcess:
    """`weaklink export ARGS` without a display; `before`: Python run first
    (a stand-in made to hang)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    entry = before + "from designer.cli import main; main()"
    return subprocess.run([sys.executable, "-c", entry, "export", *args], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=300)


def test_pdf_svg_and_png_in_one_run_without_a_display(tmp_path):
    source = EXAMPLES[0]
    pdf, svg, png = tmp_path / "d.pdf", tmp_path / "d.svg", tmp_path / "d.png"
    run = _weaklink(str(source), "--pdf", str(pdf), "--page", "A3", "--landscape",
                    "--svg", str(svg), "--png", str(png), "--dpi", "150")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    page = reader(pdf.read_bytes()).pages[0]
    assert page_size_pt(page) == pytest.approx(A3[::-1], abs=1.5)
    ET.fromstring(svg.read_bytes())
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert load_design(pdf) == load_design(source)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.pdf", "d.png", "d.svg"]


def test_report_with_its_plan_and_tiles(tmp_path):
    source = next(p for p in EXAMPLES if "monolith" in p.name)
    report, tiles = tmp_path / "r.pdf", tmp_path / "t.pdf"
    run = _weaklink(str(source), "--pdf", str(report), "--report", "--plan")
    assert run.returncode == 0, run.stderr
    pdf = reader(report.read_bytes())
    assert len(pdf.pages) > 3
    assert "Cost and availability" in all_text(pdf) and "Top three fixes" in all_text(pdf)
    run = _weaklink(str(source), "--pdf", str(tiles), "--tile", "--scale", "150")
    assert run.returncode == 0, run.stderr
    assert len(reader(tiles.read_bytes()).pages) > 2


def test_a_bad_design_exits_2_with_its_errors(tmp_path):
    bad = tmp_path / "bad.weaklink.json"
    bad.write_text("{ not json")
    run = _weaklink(str(bad), "--pdf", str(tmp_path / "x.pdf"))
    assert run.returncode == 2
    assert str(bad) in run.stderr and "not valid JSON" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_failed_export_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    old = tmp_path / "old.png"
    old.write_bytes(b"previous")
    source = next(p for p in EXAMPLES if "multi-site" in p.name)
    run = _weaklink(str(source), "--png", str(old), "--dpi", "1200")
    assert run.returncode == 2 and "too large" in run.stderr
    assert "Traceback" not in run.stderr
    assert old.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["old.png"]


def test_a_read_only_place_is_refused_before_rendering(tmp_path, monkeypatch):
    from designer.export.files import ExportError, check_writable
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(ExportError) as err:
        check_writable(str(tmp_path / "x.pdf"))
    assert "permission denied" in str(err.value) and str(tmp_path) in str(err.value)


def test_a_missing_folder_or_a_folder_as_target_exits_2(tmp_path):
    for target, words in ((tmp_path / "nowhere" / "x.pdf", "does not exist"),
                          (tmp_path, "is a folder")):
        run = _weaklink(str(EXAMPLES[0]), "--svg", str(target))
        assert run.returncode == 2, target
        assert words in run.stderr and "Traceback" not in run.stderr


def test_nothing_to_write_and_unknown_ids_are_refused(tmp_path):
    run = _weaklink(str(EXAMPLES[0]))
    assert run.returncode == 2 and "--pdf OUT" in run.stderr
    run = _weaklink(str(EXAMPLES[0]), "--png", str(tmp_path / "a.png"), "--only", "no-such")
    assert run.returncode == 2 and "no-such" in run.stderr


def test_an_export_stopped_after_its_pdf_says_the_pdf_was_written(tmp_path):
    """`--pdf` and `--svg`, the SVG never coming (its drawing made to hang):
    `--timeout` stops the job, and its line names the PDF, whole on disk,
    where it said that nothing was written."""
    pdf, svg = tmp_path / "d.pdf", tmp_path / "d.svg"
    hang = ("import time; from designer.export import output; "
            "output.diagram_svg = lambda *a, **k: time.sleep(60); ")
    run = _weaklink(str(EXAMPLES[0]), "--pdf", str(pdf), "--svg", str(svg), "--timeout", "8",
                    before=hang)
    assert run.returncode == 3, run.stderr
    last = run.stderr.strip().splitlines()[-1]
    assert last.endswith(f"; only {pdf} was written"), last
    assert reader(pdf.read_bytes()).pages and not svg.exists()


def test_an_export_stopped_inside_its_write_leaves_no_temporary(tmp_path):
    """The PDF's atomic write held in the middle (its fsync made to hang):
    `--timeout` ends the process at once, and the hidden temporary file the
    write had begun is removed with it, where it stayed behind."""
    pdf = tmp_path / "d.pdf"
    run = _weaklink(str(EXAMPLES[0]), "--pdf", str(pdf), "--timeout", "8",
                    before="import os, time; os.fsync = lambda fd: time.sleep(60); ")
    assert run.returncode == 3, run.stderr
    assert run.stderr.strip().splitlines()[-1].endswith("; nothing was written")
    assert list(tmp_path.iterdir()) == []
