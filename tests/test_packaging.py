"""One import namespace: the wheel installs only ``gridscout``; the package list in pyproject.toml
matches the folders; a user's own ``layers.py``/``scoring.py``/``gui.py`` does not disturb a command."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
#: what the wheel needs to build (copied, so the build leaves nothing in the working tree)
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "gridscout", "gui", "layers", "scoring", "resources")


def _folder_of(package: str) -> Path:
    """The folder a package name installs from, through the package-dir mapping."""
    mapping = SETUPTOOLS.get("package-dir", {})
    parts = package.split(".")
    for n in range(len(parts), 0, -1):
        head = ".".join(parts[:n])
        if head in mapping:
            return ROOT / mapping[head] / Path(*parts[n:])
    return ROOT / Path(*parts)


def _package_folders() -> set[str]:
    """Every folder with an ``__init__.py`` under the mapped roots, as its installed dotted name."""
    found = set()
    for name, folder in SETUPTOOLS["package-dir"].items():
        root = ROOT / folder
        for init in root.rglob("__init__.py"):
            rel = init.parent.relative_to(root)
            if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
                continue
            found.add(".".join([name, *rel.parts]) if rel.parts else name)
    return found


def test_every_listed_package_is_a_folder_and_every_folder_is_listed():
    listed = set(SETUPTOOLS["packages"])
    missing_folders = sorted(p for p in listed if not (_folder_of(p) / "__init__.py").is_file())
    assert not missing_folders, f"listed in pyproject.toml but no package folder: {missing_folders}"
    unlisted = sorted(_package_folders() - listed)
    assert not unlisted, f"package folders missing from pyproject.toml's packages list: {unlisted}"


def test_only_gridscout_is_mapped_at_the_top_level():
    assert {p.split(".")[0] for p in SETUPTOOLS["packages"]} == {"gridscout"}
    assert {k.split(".")[0] for k in SETUPTOOLS["package-dir"]} == {"gridscout"}


@pytest.mark.slow
def test_wheel_installs_only_gridscout_at_the_top_level(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=ignore)
        else:
            shutil.copy2(path, src / name)
    out = tmp_path / "wheel"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(out), str(src)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (wheel,) = out.glob("gridscout-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        record_name = next(n for n in zf.namelist() if n.endswith(".dist-info/RECORD"))
        rows = list(csv.reader(zf.read(record_name).decode().splitlines()))
    paths = [row[0] for row in rows if row]
    top = {p.split("/")[0] for p in paths}
    dist_info = {t for t in top if t.endswith(".dist-info")}
    assert len(dist_info) == 1 and next(iter(dist_info)).startswith("gridscout-")
    assert top - dist_info == {"gridscout"}, f"top-level names in the wheel: {sorted(top)}"
    # the mapped parts are really inside: their modules, the demo project, the profiles
    for needed in ("gridscout/cli.py", "gridscout/gui/app.py", "gridscout/layers/model.py",
                   "gridscout/scoring/engine.py", "gridscout/operations/__init__.py",
                   "gridscout/resources/profiles/enterprise.toml"):
        assert needed in paths, f"{needed} is not in the wheel"


SHADOWS = ("layers", "scoring", "gui", "resources", "operations", "commands")
COMMANDS = (
    ["--version"],
    ["--help"],
    ["inspect", "demo:Substations"],
    ["compare-sites", "--help"],
    ["export-data", "demo", "--layer", "substations", "--out", "subs.geojson", "-q"],
)


@pytest.fixture
def shadowed_cwd(tmp_path):
    """A working directory holding a user's own layers.py, scoring.py, gui.py … that would break an
    import of those bare names (each raises on import)."""
    for name in SHADOWS:
        (tmp_path / f"{name}.py").write_text(f"raise RuntimeError('the user\\'s own {name}.py was imported')\n")
    return tmp_path


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a))
def test_own_modules_in_the_working_directory_do_not_affect_a_command(shadowed_cwd, argv):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = "."  # the worst case: the working directory is on the import path too
    proc = subprocess.run([sys.executable, "-m", "gridscout", *argv], capture_output=True, text=True,
                          cwd=shadowed_cwd, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "was imported" not in proc.stdout + proc.stderr
    assert "not a package" not in proc.stderr


def test_own_modules_in_the_working_directory_do_not_affect_headless_scoring(shadowed_cwd):
    """The Python API in that directory, the working directory first on the import path."""
    code = (
        "from gridscout.operations import describe_project, open_project\n"
        "print(describe_project(open_project('demo')))\n"
    )
    env = {**os.environ, "PYTHONPATH": "."}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=shadowed_cwd, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Candidate sites" in proc.stdout
