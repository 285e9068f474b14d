"""designer.model, designer.analysis, designer.io (export aside), the report
layer designer.report and designer.data never load Qt: checked at run time in
a fresh interpreter, and statically by import-linter with the contracts in
pyproject.toml (which also keep the analysis from depending on the report)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]

# Walks every module of the Qt-free packages, imports it, and reports which
# GUI modules ended up loaded. Run in a subprocess: this test process may
# already hold Qt from other tests.
_PROBE = """
import importlib, json, pkgutil, sys
imported = []
for name in ("designer.model", "designer.analysis", "designer.io", "designer.report",
             "designer.data", "designer.layout"):
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        if info.name.startswith("designer.io.export"):
            continue    # export renders with Qt by design
        importlib.import_module(info.name)
        imported.append(info.name)
gui = sorted(m for m in sys.modules
             if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph")
             or m.startswith(("designer.canvas", "designer.panels", "designer.commands",
                              "designer.live", "designer.shell", "designer.look")))
print(json.dumps({"imported": imported, "gui": gui}))
"""


def test_model_analysis_io_and_report_import_no_qt_at_run_time():
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    report = json.loads(done.stdout)
    assert report["gui"] == []
    # The walk really reached the modules, not just the package roots.
    assert {"designer.model.rules", "designer.analysis.ir", "designer.io.load",
            "designer.report.text", "designer.report.states"} <= set(report["imported"])


def test_import_linter_contract_holds():
    run_linter = ("import sys; from importlinter.cli import lint_imports; "
                  "sys.exit(lint_imports(no_cache=True, no_logo=True))")
    done = subprocess.run([sys.executable, "-c", run_linter], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Model, analysis, io, report and data stay free of Qt KEPT" in done.stdout
    assert "The analysis does not depend on the report layer KEPT" in done.stdout
