"""What Qt cannot say in time: from Qt 6.5 its X11 platform plugin needs
libxcb-cursor, and without it Qt aborts the process with a message about
plugins that few users can act on. Check before Qt starts and say what to
install."""
from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path

XCB_CURSOR_HELP = (
    "weaklink: the Qt X11 platform plugin needs the libxcb-cursor library (Qt 6.5 and "
    "later), and it is not installed.\n"
    "  Debian/Ubuntu: sudo apt install libxcb-cursor0\n"
    "  Fedora: sudo dnf install xcb-util-cursor    Arch: sudo pacman -S xcb-util-cursor\n"
    "Or run under Wayland: QT_QPA_PLATFORM=wayland weaklink")


def display_problem(environ=os.environ) -> str | None:
    """A sentence for the user when the window cannot open on this display, else None."""
    if not sys.platform.startswith("linux"):
        return None
    platform = environ.get("QT_QPA_PLATFORM", "")
    uses_xcb = platform == "xcb" or (not platform and not environ.get("WAYLAND_DISPLAY"))
    if not uses_xcb or not environ.get("DISPLAY"):
        return None
    return None if _has_xcb_cursor() else XCB_CURSOR_HELP


def _has_xcb_cursor() -> bool:
    bundled = getattr(sys, "_MEIPASS", None)       # the desktop bundle carries its own
    if bundled and any(Path(bundled).glob("libxcb-cursor.so*")):
        return True
    return ctypes.util.find_library("xcb-cursor") is not None
