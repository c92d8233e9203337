"""Is there a display Qt can open a window on? The one place that asks (the app, the snapshot and
the headless map/report exports all do)."""

from __future__ import annotations

import os
import sys

_HEADLESS_PLATFORMS = ("offscreen", "minimal")


def has_display(env: dict | None = None, platform: str | None = None) -> bool:
    """Can Qt open a window here? (Linux/BSD need an X11 or Wayland display or a headless platform.)"""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip().lower()
    if qpa in _HEADLESS_PLATFORMS or qpa in ("vnc", "eglfs", "linuxfb", "vkkhrdisplay"):
        return True
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True  # Windows and macOS always have their window system
    if qpa == "xcb":
        return bool(env.get("DISPLAY"))
    if qpa.startswith("wayland"):
        return bool(env.get("WAYLAND_DISPLAY"))
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def x_server_answers(display: str) -> bool:
    """Does the X server named by ``display`` accept a connection? (True when libxcb is missing:
    then Qt decides.) Qt aborts the process when it cannot connect, so ask first."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("xcb")
    if not name:
        return True
    try:
        xcb = ctypes.CDLL(name)
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        conn = xcb.xcb_connect(display.encode(), None)
        try:
            return conn is not None and xcb.xcb_connection_has_error(conn) == 0
        finally:
            if conn:
                xcb.xcb_disconnect(conn)
    except (OSError, AttributeError):
        return True


def usable_display(env: dict | None = None, platform: str | None = None) -> bool:
    """:func:`has_display`, and for X11 also a server that answers."""
    env = os.environ if env is None else env
    if not has_display(env, platform):
        return False
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    uses_x = qpa == "xcb" or (not qpa and not env.get("WAYLAND_DISPLAY"))
    platform = sys.platform if platform is None else platform
    if uses_x and platform.startswith("linux") and env.get("DISPLAY"):
        return x_server_answers(env["DISPLAY"])
    return True


def offscreen_without_display(override: bool = False) -> None:
    """Use Qt's offscreen platform when there is no usable display and no platform was chosen (or
    one was but cannot work, with ``override``), before the first ``QApplication``: snapshots and
    exports then work anywhere."""
    if not usable_display() and (override or not os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
