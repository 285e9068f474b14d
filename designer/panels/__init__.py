"""Dock panels around the canvas: palette, inspector, history, overview, find
bar (the window work) and the live analysis panels (problems, figures)."""
