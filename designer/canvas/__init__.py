"""The canvas: a QGraphicsScene/View projection of the Document.

    from designer.canvas import CanvasView, CanvasScene, KIND_MIME, FRAGMENT_MIME

Modules:
  view         CanvasView: tools, mouse/keys -> interactions, palette drops
  navigation   zoom, pan, fit, centre, search, level of detail, grid (view mixin)
  editing      place, connect, rename, clipboard, delete, align, nudge (view mixin)
  scene        CanvasScene: items built from document signals, id <-> item maps
  states       selection, analysis states, highlight, detail (scene mixin)
  items, containers, links, decor, drawing   the drawings, built-in items only
  interactions, drag, connect                one object per gesture
  placement    drop targets, parents and memberships, grow-to-fit
  clipboard    fragments through designer.io's serializer
  arrange      align and distribute
  tidy         "Tidy up": designer.layout fed with the drawn sizes, one undo step
  sketching    numbered labels, fan-out connecting, tidy_up (view mixin)
  labeledit    inline label editor
  geometry     sizes, grid, chip slots, link anchoring
  snapshot     render a view at any device-pixel ratio; docs/images pictures
"""
from .clipboard import MIME as FRAGMENT_MIME
from .scene import CanvasScene
from .view import KIND_MIME, CanvasView

__all__ = ["CanvasView", "CanvasScene", "KIND_MIME", "FRAGMENT_MIME"]
