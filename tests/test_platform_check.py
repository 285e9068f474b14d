"""Without libxcb-cursor Qt >= 6.5 aborts on X11 with a plugin message;
Weaklink says what to install instead, and stays quiet where the library
is not needed (Wayland, offscreen, no display)."""
from __future__ import annotations

from designer.shell import platform_check


def test_missing_xcb_cursor_on_x11_names_the_package(monkeypatch):
    monkeypatch.setattr(platform_check, "_has_xcb_cursor", lambda: False)
    message = platform_check.display_problem({"DISPLAY": ":0"})
    assert message and "libxcb-cursor0" in message and "QT_QPA_PLATFORM=wayland" in message


def test_no_message_where_xcb_is_not_used(monkeypatch):
    monkeypatch.setattr(platform_check, "_has_xcb_cursor", lambda: False)
    assert platform_check.display_problem({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w"}) is None
    assert platform_check.display_problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) is None
    assert platform_check.display_problem({}) is None


def test_no_message_when_the_library_is_there(monkeypatch):
    monkeypatch.setattr(platform_check, "_has_xcb_cursor", lambda: True)
    assert platform_check.display_problem({"DISPLAY": ":0"}) is None
