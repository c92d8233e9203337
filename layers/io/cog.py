"""The score of an H3 cell surface as a Cloud-Optimised GeoTIFF (for GIS colleagues).

Each pixel takes the value of the H3 cell its centre lies in (``h3.latlng_to_cell``: exact, no
polygon rasterising); pixels outside every cell (sea, outside the region) are nodata. EPSG:4326,
pixels about one cell edge square on the ground, deflate-compressed, tiled, with overviews.
"""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path

import h3
import h3.api.numpy_int as h3n
import numpy as np
from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress, no_progress

NODATA = -9999.0
_M_PER_DEG = 111_320.0


def _pixel_deg(resolution: int, lat: float) -> tuple[float, float]:
    edge_m = h3.average_hexagon_edge_length(resolution, unit="m")
    dy = edge_m / _M_PER_DEG
    return dy / max(math.cos(math.radians(lat)), 0.05), dy


def write_cell_cog(
    cell_ids: np.ndarray,
    values: np.ndarray,
    resolution: int,
    bounds: tuple[float, float, float, float],
    out: str | os.PathLike,
    *,
    progress: Progress | None = None,
) -> Path:
    """Write ``values`` (one per H3 cell, text ids) over ``bounds`` (lon/lat) to a COG at ``out``."""
    import rasterio
    import rasterio.shutil
    from rasterio.transform import from_origin

    progress = progress or no_progress
    out = Path(out)
    if out.suffix.lower() not in (".tif", ".tiff"):
        raise DataError(f"the score raster is a GeoTIFF: name it *.tif, not {out.name}")
    if not out.parent.exists():
        raise DataError(f"cannot write {out}: folder {out.parent} does not exist")
    x0, y0, x1, y1 = bounds
    dx, dy = _pixel_deg(resolution, (y0 + y1) / 2)
    width, height = max(1, math.ceil((x1 - x0) / dx)), max(1, math.ceil((y1 - y0) / dy))
    ints = np.array([h3n.str_to_int(c) for c in cell_ids], dtype=np.uint64)
    order = np.argsort(ints)
    sorted_ints, sorted_values = ints[order], np.asarray(values, dtype=np.float32)[order]
    grid = np.full((height, width), NODATA, dtype=np.float32)
    lons = x0 + (np.arange(width) + 0.5) * dx
    for r in range(height):
        lat = y1 - (r + 0.5) * dy
        row_cells = np.fromiter(
            (h3n.latlng_to_cell(lat, lon, resolution) for lon in lons), dtype=np.uint64, count=width
        )
        if len(sorted_ints):
            pos = np.clip(np.searchsorted(sorted_ints, row_cells), 0, len(sorted_ints) - 1)
            hit = sorted_ints[pos] == row_cells
            grid[r, hit] = sorted_values[pos[hit]]
        if r % 64 == 0:
            progress(r / height, f"score raster row {r:,} of {height:,}")
    profile = {
        "driver": "GTiff", "width": width, "height": height, "count": 1, "dtype": "float32",
        "crs": "EPSG:4326", "transform": from_origin(x0, y1, dx, dy), "nodata": NODATA,
    }
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".tif", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with rasterio.MemoryFile() as mem:
            with mem.open(**profile) as dst:
                dst.write(grid, 1)
                dst.set_band_description(1, "score")
            with mem.open() as src:
                rasterio.shutil.copy(
                    src, tmp, driver="COG", compress="DEFLATE", predictor="YES",
                    blocksize=512, overviews="AUTO", resampling="AVERAGE",
                )
        os.replace(tmp, out)
    except rasterio.errors.RasterioError as exc:
        raise DataError(f"cannot write {out}: {exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
    progress(1.0, f"wrote {out.name}")
    return out
