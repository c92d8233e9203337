"""The project file: one self-contained GeoPackage (``*.gridscout``).

Tables: one per vector layer (``layer_<n>``), ``gridscout_project`` (one row of JSON: the layer list
in drawing order with kind, style, report, mapping, visibility; the score profile; the view),
``gridscout_notes`` (field notes per parcel) and, when scored, ``gridscout_scores`` (results per
parcel, no geometry). Saving writes a new file beside the target and renames it over the old one,
so a crash or kill during a save leaves the previous project intact; the replaced file stays as
``NAME.bak``. Opening checks the file's integrity (see :mod:`gridscout.layers.project_integrity`).
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sqlite3
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
from gridscout.layers.errors import DataError
from gridscout.layers.model import Layer, Source
from gridscout.layers.project_integrity import (
    DamagedProjectError,
    alternatives_for,
    backup_path,
    check_integrity,
    clean_stale_saves,
    connect_read_only,
    is_sound,
    new_temp_path,
    parse_meta,
    save_error,
)
from gridscout.layers.validation_report import ValidationReport

FORMAT_VERSION = 1
NOTE_STATUSES = ("unvisited", "visited", "shortlisted", "rejected")
_META_TABLE = "gridscout_project"
_NOTES_TABLE = "gridscout_notes"
_SCORES_TABLE = "gridscout_scores"


@dataclass
class FieldNote:
    """A scout's status and dated note for one parcel."""

    parcel_id: str
    status: str = "unvisited"
    note: str = ""
    updated: str = field(default_factory=lambda: date.today().isoformat())

    def __post_init__(self) -> None:
        if self.status not in NOTE_STATUSES:
            raise DataError(f"field note status {self.status!r} is not one of {', '.join(NOTE_STATUSES)}")


@dataclass
class Project:
    """Everything a scout works on: layers, the score profile, scores, field notes and the view."""

    title: str = "Untitled project"
    layers: list[Layer] = field(default_factory=list)
    profile: dict | None = None  # the profile as a TOML-able dict (scoring.profile)
    view: dict = field(default_factory=dict)  # e.g. {"extent": [minlon, minlat, maxlon, maxlat]}
    notes: dict[str, FieldNote] = field(default_factory=dict)
    scores: pd.DataFrame | None = None  # parcel_id + result columns, no geometry
    path: Path | None = None

    def layer(self, name: str) -> Layer:
        for lyr in self.layers:
            if lyr.name == name:
                return lyr
        raise DataError(f"project has no layer {name!r}; layers: {', '.join(x.name for x in self.layers)}")

    def layers_of_kind(self, kind: str) -> list[Layer]:
        return [lyr for lyr in self.layers if lyr.kind == kind]

    def set_note(self, parcel_id: str, status: str | None = None, note: str | None = None) -> FieldNote:
        old = self.notes.get(parcel_id, FieldNote(parcel_id))
        new = FieldNote(
            parcel_id,
            status if status is not None else old.status,
            note if note is not None else old.note,
        )
        self.notes[parcel_id] = new
        return new


def _layer_meta(layer: Layer, table: str | None) -> dict:
    return {
        "name": layer.name,
        "kind": layer.kind,
        "table": table,
        "source": {"path": layer.source.path, "layer": layer.source.layer},
        "style": layer.style,
        "report": layer.report.to_dict(),
        "mapping": layer.mapping,
        "visible": layer.visible,
        "opacity": layer.opacity,
    }


def _register_attributes_table(con: sqlite3.Connection, table: str) -> None:
    con.execute(
        "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, last_change) "
        "VALUES (?, 'attributes', ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))",
        (table, table),
    )


def save_project(project: Project, path: str | Path, keep_backup: bool = True) -> Path:
    """Write ``project`` to ``path`` atomically and return the path.

    The previous file, when sound, is kept as ``NAME.bak`` (``keep_backup``); stale temporary files
    of killed saves are removed. A full disk or a read-only folder raises :class:`ProjectSaveError`
    and leaves the old file as it was.
    """
    path = Path(os.path.abspath(os.fspath(path)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_saves(path)
        tmp = new_temp_path(path)
    except OSError as exc:
        raise save_error(exc, path) or exc from None
    try:
        _write_project(project, tmp)
        if keep_backup and path.is_file() and is_sound(path):
            _keep_last_good_copy(path)
        os.replace(tmp, path)
        try:  # make the rename itself durable
            dfd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass
    except BaseException as exc:
        for leftover in (tmp, *tmp.parent.glob(glob.escape(tmp.name) + "-*")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        friendly = save_error(exc, path) if isinstance(exc, Exception) else None
        if friendly is not None:
            raise friendly from None
        raise
    project.path = path
    return path


def _keep_last_good_copy(path: Path) -> None:
    """``NAME.bak`` becomes the file that is about to be replaced (a hard link: no copy)."""
    bak = backup_path(path)
    bak.unlink(missing_ok=True)
    try:
        os.link(path, bak)
    except OSError:
        shutil.copy2(path, bak)


def _gpkg_safe_columns(gdf) -> tuple:
    """GeoPackage column names are case-insensitive: ``name`` beside ``NAME`` is written as
    ``NAME__2`` (and renamed back on open). Returns the frame and ``{name in the file: real name}``."""
    taken = {str(c).lower() for c in gdf.columns}
    seen: set[str] = set()
    columns, renamed = [], {}
    for col in gdf.columns:
        name = str(col)
        if name.lower() in seen:
            n = 2
            while f"{name}__{n}".lower() in taken:
                n += 1
            renamed[f"{name}__{n}"] = name
            name = f"{name}__{n}"
            taken.add(name.lower())
        seen.add(name.lower())
        columns.append(name if name != str(col) else col)
    if not renamed:
        return gdf, {}
    out = gdf.copy()
    out.columns = columns
    return out, renamed


def _write_project(project: Project, tmp: Path) -> None:
    """Write every table of ``project`` into the new file ``tmp`` and flush it to disk."""
    import pyogrio

    layer_meta = []
    vector_written = False
    for i, layer in enumerate(project.layers):
        table = None
        meta = None
        if not layer.is_raster:
            table = f"layer_{i}"
            gdf, renamed = _gpkg_safe_columns(layer.data)
            pyogrio.write_dataframe(gdf, tmp, layer=table, driver="GPKG", append=vector_written)
            vector_written = True
        meta = _layer_meta(layer, table)
        if table is not None:
            meta["rows"] = len(layer.data)
            if renamed:
                meta["renamed_columns"] = renamed
        layer_meta.append(meta)
    if not vector_written:  # create an empty GeoPackage to hold the tables
        import geopandas as gpd

        pyogrio.write_dataframe(gpd.GeoDataFrame({"x": []}, geometry=[], crs=4326), tmp, layer="empty", driver="GPKG")
    meta = {
        "format_version": FORMAT_VERSION,
        "title": project.title,
        "layers": layer_meta,
        "profile": project.profile,
        "view": project.view,
        "counts": {"notes": len(project.notes),
                   **({"scores": len(project.scores)} if project.scores is not None else {})},
    }
    con = sqlite3.connect(tmp)
    try:
        con.execute(f"CREATE TABLE {_META_TABLE} (id INTEGER PRIMARY KEY, json TEXT NOT NULL)")
        con.execute(f"INSERT INTO {_META_TABLE} (id, json) VALUES (1, ?)", (json.dumps(meta),))
        _register_attributes_table(con, _META_TABLE)
        con.execute(
            f"CREATE TABLE {_NOTES_TABLE} (id INTEGER PRIMARY KEY, parcel_id TEXT UNIQUE NOT NULL, "
            "status TEXT NOT NULL, note TEXT NOT NULL, updated TEXT NOT NULL)"
        )
        con.executemany(
            f"INSERT INTO {_NOTES_TABLE} (parcel_id, status, note, updated) VALUES (?, ?, ?, ?)",
            [(n.parcel_id, n.status, n.note, n.updated) for n in project.notes.values()],
        )
        _register_attributes_table(con, _NOTES_TABLE)
        if project.scores is not None:
            project.scores.to_sql(_SCORES_TABLE, con, index=False)
            _register_attributes_table(con, _SCORES_TABLE)
        con.commit()
    finally:
        con.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())


def open_project(path: str | Path) -> Project:
    """Read a project file written by :func:`save_project`.

    Refuses a damaged file (:class:`DamagedProjectError`, a DataError naming what is damaged and
    the autosave or last good copy to open instead); a broken description is a named DataError.
    """
    path = Path(os.path.abspath(os.fspath(path)))
    if not path.is_file():
        raise DataError(f"project file {path} does not exist")
    try:
        clean_stale_saves(path)
    except OSError:  # a read-only folder: nothing to clean
        pass
    try:
        con = connect_read_only(path)
        try:
            row = con.execute(f"SELECT json FROM {_META_TABLE} WHERE id = 1").fetchone()
            if row is None:
                raise DataError(f"{path} has no project description; it may be a plain GeoPackage — "
                                "add its layers instead")
            meta = parse_meta(row[0], path, FORMAT_VERSION)
            check_integrity(con, path, meta, {"notes": _NOTES_TABLE, "scores": _SCORES_TABLE})
            notes_rows = con.execute(f"SELECT parcel_id, status, note, updated FROM {_NOTES_TABLE}").fetchall()
            has_scores = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (_SCORES_TABLE,)
            ).fetchone()
            scores = pd.read_sql(f"SELECT * FROM {_SCORES_TABLE}", con) if has_scores else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc) and _META_TABLE in str(exc):
            raise DataError(f"{path} is not a GridScout project (a GeoPackage with a {_META_TABLE} table); "
                            "add its layers instead") from None
        raise DamagedProjectError(path, f"SQLite cannot read it: {exc}", alternatives_for(path)) from None
    layers = [_read_layer(path, m) for m in meta["layers"]]
    try:
        notes = {r[0]: FieldNote(*r) for r in notes_rows}
    except (DataError, TypeError) as exc:
        raise DamagedProjectError(path, f"a field note is invalid: {exc}", alternatives_for(path)) from None
    return Project(
        title=meta.get("title") or path.stem,
        layers=layers,
        profile=meta.get("profile"),
        view=meta.get("view") or {},
        notes=notes,
        scores=scores,
        path=path,
    )


def _read_layer(path: Path, m: dict) -> Layer:
    """One layer of the project file described by its metadata entry ``m``."""
    import pyogrio

    if m["table"] is None:
        from gridscout.layers.raster import RasterSource  # raster layers refer to their file

        data = RasterSource(m["source"]["path"])
    else:
        try:
            with warnings.catch_warnings():  # "*.gridscout" is a GeoPackage by another name
                warnings.filterwarnings("ignore", message=".*non conformant file extension.*")
                data = pyogrio.read_dataframe(path, layer=m["table"], use_arrow=True)
        except Exception as exc:  # GDAL reports damage in many ways
            raise DamagedProjectError(path, f"layer {m['name']!r} cannot be read: {exc}",
                                      alternatives_for(path)) from None
        renamed = m.get("renamed_columns")
        if isinstance(renamed, dict) and renamed:
            data = data.rename(columns={k: v for k, v in renamed.items() if k in data.columns})
        if m.get("rows") is not None and len(data) != m["rows"]:
            raise DamagedProjectError(path, f"layer {m['name']!r} has {len(data):,} of the {m['rows']:,} rows saved",
                                      alternatives_for(path))
    try:
        report = ValidationReport.from_dict(m.get("report") or {})
    except Exception as exc:
        raise DamagedProjectError(path, f"the validation report of layer {m['name']!r} is invalid: {exc}",
                                  alternatives_for(path)) from None
    layer = Layer(
        name=m["name"],
        kind=m["kind"],
        data=data,
        source=Source(m["source"].get("path", ""), m["source"].get("layer")),
        style=m.get("style") or {},
        report=report,
        mapping=m.get("mapping") or {},
        visible=bool(m.get("visible", True)),
        opacity=float(m.get("opacity", 1.0)) if isinstance(m.get("opacity", 1.0), (int, float)) else 1.0,
    )
    if not layer.is_raster:
        layer.lonlat_bounds()  # on the opening thread, not when the map first asks
    return layer


UNTITLED = "Untitled project"


def project_layer_table(path: str | Path, wanted: str | None = None, kind: str | None = None) -> str | None:
    """The table of a project's layer named ``wanted`` (title or table) or first of ``kind``.

    Returns None when ``path`` is not a GridScout project or nothing matches, so callers fall back to
    treating it as a plain GeoPackage.
    """
    try:
        con = connect_read_only(path)
        try:
            row = con.execute(f"SELECT json FROM {_META_TABLE} WHERE id = 1").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    meta = parse_meta(row[0], Path(path), FORMAT_VERSION)
    entries = [m for m in meta["layers"] if m.get("table")]
    if wanted is not None:
        for m in entries:
            if wanted in (m["table"], m["name"]):
                return m["table"]
        return None
    if kind is not None:
        # the project lists layers bottom first; the topmost layer of a kind is what the user sees
        for m in reversed(entries):
            if m["kind"] == kind:
                return m["table"]
    return None
