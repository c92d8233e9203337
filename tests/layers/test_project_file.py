"""The project file refuses damage by name, keeps a last good copy, cleans killed saves, takes any
file name, and says why a save failed (old file intact)."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from gridscout.layers.errors import DataError
from gridscout.layers.project import open_project, save_project
from gridscout.layers.project_integrity import DamagedProjectError, ProjectSaveError, backup_path
from project_samples import sample_project, state


@pytest.fixture
def saved_twice(tmp_path):
    """A project saved, then saved again with a change: NAME.bak holds the first state."""
    path = tmp_path / "site.gridscout"
    first = sample_project(2000, "First")
    save_project(first, path)
    second = sample_project(2000, "Second")
    save_project(second, path)
    return path, state(first), state(second)


def test_a_save_keeps_the_replaced_file_as_the_last_good_copy(saved_twice):
    path, first, second = saved_twice
    assert state(open_project(path)) == second
    assert state(open_project(backup_path(path))) == first


def test_random_bytes_in_the_middle_are_refused_naming_the_damage_and_the_last_good_copy(saved_twice):
    path, first, _ = saved_twice
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2 - 32768)
        fh.write(os.urandom(65536))
    with pytest.raises(DamagedProjectError) as err:
        open_project(path)
    message = str(err.value)
    assert str(path) in message and "damaged" in message and "nothing was loaded" in message
    assert str(backup_path(path)) in message
    assert err.value.alternatives == [backup_path(path)]
    assert state(open_project(err.value.alternatives[0])) == first


def test_a_truncated_file_is_refused(saved_twice):
    path, _, _ = saved_twice
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size * 2 // 3)
    with pytest.raises(DamagedProjectError, match="damaged"):
        open_project(path)


def test_a_missing_layer_table_is_refused_by_name(saved_twice):
    path, _, _ = saved_twice
    con = sqlite3.connect(path)
    con.execute("DROP TABLE layer_0")
    con.commit()
    con.close()
    with pytest.raises(DamagedProjectError, match="table layer_0 of layer 'parcels' is missing"):
        open_project(path)


def test_rows_lost_from_a_layer_are_refused_with_the_counts(saved_twice):
    path, _, _ = saved_twice
    con = sqlite3.connect(path)
    con.execute("DELETE FROM layer_0 WHERE fid > 448")
    con.commit()
    con.close()
    with pytest.raises(DamagedProjectError, match="layer 'parcels' has 448 of the 2,000 rows saved"):
        open_project(path)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.parametrize("action", ["open", "save"])
def test_stale_temporary_saves_are_removed_but_not_a_live_one(tmp_path, action):
    path = tmp_path / "site.gridscout"
    save_project(sample_project(10), path)
    dead = _dead_pid()
    stale = [tmp_path / f".site.gridscout.{dead}-ab12cd34.saving.gpkg",
             tmp_path / f".site.gridscout.{dead}-ab12cd34.saving.gpkg-journal"]
    legacy = tmp_path / ".site.gridscout.k2j3h4g5.saving.gpkg"  # an older GridScout's name, an hour old
    live = tmp_path / f".site.gridscout.{os.getpid()}-ffff0000.saving.gpkg"
    other = tmp_path / f".other.gridscout.{dead}-ab12cd34.saving.gpkg"
    for p in [*stale, legacy, live, other]:
        p.write_bytes(b"x" * 1000)
    os.utime(legacy, (1e9, 1e9))
    if action == "open":
        open_project(path)
    else:
        save_project(sample_project(10), path)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([path.name, live.name, other.name] + ([backup_path(path).name] if action == "save" else []))


@pytest.mark.parametrize("name", ["site#1.gridscout", "what?.gridscout", "p%41.gridscout", "a #?% b.gridscout"])
def test_paths_are_paths_not_uris(tmp_path, name):
    path = tmp_path / name
    project = sample_project(20, "Odd name")
    save_project(project, path)
    save_project(project, path)
    assert state(open_project(path)) == state(project)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, name + ".bak"])


def _rewrite_meta(path, change) -> None:
    con = sqlite3.connect(path)
    raw = con.execute("SELECT json FROM gridscout_project WHERE id = 1").fetchone()[0]
    new = change(json.loads(raw))
    con.execute("UPDATE gridscout_project SET json = ? WHERE id = 1", (new if isinstance(new, str) else json.dumps(new),))
    con.commit()
    con.close()


def _drop_table(path) -> None:
    con = sqlite3.connect(path)
    con.execute("DROP TABLE layer_0")
    con.commit()
    con.close()


BROKEN = {
    "invalid JSON": (lambda m: "{not json", "not valid JSON"),
    "empty object": (lambda m: {}, "format_version is None"),
    "null layer list": (lambda m: {**m, "layers": None}, "the layer list is null"),
    "layer with no kind": (lambda m: {**m, "layers": [{k: v for k, v in m["layers"][0].items() if k != "kind"}]},
                           "layer 1 has no kind"),
    "version as text": (lambda m: {**m, "format_version": "1"}, "format_version is '1'"),
}


@pytest.mark.parametrize("case", [*BROKEN, "missing layer table"])
def test_broken_metadata_is_a_named_error_and_exit_2(tmp_path, case, capsys):
    from gridscout.cli import main

    path = tmp_path / "broken.gridscout"
    save_project(sample_project(10), path)
    if case == "missing layer table":
        _drop_table(path)
        expected = "table layer_0 of layer 'parcels' is missing"
    else:
        change, expected = BROKEN[case]
        _rewrite_meta(path, change)
    with pytest.raises(DataError) as err:
        open_project(path)
    assert str(path) in str(err.value) and expected in str(err.value)
    code = main(["export-data", str(path), "--layer", "parcels", "--out", str(tmp_path / "out.csv"), "-q"])
    captured = capsys.readouterr()
    assert code == 2
    assert str(path) in captured.err and expected in captured.err and "unexpected" not in captured.err


def _failing_write(code: int):
    import pyogrio

    real = pyogrio.write_dataframe

    def write(df, target, **kwargs):
        real(df, target, **kwargs)  # part of the file is written, then the disk says no
        raise OSError(code, os.strerror(code), str(target))

    return write


@pytest.mark.parametrize(("code", "says"), [(errno.ENOSPC, "is full"), (errno.EACCES, "read-only"),
                                            (errno.EROFS, "read-only")])
def test_a_failed_save_says_why_and_what_to_do_and_keeps_the_old_file(tmp_path, monkeypatch, code, says):
    import pyogrio

    path = tmp_path / "site.gridscout"
    old = sample_project(50, "Old")
    save_project(old, path)
    before = path.read_bytes()
    monkeypatch.setattr(pyogrio, "write_dataframe", _failing_write(code))
    with pytest.raises(ProjectSaveError) as err:
        save_project(sample_project(60, "New"), path)
    message = str(err.value)
    assert says in message and "Save As" in message and f"{path} was not changed" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    monkeypatch.undo()
    assert state(open_project(path)) == state(old)


def test_a_full_disk_during_the_sqlite_part_of_the_save_is_named(tmp_path, monkeypatch):
    import pandas as pd

    path = tmp_path / "site.gridscout"
    project = sample_project(50, "Old")
    save_project(project, path)
    before = path.read_bytes()
    project.scores = pd.DataFrame({"parcel_id": ["P1"], "score": [80.0]})

    def full(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(pd.DataFrame, "to_sql", full)
    with pytest.raises(ProjectSaveError, match="is full"):
        save_project(project, path)
    assert path.read_bytes() == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write into read-only folders")
def test_a_real_read_only_folder_is_named(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "site.gridscout"
    save_project(sample_project(10), path)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        with pytest.raises(ProjectSaveError, match="read-only"):
            save_project(sample_project(20), path)
    finally:
        folder.chmod(0o755)
    assert path.read_bytes() == before


def test_columns_differing_only_in_case_survive_a_save(tmp_path):
    """GeoPackage columns are case-insensitive; a layer read from a file with NAME gains a
    canonical name column, and the project must still save and reopen both."""
    project = sample_project(5)
    gdf = project.layers[0].data
    gdf.insert(1, "name", [f"n{i}" for i in range(5)])
    gdf.insert(2, "NAME", [f"N{i}" for i in range(5)])
    path = save_project(project, tmp_path / "case.gridscout")
    reopened = open_project(path).layers[0].data
    assert list(reopened.columns) == list(gdf.columns)
    assert list(reopened["NAME"]) == list(gdf["NAME"]) and list(reopened["name"]) == list(gdf["name"])
