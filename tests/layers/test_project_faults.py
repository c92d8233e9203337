"""Fault injection: kill -9 during saves at random moments, and damaged files. Every outcome is the
old state, the new state, or a named refusal — never partial data."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gridscout.layers.errors import DataError
from gridscout.layers.project import open_project, save_project
from gridscout.layers.project_integrity import DamagedProjectError
from project_samples import sample_project, state

KILLS = 36
HERE = Path(__file__).parent

#: forks one child per save (imports paid once); the parent reports each child's pid and waits for
#: the test to say the child is dead before the next one
SAVER = r"""
import os, sys
sys.path.insert(0, {here!r})
from project_samples import sample_project
from gridscout.layers.project import save_project
path = {path!r}
for line in sys.stdin:
    n = int(line)
    pid = os.fork()
    if pid == 0:
        save_project(sample_project(n, f"State {{n}}"), path)
        os._exit(0)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print("killed" if os.WIFSIGNALED(status) else "finished", flush=True)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_kill_9_at_random_moments_leaves_old_or_new_state(tmp_path):
    path = tmp_path / "site.gridscout"
    sizes = [1500 + 100 * i for i in range(KILLS + 1)]
    expected = {n: state(sample_project(n, f"State {n}")) for n in sizes}
    save_project(sample_project(sizes[0], f"State {sizes[0]}"), path)
    current = sizes[0]
    proc = subprocess.Popen([sys.executable, "-c", SAVER.format(here=str(HERE), path=str(path))],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    rng = random.Random(20261203)
    outcomes = {"old": 0, "new": 0}
    try:
        # how long one save takes, so the kills fall over the whole of it
        start = time.monotonic()
        proc.stdin.write(f"{sizes[0]}\n")
        proc.stdin.flush()
        proc.stdout.readline()
        assert proc.stdout.readline().strip() == "finished"
        duration = time.monotonic() - start
        for n in sizes[1:]:
            proc.stdin.write(f"{n}\n")
            proc.stdin.flush()
            child = int(proc.stdout.readline())
            time.sleep(rng.uniform(0, duration * 1.1))
            try:
                os.kill(child, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.stdout.readline()  # "killed" or "finished": the child is reaped
            try:
                got = state(open_project(path))
            except DamagedProjectError:
                pytest.fail("a killed save left a damaged project (a refusal is allowed, but the save is atomic)")
            assert got in (expected[current], expected[n]), f"partial data after a kill during save {n}"
            outcome = "new" if got == expected[n] else "old"
            outcomes[outcome] += 1
            current = n if outcome == "new" else current
            leftovers = [p.name for p in tmp_path.glob(".site.gridscout.*")]
            assert leftovers == [], f"open left killed saves' temporary files: {leftovers}"
    finally:
        proc.stdin.close()
        proc.wait(30)
    assert sum(outcomes.values()) == KILLS
    print("kill -9 outcomes:", outcomes, f"save takes {duration:.2f} s")
    assert outcomes["old"] > 0, outcomes  # the kills did land during saves


def _damage_random_bytes(path: Path, rng: random.Random) -> None:
    size = path.stat().st_size
    length = rng.choice([512, 4096, 65536])
    with open(path, "r+b") as fh:
        fh.seek(rng.randrange(0, max(1, size - length)))
        fh.write(rng.randbytes(length))


def _damage_truncate(path: Path, rng: random.Random) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(rng.randrange(0, path.stat().st_size))


def _damage_missing_table(path: Path, rng: random.Random) -> None:
    con = sqlite3.connect(path)
    con.execute(f"DROP TABLE {rng.choice(['layer_0', 'gridscout_notes'])}")
    con.commit()
    con.close()


@pytest.mark.parametrize("damage", [_damage_random_bytes, _damage_truncate, _damage_missing_table],
                         ids=["random-bytes", "truncation", "missing-table"])
def test_damaged_files_are_refused_by_name_or_open_whole(tmp_path, damage):
    original = sample_project(3000, "Whole")
    expected = state(original)
    clean = tmp_path / "clean.gridscout"
    save_project(original, clean)
    rng = random.Random(damage.__name__)
    refused = 0
    for trial in range(12):
        path = tmp_path / f"damaged-{trial}.gridscout"
        path.write_bytes(clean.read_bytes())
        damage(path, rng)
        try:
            got = state(open_project(path))
        except DataError as exc:
            assert str(path) in str(exc), f"the refusal does not name the file: {exc}"
            refused += 1
            continue
        assert got == expected, f"trial {trial}: the damaged file opened with partial data"
    print(f"{damage.__name__}: {refused} of 12 refused by name, {12 - refused} opened whole")
    assert refused > 0
