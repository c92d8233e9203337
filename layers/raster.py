"""Raster layers (GeoTIFF / COG and other GDAL rasters) read lazily with rasterio.

A :class:`RasterSource` keeps the dataset open and reads only what is asked for: a window, at the
resolution asked for. Decimated reads (``out_shape`` smaller than the window) let GDAL use the
file's overviews, so a large raster is never read whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from affine import Affine
from gridscout.layers.errors import DataError
from pyproj import CRS

#: the largest window read at full resolution when no ``out_shape`` is given (pixels per side)
MAX_READ_SIDE = 4096

_RESAMPLING = ("nearest", "bilinear", "cubic", "average", "mode", "min", "max")


@dataclass
class RasterWindow:
    """Pixels of a window: ``data`` (bands, rows, cols) masked where nodata, its ``transform`` and
    ``bounds`` in ``crs``."""

    data: np.ma.MaskedArray
    transform: Affine
    bounds: tuple[float, float, float, float]
    crs: CRS


class RasterSource:
    """An open raster file. Use as a context manager or call :meth:`close`.

    Attributes: ``path``, ``crs`` (pyproj CRS), ``bounds`` (in ``crs``), ``lonlat_bounds``,
    ``shape`` (rows, cols), ``dtype``, ``nodata``, ``count`` (bands), ``overviews`` (decimation
    factors of band 1, e.g. ``[2, 4, 8]``), ``transform``, ``res``.
    """

    def __init__(self, path: str | Path, crs=None) -> None:
        import rasterio
        import rasterio.errors

        self.path = str(path)
        name = Path(self.path).name
        if not Path(self.path).exists():
            raise DataError(f"{self.path} not found; check the path")
        try:
            self._ds = rasterio.open(self.path)
        except (rasterio.errors.RasterioIOError, rasterio.errors.RasterioError, OSError) as exc:
            raise DataError(f"{name} cannot be read as a raster ({' '.join(str(exc).split())[:200]}); "
                            "use a complete GeoTIFF file") from None
        ds = self._ds
        try:
            if crs is not None:
                self.crs = CRS.from_user_input(crs)
            elif ds.crs is not None:
                self.crs = CRS.from_user_input(ds.crs.to_wkt())
            else:
                raise DataError(f"{name} has no coordinate reference system; pass --crs EPSG:xxxx or "
                                "set it in Layer properties")
            if ds.transform == Affine.identity() and not ds.gcps[0]:
                raise DataError(f"{name} has no georeferencing (no geotransform); it is a picture, "
                                "not a map raster")
        except DataError:
            ds.close()
            raise
        self.transform: Affine = ds.transform
        self.bounds = tuple(ds.bounds)
        self.shape = (ds.height, ds.width)
        self.count = ds.count
        self.dtype = ds.dtypes[0]
        self.nodata = ds.nodata
        self.res = ds.res
        self.overviews = list(ds.overviews(1)) if ds.count else []
        self.lonlat_bounds = self._to_lonlat(self.bounds)

    # --- coordinate helpers -------------------------------------------------------------------
    def _to_lonlat(self, bounds):
        from rasterio.warp import transform_bounds

        if self.crs.to_epsg() == 4326:
            return tuple(float(v) for v in bounds)
        return tuple(float(v) for v in transform_bounds(self.crs.to_wkt(), "EPSG:4326", *bounds,
                                                        densify_pts=21))

    def _from_crs(self, bounds, bounds_crs) -> tuple[float, float, float, float]:
        from rasterio.warp import transform_bounds

        if bounds_crs is None:
            return tuple(bounds)
        src = CRS.from_user_input(bounds_crs)
        if src.equals(self.crs):
            return tuple(bounds)
        return tuple(transform_bounds(src.to_wkt(), self.crs.to_wkt(), *bounds, densify_pts=21))

    # --- reading ------------------------------------------------------------------------------
    def read_window(
        self,
        bounds=None,
        out_shape: tuple[int, int] | None = None,
        *,
        bounds_crs="EPSG:4326",
        bands=None,
        resampling: str = "nearest",
    ) -> RasterWindow:
        """Read the pixels inside ``bounds`` resampled to ``out_shape`` (rows, cols).

        ``bounds`` = (minx, miny, maxx, maxy) in ``bounds_crs`` (default lon/lat; ``None`` = the
        raster's own CRS); ``None`` reads the whole extent. Without ``out_shape`` the window is read
        at full resolution, capped at :data:`MAX_READ_SIDE` pixels per side. ``bands``: 1-based
        band number(s), default all. Returns a :class:`RasterWindow` (``data`` masked by nodata).
        """
        from rasterio.enums import Resampling
        from rasterio.windows import Window, from_bounds

        if resampling not in _RESAMPLING:
            raise DataError(f"unknown resampling {resampling!r}; use one of {', '.join(_RESAMPLING)}")
        ds = self._ds
        if ds.closed:
            raise DataError(f"{Path(self.path).name} is closed")
        if bounds is None:
            win = Window(0, 0, ds.width, ds.height)
        else:
            b = self._from_crs(bounds, bounds_crs)
            win = from_bounds(*b, transform=ds.transform)
            full = Window(0, 0, ds.width, ds.height)
            try:
                win = win.intersection(full)
            except Exception:  # rasterio raises WindowError when they do not overlap
                win = None
            if win is None or win.width <= 0 or win.height <= 0:
                raise DataError(f"the requested area does not overlap {Path(self.path).name} "
                                f"(raster covers lon/lat {self._fmt(self.lonlat_bounds)})")
            win = win.round_offsets().round_lengths()
        w, h = max(int(win.width), 1), max(int(win.height), 1)
        if out_shape is None:
            scale = max(w / MAX_READ_SIDE, h / MAX_READ_SIDE, 1.0)
            out_shape = (max(int(round(h / scale)), 1), max(int(round(w / scale)), 1))
        indexes = list(range(1, ds.count + 1)) if bands is None else (
            [bands] if isinstance(bands, int) else list(bands))
        import rasterio.errors

        try:
            data = ds.read(indexes, window=win, out_shape=(len(indexes), *out_shape),
                           resampling=Resampling[resampling], masked=True)
        except (rasterio.errors.RasterioIOError, rasterio.errors.RasterioError, IndexError) as exc:
            raise DataError(f"{Path(self.path).name}: pixels cannot be read ({' '.join(str(exc).split())}); "
                            "the file looks damaged or incomplete — get a fresh copy") from None
        transform = ds.window_transform(win) @ Affine.scale(w / out_shape[1], h / out_shape[0])
        from rasterio.windows import bounds as win_bounds

        return RasterWindow(data, transform, tuple(win_bounds(win, ds.transform)), self.crs)

    @staticmethod
    def _fmt(b) -> str:
        return ", ".join(f"{v:.4f}" for v in b)

    def info(self) -> dict:
        """A JSON-serialisable summary (for ``inspect`` and the GUI's layer properties)."""
        return {
            "path": self.path,
            "crs": self.crs.to_string(),
            "bounds": list(self.bounds),
            "lonlat_bounds": list(self.lonlat_bounds),
            "shape": list(self.shape),
            "bands": self.count,
            "dtype": str(self.dtype),
            "nodata": None if self.nodata is None or np.isnan(self.nodata) else self.nodata,
            "overviews": self.overviews,
            "resolution": list(self.res),
        }

    # --- lifetime -----------------------------------------------------------------------------
    def close(self) -> None:
        if not self._ds.closed:
            self._ds.close()

    @property
    def closed(self) -> bool:
        return self._ds.closed

    def __enter__(self) -> RasterSource:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"<RasterSource {Path(self.path).name} {self.shape[1]}x{self.shape[0]} {self.crs.to_string()}>"
