"""``gridscout score`` and ``partition-parcels`` on object storage (a real S3-compatible server,
see ``tests/s3_server.py``) and over https://: remote inputs, remote outputs, clear errors."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from gridscout.cli import main
from tests.cli import test_cli_score

ROOT = test_cli_score.ROOT
files = test_cli_score.files  # the module fixture with the small files

SCORE_COLUMNS = ["parcel_id", "score", "rank", "exclusion_reason", "substation_distance_m",
                 "line_distance_m", "generation_mw_within", "interconnection_cost_usd"]


def storage_args(s3_server) -> list[str]:
    """The server's options as --storage-option KEY=VALUE (JSON values)."""
    return [a for k, v in s3_server.storage_options.items()
            for a in ("--storage-option", f"{k}={json.dumps(v) if not isinstance(v, str) else v}")]


def upload_inputs(s3_server, d: Path) -> str:
    bucket = s3_server.bucket("inputs")
    fs = s3_server.filesystem()
    for name in ("parcels.gpkg", "grid.gpkg", "plants.gpkg", "flood.gpkg", "flood.toml"):
        fs.put_file(str(d / name), f"{bucket}/in/{name}")
    return bucket


def score_args(prefix: str, out: str) -> list[str]:
    return ["score", "--quiet", "--parcels", f"{prefix}/parcels.gpkg:lots",
            "--substations", f"{prefix}/grid.gpkg:substations", "--lines", f"{prefix}/grid.gpkg:lines",
            "--plants", f"{prefix}/plants.gpkg", "--exclusion", f"flood={prefix}/flood.gpkg",
            "--profile", f"{prefix}/flood.toml", "--out", out]


def scores(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[SCORE_COLUMNS].sort_values("parcel_id").reset_index(drop=True)


@pytest.fixture(scope="module")
def local_scores(files, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "scored.parquet"
    assert main(score_args(str(files), str(out))) == 0
    return scores(gpd.read_parquet(out))


def test_score_reads_and_writes_s3_in_a_subprocess_with_the_aws_environment(
        s3_server, files, local_scores, tmp_path):
    bucket = upload_inputs(s3_server, files)
    out = s3_server.bucket("results")
    run = subprocess.run([sys.executable, "-m", "gridscout",
                          *score_args(f"{bucket}/in", f"{out}/scored/run1.parquet")],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300,
                         env={**os.environ, **s3_server.env, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    assert f"to {out}/scored/run1.parquet" in run.stdout
    assert list(tmp_path.iterdir()) == []  # nothing written locally, no ./s3: folder
    with s3_server.filesystem().open(f"{out}/scored/run1.parquet", "rb") as f:
        remote = gpd.read_parquet(f)
    pd.testing.assert_frame_equal(scores(remote), local_scores)
    assert remote.crs.to_epsg() == 4326


def test_score_writes_a_geopackage_to_s3_with_storage_options(s3_server, files, local_scores,
                                                             tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = s3_server.bucket("gpkg")
    assert main([*score_args(str(files), f"{out}/scored.gpkg"), *storage_args(s3_server)]) == 0
    local = tmp_path / "back.gpkg"
    s3_server.filesystem().get_file(f"{out}/scored.gpkg", str(local))
    assert local.stat().st_mode & 0o777 != 0  # a real file came back
    back = gpd.read_file(local, layer="scored")
    pd.testing.assert_frame_equal(scores(back), local_scores, check_dtype=False)
    assert [p.name for p in tmp_path.iterdir()] == ["back.gpkg"]


def test_out_to_a_missing_bucket_is_a_named_error_and_writes_nothing_locally(
        s3_server, files, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    url = "s3://no-such-bucket-gridscout/scored/out.parquet"
    assert main([*score_args(str(files), url), *storage_args(s3_server)]) == 2
    err = capsys.readouterr().err
    assert url in err and "no-such-bucket-gridscout does not exist" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # the old bug: a local ./s3:/… folder


def test_missing_input_key_is_a_named_error(s3_server, files, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    bucket = s3_server.bucket("empty")
    args = score_args(str(files), str(tmp_path / "out.parquet"))
    args[args.index("--parcels") + 1] = f"{bucket}/nope/parcels.parquet"
    assert main([*args, *storage_args(s3_server)]) == 2
    err = capsys.readouterr().err
    assert f"{bucket}/nope/parcels.parquet" in err and "check the bucket and key" in err
    assert not (tmp_path / "out.parquet").exists()


def test_unreachable_endpoint_is_a_named_error(files, tmp_path, capsys):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = score_args(str(files), str(tmp_path / "out.parquet"))
    args[args.index("--parcels") + 1] = "s3://somewhere/parcels.parquet"
    options = ["--storage-option", "key=x", "--storage-option", "secret=y",
               "--storage-option", f'client_kwargs={{"endpoint_url": "http://127.0.0.1:{port}"}}',
               "--storage-option", 'config_kwargs={"retries": {"max_attempts": 1}}']
    assert main([*args, *options]) == 2
    err = capsys.readouterr().err
    assert "s3://somewhere/parcels.parquet" in err and "endpoint" in err


def test_https_input_is_read_and_https_output_refused(files, tmp_path, local_scores, capsys):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(files))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        args = score_args(str(files), str(tmp_path / "out.parquet"))
        args[args.index("--parcels") + 1] = f"{base}/parcels.gpkg:lots"
        args[args.index("--plants") + 1] = f"{base}/plants.gpkg"
        assert main(args) == 0
        pd.testing.assert_frame_equal(scores(gpd.read_parquet(tmp_path / "out.parquet")), local_scores)
        args[args.index("--out") + 1] = f"{base}/out.parquet"
        assert main(args) == 2
        assert "read-only" in capsys.readouterr().err
    finally:
        server.shutdown()
        server.server_close()


def test_file_url_reads_like_a_local_path(files, tmp_path, local_scores):
    args = score_args(str(files), f"file://{tmp_path}/out.parquet")
    args[args.index("--parcels") + 1] = f"file://{files}/parcels.gpkg:lots"
    assert main(args) == 0
    pd.testing.assert_frame_equal(scores(gpd.read_parquet(tmp_path / "out.parquet")), local_scores)


def test_partition_parcels_writes_partitions_to_s3(s3_server, files, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bucket = upload_inputs(s3_server, files)
    args = ["partition-parcels", "--quiet", f"{bucket}/in/parcels.gpkg:lots", "--out",
            f"{bucket}/parts/", "--rows-per-partition", "3", *storage_args(s3_server)]
    assert main(args) == 0
    fs = s3_server.filesystem()
    parts = sorted(fs.glob(f"{bucket}/parts/part-*.parquet"))
    assert [p.rsplit("/", 1)[1] for p in parts] == ["part-00000.parquet", "part-00001.parquet"]
    frames = [gpd.read_parquet(fs.open(p, "rb")) for p in parts]
    assert sorted(pd.concat(frames).parcel_id) == ["A", "B", "C", "D"]
    assert list(tmp_path.iterdir()) == []
    assert main(args) == 2  # a second run refuses a folder that holds partitions


def test_storage_option_needs_key_equals_value(files, tmp_path, capsys):
    args = score_args(str(files), str(tmp_path / "out.parquet"))
    assert main([*args, "--storage-option", "anon"]) == 2
    assert "--storage-option 'anon': write KEY=VALUE" in capsys.readouterr().err


def test_dask_engine_never_writes_a_local_s3_folder(s3_server, files, tmp_path, monkeypatch, capsys):
    """The bug: ``--out s3://…`` made a local ``./s3:/…`` folder and reported success."""
    monkeypatch.chdir(tmp_path)
    bucket = upload_inputs(s3_server, files)
    opts = storage_args(s3_server)
    assert main(["partition-parcels", "--quiet", f"{bucket}/in/parcels.gpkg:lots", "--out",
                 f"{bucket}/parts/", *opts]) == 0
    args = score_args(str(files), f"{bucket}/scored/")
    args[args.index("--parcels") + 1] = f"{bucket}/parts/"
    code = main([*args, "--engine", "dask", "--workers", "1", *opts])
    assert code == 0, capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    assert s3_server.filesystem().glob(f"{bucket}/scored/*.parquet")
