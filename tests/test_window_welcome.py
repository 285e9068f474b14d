"""First run: launched without a file, the window shows the welcome card;
one click on a template opens it and the live analysis marks its SPOFs
(the issue asks for three clicks at most). Help > Welcome brings the card
back, Esc and "Empty canvas" leave it, and the tour walks its five pages."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QToolButton

from designer import app as weaklink_app
from designer.look import theme
from designer.report.states import State
from designer.shell import tour
from designer.shell.help import about_html
from tests.window_helpers import FakePrompts, temp_settings


def _launch(qtbot, qapp, tmp_path):
    theme.setup(qapp, False)
    window = weaklink_app.start(None, temp_settings(tmp_path), FakePrompts(),
                                state_dir=tmp_path / "state")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def _template_button(window, stem: str) -> QToolButton:
    return window.welcome.findChild(QToolButton, f"template-{stem}")


def test_one_click_on_a_template_shows_its_spofs(qtbot, qapp, tmp_path):
    window = _launch(qtbot, qapp, tmp_path)
    try:
        assert window.welcome.isVisible()
        buttons = window.welcome.findChildren(QToolButton)
        assert {b.objectName() for b in buttons} >= {
            "template-monolith", "template-three-tier", "template-multi-site",
            "template-duplicated-services"}
        qtbot.waitUntil(lambda: not _template_button(window, "monolith").icon().isNull(),
                        timeout=10000)                         # thumbnails drawn
        qtbot.mouseClick(_template_button(window, "monolith"), Qt.MouseButton.LeftButton)
        assert not window.welcome.isVisible()
        assert window.document.components() and window.document.path is None
        scene = window.view.scene()
        qtbot.waitUntil(lambda: any(scene.item_for(c.id).state is State.SPOF
                                    for c in window.document.components()
                                    if scene.item_for(c.id) is not None), timeout=20000)
    finally:
        window.journal.close()
        window.document.undo_stack.setClean()


def test_welcome_leaves_on_escape_and_empty_canvas_and_comes_back(qtbot, qapp, tmp_path):
    window = _launch(qtbot, qapp, tmp_path)
    try:
        qtbot.keyClick(window.view, Qt.Key.Key_Escape)
        assert not window.welcome.isVisible()
        window.actions.all["welcome"].trigger()
        assert window.welcome.isVisible()
        empty = next(b for b in window.welcome.findChildren(QPushButton)
                     if b.text() == "Empty canvas")
        qtbot.mouseClick(empty, Qt.MouseButton.LeftButton)
        assert not window.welcome.isVisible()
        assert not window.document.components()
    finally:
        window.journal.close()


def test_recent_files_are_offered(qtbot, qapp, tmp_path):
    settings = temp_settings(tmp_path)
    recent = tmp_path / "mine.weaklink.json"
    settings.add_recent(recent)
    theme.setup(qapp, False)
    window = weaklink_app.start(None, settings, FakePrompts(), state_dir=tmp_path / "state")
    qtbot.addWidget(window)
    try:
        names = [b.text() for b in window.welcome.findChildren(QPushButton)]
        assert "mine.weaklink.json" in names
    finally:
        window.journal.close()


def test_the_tour_walks_five_pages_and_stops_at_the_ends(qtbot):
    dialog = tour.TourDialog()
    qtbot.addWidget(dialog)
    assert not dialog.back.isEnabled()
    for _ in range(10):
        dialog.next.click()
    assert dialog.pages.currentIndex() == len(tour.PAGES) - 1 == 4
    assert not dialog.next.isEnabled() and dialog.back.isEnabled()


def test_about_names_the_version_and_every_default_source():
    from designer import __version__
    from designer.analysis.figures import defaults_table
    text = about_html()
    assert __version__ in text
    for row in defaults_table().values():
        assert row.source in text
