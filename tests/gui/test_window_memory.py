"""Closing a window, or opening another project, lets go of the project's data.

Each main window on the demo project holds ~250 MB (layers, measurements, map renderers). They
used to stay in memory for good after the window closed: signal connections of finished tasks
and runnables kept by Qt's thread pool held Python callbacks that reached the window, out of
sight of the garbage collector, and the measurement caches kept the closed project's layers.
"""

from __future__ import annotations

import gc
import weakref

from gridscout.resources import DEMO_PROJECT


def _collect(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(10):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(20)
    gc.collect()


def test_a_closed_window_and_its_project_are_freed(qtbot, app_settings):
    from gridscout.gui.main_window import MainWindow

    def open_and_close():
        window = MainWindow(settings=app_settings, restore_layout=False)
        window.ask_save = lambda: "discard"
        window.show()
        assert window.open_project(DEMO_PROJECT)
        qtbot.waitUntil(lambda: window.scoring.result is not None, timeout=60_000)
        refs = (weakref.ref(window), weakref.ref(window.scoring.result),
                weakref.ref(window.session.project.layers_of_kind("parcels")[0].data))
        window.session.set_modified(False)
        window.close()
        window.deleteLater()
        return refs

    closed, result, parcels = open_and_close()
    _collect(qtbot)
    assert closed() is None, "the closed main window is still referenced"
    assert result() is None and parcels() is None, "the closed project's data is still in memory"


def test_opening_another_project_frees_the_previous_one(main_window, qtbot, tmp_path):
    from gridscout.layers.project import Project, save_project
    from project_factory import parcels_layer

    assert main_window.open_project(DEMO_PROJECT)
    qtbot.waitUntil(lambda: main_window.scoring.result is not None, timeout=60_000)
    parcels = weakref.ref(main_window.session.project.layers_of_kind("parcels")[0].data)
    other = save_project(Project(title="Other", layers=[parcels_layer()]), tmp_path / "o.gridscout")
    assert main_window.open_project(other)
    qtbot.waitUntil(lambda: main_window.canvas.is_rendered(), timeout=30_000)
    _collect(qtbot)
    assert parcels() is None, "the demo's parcels stayed in memory after another project was opened"
