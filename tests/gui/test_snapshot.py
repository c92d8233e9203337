"""`gridscout PROJECT --snapshot FILE.png` works without a display and shows the map."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from gridscout.layers.project import Project, save_project
from project_factory import lime_parcels, sites_layer, small_project
from PySide6.QtGui import QImage
from qt_helpers import image_rgb

ROOT = Path(__file__).resolve().parents[2]


def _run(args, tmp_path, timeout=240):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "gridscout", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_snapshot_without_a_display(tmp_path):
    project = Project("Lime parcels", [lime_parcels(), sites_layer()])  # nothing to score: parcels stay lime
    path = save_project(project, tmp_path / "small.gridscout")
    out = tmp_path / "shot.png"
    proc = _run([str(path), "--snapshot", str(out), "--width", "1400", "--height", "800", "--site", "Test Site"],
                tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 800)
    rgb = image_rgb(image)
    assert rgb.reshape(-1, 3).std(axis=0).max() > 10  # not blank
    lime = (np.abs(rgb.astype(int) - [0, 255, 0]).max(axis=2) <= 12).sum()
    assert lime > 500, "the parcels near the site should be on the picture"


def test_snapshot_errors_are_messages_not_tracebacks(tmp_path):
    path = save_project(small_project(), tmp_path / "small.gridscout")
    proc = _run([str(path), "--snapshot", str(tmp_path / "x.png"), "--site", "Atlantis"], tmp_path)
    assert proc.returncode == 2
    assert "no candidate site 'Atlantis'" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = _run([str(path), "--snapshot", str(tmp_path / "x.png"), "--extent", "1,2,3"], tmp_path)
    assert proc.returncode == 2 and "four numbers" in proc.stderr
    proc = _run([str(tmp_path / "missing.gridscout"), "--snapshot", str(tmp_path / "x.png")], tmp_path)
    assert proc.returncode == 2 and "not found" in proc.stderr
