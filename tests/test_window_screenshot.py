"""`weaklink FILE --screenshot OUT.png --size WxH` renders the window to a
PNG of that size, with the design on it, and exits 0; it touches neither the
user's preferences nor any recovery journal."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.window_helpers import MONOLITH


def _weaklink(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state")}
    code = "from designer.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, timeout=120)


def _distinct_colours(image: QImage) -> int:
    seen = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_screenshot_writes_a_png_of_the_asked_size_showing_the_design(tmp_path):
    out = tmp_path / "shot.png"
    done = _weaklink(str(MONOLITH), "--screenshot", str(out), "--size", "1000x700",
                     home=tmp_path)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    assert _distinct_colours(image) > 40          # menus, docks, icons and the drawing
    assert not (tmp_path / "state").exists() or not any((tmp_path / "state").rglob("*.json"))
    assert not (tmp_path / "config").exists() or not any((tmp_path / "config").rglob("*"))


def test_screenshot_of_a_bad_file_fails_with_the_loaders_message(tmp_path):
    bad = tmp_path / "bad.weaklink.json"
    bad.write_text("{ not json")
    out = tmp_path / "shot.png"
    done = _weaklink(str(bad), "--screenshot", str(out), home=tmp_path)
    assert done.returncode == 2
    assert "bad.weaklink.json" in done.stderr and "line 1" in done.stderr
    assert not out.exists()


def test_a_malformed_size_is_refused(tmp_path):
    done = _weaklink(str(MONOLITH), "--screenshot", str(tmp_path / "x.png"), "--size", "big",
                     home=tmp_path)
    assert done.returncode == 2 and "WIDTHxHEIGHT" in done.stderr
