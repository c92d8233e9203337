"""Command-line options for how a file is read (text encoding, swapped coordinate columns)."""

from __future__ import annotations

import argparse

# not a command: no NAME / run


def add_reading_arguments(parser: argparse.ArgumentParser) -> None:
    """``--encoding`` and ``--swap-lat-lon``, as :func:`gridscout.layers.io.load_layer` takes them."""
    parser.add_argument("--encoding", metavar="NAME",
                        help="text encoding of a Shapefile or CSV (e.g. cp932, euc-jp, cp1252); "
                        "default: declared by the file, else detected")
    parser.add_argument("--swap-lat-lon", action="store_true",
                        help="read a CSV's latitude column as longitude and vice versa")


def reading_options(args: argparse.Namespace) -> dict:
    """The ``load_layer`` keyword arguments from parsed options."""
    return {"encoding": getattr(args, "encoding", None),
            "swap_lat_lon": bool(getattr(args, "swap_lat_lon", False))}


def add_storage_arguments(parser: argparse.ArgumentParser) -> None:
    """``--storage-option KEY=VALUE`` (repeatable) for ``s3://``, ``gs://``, ``az://`` paths."""
    parser.add_argument(
        "--storage-option", action="append", default=[], metavar="KEY=VALUE",
        help="an fsspec option for s3:// gs:// az:// https:// paths, VALUE as JSON when it parses "
        "(e.g. anon=true, 'client_kwargs={\"endpoint_url\": \"http://minio:9000\"}'); repeatable; "
        "credentials and endpoint also come from the usual environment (AWS_ENDPOINT_URL …)")


def parse_storage_options(values: list[str]) -> dict:
    """``["anon=true", "key=abc"]`` → ``{"anon": True, "key": "abc"}``; a malformed value is a user error."""
    import json

    from gridscout.layers.errors import GridScoutError

    options: dict = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key.strip():
            raise GridScoutError(f"--storage-option {value!r}: write KEY=VALUE, e.g. --storage-option "
                                 "anon=true or --storage-option 'client_kwargs={\"endpoint_url\": \"…\"}'")
        try:
            options[key.strip()] = json.loads(text)
        except ValueError:
            options[key.strip()] = text
    return options


def storage_options(args: argparse.Namespace) -> dict | None:
    """The parsed ``--storage-option`` values (None when none were given)."""
    return parse_storage_options(getattr(args, "storage_option", None) or []) or None


def fetch_inputs(args: argparse.Namespace, *names: str) -> None:
    """Replace the remote FILE/PROJECT arguments ``names`` (``s3://…``, ``https://…``) by local
    copies, in place; local paths (and ``demo``) stay as given."""
    from gridscout.layers.io.remote import is_remote, local_spec

    for name in names:
        value = getattr(args, name, None)
        if value and is_remote(value):
            setattr(args, name, local_spec(value, storage_options(args)))


def local_output(args: argparse.Namespace, name: str = "out"):
    """A context giving the local path to write ``args.<name>`` to: the path itself, or for a URL a
    temporary file uploaded there when the block succeeds (``layers.io.remote.output_file``)."""
    from gridscout.layers.io.remote import output_file

    return output_file(getattr(args, name), storage_options(args))


def local_folder(args: argparse.Namespace, name: str = "out"):
    """A context giving the local folder to write ``args.<name>`` (a folder) to: the path itself, or
    for a URL a temporary folder whose files are uploaded below it when the block succeeds."""
    import contextlib

    from gridscout.layers.io.remote import is_remote, local_path, output_folder

    value = getattr(args, name)
    if is_remote(value):
        return output_folder(value, storage_options(args))
    return contextlib.nullcontext(local_path(value))
