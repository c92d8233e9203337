"""A save killed midway (power cut, kill -9) leaves the previous project file intact."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from gridscout.layers.project import open_project
from project_factory import write_small_project

ROOT = Path(__file__).resolve().parents[2]

SAVER = """
import sys
sys.path[:0] = [{root!r}, {here!r}]
from gridscout.layers.project import save_project
from project_factory import big_project
project = big_project(450)
print("ready", flush=True)
save_project(project, {path!r})
print("saved", flush=True)
"""


def test_killed_save_leaves_previous_project_intact(tmp_path):
    path = tmp_path / "site.gridscout"
    original = write_small_project(path)
    before = path.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER.format(root=str(ROOT), here=str(Path(__file__).parent), path=str(path))],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        deadline = time.monotonic() + 120
        temp = []
        while time.monotonic() < deadline and not temp:
            temp = list(tmp_path.glob(f".{path.name}.*.saving.gpkg*"))
            if proc.poll() is not None:
                break
            time.sleep(0.002)
        assert temp, "the temporary file of the save never appeared (or the save finished too fast)"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL, "the save finished before it could be killed"
    assert path.read_bytes() == before
    reopened = open_project(path)
    assert [lyr.name for lyr in reopened.layers] == [lyr.name for lyr in original.layers]
    assert [len(lyr) for lyr in reopened.layers] == [len(lyr) for lyr in original.layers]
    assert reopened.notes == original.notes
    assert reopened.view == original.view
