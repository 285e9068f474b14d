"""The main window: canvas in the middle, docks around it, menus, toolbar,
status bar, title with the modified mark. It composes parts and forwards;
the parts do the work (actions.py, files.py, recovery.py, panels/).

Public surface for other parts (the live analysis adds its docks here):
  window.document        the Document (the one mutator)
  window.view            the CanvasView
  window.files           the FileController
  window.add_dock(title, widget, area) -> QDockWidget
  window.menu(name) -> QMenu   "File", "Edit", "View", "Analysis", "Help"
                                (created on first use, kept in that order)
  window.toolbar         the main QToolBar
  window.status_slot     QWidget with a QHBoxLayout in the status bar
  window.actions.all     QActions by key ("save", "undo", "fit", "drill", ...)
  window.problems        the Problems panel (bottom dock), window.figures the
                         analysis figures in the status bar: built here, filled
                         by the live analysis (designer/live/controller.py)
  window.matrix          the reachability matrix (dock "reachability") and
  window.findings_count  the findings count in the status bar: built here,
                         filled by designer/live/findings.py
  window.cost_panel      the cost panel (dock "cost", panels/cost_dock.py)
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMenu, QToolBar, QVBoxLayout,
                               QWidget)

from designer.look import theme
from designer.shell.actions import Actions
from designer.canvas import CanvasView
from designer.shell.dialogs import Prompts
from designer.document import Document
from designer.shell.files import FileController, display_name, dropped_design
from designer.look.legend import LegendWidget
from designer.panels import cost_dock
from designer.panels.figures import FiguresBar
from designer.panels.findbar import FindBar
from designer.panels.history import History
from designer.panels.inspector import Inspector
from designer.panels.matrix import MatrixPanel
from designer.panels.minimap import Minimap
from designer.panels.palette import Palette
from designer.panels.problems import ProblemsPanel
from designer.panels.statusbar import StatusArea
from designer.shell.settings import AppSettings


class _Relay(QObject):
    """Forwards a signal to `slot` for as long as this child object lives."""

    def __init__(self, slot, parent: QObject) -> None:
        super().__init__(parent)
        self._slot = slot

    def call(self, *args) -> None:
        self._slot(*args)


MENUS = ("File", "Edit", "View", "Analysis", "Help")
Area = Qt.DockWidgetArea


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings | None = None, prompts: Prompts | None = None,
                 document: Document | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.prompts = prompts or Prompts(self)
        # Made before the document on purpose: Qt deletes a window's children
        # in creation order, so the relay and its connection are gone before
        # the undo stack's destructor emits cleanChanged into a dead window.
        self._title_relay = _Relay(self.update_title, self)
        self.document = document or Document(parent=self)
        self.files = FileController(self.document, self.settings, self.prompts, self)
        self._menus: dict[str, QMenu] = {}
        self._built = False
        self.setAcceptDrops(True)
        self._build_centre()
        self.actions = Actions(self)
        self.actions.fill_menus()
        self._build_toolbar()
        self._build_docks()
        self._build_status()
        self._connect()
        self._restore_preferences()
        self._built = True
        self._build_analysis_docks()
        self.update_title()

    # -- public surface ------------------------------------------------------------
    def menu(self, name: str) -> QMenu:
        if name not in self._menus:
            menu = QMenu("&" + name, self)
            later = [self._menus[m] for m in MENUS[MENUS.index(name) + 1:]
                     if m in self._menus] if name in MENUS else []
            bar = self.menuBar()
            if later:
                bar.insertMenu(later[0].menuAction(), menu)
            else:
                bar.addMenu(menu)
            self._menus[name] = menu
        return self._menus[name]

    def add_dock(self, title: str, widget: QWidget, area=Area.RightDockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName("dock-" + title.lower().replace(" ", "-"))
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        if self._built and area == Area.RightDockWidgetArea:
            self.tabifyDockWidget(self.docks["history"], dock)   # below the inspector
            dock.raise_()
        elif self._built and area == Area.BottomDockWidgetArea:
            self.resizeDocks([dock], [210], Qt.Orientation.Vertical)
        self.actions.panels.addAction(dock.toggleViewAction())
        return dock

    # -- building ----------------------------------------------------------------
    def _build_centre(self) -> None:
        self.view = CanvasView(self.document)
        self.find_bar = FindBar(self.view)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        self.setCentralWidget(centre)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Main toolbar", self)
        self.toolbar.setObjectName("toolbar-main")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        for key in ("undo", "redo"):
            self.actions.all[key].setIconText(key.capitalize())
        self.actions.fill_toolbar(self.toolbar)
        self.addToolBar(self.toolbar)

    def _build_docks(self) -> None:
        # Side panels run the full height; a bottom panel sits under the canvas only.
        self.setCorner(Qt.Corner.BottomLeftCorner, Area.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Area.RightDockWidgetArea)
        dark = self.settings.dark()
        self.palette_panel = Palette(dark)
        self.inspector = Inspector(self.document)
        self.history = History(self.document)
        self.minimap = Minimap(self.view)
        self.legend = LegendWidget()
        self.problems = ProblemsPanel()
        self.docks = {
            "palette": self.add_dock("Palette", self.palette_panel, Area.LeftDockWidgetArea),
            "overview": self.add_dock("Overview", self.minimap, Area.LeftDockWidgetArea),
            "inspector": self.add_dock("Inspector", self.inspector),
            "history": self.add_dock("History", self.history),
            "legend": self.add_dock("Legend", self.legend),
            # Along the bottom: explanations are sentences and need the width.
            "problems": self.add_dock("Problems", self.problems, Area.BottomDockWidgetArea),
        }
        self.tabifyDockWidget(self.docks["history"], self.docks["legend"])
        self.docks["history"].raise_()
        self.resizeDocks([self.docks["palette"], self.docks["inspector"]], [200, 350],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["palette"], self.docks["overview"]], [640, 150],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["inspector"], self.docks["history"]], [540, 250],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["problems"]], [210], Qt.Orientation.Vertical)

    def _build_analysis_docks(self) -> None:
        """Tabbed with Problems, which keeps its width: the reachability
        matrix, then the cost panel (closed until View > Cost panel)."""
        self.matrix = MatrixPanel()
        self.docks["reachability"] = self.add_dock("Reachability", self.matrix,
                                                   Area.BottomDockWidgetArea)
        self.tabifyDockWidget(self.docks["problems"], self.docks["reachability"])
        cost_dock.attach(self)
        self.docks["problems"].raise_()

    def _build_status(self) -> None:
        self.status = StatusArea(self.statusBar(), self.view)
        self.status_slot = self.status.slot
        self.figures = FiguresBar()
        self.status_slot.layout().addWidget(self.figures)
        self.findings_count = QLabel("")
        self.findings_count.setToolTip("Open segmentation findings (the Problems panel "
                                       "lists them)")
        self.status_slot.layout().addWidget(self.findings_count)
        self.tool_label, self.zoom_label = self.status.tool, self.status.zoom
        f = self.figures
        # A narrow bar drops these first (then the zoom and the tool): the
        # availability, the SPOF count and the cost stay.
        self.status.weigh(f.labels() + [self.findings_count],
                          [self.tool_label, self.zoom_label, f.nines, self.findings_count,
                           f.downtime])

    def _connect(self) -> None:
        doc, view = self.document, self.view
        doc.undo_stack.cleanChanged.connect(self._title_relay.call)
        doc.settingsChanged.connect(self.update_title)
        self.files.pathChanged.connect(self._path_changed)
        self.files.recentChanged.connect(self.actions.fill_recent)
        self.files.statusMessage.connect(self.show_message)
        view.statusMessage.connect(self.show_message)
        view.selectionChangedIds.connect(self.inspector.show_selection)
        self.inspector.statusMessage.connect(self.show_message)
        self.palette_panel.kindChosen.connect(view.set_tool)
        view.toolChanged.connect(self._tool_changed)
        view.componentActivated.connect(self._activated)
        self.find_bar.closed.connect(self.view.setFocus)
        self.actions.fill_recent(self.settings.recent_files())

    def restore_layout(self) -> bool:
        """The user's window size and dock layout from the last session. Call
        once every dock is added (the live analysis adds its own)."""
        geometry, state = self.settings.geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        return geometry is not None

    def _restore_preferences(self) -> None:
        self.resize(1400, 900)
        self.actions.all["snap"].setChecked(self.settings.snap())
        self.view.set_snap(self.settings.snap())
        self.actions.all["dark"].setChecked(self.settings.dark())
        self.view.set_dark(self.settings.dark())

    # -- behaviour -------------------------------------------------------------------
    def update_title(self, *_unused) -> None:
        self.setWindowTitle(f"{display_name(self.document)}[*] — Weaklink")
        self.setWindowModified(not self.document.is_clean())

    def _path_changed(self) -> None:
        self.update_title()
        self.view.fit_all()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _tool_changed(self, tool: str) -> None:
        self.status.show_tool(tool)
        for key in ("select", "connect"):
            self.actions.all["tool_" + key].setChecked(tool == key)
        if tool in ("select", "connect", "drill"):
            self.palette_panel.clear_choice()

    def _activated(self, cid: str) -> None:
        self.docks["inspector"].show()
        self.docks["inspector"].raise_()
        # The dock narrows the canvas about its centre: at 1024x700 a card
        # near the left edge, double-clicked, went out of sight behind it.
        QTimer.singleShot(0, self, lambda: self.view.keep_in_view([cid]))

    def escape(self) -> None:
        if getattr(self, "presentation", None) is not None and self.presentation.active:
            self.presentation.leave()
        elif self.find_bar.isVisible():
            self.find_bar.close_bar()
        else:
            self.view.escape()

    def set_snap(self, on: bool) -> None:
        self.view.set_snap(on)
        self.settings.set_snap(on)

    def set_dark(self, on: bool) -> None:
        theme.apply(on)
        self.actions.set_icons()
        self.view.set_dark(on)
        self.palette_panel.set_dark(on)
        self.legend.rebuild()
        self.settings.set_dark(on)

    def set_presentation(self, on: bool) -> None:
        """Full screen for a workshop (shell/presentation.py); Esc leaves."""
        if not hasattr(self, "presentation"):
            from designer.shell.presentation import Presentation
            self.presentation = Presentation(self)
        self.presentation.set_active(on)

    # -- design files dropped on the window open them ---------------------------------
    def dragEnterEvent(self, event) -> None:
        if dropped_design(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = dropped_design(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.files.open(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        event.accept()

