"""Presentation mode (F5), for a workshop on a projector: the window goes
full screen with every dock, the menu bar, the toolbar and the status bar
hidden; labels grow (style.set_presentation); the status summary
(availability, nines, downtime, SPOFs, cost) is overlaid on the canvas with
the keys that matter: F8 starts the failure drill, Esc leaves. Leaving puts
back exactly the layout that was there (QMainWindow.saveState)."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar

from designer.look import style

HINT = "F8 failure drill · Esc leaves"
REFRESH_MS = 400
FIT_DELAY_MS = 60


class Presentation(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self._state = QByteArray()
        self._was = (False, False)            # full screen, maximised
        # A strip along the canvas's bottom edge (in the central column, under
        # the view), so the figures never hide a part of the drawing.
        self.summary = QLabel()
        self.summary.setObjectName("presentationSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.hide()
        column = window.centralWidget().layout()
        if column is not None:
            column.addWidget(self.summary)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def set_active(self, on: bool) -> None:
        if on and not self.active:
            self.enter()
        elif not on and self.active:
            self.leave()

    def enter(self) -> None:
        w = self.window
        self.active = True
        self._state = w.saveState()
        self._was = (w.isFullScreen(), w.isMaximized())
        for dock in w.findChildren(QDockWidget):
            dock.hide()
        for bar in w.findChildren(QToolBar):
            bar.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        style.set_presentation(True)
        w.showFullScreen()
        self.refresh()
        self.summary.show()
        self.timer.start()
        w.view.setFocus()
        w.view.fit_all()
        # Fit again once the window has its full-screen size.
        QTimer.singleShot(FIT_DELAY_MS, self._fit)
        self._check(True)

    def _fit(self) -> None:
        if self.active:
            self.window.view.fit_all()
            self.refresh()

    def leave(self) -> None:
        w = self.window
        self.active = False
        self.timer.stop()
        self.summary.hide()
        style.set_presentation(False)
        full, maximised = self._was
        if not full:
            w.showMaximized() if maximised else w.showNormal()
        w.menuBar().show()
        w.statusBar().show()
        w.restoreState(self._state)
        self._check(False)

    def _check(self, on: bool) -> None:
        action = getattr(getattr(self.window, "actions", None), "all", {}).get("presentation")
        if action is not None and action.isChecked() != on:
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def text(self) -> str:
        """The status bar's figures, as the audience should read them."""
        slot = getattr(self.window, "status_slot", None)
        labels = slot.findChildren(QLabel) if slot is not None else []
        # Those the narrow status bar dropped for room are shown here too.
        dropped = getattr(getattr(self.window, "status", None), "dropped", set())
        # Each figure unbroken (no-break spaces, a word joiner after "/"): the
        # strip wraps between figures, never inside one ("5" / "SPOFs",
        # "€7,680/" / "month").
        figures = [l.text().replace(" ", "\u00a0").replace("/", "/\u2060") for l in labels
                   if l.text() and (not l.isHidden() or l in dropped)]
        return "   ·   ".join(figures) + "\n" + HINT if figures else HINT

    def refresh(self) -> None:
        text = self.text()
        if text != self.summary.text():
            self.summary.setText(text)
        self.summary.setFont(style.label_font())       # the presentation size
        palette = style.palette()
        self.summary.setStyleSheet(
            f"QLabel#presentationSummary {{ background: {palette.canvas.name()}; "
            f"color: {palette.text.name()}; border-top: 1px solid {palette.grid_major.name()}; "
            "padding: 6px 16px; }")
