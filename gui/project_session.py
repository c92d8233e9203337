"""The open project and its life cycle: new, open, save, modified state, autosave, recovery, recents.

No widgets here: the questions the session must ask (recover an autosave?) are callables the window
supplies, so tests can answer them. The recovery file of ``site.gridscout`` is
``site.gridscout.autosave`` beside it (an untitled or read-only project autosaves into the user's data
directory). It is written every :data:`AUTOSAVE_INTERVAL_S` while there are unsaved changes and
removed after a save or a deliberate "discard"; one left behind that is newer than its project means
the app did not close cleanly, and opening the project offers to recover it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from gridscout.layers.model import Layer
from gridscout.layers.new_project import new_project
from gridscout.layers.project import UNTITLED, Project, open_project, save_project
from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer, Signal

log = logging.getLogger(__name__)

AUTOSAVE_INTERVAL_S = 60
AUTOSAVE_SUFFIX = ".autosave"
MAX_RECENT = 10
RECENT_KEY = "recentProjects"


def autosave_path_for(project_path: Path | None) -> Path:
    """Where the recovery file of a project goes."""
    if project_path is not None and os.access(project_path.parent, os.W_OK) and not _is_shipped(project_path):
        return project_path.with_name(project_path.name + AUTOSAVE_SUFFIX)
    data_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or Path.home())
    stem = project_path.name if project_path is not None else "untitled.gridscout"
    return data_dir / "recovery" / (stem + AUTOSAVE_SUFFIX)


def _is_shipped(path: Path) -> bool:
    """True for files inside the installed ``resources`` (the demo): never overwritten by Save."""
    from gridscout.resources import RESOURCES

    try:
        path.resolve().relative_to(RESOURCES)
        return True
    except ValueError:
        return False


def recovery_available(project_path: Path) -> Path | None:
    """The autosave of ``project_path`` if it is newer than the project (an unclean exit)."""
    auto = autosave_path_for(project_path)
    if not auto.exists():
        return None
    if not project_path.exists() or auto.stat().st_mtime > project_path.stat().st_mtime:
        return auto
    return None


class ProjectSession(QObject):
    """Holds the current :class:`Project`; emits when it is replaced, edited or saved."""

    projectChanged = Signal(object)  # a new Project was opened / created
    layersChanged = Signal()  # layers added, removed, reordered, restyled, shown/hidden
    modifiedChanged = Signal(bool)
    recentChanged = Signal(list)
    saved = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or QSettings("GridScout", "GridScout")
        self.project = Project()
        self.modified = False
        #: answers "recover the autosave newer than the project?": True recovers, False discards the
        #: autosave, None opens the project and keeps the autosave; the window asks with a QMessageBox
        self.ask_recover: Callable[[Path, Path], bool | None] = lambda project, autosave: None
        #: called before saving to store the current view in the project
        self.collect_view: Callable[[], dict] | None = None
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_S * 1000)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_task = None
        self._generation = 0  # bumped whenever the project stops having unsaved changes

    # --- state -------------------------------------------------------------------------------
    @property
    def project(self) -> Project:
        return self._project

    @project.setter
    def project(self, project: Project) -> None:
        previous = getattr(self, "_project", None)
        if previous is not None and project is not previous:
            from gridscout.scoring.project_scoring import forget_derived

            forget_derived()  # what was measured on the old project's layers goes with it
        self._project = project

    @property
    def path(self) -> Path | None:
        return self.project.path

    @property
    def read_only(self) -> bool:
        """The shipped demo: Save goes to Save As so the demo stays as shipped."""
        return self.project.path is not None and _is_shipped(self.project.path)

    def set_modified(self, modified: bool = True) -> None:
        if modified == self.modified:
            return
        self.modified = modified
        if modified:
            self._autosave_timer.start()
        else:
            self._generation += 1
            self._autosave_timer.stop()
        self.modifiedChanged.emit(modified)

    def layers_edited(self) -> None:
        """Call after changing layers in place (visibility, order, style …)."""
        self.set_modified(True)
        self.layersChanged.emit()

    # --- layers --------------------------------------------------------------------------------
    # ``project.layers`` is the project file's drawing order, bottom first (the basemap first, as
    # the demo's README says); the panel and the canvas list layers top first, like QGIS.
    @property
    def layers(self) -> list[Layer]:
        """The layers top first (what the Layers panel lists and ``MapCanvas.set_layers`` takes)."""
        return self.project.layers[::-1]

    def add_layer(self, layer: Layer, index: int = 0) -> None:
        """Add ``layer`` at ``index`` of the top-first list (0 = on top), with a unique name."""
        names = {lyr.name for lyr in self.project.layers}
        base, n = layer.name, 2
        while layer.name in names:
            layer.name = f"{base} ({n})"
            n += 1
        top_first = self.layers
        top_first.insert(index, layer)
        self.project.layers = top_first[::-1]
        self.layers_edited()

    def remove_layer(self, layer: Layer) -> None:
        self.project.layers = [lyr for lyr in self.project.layers if lyr is not layer]
        self.layers_edited()

    def reorder_layers(self, top_first: list[Layer]) -> None:
        """Set the drawing order from a top-first list (the panel after a drag)."""
        if [id(x) for x in top_first] != [id(x) for x in self.layers]:
            self.project.layers = list(top_first)[::-1]
            self.layers_edited()

    # --- projects ------------------------------------------------------------------------------
    def new(self, title: str = UNTITLED) -> None:
        """Start a new project on the bundled world basemap (an empty one if it cannot be read)."""
        self._drop_autosave()
        try:
            self.project = new_project(title)
        except Exception as exc:  # a broken installation must not stop File › New
            log.warning("the bundled basemap could not be read (%s); starting without it", exc)
            self.project = Project(title=title)
        self.set_modified(False)
        self.projectChanged.emit(self.project)

    def open(self, path: str | Path) -> Project:
        """Open ``path``, offering to recover a newer autosave; raises DataError for a bad file."""
        path = Path(path).resolve()
        auto = recovery_available(path)
        answer = self.ask_recover(path, auto) if auto is not None else None
        project = None
        if auto is not None and answer:
            try:
                project = open_project(auto)
                project.path = path
            except Exception as exc:  # a broken recovery file: open the project itself
                log.warning("the recovery file %s could not be read (%s); opening %s", auto, exc, path)
        elif auto is not None and answer is False:  # "discard"; None = not now (a snapshot): keep it
            auto.unlink(missing_ok=True)
        recovered = project is not None
        if project is None:
            project = open_project(path)
        if self.project.path != path:
            self._drop_autosave()  # of the project that was open before
        self.project = project
        self.modified = not recovered  # force the signal below
        self.set_modified(recovered)
        self.add_recent(path)
        self.projectChanged.emit(project)
        return project

    def copies_of(self, path: Path, alternatives: list[Path]) -> list[Path]:
        """The autosave (wherever it went) and last good copy a damaged ``path`` can be replaced by."""
        found = [autosave_path_for(Path(path).resolve()), *alternatives]
        out: list[Path] = []
        for p in found:
            if p.is_file() and p not in out:
                out.append(p)
        return out

    def open_copy(self, copy: Path, as_path: Path) -> Project:
        """Open ``copy`` (an autosave or last good copy) in place of the damaged ``as_path``: Save
        writes the project back to ``as_path``."""
        project = open_project(copy)
        project.path = Path(as_path).resolve()
        if self.project.path != project.path:
            self._drop_autosave()
        self.project = project
        self.modified = False
        self.set_modified(True)
        self.add_recent(project.path)
        self.projectChanged.emit(project)
        return project

    def save(self, path: str | Path | None = None) -> Path:
        """Save (atomically) to ``path`` or the project's own path."""
        target = Path(path) if path is not None else self.project.path
        if target is None:
            raise ValueError("no path to save to: use Save As")
        if self.collect_view is not None:
            self.project.view = self.collect_view()
        old_auto = autosave_path_for(self.project.path) if self.project.path else None
        untitled = self.project.title == UNTITLED
        if untitled:  # an untitled project takes the name it is saved under (and the window title)
            self.project.title = Path(target).name.removesuffix(".gridscout") or UNTITLED
        try:
            saved = save_project(self.project, target)
        except BaseException:
            if untitled:
                self.project.title = UNTITLED
            raise
        if old_auto is not None:
            old_auto.unlink(missing_ok=True)
        autosave_path_for(saved).unlink(missing_ok=True)
        self.set_modified(False)
        self.add_recent(saved)
        self.saved.emit(str(saved))
        return saved

    def autosave(self, background: bool = True) -> Path | None:
        """Write the recovery file (when there are unsaved changes); returns its path.

        In the background (the timer's way) a copy of the project is written on a worker, so a big
        project does not freeze the window; a save or discard that happens meanwhile wins (the
        late recovery file is removed).
        """
        if not self.modified:
            return None
        if self.collect_view is not None:
            self.project.view = self.collect_view()
        target = autosave_path_for(self.project.path)
        snapshot = _detached_copy(self.project)
        if not background:
            return target if _write_autosave(snapshot, target) else None
        if self._autosave_task is not None and not self._autosave_task.is_done:
            return target  # the previous one is still writing; the next tick catches up
        from gridscout.gui.workers import run_task

        generation = self._generation

        def finished(ok: bool) -> None:
            if generation != self._generation:  # saved, discarded or closed meanwhile
                target.unlink(missing_ok=True)

        self._autosave_task = run_task(lambda _progress: _write_autosave(snapshot, target), finished,
                                       lambda exc: log.warning("autosave failed: %s", exc))
        return target

    def wait_for_autosave(self, timeout_s: float = 30.0) -> None:
        task = self._autosave_task
        if task is not None:
            task._finished.wait(timeout_s)

    def discard_changes(self) -> None:
        """The user chose not to save: the recovery file goes too."""
        self.wait_for_autosave()
        self._drop_autosave()
        self.set_modified(False)

    def close(self) -> None:
        """The window closes: let a running autosave finish; without unsaved changes it goes."""
        from gridscout.scoring.project_scoring import forget_derived

        self.wait_for_autosave()
        if not self.modified:
            self._drop_autosave()
        forget_derived()

    def recover_untitled(self) -> bool:
        """After a crash with an unsaved untitled project: offer its recovery file; True if taken."""
        auto = autosave_path_for(None)
        if not auto.exists():
            return False
        answer = self.ask_recover(Path("untitled.gridscout"), auto)
        if answer is None:
            return False
        if not answer:
            auto.unlink(missing_ok=True)
            return False
        project = open_project(auto)
        project.path = None
        self.project = project
        self.modified = False
        self.set_modified(True)
        self.projectChanged.emit(project)
        return True

    def _drop_autosave(self) -> None:
        autosave_path_for(self.project.path).unlink(missing_ok=True)

    # --- recent projects -----------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [p for p in (value or []) if p]

    def add_recent(self, path: Path) -> None:
        if _is_shipped(path):
            return
        path_s = str(Path(path).resolve())
        items = [path_s] + [p for p in self.recent() if p != path_s]
        self.settings.setValue(RECENT_KEY, items[:MAX_RECENT])
        self.settings.sync()
        self.recentChanged.emit(self.recent())

    def clear_recent(self) -> None:
        self.settings.setValue(RECENT_KEY, [])
        self.recentChanged.emit([])


def _detached_copy(project: Project) -> Project:
    """A copy that later edits in the GUI do not touch (layer data frames are shared: the GUI
    replaces them, never changes them in place)."""
    import copy
    from dataclasses import replace

    return Project(
        title=project.title,
        layers=[replace(lyr, style=copy.deepcopy(lyr.style), mapping=dict(lyr.mapping)) for lyr in project.layers],
        profile=copy.deepcopy(project.profile),
        view=copy.deepcopy(project.view),
        notes=dict(project.notes),
        scores=project.scores,
        path=project.path,
    )


def _write_autosave(project: Project, target: Path) -> bool:
    try:
        save_project(project, target, keep_backup=False)
    except Exception as exc:  # autosave must never interrupt work
        log.warning("autosave to %s failed: %s", target, exc)
        return False
    log.info("autosaved to %s", target)
    return True
