"""`weaklink self-test`, the installation check `make dist` runs inside the
bundle: templates load and analyse, the analysis worker runs in a separate
process, the window renders offscreen, and `--templates` copies the
templates out for a user to start from."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from designer import data


def test_self_test_passes_and_copies_the_templates(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "designer", "self-test",
                           "--templates", str(tmp_path / "t")],
                          capture_output=True, text=True, timeout=180, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == [
        "bundled templates", "analysis worker process", "offscreen rendering"]
    assert all(": ok (" in line for line in lines[:3])
    pid = int(lines[1].split("pid ")[1].split(",")[0])
    assert pid != os.getpid()
    copied = sorted(p.name for p in (tmp_path / "t").iterdir())
    assert copied == sorted(p.name for p in data.templates())
    json.loads((tmp_path / "t" / copied[0]).read_text())       # whole files, not stubs
