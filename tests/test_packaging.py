"""The desktop-integration files `make dist` puts into the bundle: the
AppStream metainfo names the desktop entry that exists, the entry starts
`weaklink` with a file, and the icon script renders every usual size.
(`make dist` itself builds and smoke-tests the bundle; it takes minutes and
installs PyInstaller, so it is not part of `make test`.)"""
from __future__ import annotations

import configparser
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QImage

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


def test_metainfo_launches_the_desktop_entry_that_exists():
    root = ET.parse(PACKAGING / "io.github.weaklink.Weaklink.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    launchable = root.find("launchable").text
    assert (PACKAGING / launchable).is_file()
    assert root.find("provides/binary").text == "weaklink"
    assert root.find("name").text == "Weaklink" and root.find("summary").text


def test_desktop_entry_opens_design_files_with_weaklink():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "weaklink.desktop")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "weaklink %f" and section["Icon"] == "weaklink"
    assert "application/x-weaklink+json" in section["MimeType"]


def test_icons_render_in_every_usual_size(tmp_path):
    done = subprocess.run([sys.executable, str(PACKAGING / "make_icons.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for size in (16, 32, 48, 128, 256, 512):
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "weaklink.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() > 0     # not blank
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "weaklink.svg").stat().st_size > 200


def test_the_bundle_leaves_out_what_the_analysis_only_compiles_with():
    """numba and llvmlite (about 210 MB) stay out of the bundle, whose
    analysis runs the numpy passes and reads diagrams through CUDD's dump
    (docs/dependencies.md): every module the analysis imports only when
    it compiles is in the spec's excludes."""
    import ast
    analysis = PACKAGING.parent / "designer" / "analysis"
    compiled_only = {"numba", "llvmlite"}
    imported = set()
    for source in analysis.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
    spec = (PACKAGING / "weaklink.spec").read_text(encoding="utf-8")
    excludes = ast.literal_eval(spec.split("UNUSED_PY = ", 1)[1].split("\n\n", 1)[0])
    assert compiled_only <= imported            # the analysis does import them
    assert compiled_only <= set(excludes)
