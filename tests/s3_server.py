"""A real S3-compatible HTTP server for tests: moto's server mode, started by the test run.

The server runs in a separate process (``python -m moto.server``) on a free local port, so
client code, scheduler and worker processes all reach it over HTTP exactly as they would reach
AWS or MinIO: nothing is patched in-process. Use the ``s3_server`` fixture (registered in
``tests/conftest.py``)::

    def test_x(s3_server):
        url = s3_server.bucket("parcels")          # "s3://parcels-<random>"
        opts = s3_server.storage_options           # for fsspec / s3fs / dask
        env = s3_server.env                        # AWS_* variables for subprocesses
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ACCESS_KEY = "gridscout-test"
SECRET_KEY = "gridscout-test-secret"
REGION = "eu-west-1"  # not us-east-1: s3fs sends it as a LocationConstraint


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class S3Server:
    """A running moto server: its endpoint, credentials and a helper to make buckets."""

    endpoint_url: str
    process: subprocess.Popen = field(repr=False)

    @property
    def storage_options(self) -> dict:
        """fsspec/s3fs storage options that reach this server."""
        return {
            "key": ACCESS_KEY,
            "secret": SECRET_KEY,
            "client_kwargs": {"endpoint_url": self.endpoint_url, "region_name": REGION},
        }

    @property
    def env(self) -> dict[str, str]:
        """Environment for subprocesses (CLI, Dask workers): the usual AWS variables."""
        return {
            "AWS_ENDPOINT_URL": self.endpoint_url,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_DEFAULT_REGION": REGION,
        }

    def filesystem(self):
        """A fresh s3fs filesystem on this server (no instance cache)."""
        import s3fs

        return s3fs.S3FileSystem(skip_instance_cache=True, **self.storage_options)

    def bucket(self, prefix: str = "gridscout") -> str:
        """Create a new empty bucket and return its ``s3://`` URL."""
        name = f"{prefix}-{uuid.uuid4().hex[:10]}"
        self.filesystem().mkdir(name)
        return f"s3://{name}"


def start_server(log_dir: Path) -> S3Server:
    """Start ``moto.server`` in its own process and wait until it answers HTTP."""
    port = _free_port()
    log = open(log_dir / "moto-server.log", "wb")  # noqa: SIM115 - lives as long as the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "MOTO_ALLOW_NONEXISTENT_REGION": "true"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"moto server exited ({proc.returncode}); see {log_dir}/moto-server.log")
        try:
            with urllib.request.urlopen(f"{url}/moto-api/", timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"moto server did not answer on {url} within 60 s") from None
            time.sleep(0.1)
    return S3Server(endpoint_url=url, process=proc)


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory) -> S3Server:
    """One S3-compatible server for the whole test session (buckets keep tests apart)."""
    server = start_server(tmp_path_factory.mktemp("s3-server"))
    yield server
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
