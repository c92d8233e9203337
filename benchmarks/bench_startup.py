"""Time from a fresh process to the demo's first drawn map frame (target <= 3 s).

Runs in a subprocess so imports count, as they do for a user: ``python benchmarks/bench_startup.py``.
Offscreen Qt; the peer is the bare import of geopandas + PySide6 + pyqtgraph in the same run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = r"""
import time
t0 = time.perf_counter()
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gridscout.gui.main_window import MainWindow
from gridscout.resources import DEMO_PROJECT
t_import = time.perf_counter() - t0
import tempfile
settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
window = MainWindow(settings=settings, restore_layout=False)
window.resize(1600, 1000)
window.show()
window.open_project(DEMO_PROJECT)
first = []
window.canvas.renderFinished.connect(lambda: first or first.append(time.perf_counter() - t0))
deadline = time.perf_counter() + 60
while not first and time.perf_counter() < deadline:
    app.processEvents()
    time.sleep(0.002)
print(f"imports {t_import:.2f} s; first frame {first[0] if first else float('nan'):.2f} s")
window.canvas.shutdown()
"""

PEER = "import time; t0=time.perf_counter(); import geopandas, PySide6.QtWidgets, pyqtgraph; print(f'{time.perf_counter()-t0:.2f}')"


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    peer = subprocess.run([sys.executable, "-c", PEER], capture_output=True, text=True, env=env)
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        print(out.stderr[-2000:])
        return 1
    line = out.stdout.strip().splitlines()[-1]
    first = float(line.rsplit(" ", 2)[-2])
    print(f"bare imports of geopandas + PySide6 + pyqtgraph (peer): {float(peer.stdout.strip()):.2f} s")
    print(f"GridScout demo: {line}")
    print(f"target: first frame <= 3 s: {'OK' if first <= 3 else 'MISSED'} (load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
