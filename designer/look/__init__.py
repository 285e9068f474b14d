"""The look: colour palettes, style, theme and the legend."""
