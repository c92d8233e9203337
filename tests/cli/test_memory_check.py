"""Item 23: scoring that will not fit in memory says so before starting, and a MemoryError anywhere
in a command becomes the same advice (partition-parcels, --engine dask)."""

from __future__ import annotations

import subprocess
import sys

from gridscout.scoring import memory
from test_cli_score import files, grid_args  # noqa: F401  (fixture)

from gridscout.cli import main


def test_estimate_grows_with_parcels():
    assert memory.estimate_bytes(2_000_000) > 3 * 2**30 > memory.estimate_bytes(10_000)


def test_address_space_limit_is_seen():
    code = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, resource.RLIM_INFINITY));"
            "from gridscout.scoring.memory import available_bytes, check_fits;"
            "have, why = available_bytes(); print(have <= 3 * 2**30, 'ulimit -v' in why);"
            "check_fits(2_000_000)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["True", "True"]
    assert "NotEnoughMemory" in run.stderr and "2,000,000 parcels" in run.stderr
    assert "partition-parcels" in run.stderr and "--engine dask" in run.stderr


def test_score_refuses_before_reading_when_it_will_not_fit(files, tmp_path, capsys,  # noqa: F811
                                                           monkeypatch):
    monkeypatch.setattr(memory, "available_bytes", lambda: (10 * 2**20, "a test limit"))
    rc = main(["score", "--parcels", f"{files}/parcels.gpkg:lots", *map(str, grid_args(files)),
               "--quiet", "--out", str(tmp_path / "out.gpkg")])
    err = capsys.readouterr().err
    assert rc == 2 and "scoring 4 parcels needs about" in err and "a test limit" in err
    assert "partition-parcels" in err and not (tmp_path / "out.gpkg").exists()


def test_memory_error_in_any_command_becomes_advice(capsys, monkeypatch):
    import gridscout.commands.inspect as inspect_cmd

    def boom(args):
        raise MemoryError()

    monkeypatch.setattr(inspect_cmd, "run", boom)
    assert main(["inspect", "demo"]) == 2
    err = capsys.readouterr().err
    assert "ran out of memory" in err and "--engine dask" in err
    assert "unexpected error" not in err


def test_streamed_estimate_stays_flat_beyond_one_batch():
    """Scored in batches, 10M parcels fit where the whole file would need far more."""
    whole = memory.estimate_bytes(10_000_000)
    streamed = [memory.estimate_bytes(n, batch_rows=100_000) for n in (1_000_000, 10_000_000)]
    assert whole > 24 * 2**30
    assert streamed[1] < 3 * 2**30
    assert streamed[0] < 1.2 * 2**30  # one batch at a time: only a few bytes per parcel are kept
    from gridscout.layers.io.batches import BATCH_ROWS

    assert memory.estimate_bytes(10_000_000, batch_rows=BATCH_ROWS) < 3 * 2**30  # the default
