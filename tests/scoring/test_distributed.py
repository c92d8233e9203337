"""The Dask engine against a real scheduler and real workers (separate processes on 127.0.0.1).

``gridscout score --engine dask --scheduler ADDRESS`` must give exactly the single-machine
engine's scores, global ranks and distances; a worker killed mid-run must not cost output; a rerun
must recompute only what is missing; a broken partition is named and the others are kept.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

# Workers load this (``dask worker --preload``): pass 1 partitions sleep as long as the file DELAY
# says, so a test can kill a worker while partitions are still in flight.
PRELOAD = """
import time
from pathlib import Path

import gridscout.scoring.distributed_parts as parts
DELAY = Path({delay!r})
# dask may run a preload file more than once: wrap the original, never a wrapper
_score_partition = parts.__dict__.setdefault("_unpatched_score_partition", parts.score_partition)


def slow_score_partition(*args, **kwargs):
    time.sleep(float(DELAY.read_text() or 0))
    return _score_partition(*args, **kwargs)


parts.score_partition = slow_score_partition
"""


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    from benchmarks import synthetic

    d = tmp_path_factory.mktemp("dask")
    synthetic.make_parcels(900, seed=5, extent_km=40).to_parquet(d / "all.parquet")
    synthetic.make_substations(60, extent_km=60).to_parquet(d / "subs.parquet")
    synthetic.make_lines(40, extent_km=60).to_parquet(d / "lines.parquet")
    synthetic.make_plants(30, extent_km=60).to_parquet(d / "plants.parquet")
    return d


def local_score(data: Path, parcel_files: list[Path]) -> pd.DataFrame:
    """The single-machine engine, as ``gridscout score`` reads and writes parcels, on each of
    ``parcel_files`` in turn; sorted by parcel_id."""
    from gridscout.layers.io import load_layer
    from gridscout.scoring.engine import score
    from gridscout.scoring.profile import load_profile

    refs = [
        load_layer(data / f"{key}.parquet", kind=kind).data
        for key, kind in (
            ("subs", "substations"),
            ("lines", "transmission_lines"),
            ("plants", "power_plants"),
        )
    ]
    frames = []
    for f in parcel_files:
        parcels = load_layer(f, kind="parcels").data
        result = score(parcels, *refs, profile=load_profile("enterprise"), use_cache=False)
        frames.append(result.output_frame())  # as gridscout score writes it
    return pd.concat(frames).sort_values("parcel_id").reset_index(drop=True)


@pytest.fixture(scope="module")
def local(data):
    """The single-machine engine on all 900 parcels at once."""
    return local_score(data, [data / "all.parquet"])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two workers (no nanny: SIGKILL really kills a worker)."""
    d = tmp_path_factory.mktemp("cluster")
    (d / "delay").write_text("0.3")
    (d / "slow_preload.py").write_text(PRELOAD.format(delay=str(d / "delay")))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASK_DISTRIBUTED__LOGGING__DISTRIBUTED": "warning"}
    procs: list[subprocess.Popen] = []
    try:
        sched_file = d / "scheduler.json"
        procs.append(subprocess.Popen(
            [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", sched_file],
            env=env, stdout=subprocess.DEVNULL, stderr=open(d / "scheduler.log", "w"),
        ))
        workers = []
        for i in range(2):  # each worker in its own working directory with its own kernel cache
            (d / f"w{i}").mkdir()
            w = subprocess.Popen(
                [BIN / "dask", "worker", "--scheduler-file", sched_file, "--host", "127.0.0.1",
                 "--nthreads", "1", "--no-nanny", "--no-dashboard", "--name", f"w{i}",
                 "--memory-limit", "2GB", "--preload", d / "slow_preload.py"],
                env={**env, "NUMBA_CACHE_DIR": str(d / f"kernels-w{i}")}, cwd=d / f"w{i}",
                stdout=subprocess.DEVNULL, stderr=open(d / f"worker{i}.log", "w"),
            )
            procs.append(w)
            workers.append(w)
        from distributed import Client

        deadline = time.monotonic() + 60
        while not sched_file.exists():
            assert time.monotonic() < deadline, "scheduler did not start"
            time.sleep(0.1)
        address = json.loads(sched_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
            client.run(lambda: __import__("gridscout.scoring.engine"))  # warm the imports once
        yield {"address": address, "workers": workers, "delay": d / "delay", "dir": d}
    finally:
        for p in reversed(procs):
            _stop(p)


def partition(data: Path, rows: int) -> Path:
    from gridscout.cli import main

    out = data / f"parts-{rows}"
    if not out.exists():
        assert main(["partition-parcels", str(data / "all.parquet"), "--out", str(out),
                     "--rows-per-partition", str(rows), "--quiet"]) == 0
    return out


def score_cmd(data: Path, parcels, out: Path, address: str) -> list[str]:
    return [
        str(BIN / "gridscout"), "score", "--engine", "dask", "--scheduler", address,
        "--parcels", str(parcels), "--substations", str(data / "subs.parquet"),
        "--lines", str(data / "lines.parquet"), "--plants", str(data / "plants.parquet"),
        "--out", str(out), "--quiet",
    ]


def run_score(data, parcels, out, address) -> subprocess.CompletedProcess:
    return subprocess.run(score_cmd(data, parcels, out, address), capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


MEASURED = ("substation_distance_m", "line_distance_m", "interconnection_cost_usd",
            "generation_mw_within", "area_ha")
#: The kernels fit the Mercator scale factor per block of parcels measured together (see
#: scoring.geodesy.WQuad), so a parcel's distance depends on its batch by up to ~1e-8 relative
#: (< 0.1 mm at 6 km): against the whole file at once, distances agree to 1e-7; against the
#: same engine on the same partitions, to 1e-9.
WHOLE_FILE_RTOL = 1e-7


def assert_same(out: Path, local: pd.DataFrame, parts: Path, data: Path) -> None:
    files = sorted(out.glob("*.parquet"))
    dask = pd.concat([gpd.read_parquet(f) for f in files]).sort_values("parcel_id")
    dask = dask.reset_index(drop=True)
    assert len(dask) == len(local) == 900
    assert list(dask["parcel_id"]) == list(local["parcel_id"])
    np.testing.assert_allclose(dask["score"], local["score"], rtol=0, atol=1e-9)
    np.testing.assert_array_equal(dask["rank"], local["rank"])  # global ranks
    np.testing.assert_array_equal(dask["excluded"], local["excluded"])
    np.testing.assert_array_equal(dask["exclusion_reason"], local["exclusion_reason"])
    for col in ("substation_id", "line_id", "interconnection_option"):
        np.testing.assert_array_equal(dask[col].astype(str), local[col].astype(str), err_msg=col)
    for col in MEASURED:
        np.testing.assert_allclose(dask[col], local[col], rtol=WHOLE_FILE_RTOL, err_msg=col)
    same_parts = local_score(data, sorted(parts.glob("part-*.parquet")))
    for col in (*MEASURED, "score"):
        np.testing.assert_allclose(dask[col], same_parts[col], rtol=1e-9, atol=1e-9, err_msg=col)
    for col in dask.columns:  # every other column the local engine writes, too
        if col not in ("rank", "geometry") and dask[col].dtype.kind == "f":
            np.testing.assert_allclose(dask[col], same_parts[col], rtol=1e-9, atol=1e-9,
                                       err_msg=col)
    assert list(dask.columns) == list(same_parts.columns)
    # the same column types as the file the local engine writes (pass 2 rewrites Arrow data)
    from gridscout.layers.io import write_vector

    write_vector(same_parts, data / "same-parts.parquet")
    local_file = gpd.read_parquet(data / "same-parts.parquet")
    assert dict(dask.dtypes.astype(str)) == dict(local_file.dtypes.astype(str))
    one = gpd.read_parquet(files[0])
    assert one.attrs == {} and one.crs == local_file.crs


def test_global_ranks_match_the_engine():
    """Ranks and quantiles from Dask's value_counts over partitions are the engine's on the whole."""
    import dask.dataframe as dd
    from gridscout.scoring.distributed_parts import RankTable
    from gridscout.scoring.engine import SCORE_DECIMALS, rank_and_quantiles

    rng = np.random.default_rng(3)
    score = np.round(rng.choice(rng.uniform(0, 100, 500), 20_000), SCORE_DECIMALS)
    excluded = rng.random(score.size) < 0.2
    score[excluded] = 0.0
    score[:50] = 0.0  # kept parcels scoring 0 rank above the excluded ones
    excluded[:50] = False
    rank, quantiles = rank_and_quantiles(score.copy(), excluded)
    frame = dd.from_pandas(pd.DataFrame({"score": score, "excluded": excluded}), npartitions=7)
    kept = frame[~frame["excluded"]]["score"].value_counts(split_out=1).compute(scheduler="sync")
    table = RankTable.from_value_counts(kept, int(excluded.sum()))
    chunks = np.array_split(np.arange(score.size), 7)
    for c in chunks:
        np.testing.assert_array_equal(table.ranks(score[c], excluded[c]), rank[c])
    assert table.quantiles() == quantiles


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_dask_scores_equal_local_engine(data, local, cluster):
    parts = partition(data, 300)
    assert len(list(parts.glob("part-*.parquet"))) == 3
    out = data / "out-300"
    run = run_score(data, parts, out, cluster["address"])
    assert run.returncode == 0, run.stderr
    assert "900 parcels scored" in run.stdout
    assert "3 scored now, 0 reused, 3 ranked" in run.stdout
    dask_only = ("--engine", "dask", "--scheduler", "")
    local_cmd = [c for c in score_cmd(data, data / "all.parquet", data / "local.parquet", "")
                 if c not in dask_only]
    local_run = subprocess.run(  # the local engine's summary: the same counts per exclusion rule
        local_cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert local_run.returncode == 0, local_run.stderr
    excluded = [line for line in local_run.stdout.splitlines() if "excluded, " in line]
    assert excluded and all(line in run.stdout for line in excluded), (excluded, run.stdout)
    assert sorted(p.name for p in out.glob("*.parquet")) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"
    ]
    assert_same(out, local, parts, data)
    summary = json.loads((out / "_gridscout" / "summary.json").read_text())
    assert summary["parcels_scored"] == 900
    # every worker compiled the kernels once, before its first partition, into its own cache
    assert len(summary["warm_up"]) == 2 and all(s is not None for s in summary["warm_up"].values())
    for i in range(2):
        assert len(list((cluster["dir"] / f"kernels-w{i}").rglob("*.nbi"))) >= 15
        assert not list((cluster["dir"] / f"w{i}").iterdir())  # nothing written where it runs
    # outputs have the permissions of normally created files, like the local engine's (not 0600)
    expected = 0o666 & ~_current_umask()
    modes = {p.relative_to(out).as_posix(): p.stat().st_mode & 0o777 for p in out.rglob("*") if p.is_file()}
    assert modes and all(mode == expected for mode in modes.values()), modes


def test_rerun_recomputes_only_the_missing_partition(data, local, cluster):
    parts, out = partition(data, 300), data / "out-300"
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.parquet")}
    (out / "part-00001.parquet").unlink()
    run = run_score(data, parts, out, cluster["address"])
    assert run.returncode == 0, run.stderr
    assert "1 scored now, 2 reused, 1 ranked" in run.stdout
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("*.parquet")}
    assert after["part-00000.parquet"] == before["part-00000.parquet"]
    assert after["part-00002.parquet"] == before["part-00002.parquet"]
    assert_same(out, local, parts, data)


def test_failed_partition_is_named_and_the_others_kept(data, cluster):
    bad = data / "parts-bad"
    bad.mkdir()
    src = partition(data, 300)
    for f in sorted(src.glob("part-*.parquet"))[:2]:
        (bad / f.name).write_bytes(f.read_bytes())
    (bad / "part-broken.parquet").write_bytes(b"not parquet at all")
    # whole GeoParquet, but points: found bad while scoring (first in order: sampled first, too)
    points = gpd.read_parquet(src / "part-00002.parquet")
    points.geometry = points.geometry.representative_point()
    points.to_parquet(bad / "a-points.parquet")
    out = data / "out-bad"
    run = run_score(data, bad, out, cluster["address"])
    assert run.returncode == 2
    assert "2 of 4 partitions failed" in run.stderr, run.stderr
    assert "part-broken.parquet: not a whole Parquet file" in run.stderr
    assert "a-points.parquet: a-points.parquet: found Point geometries" in run.stderr
    staged = out / "_gridscout" / "staging"
    assert sorted(p.name for p in staged.glob("*.parquet")) == [
        "part-00000.parquet", "part-00001.parquet"
    ]
    assert not list(out.glob("*.parquet"))  # no final file before every partition has ranks


def test_object_storage_in_and_out_with_workers_that_share_no_files(data, local, cluster, s3_server,
                                                                    tmp_path):
    """Partitions uploaded to an S3-compatible server, scored by the scheduler and two worker
    processes (separate working directories and kernel caches, no shared folder) from a CLI
    process that has only the AWS environment; the results read back equal the local engine's."""
    bucket = s3_server.bucket("dask")
    fs = s3_server.filesystem()
    for f in sorted(partition(data, 300).glob("part-*.parquet")):
        fs.put_file(str(f), f"{bucket}/parts/{f.name}")
    for ref in ("subs", "lines", "plants"):
        fs.put_file(str(data / f"{ref}.parquet"), f"{bucket}/refs/{ref}.parquet")
    cmd = [str(BIN / "gridscout"), "score", "--engine", "dask", "--scheduler", cluster["address"],
           "--parcels", f"{bucket}/parts/", "--substations", f"{bucket}/refs/subs.parquet",
           "--lines", f"{bucket}/refs/lines.parquet", "--plants", f"{bucket}/refs/plants.parquet",
           "--out", f"{bucket}/scored/", "--quiet"]
    for k, v in s3_server.storage_options.items():
        cmd += ["--storage-option", f"{k}={json.dumps(v) if not isinstance(v, str) else v}"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "3 scored now, 0 reused, 3 ranked" in run.stdout
    assert list(tmp_path.iterdir()) == []  # nothing local: no ./s3: folder, no staging
    for i in range(2):
        assert not list((cluster["dir"] / f"w{i}").iterdir())
    back = tmp_path.parent / f"{tmp_path.name}-back"
    names = sorted(p.rsplit("/", 1)[-1] for p in fs.glob(f"{bucket}/scored/*.parquet"))
    assert names == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    back.mkdir()
    for name in names:
        fs.get_file(f"{bucket}/scored/{name}", str(back / name))
    assert_same(back, local, partition(data, 300), data)
    assert not fs.glob(f"{bucket}/scored/_gridscout/staging/*.parquet")  # staging cleaned up
    # a rerun resumes from what the bucket holds: nothing is scored again
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "0 scored now, 3 reused, 0 ranked" in run.stdout


def _whole_parquet(path: Path) -> bool:
    import pyarrow.parquet as pq

    try:
        return pq.read_metadata(path).num_rows > 0
    except (OSError, ValueError):
        return False


def test_worker_killed_mid_run(data, local, cluster):
    """Six partitions on two workers; one worker is SIGKILLed once the first partition is done.
    Runs last: it leaves the cluster with one worker."""
    parts = partition(data, 150)
    out = data / "out-150"
    cluster["delay"].write_text("1.0")
    proc = subprocess.Popen(score_cmd(data, parts, out, cluster["address"]), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        staged = out / "_gridscout" / "staging"
        deadline = time.monotonic() + 60
        while not any(_whole_parquet(p) for p in staged.glob("*.parquet")):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no partition finished"
            time.sleep(0.05)
        victim = cluster["workers"][0]
        victim.send_signal(signal.SIGKILL)
        victim.wait(10)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        _stop(proc)
        cluster["delay"].write_text("0")
    assert proc.returncode == 0, stderr
    assert "6 scored now" in stdout, stdout
    assert len(list(out.glob("*.parquet"))) == 6
    assert_same(out, local, parts, data)


def test_partition_parcels_adds_ids_and_keeps_partitions_compact(data, tmp_path):
    from gridscout.cli import main
    from gridscout.operations.partition import hilbert_keys

    assert list(hilbert_keys(np.array([0, 0, 1, 1.0]), np.array([0, 1, 1, 0.0]), bits=1)) == [
        0, 1, 2, 3
    ]
    whole = gpd.read_parquet(data / "all.parquet")
    whole[["area_ha", "geometry"]].to_file(tmp_path / "noid.gpkg", layer="lots")
    out = tmp_path / "parts"
    assert main(["partition-parcels", f"{tmp_path}/noid.gpkg:lots", "--out", str(out),
                 "--rows-per-partition", "400", "--quiet"]) == 0
    parts = [gpd.read_parquet(f) for f in sorted(out.glob("part-*.parquet"))]
    assert [len(p) for p in parts] == [400, 400, 100]
    ids = pd.concat(parts)["parcel_id"]
    assert sorted(ids) == sorted(f"P{i:06d}" for i in range(1, 901))
    x0, y0, x1, y1 = whole.total_bounds
    for p in parts[:2]:  # a Hilbert run of 400 of 900 parcels covers well under the whole extent
        b = p.total_bounds
        assert (b[2] - b[0]) * (b[3] - b[1]) < 0.75 * (x1 - x0) * (y1 - y0)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no spill left behind
