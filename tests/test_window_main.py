"""The main window as a user meets it: title and modified mark, the standard
shortcuts, palette click-to-place, find, dark mode, closing with
unsaved changes, and the public surface the live analysis builds on."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel

from designer.look import style
from designer.look import theme
from designer.shell.mainwindow import MainWindow
from designer.model import Kind
from tests.window_helpers import MONOLITH, FakePrompts, open_three_tier, temp_settings

Std = QKeySequence.StandardKey


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    win = open_three_tier(qtbot, qapp, tmp_path)
    yield win
    theme.apply(False)


def test_title_shows_the_file_and_the_modified_mark_until_saved(qtbot, window):
    assert window.windowTitle() == "three-tier.weaklink.json[*] — Weaklink"
    assert not window.isWindowModified()
    window.document.update("web-1", label="Web A")
    assert window.isWindowModified()
    window.actions.all["save"].trigger()
    assert not window.isWindowModified() and window.document.is_clean()
    window.actions.all["undo"].trigger()
    assert window.isWindowModified()
    window.actions.all["redo"].trigger()
    assert not window.isWindowModified()


def test_standard_and_own_shortcuts_are_bound(window):
    a = window.actions.all
    for key, std in (("undo", Std.Undo), ("redo", Std.Redo), ("cut", Std.Cut),
                     ("copy", Std.Copy), ("paste", Std.Paste), ("delete", Std.Delete),
                     ("select_all", Std.SelectAll), ("new", Std.New), ("open", Std.Open),
                     ("save", Std.Save), ("save_as", Std.SaveAs), ("find", Std.Find),
                     ("close", Std.Close), ("quit", Std.Quit), ("zoom_in", Std.ZoomIn),
                     ("zoom_out", Std.ZoomOut)):
        assert a[key].shortcut() == QKeySequence(std), key
    for key, keys in (("fit", "Ctrl+0"), ("duplicate", "Ctrl+D"), ("tool_connect", "C"),
                      ("tool_select", "V"), ("escape", "Esc")):
        assert a[key].shortcut() == QKeySequence(keys), key


def test_the_status_bar_shows_the_new_zoom_at_once(qtbot, window):
    window.view.set_zoom(2.0)
    assert window.zoom_label.text() == "200 %"        # no polling delay: the signal
    window.actions.all["zoom_out"].trigger()
    assert window.zoom_label.text() == "160 %"
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Minus)
    assert window.zoom_label.text() == "128 %"
    window.actions.all["fit"].trigger()
    assert window.zoom_label.text() == f"{window.view.zoom_factor() * 100:.0f} %"


def test_c_and_v_switch_the_canvas_tool_and_the_status_says_so(qtbot, window):
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert window.view.tool() == "connect" and window.tool_label.text() == "Tool: Connect"
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    assert window.view.tool() == "select" and window.actions.all["tool_select"].isChecked()


def test_palette_click_then_canvas_click_places_a_component(qtbot, window):
    before = {c.id for c in window.document.components()}
    palette = window.palette_panel
    rect = palette.tree.visualItemRect(palette.item(Kind.GENERATOR))
    qtbot.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.tool() is Kind.GENERATOR
    assert window.tool_label.text() == "Tool: Generator"
    empty = window.view.mapFromScene(window.view.content_rect().bottomRight()) + QPoint(-5, 30)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    added = [c for c in window.document.components() if c.id not in before]
    assert [c.kind for c in added] == [Kind.GENERATOR]
    assert window.isWindowModified()
    assert window.inspector.ids == [added[0].id]          # the inspector shows it
    window.actions.all["undo"].trigger()
    assert {c.id for c in window.document.components()} == before


def test_selecting_on_the_canvas_fills_the_inspector(qtbot, window):
    window.view.select_ids(["db-1"])
    assert window.inspector.ids == ["db-1"]
    assert window.inspector.form.fields["label"].text() == "Database 1"
    window.actions.all["escape"].trigger()
    assert window.inspector.ids == [] and "name" in window.inspector.form.fields


def test_find_bar_selects_the_component_with_that_label(qtbot, window):
    window.actions.all["find"].trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "postgres")
    assert window.view.selected_ids() == ["postgres-1"]
    assert window.find_bar.result.text() == "1 found"
    qtbot.keyClicks(window.find_bar.edit, "zzz")
    assert window.find_bar.result.text() == "no match"
    window.actions.all["escape"].trigger()
    assert not window.find_bar.isVisible()


def test_dark_mode_switches_widgets_and_canvas_and_is_remembered(qtbot, window, qapp):
    light_base = qapp.palette().color(QPalette.ColorRole.Window).lightness()
    window.actions.all["dark"].trigger()
    assert style.is_dark()
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < light_base - 80
    assert window.settings.dark()
    window.actions.all["dark"].trigger()
    assert not style.is_dark() and not window.settings.dark()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window):
    window.document.update("web-1", label="unsaved")
    window.prompts.save_answer = "cancel"
    assert not window.close()
    assert window.isVisible()
    assert window.prompts.asked[-1] == ("save_changes", "three-tier.weaklink.json")
    window.prompts.save_answer = "discard"
    assert window.close()


def test_a_window_deleted_with_unsaved_changes_reports_no_error(qtbot, tmp_path):
    # The undo stack dies with the window and emits cleanChanged on the way
    # out; nothing may call into the half-deleted window (pytest-qt fails
    # the test on any exception raised in a Qt callback).
    win = MainWindow(temp_settings(tmp_path), FakePrompts())   # answers "cancel"
    win.show()
    win.document.add_component(Kind.GENERATOR)
    assert not win.close() and win.isWindowModified()
    with qtbot.waitSignal(win.destroyed, timeout=2000):
        win.deleteLater()


def test_open_of_a_bad_file_from_the_menu_shows_the_message_and_keeps_the_title(
        qtbot, window, tmp_path):
    bad = tmp_path / "bad.weaklink.json"
    bad.write_text('{"format": "weaklink", "version": 99, "design": {}}')
    window.prompts.paths = [bad]
    window.actions.all["open"].trigger()
    assert len(window.prompts.errors) == 1
    assert "99" in window.prompts.errors[0][1]
    assert window.windowTitle().startswith("three-tier.weaklink.json")


def test_templates_and_recent_files_are_in_the_file_menu(qtbot, window):
    titles = [a.text() for a in window.actions.templates.actions()]
    assert titles == ["Duplicated services", "Monolith", "Multi site", "Three tier"]
    window.files.open(MONOLITH)
    recent = [a.data() for a in window.actions.recent.actions()]
    assert recent[0] == str(MONOLITH) and recent[1].endswith("three-tier.weaklink.json")
    assert "monolith.weaklink.json" in window.actions.recent.actions()[0].text()
    window.actions.templates.actions()[1].trigger()
    assert window.windowTitle() == "Monolith[*] — Weaklink" and window.document.path is None


def test_the_public_surface_for_the_live_analysis(qtbot, window):
    names = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert names == ["File", "Edit", "View", "Analysis", "Help"]
    assert window.menu("Analysis") is window.menu("Analysis")
    dock = window.add_dock("Problems", QLabel("none"), Qt.DockWidgetArea.BottomDockWidgetArea)
    assert isinstance(dock, QDockWidget)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.toggleViewAction() in window.actions.panels.actions()
    assert isinstance(window.status_slot.layout(), QHBoxLayout)
    assert window.status_slot.isVisibleTo(window)
    assert window.toolbar.actions() and window.view.document is window.document


def test_layout_and_preferences_survive_a_restart(qtbot, tmp_path):
    settings = temp_settings(tmp_path)
    first = MainWindow(settings, FakePrompts())
    qtbot.addWidget(first)
    first.resize(711, 477)   # inside the offscreen 800x600 screen
    first.show()
    first.docks["inspector"].hide()
    assert first.actions.all["snap"].isChecked()
    first.actions.all["snap"].trigger()
    assert first.close()
    second = MainWindow(temp_settings(tmp_path), FakePrompts())
    qtbot.addWidget(second)
    assert second.restore_layout()
    second.show()
    assert (second.width(), second.height()) == (711, 477)
    assert not second.docks["inspector"].isVisible()
    assert not second.view.snap_enabled() and not second.actions.all["snap"].isChecked()


def test_help_lists_the_real_shortcuts_and_shows_the_guide(qtbot, window):
    from designer.shell.help import GuideDialog, shortcut_rows

    rows = dict(shortcut_rows(window.actions.all))
    assert rows["Undo"] == QKeySequence(Std.Undo).toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["Fit Design"] == "Ctrl+0" and rows["Connect"] == "C"
    guide = GuideDialog(window)
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert "Recovery after a crash" in text and "Keyboard shortcuts" in text


def test_a_design_file_dropped_on_the_window_opens(qtbot, window):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(MONOLITH))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert window.document.path == Path(str(MONOLITH))
    assert window.windowTitle().startswith("monolith.weaklink.json")


def test_escape_clears_the_canvas_selection_but_not_from_an_inspector_field(qtbot, window):
    window.view.select_ids(["db-1"])
    field = window.inspector.form.fields["label"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert window.view.selected_ids() == ["db-1"]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.view.selected_ids() == [] and window.inspector.ids == []
