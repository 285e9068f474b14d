"""The failure drill's "System UP / DOWN" banner.

It lives in a strip that the canvas reserves above its viewport while the
drill runs (QAbstractScrollArea viewport margins), so it never covers the
drawing: the viewport itself shrinks, and "fit" fits the design below it. The
banner is left-aligned in that strip, its width capped so that a wide window
does not stretch its text across the screen; it follows the view when it is
resized, and the strip is given back when the drill ends.

    headline (large, coloured)  | Failed: ...
    [Reset drill] [Exit drill]  | Entry points: ...
                                | Down as a consequence (n): ...
                                | hint (why a click did nothing)

The words come from designer/report/drill.py.
"""
from __future__ import annotations

from typing import Mapping

from PySide6.QtCore import QEvent, QObject, QRectF, Signal
from PySide6.QtWidgets import (QAbstractScrollArea, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QPushButton, QSizePolicy)

from designer.look import style
from designer.look.style import State
from designer.report import drill as words

MAX_WIDTH = 900    # px: beyond this the banner stays left-aligned
GAP = 4            # px between the banner and the top of the viewport


class DrillBanner(QFrame):
    """The drill's status card, in a strip reserved above the canvas viewport."""

    resetClicked = Signal()
    exitClicked = Signal()

    def __init__(self, host: QAbstractScrollArea) -> None:
        super().__init__(host)
        self.setObjectName("drillBanner")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.headline = QLabel(self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(3 * self.detail.fontMetrics().lineSpacing())
        self.hint = QLabel(self)       # why a click did nothing
        self.hint.setWordWrap(True)
        keep = self.hint.sizePolicy()  # keeps its line when hidden: no jump on a click
        keep.setRetainSizeWhenHidden(True)
        self.hint.setSizePolicy(keep)
        self.hint.hide()
        reset, leave = QPushButton("Reset drill", self), QPushButton("Exit drill", self)
        reset.clicked.connect(self.resetClicked)
        leave.clicked.connect(self.exitClicked)
        self.reset_button, self.exit_button = reset, leave
        buttons = QHBoxLayout()
        buttons.addWidget(reset)
        buttons.addWidget(leave)
        buttons.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(16)
        grid.addWidget(self.headline, 0, 0)
        grid.addLayout(buttons, 1, 0)
        grid.addWidget(self.detail, 0, 1, 2, 1)
        grid.addWidget(self.hint, 2, 1)
        grid.setColumnStretch(1, 1)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        host.installEventFilter(self)
        host.viewport().installEventFilter(self)
        self.hide()

    # -- content ---------------------------------------------------------------

    def show_view(self, view, names: Mapping[str, str], kinds=None) -> None:
        self.hint.hide()
        up = view.system_up
        color = style.state_style(State.PROTECTED if up else State.SPOF).border
        self.headline.setText(words.headline(up))
        self.setStyleSheet(f"#drillBanner {{ background-color: palette(window); "
                           f"border: 3px solid {color.name()}; border-radius: 6px; }}")
        # in the style sheet: a first style sheet would drop a font set before it
        size = 18 * style.presentation_scale()
        self.headline.setStyleSheet(f"color: {color.name()}; font-weight: bold; "
                                    f"font-size: {size:.1f}pt;")
        self.detail.setText(words.detail(view, names, kinds))
        self.reset_button.setEnabled(bool(view.failed))
        self.place()

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.show()
        self.place()

    # -- placement ---------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.place()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._reserve(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    def place(self) -> None:
        """Size the banner for the viewport's width, reserve its height above
        the viewport, and sit in that strip."""
        if not self.isVisible():
            return
        host = self.parentWidget()
        port = host.viewport().geometry()
        width = max(200, min(MAX_WIDTH, port.width()))
        self.setFixedWidth(width)
        height = self.heightForWidth(width)
        self.setFixedHeight(height if height > 0 else self.sizeHint().height())
        self._reserve(self.height() + GAP)
        self.move(host.viewport().geometry().left(), host.contentsRect().top())
        self.raise_()

    def _reserve(self, top: int) -> None:
        """Reserve `top` pixels above the viewport; a design that was wholly
        visible is fitted again into the space that remains (or is given back)."""
        host = self.parentWidget()
        if host.viewportMargins().top() == top:
            return
        refit = _wholly_visible(host)
        host.setViewportMargins(0, top, 0, 0)
        if refit:
            host.fit_all()


def _wholly_visible(view) -> bool:
    content = view.content_rect()
    if content.isEmpty():
        return False
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return QRectF(shown).contains(content)
