"""The canvas: a QGraphicsScene/View projection of the Document.

    from designer.canvas import CanvasView, CanvasScene, KIND_MIME, FRAGMENT_MIME

Modules: view (CanvasView), scene (CanvasScene), states (selection, analysis
states, highlight, level of detail), items / containers / links / decor (the
built-in-item drawings), interactions / drag / connect (one object per
gesture), placement (drop targets, growth), clipboard, arrange, labeledit,
navigation, editing, geometry.
"""
from .clipboard import MIME as FRAGMENT_MIME
from .scene import CanvasScene
from .view import KIND_MIME, CanvasView

__all__ = ["CanvasView", "CanvasScene", "KIND_MIME", "FRAGMENT_MIME"]
