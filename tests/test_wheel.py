"""The package installs: a wheel built from a copy of the source tree,
installed into a fresh virtual environment in a temporary folder, runs
`weaklink --version`, `weaklink analyze` on a bundled template and
`--screenshot` from a working directory outside the source tree.

Kept fast and offline: the wheel is built without build isolation, installed
without dependencies, and the new environment sees this environment's
already-installed dependencies through a .pth file. A path line in a .pth
adds a folder to sys.path without running that folder's own .pth files, so
the editable install of the source tree stays out of sight: `designer` can
only come from the wheel, which the test checks."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SKIP = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__",
                              "tests", "benchmarks", ".pytest_cache", "*.pyc")


def run(argv, cwd: Path, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=120, **kw)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the new environment's bin folder, a working folder outside the tree)."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=SKIP)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "-w", str(tmp / "dist"), str(source)], cwd=tmp)
    wheel = next((tmp / "dist").glob("weaklink-*.whl"))
    env = tmp / "env"
    venv.EnvBuilder(with_pip=False).create(env)
    bin_dir = env / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wheel)], cwd=tmp)
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                    cwd=tmp).stdout.strip())
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    work = tmp / "work"
    work.mkdir()
    return bin_dir, work


def test_the_package_comes_from_the_wheel_with_its_data(installed):
    bin_dir, work = installed
    probe = ("import re, designer, designer.data as d; print(designer.__file__); "
             "print(d.template('three-tier')); print(d.path('resources', 'defaults.json')); "
             "print(d.path('resources', 'fonts', 'DejaVuSans.ttf')); "
             "guide = d.path('docs', 'user-guide.md'); print(guide); "
             "[print(guide.parent / p) for p in re.findall(r'\\]\\((images/[^)]+)\\)', "
             "guide.read_text())]; print(len(d.templates()))")
    lines = run([str(bin_dir / "python"), "-c", probe], cwd=work).stdout.split()
    env = bin_dir.parent
    assert len(lines) >= 7                      # the guide shows at least one picture
    for line in lines[:-1]:
        assert Path(line).is_relative_to(env) and Path(line).exists(), line
    assert int(lines[-1]) >= 4                  # every example is a template


def test_version_analyze_and_screenshot_run_from_the_installed_wheel(installed):
    bin_dir, work = installed
    weaklink = str(bin_dir / "weaklink")
    assert run([weaklink, "--version"], cwd=work).stdout.strip() == "weaklink, version 0.1.0"
    template = run([str(bin_dir / "python"), "-c",
                    "from designer import data; print(data.template('three-tier'))"],
                   cwd=work).stdout.strip()
    report = run([weaklink, "analyze", template], cwd=work).stdout
    assert "Design: Three-tier" in report and "Availability:" in report and "Cost:" in report
    shot = work / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([weaklink, template, "--screenshot", str(shot), "--size", "900x600"], cwd=work, env=env)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    module = run([str(bin_dir / "python"), "-m", "designer", "--version"], cwd=work).stdout
    assert module.strip() == "weaklink, version 0.1.0"
