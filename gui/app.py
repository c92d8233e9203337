"""Start the desktop app, take a snapshot of it, or — with no display — say so and work headless.

``run_app("demo")`` opens the window on the demo project. With ``snapshot="map.png"`` it opens the
project, shows the window at ``width``×``height``, waits until the map reports everything drawn,
saves a picture of the whole window and returns 0 (no display needed: it uses Qt's offscreen
platform when there is none). On Linux with no display and no snapshot it prints how to get one,
the headless commands, and what the project holds, and returns 0.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from gridscout.layers.errors import DataError

DEFAULT_WIDTH, DEFAULT_HEIGHT = 1600, 1000
RENDER_TIMEOUT_MS = 60_000
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


def resolve_project(project: str | os.PathLike | None) -> Path:
    """``None``/"demo" → the shipped demo project; anything else must be an existing file."""
    from gridscout.resources import DEMO_PROJECT

    if project is None or str(project).lower() == "demo":
        if not DEMO_PROJECT.exists():
            raise DataError(f"the demo project is missing ({DEMO_PROJECT}); reinstall GridScout or open a project file")
        return DEMO_PROJECT
    path = Path(project).expanduser()
    if not path.exists():
        raise DataError(f"project {path} not found; give a .gridscout file or 'demo'")
    return path


# --- no display ---------------------------------------------------------------------------------
def headless_commands() -> list[tuple[str, str]]:
    from gridscout.cli import _command_modules

    return [(name, mod.HELP) for name, mod in _command_modules().items() if name != "app"]


def no_display_message() -> str:
    display = os.environ.get("DISPLAY")
    why = (f"(DISPLAY={display} is set, but no X server answers there)." if display
           else "(neither DISPLAY nor WAYLAND_DISPLAY is set).")
    lines = [
        "GridScout: no display found, so the desktop app cannot open its window here",
        why,
        "",
        "To see the app:",
        "  - run `gridscout` in a desktop session (or over `ssh -X`);",
        "  - or in a virtual display:  xvfb-run gridscout",
        "  - or save a picture of the map without any display:",
        "      QT_QPA_PLATFORM=offscreen gridscout demo --snapshot demo.png",
        "    (`gridscout demo --snapshot demo.png` does the same automatically).",
        "",
        "These commands need no display:",
    ]
    commands = headless_commands()
    width = max((len(n) for n, _ in commands), default=0)
    lines += [f"  gridscout {name:<{width}}  {help_}" for name, help_ in commands]
    lines += ["Details: gridscout SUBCOMMAND --help", ""]
    return "\n".join(lines)


def site_comparison_text(project) -> str | None:
    """The candidate-site comparison table (as ``gridscout compare-sites`` prints it), or None when
    the project lacks sites or what scoring needs."""
    import pandas as pd
    from gridscout.scoring.project_scoring import (
        missing_inputs,
        profile_for,
        score_inputs,
        scoring_inputs,
    )
    from gridscout.scoring.sites import compare_sites, markdown_table

    sites = [lyr.data for lyr in project.layers_of_kind("candidate_sites") if not lyr.is_raster and len(lyr)]
    if not sites or missing_inputs(project):
        return None
    inputs, profile = scoring_inputs(project), profile_for(project)
    scored = score_inputs(inputs, profile).parcels
    table = compare_sites(pd.concat(sites, ignore_index=True), inputs.substations, inputs.lines, inputs.plants,
                          profile, scored_parcels=scored)
    return f"profile {profile.name}\n" + markdown_table(table)


def run_headless(project_arg) -> int:
    from gridscout.gui.project_summary import describe_project
    from gridscout.layers.project import open_project

    print(no_display_message())
    try:
        path = resolve_project(project_arg)
        project = open_project(path)
    except DataError as exc:
        print(f"(Could not open the project to summarise it: {exc})")
        return 0
    print("Meanwhile, here is what " + ("the demo project" if str(project_arg or "demo").lower() == "demo"
                                         else path.name) + " holds:")
    print(describe_project(project))
    try:
        table = site_comparison_text(project)
    except Exception as exc:  # the summary must not fail because a later step does
        table = None
        print(f"(Site comparison not available: {type(exc).__name__}: {exc})")
    if table:
        print()
        print("Candidate sites compared:")
        print(table)
    return 0


# --- the app -------------------------------------------------------------------------------------
def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("GridScout")
        app.setOrganizationName("GridScout")
        app.setApplicationDisplayName("GridScout")
    return app


def run_app(
    project_path_or_demo: str | os.PathLike | None = "demo",
    snapshot: str | os.PathLike | None = None,
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    extent: tuple[float, float, float, float] | None = None,
    site: str | None = None,
) -> int:
    """Open the app (returns the exit code when the window closes) or take a snapshot."""
    if snapshot is None and not usable_display():
        return run_headless(project_path_or_demo)
    path = resolve_project(project_path_or_demo)
    if snapshot is not None:
        return _snapshot(path, Path(snapshot), width, height, extent, site)
    app = _application()
    from gridscout.gui.main_window import MainWindow
    from gridscout.gui.message_bar import install_excepthook

    window = MainWindow()
    install_excepthook(window.message_bar)
    window.resize(width, height)
    window.show()
    if window.session.recover_untitled():  # an untitled project was lost in a crash: it comes first
        return int(app.exec())
    if window.open_project(path):
        if site:
            try:
                window.zoom_to_site(site)
            except DataError as exc:
                window.message_bar.warning(str(exc))
        elif extent:
            window.canvas.set_extent(extent)
    return int(app.exec())


def _wait_for_workers(app, timeout_ms: int, quiet_ms: int = 250) -> bool:
    """Process events until no worker task has run for ``quiet_ms`` (False on timeout)."""
    import time

    from gridscout.gui.workers import Task

    deadline = time.monotonic() + timeout_ms / 1000
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        app.processEvents()
        if Task.running:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_ms / 1000:
            return True
        time.sleep(0.01)
    return False


def _snapshot(path: Path, out: Path, width: int, height: int, extent, site) -> int:
    if not usable_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = _application()
    from gridscout.gui.main_window import MainWindow
    from PySide6.QtCore import QSettings

    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GridScout", "GridScout-snapshot")
    window = MainWindow(settings=settings, restore_layout=False)
    window.session.ask_recover = lambda project, autosave: None  # never ask, never delete
    window.resize(width, height)
    window.session.open(path)  # errors end the run with a message (exit 2)
    if site:
        window.zoom_to_site(site)  # a wrong name ends the run before any window shows
    window.show()
    # Let the panels fill and the first scoring (which colours the parcels) finish: the map's
    # final size is known only then, and the view is set for that size.
    settled = _wait_for_workers(app, RENDER_TIMEOUT_MS)
    if site:
        window.zoom_to_site(site)
    elif extent:
        window.canvas.set_extent(tuple(extent))
    else:
        window.show_first_view()
    settled = _wait_for_workers(app, RENDER_TIMEOUT_MS) and settled
    if not settled:
        print("gridscout: warning: background work was still running; the snapshot may be incomplete",
              file=sys.stderr)
    if not window.canvas.wait_rendered(RENDER_TIMEOUT_MS):
        print(f"gridscout: warning: the map was still drawing after {RENDER_TIMEOUT_MS / 1000:.0f} s; "
              "the snapshot may be incomplete", file=sys.stderr)
    app.processEvents()
    image = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise DataError(f"could not write {out}; check the folder exists and is writable")
    print(f"Saved a {image.width()}×{image.height()} snapshot of {path.name} to {out}")
    window.session.set_modified(False)
    window.close()
    return 0
