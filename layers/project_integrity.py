"""Keeping a project file whole: integrity checks on open, stale-save cleanup, save errors for people.

A save writes ``.NAME.<pid>-<token>.saving.gpkg`` beside ``NAME`` and renames it over the project;
one left by a process that is gone (killed, power cut) is stale and removed on the next open or save.
The previous project is kept as ``NAME.bak`` (the last good copy) when a save replaces it. On open,
SQLite's ``PRAGMA quick_check`` and the row counts recorded at save are checked; a file that fails is
refused with :class:`DamagedProjectError`, which names what is damaged and the copies that remain.
"""

from __future__ import annotations

import errno
import glob
import json
import os
import secrets
import sqlite3
import time
from pathlib import Path

from gridscout.layers.errors import DataError, GridScoutError

BACKUP_SUFFIX = ".bak"
AUTOSAVE_SUFFIX = ".autosave"
SAVING_SUFFIX = ".saving.gpkg"
#: a temporary save file without a process id (older GridScout) counts as stale after this long
LEGACY_STALE_S = 300


class DamagedProjectError(DataError):
    """A project file is damaged; ``alternatives`` lists the copies that could be opened instead."""

    def __init__(self, path: Path, what: str, alternatives: list[Path] | None = None) -> None:
        self.path = Path(path)
        self.what = what
        self.alternatives = [Path(p) for p in (alternatives or [])]
        offer = " or ".join(str(p) for p in self.alternatives)
        advice = (f"Open {offer} instead." if offer
                  else "No autosave or last good copy exists beside it; restore it from a backup.")
        super().__init__(f"{self.path} is damaged ({what}); nothing was loaded. {advice}")


class ProjectSaveError(GridScoutError):
    """A project could not be saved (disk full, read-only folder …); the old file is unchanged."""


# --- paths ---------------------------------------------------------------------------------------
def backup_path(path: Path) -> Path:
    """The last good copy of ``path`` (kept by every save that replaces it)."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def sidecar_autosave_path(path: Path) -> Path:
    return path.with_name(path.name + AUTOSAVE_SUFFIX)


def alternatives_for(path: Path) -> list[Path]:
    """The copies of ``path`` a user can fall back to, newest kind first (autosave, last good copy)."""
    return [p for p in (sidecar_autosave_path(path), backup_path(path)) if p.is_file()]


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """Open ``path`` read-only. The path goes in as a properly escaped ``file:`` URI, so ``#``, ``?``
    and ``%`` in a file name are just characters (never a fragment, query or escape)."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def new_temp_path(path: Path) -> Path:
    """A fresh temporary file name for saving ``path`` (carries this process's id)."""
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{SAVING_SUFFIX}")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def stale_saves(path: Path) -> list[Path]:
    """Temporary files of earlier saves of ``path`` whose writer is gone (with their journals)."""
    prefix = f".{path.name}."
    out = []
    for name in glob.glob(glob.escape(str(path.parent / prefix)) + "*" + glob.escape(SAVING_SUFFIX) + "*"):
        p = Path(name)
        middle = p.name[len(prefix):].split(SAVING_SUFFIX)[0]
        pid_text = middle.split("-", 1)[0]
        if "-" in middle and pid_text.isdigit():
            if _pid_alive(int(pid_text)):
                continue
        else:  # no process id in the name: a save by an older GridScout
            try:
                if time.time() - p.stat().st_mtime < LEGACY_STALE_S:
                    continue
            except OSError:
                continue
        out.append(p)
    return out


def clean_stale_saves(path: Path) -> list[Path]:
    """Remove the stale temporary files of ``path``; returns what was removed."""
    removed = []
    for p in stale_saves(path):
        try:
            p.unlink()
            removed.append(p)
        except OSError:
            pass
    return removed


# --- metadata and integrity ------------------------------------------------------------------------
def parse_meta(raw: str, path: Path, format_version: int) -> dict:
    """The project description as a dict, or a DataError naming the file and what is wrong."""
    def bad(what: str) -> DataError:
        return DamagedProjectError(path, f"its project description is invalid: {what}", alternatives_for(path))

    try:
        meta = json.loads(raw)
    except (json.JSONDecodeError, TypeError, RecursionError) as exc:
        raise bad(f"not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise bad("not a JSON object")
    version = meta.get("format_version")
    if type(version) is not int:
        raise bad(f"format_version is {version!r}, not a whole number")
    if version > format_version:
        raise DataError(f"{path} was written by a newer GridScout (format {version}); please update GridScout")
    layers = meta.get("layers")
    if not isinstance(layers, list):
        raise bad(f"the layer list is {json.dumps(layers)}, not a list")
    for i, m in enumerate(layers, 1):
        if not isinstance(m, dict):
            raise bad(f"layer {i} is {json.dumps(m)}, not an object")
        for key in ("name", "kind"):
            if not isinstance(m.get(key), str) or not m.get(key):
                raise bad(f"layer {i} has no {key}")
        if m.get("table") is not None and not isinstance(m["table"], str):
            raise bad(f"layer {i} ({m['name']}) has table {m['table']!r}, not a name")
        source = m.get("source")
        if not isinstance(source, dict) or "path" not in source:
            if m.get("table") is None:
                raise bad(f"raster layer {i} ({m['name']}) has no source file")
            m["source"] = {"path": "", "layer": None}
        for key, kind in (("style", dict), ("mapping", dict), ("report", dict)):
            if m.get(key) is None:
                m[key] = {}
            elif not isinstance(m[key], kind):
                raise bad(f"layer {i} ({m['name']}) has {key} {m[key]!r}, not an object")
        rows = m.get("rows")
        if rows is not None and type(rows) is not int:
            raise bad(f"layer {i} ({m['name']}) records {rows!r} rows")
    for key, kind in (("view", dict), ("profile", dict), ("counts", dict)):
        if meta.get(key) is not None and not isinstance(meta[key], kind):
            raise bad(f"{key} is {meta[key]!r}, not an object")
    if meta.get("title") is not None and not isinstance(meta["title"], str):
        raise bad(f"title is {meta['title']!r}, not text")
    return meta


def check_integrity(con: sqlite3.Connection, path: Path, meta: dict, extra_tables: dict[str, str]) -> None:
    """Refuse a damaged file: SQLite's quick check, then every table and its recorded row count.

    ``extra_tables`` maps a key of ``meta["counts"]`` to its table (notes, scores)."""
    try:
        result = [r[0] for r in con.execute("PRAGMA quick_check(20)").fetchall()]
    except sqlite3.DatabaseError as exc:
        result = [str(exc)]
    if result != ["ok"]:
        detail = "; ".join(result[:3]) + (" …" if len(result) > 3 else "")
        raise DamagedProjectError(path, f"SQLite integrity check failed: {detail}", alternatives_for(path))
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    expected: list[tuple[str, str, int | None]] = [
        (f"layer {m['name']!r}", m["table"], m.get("rows")) for m in meta["layers"] if m.get("table")
    ]
    counts = meta.get("counts") or {}
    expected += [(key, table, counts.get(key)) for key, table in extra_tables.items() if key in counts]
    for label, table, rows in expected:
        if table not in tables:
            raise DamagedProjectError(path, f"the table {table} of {label} is missing", alternatives_for(path))
        if rows is None:
            continue
        try:
            found = con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise DamagedProjectError(path, f"the table {table} of {label} cannot be read: {exc}",
                                      alternatives_for(path)) from None
        if found != rows:
            raise DamagedProjectError(path, f"{label} has {found:,} of the {rows:,} rows saved",
                                      alternatives_for(path))


def is_sound(path: Path) -> bool:
    """True when ``path`` passes SQLite's quick check (used before keeping it as the last good copy)."""
    try:
        con = connect_read_only(path)
        try:
            return con.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        finally:
            con.close()
    except sqlite3.Error:
        return False


# --- save errors -----------------------------------------------------------------------------------
_NO_SPACE = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_READ_ONLY = (errno.EACCES, errno.EPERM, errno.EROFS)


def save_error(exc: BaseException, path: Path) -> ProjectSaveError | None:
    """A message for people when a save failed for a reason of the disk, or None for anything else."""
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    kept = f"{path} was not changed." if path.exists() else "Nothing was written."
    if code in _NO_SPACE or "no space left" in text or "disk is full" in text or "disk full" in text:
        return ProjectSaveError(
            f"Could not save {path}: the disk holding {path.parent} is full. Free some space or save "
            f"under another name on another disk (Save As). {kept}")
    if code in _READ_ONLY or "permission denied" in text or "read-only" in text or "readonly" in text:
        return ProjectSaveError(
            f"Could not save {path}: the folder {path.parent} is read-only or you may not write there. "
            f"Save under another name in a folder you can write to (Save As). {kept}")
    return None
