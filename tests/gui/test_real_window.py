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


DRIVER = r"""
import json, sys
sys.path.insert(0, {here!r})
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QTabBar
from project_factory import write_small_project

app = QApplication([])
from gridscout.gui.main_window import MainWindow

tmp = Path({tmp!r})
write_small_project(tmp / "site.gridscout")
window = MainWindow(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat), restore_layout=False)
window.ask_save = lambda: "discard"
window.resize(1400, 900)
window.show()
window.activateWindow()
QTest.qWaitForWindowActive(window, 10000)
assert window.open_project(tmp / "site.gridscout")
out = {{"platform": app.platformName(), "errors": []}}
sys.excepthook = lambda t, e, tb: out["errors"].append(f"{{t.__name__}}: {{e}}")

def current_tab():
    for bar in window.findChildren(QTabBar):
        texts = [bar.tabText(i) for i in range(bar.count())]
        if "Sites" in texts:
            return bar.tabText(bar.currentIndex())

window.docks["score"].raise_()
QTest.qWait(200)
out["before"] = current_tab()
out["after_ctrl_4"] = []
for _ in range(2):  # each press shows and raises (a toggle would hide it on the first)
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(200)
    out["after_ctrl_4"].append(current_tab() if window.docks["sites"].isVisible() else None)
out["sites_visible"] = window.docks["sites"].isVisible()
target = tmp / "renamed.gridscout"
QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), ""))
QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
QTest.qWait(500)
out["saved"] = target.exists()
out["path"] = str(window.session.path)
window.session.set_modified(False)
window.close()
print("RESULT " + json.dumps(out))
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="needs xvfb-run (apt install xvfb)")
def test_ctrl_4_and_save_as_in_a_real_x_window(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path))
    script = DRIVER.format(here=str(Path(__file__).parent), tmp=str(tmp_path))
    command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24", sys.executable, "-c", script]
    proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    import json

    [line] = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    result = json.loads(line.removeprefix("RESULT "))
    assert result["platform"] == "xcb"
    assert result["errors"] == []
    assert result["before"] == "Score"
    assert result["after_ctrl_4"] == ["Sites", "Sites"] and result["sites_visible"]
    assert result["saved"] and result["path"] == str((tmp_path / "renamed.gridscout").resolve())
