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
from collections.abc import Sequence
from pathlib import Path

from gridscout.gui.display import offscreen_without_display, usable_display
from gridscout.layers.errors import DataError

from gridscout.operations import resolve_project, site_points

DEFAULT_WIDTH, DEFAULT_HEIGHT = 1600, 1000
RENDER_TIMEOUT_MS = 60_000


# --- no display ---------------------------------------------------------------------------------
def no_display_message(commands: Sequence[tuple[str, str]] = ()) -> str:
    """How to get a display, and the ``(name, help)`` ``commands`` that need none."""
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
    width = max((len(n) for n, _ in commands), default=0)
    lines += [f"  gridscout {name:<{width}}  {help_}" for name, help_ in commands]
    if not commands:
        lines.append("  gridscout --help lists them")
    lines += ["Details: gridscout SUBCOMMAND --help", ""]
    return "\n".join(lines)


def site_comparison_text(project) -> str | None:
    """The candidate-site comparison table (as ``gridscout compare-sites`` prints it), or None when
    the project lacks sites or what scoring needs."""
    from gridscout.scoring.project_scoring import missing_inputs, profile_for

    from gridscout.operations import compare_project_sites, markdown_table

    if missing_inputs(project) or not site_points(project):
        return None
    profile = profile_for(project)
    table = compare_project_sites(project, profile)
    return f"profile {profile.name}\n" + markdown_table(table)


def run_headless(project_arg, commands: Sequence[tuple[str, str]] = ()) -> int:
    from gridscout.operations import describe_project, open_project

    print(no_display_message(commands))
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
def _application(lang: str | None = None, settings=None):
    """The QApplication, with the interface language installed: ``lang`` (the --lang flag), else
    the one saved in ``settings`` (Settings › Language), else the system's."""
    from gridscout.gui.i18n import chosen_language, install_language
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("GridScout")
        app.setOrganizationName("GridScout")
        app.setApplicationDisplayName("GridScout")
    install_language(app, chosen_language(lang, settings))
    return app


def run_app(
    project_path_or_demo: str | os.PathLike | None = "demo",
    snapshot: str | os.PathLike | None = None,
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    extent: tuple[float, float, float, float] | None = None,
    site: str | None = None,
    commands: Sequence[tuple[str, str]] = (),
    lang: str | None = None,
) -> int:
    """Open the app (returns the exit code when the window closes) or take a snapshot.
    ``commands``: ``(name, help)`` of the commands that need no display (the CLI passes its own),
    named when there is no display and in Help › How to load real data. ``lang`` ("en", "ja"): the
    interface language, overriding Settings › Language and the system locale."""
    if snapshot is None and not usable_display():
        return run_headless(project_path_or_demo, commands)
    path = resolve_project(project_path_or_demo)
    if snapshot is not None:
        return _snapshot(path, Path(snapshot), width, height, extent, site, lang)
    app = _application(lang)
    from gridscout.gui.main_window import MainWindow
    from gridscout.gui.message_bar import install_excepthook

    window = MainWindow()
    window.headless_commands = tuple(commands)
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


def _snapshot(path: Path, out: Path, width: int, height: int, extent, site,
              lang: str | None = None) -> int:
    offscreen_without_display(override=True)
    from PySide6.QtCore import QSettings

    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GridScout", "GridScout-snapshot")
    app = _application(lang or "en")  # a snapshot is English unless asked otherwise (reproducible)
    from gridscout.gui.main_window import MainWindow

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
