"""The widgets' light and dark look (Fusion with a palette), matched to the
canvas palette in designer.look.style, plus the few style-sheet rules the panels
use by object name (section headings, hints). `apply(dark)` switches both the
widgets and the canvas colours at once."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from designer.look import style

_SHEET = """
QLabel#section { font-weight: 600; padding-top: 10px; padding-bottom: 2px;
                 border-bottom: 1px solid palette(mid); }
QLabel#hint { color: palette(placeholder-text); }
QLabel#kindline { color: palette(placeholder-text); }
QDockWidget::title { padding: 4px 6px; }
"""

_DARK = {
    QPalette.ColorRole.Window: "#2B2D31", QPalette.ColorRole.WindowText: "#E4E5E7",
    QPalette.ColorRole.Base: "#1E1F22", QPalette.ColorRole.AlternateBase: "#26282B",
    QPalette.ColorRole.Text: "#E4E5E7", QPalette.ColorRole.Button: "#35373C",
    QPalette.ColorRole.ButtonText: "#E4E5E7", QPalette.ColorRole.ToolTipBase: "#35373C",
    QPalette.ColorRole.ToolTipText: "#E4E5E7", QPalette.ColorRole.BrightText: "#FF6B6B",
    QPalette.ColorRole.Link: "#7AB7FF", QPalette.ColorRole.Mid: "#4A4D52",
    QPalette.ColorRole.Dark: "#18191B", QPalette.ColorRole.Light: "#45484D",
    QPalette.ColorRole.PlaceholderText: "#9A9DA3",
}


def widget_palette(dark: bool) -> QPalette:
    app = QApplication.instance()
    palette = QPalette(app.style().standardPalette())
    if dark:
        for role, color in _DARK.items():
            palette.setColor(role, QColor(color))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                     QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6F7277"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(style.palette().selection))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    return palette


def setup(app: QApplication, dark: bool) -> None:
    """Once at start-up: the Fusion style, then the palette."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    apply(dark)


def apply(dark: bool) -> None:
    app = QApplication.instance()
    style.set_dark(dark)
    app.setPalette(widget_palette(dark))
    app.setStyleSheet(_SHEET)
