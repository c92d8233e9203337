"""Local or remote paths: tell a URL (``s3://``, ``gs://``, ``az://``, ``https://``, ``file://``)
from a local path, fetch a remote input to a local copy, and upload an output written locally.

Local paths are never touched here: GDAL and pyarrow keep reading them directly. Remote inputs are
copied once per process into a private temporary folder (GDAL, pyogrio and the validators then read
them like any local file); remote outputs are written to a local temporary folder and uploaded at
the end, one object per file, so a failed run leaves no partial object under the real name.
Credentials and endpoints come from ``storage_options`` or the usual environment (``AWS_*``…),
which s3fs, gcsfs and adlfs read themselves.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from gridscout.layers.errors import GridScoutError

log = logging.getLogger(__name__)

#: schemes that can only be read
READ_ONLY = ("http", "https")
_SHP_SIDECARS = (".shx", ".dbf", ".prj", ".cpg")
_cache: dict[tuple[str, str], Path] = {}
_cache_dir: Path | None = None


def scheme(path: str | os.PathLike) -> str | None:
    """``"s3://b/k"`` → ``"s3"``; a local path (also ``C:\\x``) → None."""
    text = str(path)
    head, sep, _ = text.partition("://")
    if sep and head.isalnum() and len(head) > 1:
        return head.lower()
    return None


def is_remote(path: str | os.PathLike | None) -> bool:
    """True for a URL that fsspec must open; ``file://`` URLs and plain paths are local."""
    return path is not None and scheme(path) not in (None, "file")


def local_path(path: str | os.PathLike) -> str:
    """A plain path for a ``file://`` URL; anything else unchanged."""
    text = str(path)
    return text[len("file://"):] if scheme(text) == "file" else text


def remote_error(url: str, exc: BaseException, action: str = "read") -> GridScoutError:
    """A user-facing error for a failed remote read or write: names the URL and what to do."""
    text = " ".join(str(exc).split())[:300] or type(exc).__name__
    name = type(exc).__name__
    if isinstance(exc, FileNotFoundError) or "NoSuchBucket" in text or "NoSuchKey" in text:
        hint = "check the bucket and key (does the object exist?)"
    elif isinstance(exc, PermissionError) or "credential" in text.lower() or "AccessDenied" in text:
        hint = ("check the credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or "
                "--storage-option key=… secret=…)")
    elif "connect" in text.lower() or "endpoint" in text.lower() or isinstance(exc, (ConnectionError, TimeoutError)):
        hint = ("check the endpoint is reachable (AWS_ENDPOINT_URL or "
                "--storage-option 'client_kwargs={\"endpoint_url\": \"…\"}')")
    else:
        hint = "check the URL, the credentials and --storage-option"
    return GridScoutError(f"cannot {action} {url}: {text} ({name}); {hint}")


def filesystem(url: str, storage_options: Mapping | None = None):
    """The fsspec filesystem and the path inside it for ``url``."""
    import fsspec

    try:
        return fsspec.core.url_to_fs(url, **dict(storage_options or {}))
    except (ImportError, ValueError) as exc:
        raise GridScoutError(f"cannot open {url}: {exc}; install the fsspec backend for "
                             f"{scheme(url)}:// (s3fs, gcsfs, adlfs, aiohttp)") from None
    except TypeError as exc:
        raise GridScoutError(f"cannot open {url}: {exc}; check --storage-option names") from None


def _private_dir() -> Path:
    global _cache_dir
    if _cache_dir is None:
        _cache_dir = Path(tempfile.mkdtemp(prefix="gridscout-remote-"))
        atexit.register(shutil.rmtree, _cache_dir, True)
    return _cache_dir


def fetch(url: str, storage_options: Mapping | None = None) -> Path:
    """A local copy of the remote file ``url`` (once per process; a shapefile with its sidecars)."""
    key = (url, repr(sorted((storage_options or {}).items())))
    if key in _cache:
        return _cache[key]
    fs, path = filesystem(url, storage_options)
    folder = Path(tempfile.mkdtemp(dir=_private_dir()))
    target = folder / (Path(path.rstrip("/")).name or "download")
    try:
        fs.get_file(path, str(target))
        if target.suffix.lower() == ".shp":
            for suffix in _SHP_SIDECARS:
                side = path[: -len(".shp")] + suffix
                if fs.exists(side):
                    fs.get_file(side, str(target.with_suffix(suffix)))
    except GridScoutError:
        raise
    except Exception as exc:  # noqa: BLE001 - every backend has its own errors; all mean "cannot read"
        raise remote_error(url, exc) from None
    if target.stat().st_size == 0 and not fs.isfile(path):
        raise GridScoutError(f"cannot read {url}: no such object; check the bucket and key")
    _cache[key] = target
    return target


def local_spec(spec: str | None, storage_options: Mapping | None = None) -> str | None:
    """``"s3://b/p.gpkg:lots"`` → ``"/tmp/…/p.gpkg:lots"`` (fetched); a local spec unchanged."""
    if spec is None or not is_remote(spec):
        return None if spec is None else local_path(spec)
    from gridscout.layers.model import Source

    src = Source.parse(spec)
    local = str(fetch(src.path, storage_options))
    return f"{local}:{src.layer}" if src.layer else local


def check_writable(url: str) -> None:
    """Refuse a read-only scheme as an output, before any work is done."""
    if scheme(url) in READ_ONLY:
        raise GridScoutError(f"cannot write {url}: {scheme(url)}:// is read-only; write to a local "
                             "path or to object storage (s3://, gs://, az://)")


def check_output(url: str | None, storage_options: Mapping | None = None) -> None:
    """For a remote ``url``: writable scheme, and its bucket answers (asked before the work)."""
    if not url or not is_remote(url):
        return
    check_writable(url)
    fs, path = filesystem(url, storage_options)
    bucket = path.strip("/").split("/", 1)[0]
    try:
        found = fs.exists(bucket)
    except Exception as exc:  # noqa: BLE001 - see fetch
        raise remote_error(url, exc, "write") from None
    if not found:
        raise GridScoutError(f"cannot write {url}: bucket {bucket} does not exist (or these "
                             "credentials cannot see it); create it or check the URL and credentials")


def upload(local: Path, url: str, storage_options: Mapping | None = None) -> None:
    """Upload the local file or folder ``local`` to ``url`` (a folder: every file below it)."""
    check_writable(url)
    fs, path = filesystem(url, storage_options)
    files = [local] if local.is_file() else sorted(p for p in local.rglob("*") if p.is_file())
    try:
        for f in files:
            dest = path if local.is_file() else f"{path.rstrip('/')}/{f.relative_to(local).as_posix()}"
            fs.put_file(str(f), dest)
    except Exception as exc:  # noqa: BLE001 - see fetch
        raise remote_error(url, exc, "write") from None
    log.info("uploaded %d file(s) to %s", len(files), url)


@contextlib.contextmanager
def output_folder(url: str, storage_options: Mapping | None = None) -> Iterator[Path]:
    """A local temporary folder whose files are uploaded below ``url`` when the block succeeds."""
    check_writable(url)
    filesystem(url, storage_options)  # a missing backend fails before the work
    folder = Path(tempfile.mkdtemp(prefix="gridscout-upload-"))
    try:
        yield folder
        upload(folder, url, storage_options)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def exists(url: str, storage_options: Mapping | None = None) -> bool:
    """Whether the remote object ``url`` exists (False when it cannot be asked)."""
    fs, path = filesystem(url, storage_options)
    try:
        return bool(fs.exists(path))
    except Exception:  # noqa: BLE001
        return False


@contextlib.contextmanager
def output_file(url: str | os.PathLike, storage_options: Mapping | None = None) -> Iterator[str]:
    """The local path to write the output ``url`` to: the path itself when it is local; for a URL a
    file in a temporary folder, uploaded when the block succeeds with the files written beside it
    under the same stem (a shapefile's .dbf/.shx/.prj, a scan's OUT_sites.gpkg) — nothing appears
    under the URL when it fails."""
    if not is_remote(url):
        yield local_path(url)
        return
    url = str(url)
    check_output(url, storage_options)
    name = Path(url.rstrip("/")).name
    folder = Path(tempfile.mkdtemp(prefix="gridscout-upload-"))
    try:
        yield str(folder / name)
        stem = Path(name).stem
        parent = url.rstrip("/")[: -len(name)]
        for f in sorted(folder.iterdir()):
            if f.is_file() and (f.name == name or f.name.startswith(stem)):
                upload(f, parent + f.name, storage_options)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
