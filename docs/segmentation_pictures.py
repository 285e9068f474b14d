"""Regenerate the segmentation pictures in docs/images:
`QT_QPA_PLATFORM=offscreen .venv/bin/python docs/segmentation_pictures.py`.

findings-canvas.png: the three-tier example after someone opened PostgreSQL
on all three firewalls; the critical finding selected in Problems, its path
drawn, the zone and firewalls marked. matrix.png: the reachability matrix
of the three-tier example with the Internet -> nginx:443 cell explained."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from designer.live.controller import attach  # noqa: E402
from designer.look import theme  # noqa: E402
from designer.panels.findings_rows import FINDING  # noqa: E402
from designer.shell.dialogs import HeadlessPrompts  # noqa: E402
from designer.shell.mainwindow import MainWindow  # noqa: E402
from designer.shell.settings import AppSettings  # noqa: E402
from tests.segmentation_support import prepend_rules, three_tier  # noqa: E402

OUT = ROOT / "docs" / "images"


def window_on(app, design, scratch):
    settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppSettings(settings), HeadlessPrompts())
    window.resize(1600, 1000)
    live = attach(window)
    window.show()
    window.document.load(design)
    while live.result is None or live.findings.result is None:
        app.processEvents()
    window.view.fit_all()
    for _ in range(20):
        app.processEvents()
    return window, live


def main() -> int:
    app = QApplication.instance() or QApplication([])
    theme.setup(app, dark=False)
    with tempfile.TemporaryDirectory() as scratch:
        design = three_tier()
        for fw in ("fw-edge", "fw-web", "fw-db"):
            design = prepend_rules(design, fw, {"destination": "postgres-1", "port": 5432,
                                                "comment": "temporary: DBA from home"})
        window, live = window_on(app, design, scratch)
        window.docks["problems"].raise_()
        tree = window.problems.tree
        for i in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(i)
            group.setExpanded(group.text(0).startswith("Critical"))
            if group.text(0).startswith("Critical"):
                tree.scrollToItem(group)
                tree.setCurrentItem(group.child(0))
                assert group.child(0).data(0, FINDING)
        app.processEvents()
        window.grab().save(str(OUT / "findings-canvas.png"))
        live.shutdown()
        window.close()
        window, live = window_on(app, three_tier(), scratch)
        table = live.findings.matrix.table
        live.findings.dock.raise_()
        live.findings.matrix.explain(0, 1)          # Internet -> nginx :443
        app.processEvents()
        live.findings.dock.grab().save(str(OUT / "matrix.png"))
        print(table.item(0, 1).text(), "|", live.findings.matrix.detail.text())
        live.shutdown()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
