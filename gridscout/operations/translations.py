"""Build the compiled translation catalogues (``.qm``) from the ``.ts`` sources with Qt's own
``lrelease`` (shipped in PySide6). Qt-free: it finds the tool on disk and runs it."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import platform
import shutil
import subprocess
from pathlib import Path

from gridscout.layers.errors import GridScoutError
from gridscout.resources import RESOURCES

#: the ``.ts`` sources, one per part and language: ``gridscout_<part>_<lang>.ts``
TS_DIR = RESOURCES / "i18n"


def qm_cache_dir() -> Path:
    """Where compiled catalogues go: ``$GRIDSCOUT_I18N_DIR``, else the per-user cache
    (``$XDG_CACHE_HOME/gridscout/i18n``, ``~/.cache/gridscout/i18n``)."""
    if os.environ.get("GRIDSCOUT_I18N_DIR"):
        return Path(os.environ["GRIDSCOUT_I18N_DIR"]).expanduser()
    if platform.system() == "Windows" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "gridscout" / "i18n"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "gridscout" / "i18n"


def qt_tool(name: str) -> list[str]:
    """The command line that runs Qt's ``name`` tool (``lrelease``, ``lupdate``) from PySide6."""
    spec = importlib.util.find_spec("PySide6")
    folders = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    for folder in folders:
        for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return [str(candidate)]
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return [wrapper]
    raise GridScoutError(f"Qt's {name} tool was not found in PySide6 (looked in "
                         f"{', '.join(map(str, folders)) or 'no PySide6 install'}); "
                         "reinstall PySide6-Essentials")


def ts_sources(lang: str | None = None) -> list[Path]:
    """The ``.ts`` sources (of ``lang`` only when given), sorted."""
    pattern = f"gridscout_*_{lang}.ts" if lang else "gridscout_*_*.ts"
    return sorted(TS_DIR.glob(pattern))


def compile_catalogue(ts: Path, qm: Path) -> Path:
    """Compile one ``.ts`` into ``qm`` with lrelease; raise GridScoutError naming the file."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([*qt_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
                          capture_output=True, text=True)
    if done.returncode != 0 or not qm.is_file():
        raise GridScoutError(f"lrelease could not compile {ts}: {(done.stderr or done.stdout).strip()}; "
                             "fix the .ts file (it must be valid Qt Linguist XML)")
    return qm


def _digest(ts: Path) -> str:
    return hashlib.sha256(ts.read_bytes()).hexdigest()


def stamp_path(qm: Path) -> Path:
    """The file beside ``qm`` holding the SHA-256 of the ``.ts`` it was compiled from."""
    return qm.with_name(qm.name + ".sha256")


def build_catalogues(lang: str | None = None, out_dir: Path | None = None,
                     force: bool = False) -> list[Path]:
    """Compile every ``.ts`` (of ``lang`` when given) whose ``.qm`` in ``out_dir`` (default
    :func:`qm_cache_dir`) is missing or was compiled from other content (a SHA-256 stamp beside
    the ``.qm``: an edit is seen even when the ``.ts`` is older, a mere touch or checkout does not
    recompile); return the paths of all up-to-date ``.qm``."""
    out_dir = Path(out_dir) if out_dir else qm_cache_dir()
    built = []
    for ts in ts_sources(lang):
        qm = out_dir / (ts.stem + ".qm")
        stamp, digest = stamp_path(qm), _digest(ts)
        fresh = qm.is_file() and stamp.is_file() and stamp.read_text(encoding="ascii").strip() == digest
        if force or not fresh:
            compile_catalogue(ts, qm)
            stamp.write_text(digest + "\n", encoding="ascii")
        built.append(qm)
    return built
