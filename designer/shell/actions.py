"""The window's commands: every QAction with its shortcut, and the menus and
toolbar they sit in. Declarative on purpose: what each action calls lives in
the canvas view, the file controller or the window, never here.

Standard shortcuts come from QKeySequence.StandardKey so they follow the
platform (Ctrl+Z / Cmd+Z ...); the few of our own are Ctrl+0 fit, Ctrl+D
duplicate, V select tool, C connect tool, Esc back to selecting."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from designer.shell import action_icons
from designer.shell import files
from designer.shell import help as help_windows

Std = QKeySequence.StandardKey
ALIGN = [("Left edges", "left"), ("Horizontal centres", "hcenter"), ("Right edges", "right"),
         ("Top edges", "top"), ("Vertical centres", "vcenter"), ("Bottom edges", "bottom"),
         ("Distribute horizontally", "distribute-h"), ("Distribute vertically", "distribute-v")]


class Actions:
    def __init__(self, window) -> None:
        self.w = window
        self.all: dict[str, QAction] = {}
        self._file_actions()
        self._edit_actions()
        self._view_actions()
        self._analysis_actions()
        self.set_icons()

    # -- building ------------------------------------------------------------------
    def add(self, key: str, text: str, slot=None, shortcut=None, tip: str = "",
            checkable: bool = False) -> QAction:
        """An action under `key`; without `slot`, whoever owns the behaviour
        connects it (the live analysis connects the Analysis commands)."""
        action = QAction(text, self.w)
        if shortcut is not None:
            set_keys(action, shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        self.w.addAction(action)        # shortcuts work with the menu bar hidden too
        self.all[key] = action
        return action

    def _file_actions(self) -> None:
        f = self.w.files
        self.add("new", "&New", f.new_blank, Std.New, "Start a blank design")
        self.add("open", "&Open…", lambda: f.open(), Std.Open, "Open a design file")
        self.add("save", "&Save", f.save, Std.Save, "Save the design")
        self.add("save_as", "Save &As…", f.save_as, Std.SaveAs, "Save under another name")
        self.add("close", "&Close", f.close_document, Std.Close, "Close this design")
        self.add("export", "&Export…", partial(_export, "open_export", self.w), "Ctrl+E",
                 "Export the diagram or a design-review report (PDF, SVG, PNG)")
        self.add("print", "&Print…", partial(_export, "open_print", self.w), Std.Print,
                 "Print the diagram, with a preview")
        self.add("quit", "&Quit", self.w.close, Std.Quit, "Leave Weaklink")
        self.all["quit"].setMenuRole(QAction.MenuRole.QuitRole)

    def _edit_actions(self) -> None:
        v, stack = self.w.view, self.w.document.undo_stack
        undo = stack.createUndoAction(self.w, "&Undo")
        redo = stack.createRedoAction(self.w, "&Redo")
        set_keys(undo, Std.Undo)
        set_keys(redo, Std.Redo)
        for key, action in (("undo", undo), ("redo", redo)):
            self.w.addAction(action)
            self.all[key] = action
        self.add("cut", "Cu&t", v.cut, Std.Cut)
        self.add("copy", "&Copy", v.copy, Std.Copy)
        self.add("paste", "&Paste", v.paste, Std.Paste)
        self.add("duplicate", "D&uplicate", v.duplicate, "Ctrl+D", "Copy the selection in place")
        self.add("delete", "&Delete", v.delete_selection, Std.Delete)
        self.add("select_all", "Select &All", v.select_all, Std.SelectAll)
        self.add("find", "&Find…", self.w.find_bar.open_bar, Std.Find, "Find components by label")
        escape = self.add("escape", "Stop", self.w.escape, "Esc", "Back to the select tool")
        # Only over the canvas and find bar: Esc in an inspector field reverts the field.
        self.w.removeAction(escape)
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.w.centralWidget().addAction(escape)
        tools = QActionGroup(self.w)
        tools.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for key, text, keys, tool, tip in (
                ("tool_select", "&Select", "V", "select", "Select and move (V)"),
                ("tool_connect", "&Connect", "C", "connect", "Draw links between components (C)")):
            action = self.add(key, text, partial(v.set_tool, tool), keys, tip, checkable=True)
            tools.addAction(action)
        self.all["tool_select"].setChecked(True)
        for title, how in ALIGN:
            self.add(f"align_{how}", title, partial(v.align, how))
        self.add("tidy", "&Tidy Up", v.tidy_up, "Ctrl+Shift+T",
                 "Lay out each container's contents by power and dependency flow")

    def _view_actions(self) -> None:
        v = self.w.view
        self.add("zoom_in", "Zoom &In", v.zoom_in, Std.ZoomIn)
        self.add("zoom_out", "Zoom &Out", v.zoom_out, Std.ZoomOut)
        self.add("fit", "&Fit Design", v.fit_all, "Ctrl+0", "Show the whole design")
        self.add("zoom_sel", "Zoom to &Selection", v.zoom_to_selection, "Ctrl+Shift+0")
        self.add("snap", "S&nap to Grid", self.w.set_snap, None, "Snap moves to the grid",
                 checkable=True)
        self.add("dark", "&Dark Mode", self.w.set_dark, "Ctrl+Shift+D",
                 "Switch between light and dark colours", checkable=True)
        self.add("presentation", "&Presentation Mode", self.w.set_presentation,
                 ["F5", "Ctrl+Shift+P"], "Full screen for a workshop: larger labels, "
                 "no panels, the figures on the canvas; Esc leaves", checkable=True)
        hw = help_windows
        self.add("guide", "&User Guide", partial(hw.show_guide, self.w), Std.HelpContents)
        self.add("shortcuts", "&Keyboard Shortcuts", partial(hw.show_shortcuts, self.w), "Ctrl+/")
        self.add("welcome", "&Welcome", partial(_welcome, self.w), None,
                 "The templates, recent files and the tour")
        self.add("tour", "One-minute &Tour", partial(_tour, self.w), None,
                 "Five gestures: place, connect, drill, plan, export")
        self.add("about", "&About Weaklink", partial(hw.show_about, self.w))
        self.all["about"].setMenuRole(QAction.MenuRole.AboutRole)

    def _analysis_actions(self) -> None:
        self.add("analyse_now", "Analyse &now", None, "F9")   # F5 presents
        drill = self.add("drill", "Failure &drill", None, "F8", checkable=True)
        drill.setStatusTip("Click components to fail them and watch what goes down; "
                           "the design is not changed")
        self.add("drill_reset", "&Reset drill", None, "Shift+F8").setEnabled(False)
        self.add("accept_finding", "Accept finding…")   # live/findings.py connects it

    def set_icons(self) -> None:
        """(Re)colour the command icons to the current widget palette."""
        color = QApplication.palette().color(QPalette.ColorRole.ButtonText).name()
        for name in action_icons.names():
            if name in self.all:
                self.all[name].setIcon(action_icons.icon(name, color))

    # -- menus and toolbar -------------------------------------------------------------
    def fill_menus(self) -> None:
        a, w = self.all, self.w
        file_menu = w.menu("File")
        _fill(file_menu, a, ["new"])
        self.templates = file_menu.addMenu("New from &Template")
        for title, path in files.templates():
            self.templates.addAction(title, partial(w.files.new_from_template, path))
        _fill(file_menu, a, ["open"])
        self.recent = file_menu.addMenu("Open &Recent")
        _fill(file_menu, a, [None, "save", "save_as", None, "export", "print", None, "close",
                             None, "quit"])
        edit = w.menu("Edit")
        _fill(edit, a, ["undo", "redo", None, "cut", "copy", "paste", "duplicate", "delete",
                        None, "select_all", "find", None, "tool_select", "tool_connect"])
        align = edit.addMenu("&Align")
        _fill(align, a, [f"align_{how}" for _t, how in ALIGN])
        _fill(edit, a, ["tidy"])
        view = w.menu("View")
        _fill(view, a, ["zoom_in", "zoom_out", "fit", "zoom_sel", None, "snap", "dark",
                        "presentation", None])
        self.panels = view.addMenu("&Panels")
        _fill(w.menu("Analysis"), a, ["analyse_now", "drill", "drill_reset", "accept_finding"])
        _fill(w.menu("Help"), a, ["welcome", "tour", None, "guide", "shortcuts", None,
                                  "about"])

    def fill_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for number, path in enumerate(paths, start=1):
            shown = Path(path)
            action = self.recent.addAction(f"&{number % 10}  {shown.name}  —  {shown.parent}",
                                           partial(self.w.files.open, path))
            action.setData(path)
            action.setStatusTip(path)
        self.recent.setEnabled(bool(paths))

    def fill_toolbar(self, toolbar) -> None:
        _fill(toolbar, self.all, ["new", "open", "save", None, "undo", "redo", None,
                                  "tool_select", "tool_connect", None, "zoom_in",
                                  "zoom_out", "fit", None, "dark", "drill"])


def _export(what: str, window) -> None:
    """File > Export / Print (designer/export, imported when first used)."""
    from designer.export import window as export_window
    getattr(export_window, what)(window)


def set_keys(action: QAction, shortcut) -> None:
    """Every binding of a standard key (setShortcut keeps only the first:
    Ctrl+F4 but not Ctrl+W for Close, Ctrl+Y but not Ctrl+Shift+Z for Redo)."""
    if isinstance(shortcut, Std):
        action.setShortcuts(shortcut)
    elif isinstance(shortcut, list):
        action.setShortcuts([QKeySequence(k) for k in shortcut])
    else:
        action.setShortcut(QKeySequence(shortcut))


def _fill(target, actions: dict[str, QAction], keys: list[str | None]) -> None:
    for key in keys:
        if key is None:
            target.addSeparator()
        else:
            target.addAction(actions[key])


def _welcome(window) -> None:
    from designer.shell import welcome
    welcome.show_welcome(window)


def _tour(window) -> None:
    from designer.shell import tour
    tour.TourDialog(window).exec()
