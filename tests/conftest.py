"""Fixtures shared by every part of the suite."""

from s3_server import s3_server  # noqa: F401 - a real S3-compatible server (moto), see s3_server.py
