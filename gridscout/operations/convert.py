"""Convert a layer: read, validate and normalise it to its kind's schema, and write it out."""

from __future__ import annotations

import os
from pathlib import Path

from gridscout.layers.errors import DataError
from gridscout.layers.model import Layer
from gridscout.layers.progress import Progress
from gridscout.operations.feedback import Cancel, checked


def convert_layer(file: str | os.PathLike, out: str | os.PathLike, kind: str | None = None,
                  mapping: dict[str, str] | None = None, crs=None, layer: str | None = None,
                  progress: Progress | None = None, cancelled: Cancel | None = None,
                  encoding: str | None = None, swap_lat_lon: bool = False) -> Layer:
    """Write the validated, normalised layer of ``file`` to ``out`` (format by extension) and return
    it (its ``report`` says what validation found)."""
    from gridscout.layers.io import WRITE_EXTS, load_layer, write_vector

    out = Path(out)
    if out.suffix.lower() not in WRITE_EXTS:
        raise DataError(f"--out {out.name}: unknown output format; use one of {', '.join(WRITE_EXTS)}")
    loaded = load_layer(file, kind=kind, mapping=mapping or None, crs=crs, layer=layer,
                        progress=checked(progress, cancelled), encoding=encoding,
                        swap_lat_lon=swap_lat_lon)
    if loaded.is_raster:
        loaded.data.close()
        raise DataError(f"{Path(str(file)).name} is a raster; convert writes vector layers")
    if out.resolve() == Path(loaded.source.path).resolve():
        raise DataError(f"--out {out} is the input file; choose another output file")
    write_vector(loaded.data, out, layer=loaded.name if out.suffix.lower() == ".gpkg" else None)
    return loaded
