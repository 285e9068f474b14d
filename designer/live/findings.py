"""Segmentation findings in the main window (wiring only):

    scheduler.partReady(Phase.FINDINGS) --> Problems groups by severity,
        canvas marks (zone borders, firewalls), status bar count, matrix dock
    Problems: current finding row --> its path drawn on the canvas
    Problems: right-click a finding --> Fix: ... (a fix that adds hardware, as
        the cost planner's candidate, Document.apply_patch), Accept finding... /
        Withdraw acceptance (Document.set_accepted: one undo step each)
    Matrix dock: click a cell --> its path on the canvas

The window builds the matrix dock (`window.matrix`), the status-bar count
(`window.findings_count`) and the "accept_finding" command; this only
connects results to them. `attach_findings(live)` is called by
designer/live/controller.attach.
"""
from __future__ import annotations

import weakref
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu

from designer.analysis.result import Phase
from designer.live.findings_marks import FindingMarks
from designer.look import style
from designer.model import AcceptedFinding
from designer.model.naming import names_of
from designer.panels.accept_dialog import AcceptDialog
from designer.panels.findings_rows import FINDING, show_findings
from designer.report import findings as words


class FindingsView(QObject):
    def __init__(self, live) -> None:
        super().__init__(live)
        self.live, self.window = live, live.window
        self.document = live.document
        self.result = None
        self.names: dict[str, str] = {}
        self.marks = FindingMarks(live.scene, self.document)
        self.matrix, self.count = self.window.matrix, self.window.findings_count
        self.dock = self.window.docks["reachability"]
        self.accept_action = self.window.actions.all["accept_finding"]
        self.accept_action.triggered.connect(self._accept_selected)
        tree = self.window.problems.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._menu)
        tree.currentItemChanged.connect(self._current)
        live.scheduler.partReady.connect(self._part)
        live.scheduler.resultReady.connect(lambda _r: self._reshow())
        self.matrix.pathRequested.connect(self.marks.show_path)
        # The Problems panel rebuilds its tree on a palette change (after
        # this listener was added, so this one runs second): add ours back.
        ref = weakref.WeakMethod(self._reshow)
        self._listener = lambda: ref() and ref()()
        style.add_listener(self._listener)
        self.destroyed.connect(lambda *_: style.remove_listener(self._listener))

    # -- results ---------------------------------------------------------------
    def _part(self, phase, part) -> None:
        if phase is Phase.FINDINGS:
            self.show(part)

    def show(self, result) -> None:
        design = self.document.snapshot()
        self.result, self.names = result, names_of(design.components)
        self._reshow()
        self.marks.show(result)
        self.marks.show_path([])
        self.count.setText(words.count_line(result))
        self.matrix.set_result(design, result, self.name)

    def _reshow(self) -> None:
        """(Re)build the finding groups: the Problems panel rebuilds its tree
        for every structural result."""
        if self.result is not None:
            show_findings(self.window.problems.tree, self.result, self.name)

    def name(self, cid: str) -> str:
        return self.names.get(cid) or (self.result.label(cid) if self.result else cid)

    def finding(self, fid: str | None):
        if self.result is None or fid is None:
            return None
        return next((f for f in self.result.findings if f.id == fid), None)

    # -- pointing --------------------------------------------------------------
    def _current(self, item, _previous=None) -> None:
        found = self.finding(item.data(0, FINDING) if item is not None else None)
        if found is None:
            self.marks.show_path([])
            return
        self.marks.show_path(list(found.evidence.path), found.severity)

    def selected_finding(self):
        item = self.window.problems.tree.currentItem()
        return self.finding(item.data(0, FINDING) if item is not None else None)

    def _menu(self, pos) -> None:
        tree = self.window.problems.tree
        found = self.finding(tree.itemAt(pos).data(0, FINDING)
                             if tree.itemAt(pos) is not None else None)
        if found is None:
            return
        menu = QMenu(tree)
        for candidate in self.fixes(found):
            menu.addAction(f"Fix: {candidate.description}",
                           lambda c=candidate: self.document.apply_patch(c.patch))
        if found.accepted is None:
            menu.addAction("Accept finding…", lambda: self.ask_accept(found))
        else:
            menu.addAction("Withdraw acceptance", lambda: self.withdraw(found.id))
        menu.exec(tree.viewport().mapToGlobal(pos))

    def fixes(self, finding) -> list:
        """The finding's fixes that add hardware, as the cost planner's
        candidates (one undoable edit each, Document.apply_patch)."""
        from designer.analysis.segmentation.remedies import fix_candidates
        return fix_candidates(self.document.snapshot(), finding)

    # -- accepting (undoable document edits) --------------------------------------
    def _accept_selected(self, _checked: bool = False) -> None:
        self.ask_accept()

    def ask_accept(self, finding=None) -> None:
        finding = finding or self.selected_finding()
        if finding is None:
            self.window.statusBar().showMessage("Select a finding in the Problems panel "
                                                "first.", 4000)
            return
        dialog = AcceptDialog(words.title(finding), words.message(finding, self.name),
                              self.window)
        if dialog.exec():
            self.accept(finding.id, *dialog.values())

    def accept(self, fid: str, justification: str, owner: str,
               expires: date | None = None) -> None:
        entry = AcceptedFinding(finding=fid, justification=justification, owner=owner,
                                expires=expires)
        others = [a for a in self.document.accepted if a.finding != fid]
        self.document.set_accepted([*others, entry], "Accept finding")

    def withdraw(self, fid: str) -> None:
        self.document.set_accepted([a for a in self.document.accepted if a.finding != fid],
                                   "Withdraw acceptance")


def attach_findings(live) -> FindingsView:
    live.findings = FindingsView(live)
    return live.findings
