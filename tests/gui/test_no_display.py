"""Without a display, `gridscout` explains how to get one and still does something useful."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env_without_display(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux can lack a display")
@pytest.mark.parametrize("argv", [[], ["demo"]])
def test_no_display_prints_help_and_headless_summary(tmp_path, argv):
    from gridscout.commands import headless_commands

    proc = subprocess.run(
        [sys.executable, "-m", "gridscout", *argv], cwd=ROOT, env=_env_without_display(tmp_path),
        capture_output=True, text=True, timeout=180,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "no display" in out.lower()
    assert "xvfb-run gridscout" in out
    assert "QT_QPA_PLATFORM=offscreen gridscout demo --snapshot demo.png" in out
    headless = [name for name, _help in headless_commands()]
    assert headless, "the CLI should have headless subcommands"
    for name in headless:
        assert f"gridscout {name}" in out
    assert "Traceback" not in out
    from gridscout.resources import DEMO_PROJECT

    assert DEMO_PROJECT.exists(), "the demo project is missing: rebuild it with scripts/make_demo.py"
    # the useful headless job: what the demo holds
    assert "here is what the demo project holds" in out
    assert "Layers (" in out and "Candidate sites (" in out


def test_has_display_rules():
    from gridscout.gui.display import has_display

    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "minimal"}, "linux")
    assert not has_display({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not has_display({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}, "linux")
    assert has_display({}, "darwin")
    assert has_display({}, "win32")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")
def test_a_display_nobody_answers_is_no_display(tmp_path):
    env = {**_env_without_display(tmp_path), "DISPLAY": ":977"}  # no X server there
    proc = subprocess.run([sys.executable, "-m", "gridscout", "demo"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "DISPLAY=:977 is set, but no X server answers there" in out
    assert "Traceback" not in out and "core dumped" not in out
