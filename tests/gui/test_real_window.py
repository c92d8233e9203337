"""A real (xcb) window under Xvfb, started exactly as a user would: `gridscout demo --snapshot`."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from qt_helpers import image_rgb

ROOT = Path(__file__).resolve().parents[2]
GRIDSCOUT = Path(sys.executable).with_name("gridscout")


@pytest.mark.skipif(not (shutil.which("xvfb-run") or shutil.which("Xvfb")), reason="needs Xvfb (apt install xvfb)")
@pytest.mark.skipif(not GRIDSCOUT.exists(), reason="the gridscout command is not installed in this environment")
def test_demo_snapshot_in_a_real_x_window(tmp_path):
    from gridscout.resources import DEMO_PROJECT

    assert DEMO_PROJECT.exists(), "the demo project is missing: rebuild it with scripts/make_demo.py"
    out = tmp_path / "out.png"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path))
    command = [str(GRIDSCOUT), "demo", "--snapshot", str(out)]
    if shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24", *command]
        proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    else:
        proc = _run_with_xvfb(command, env, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "offscreen" not in proc.stderr.lower()
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    rgb = image_rgb(image).reshape(-1, 3).astype(float)
    assert rgb.var(axis=0).max() > 100, "the window picture is blank"
    assert len({tuple(p) for p in rgb[:: 97].astype(int)}) > 20, "too few colours for a map window"


def _run_with_xvfb(command, env, tmp_path):
    display = ":97"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1200x24"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        import time

        from gridscout.gui.display import x_server_answers

        deadline = time.monotonic() + 30
        while not x_server_answers(display):  # Xvfb takes a moment to accept connections
            assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.05)
        return subprocess.run(command, cwd=tmp_path, env={**env, "DISPLAY": display}, capture_output=True,
                              text=True, timeout=300)
    finally:
        server.terminate()
        server.wait(10)
