"""Which renderer draws which layer, and the raster-layer renderer."""

from __future__ import annotations

import numpy as np
import shapely
from gridscout.gui.canvas.painting import ViewSpec, qimage_from_argb
from gridscout.gui.canvas.render_base import LayerRenderer
from gridscout.gui.canvas.render_parcels import ParcelRenderer
from gridscout.gui.canvas.render_polygons import PolygonRenderer
from gridscout.gui.canvas.render_vector import ImageResult, LineRenderer, PointRenderer, _ImageLayer
from gridscout.gui.mapdraw.projection import bbox_to_lonlat

_BY_KIND = {
    "parcels": ParcelRenderer,
    "transmission_lines": LineRenderer,
    "substations": PointRenderer,
    "power_plants": PointRenderer,
    "candidate_sites": PointRenderer,
    "basemap": PolygonRenderer,
}


def make_renderer(layer) -> LayerRenderer:
    if layer.is_raster:
        return RasterRenderer(layer)
    cls = _BY_KIND.get(layer.kind)
    if cls is None:  # a plugin kind: by geometry type
        types = set(shapely.get_type_id(np.asarray(layer.data.geometry.values)).tolist()) - {-1, 7}
        if types and types <= {3, 6}:
            cls = PolygonRenderer
        elif types and types <= {1, 2, 5}:
            cls = LineRenderer
        else:
            cls = PointRenderer
    return cls(layer)


class RasterRenderer(_ImageLayer):
    """A ``layers.raster.RasterSource`` warped to the view (Web Mercator) on the worker.

    pyproj is only touched on the GUI thread (``params_for_view``): creating pyproj CRS objects on
    the render thread crashed PROJ (segfault in ``proj_create``) in the running app, so the worker
    gets the window in the raster's own CRS and the CRS as WKT, and uses GDAL only.
    """

    def __init__(self, layer) -> None:
        super().__init__(layer)
        self._wkt = None

    def effective_opacity(self) -> float:
        return float(self.layer.opacity) * float(self.style.get("opacity", 1.0))

    def params_for_view(self, view: ViewSpec) -> dict:
        from rasterio.warp import transform_bounds

        src = self.layer.data
        params = dict(self.style)
        if self._wkt is None:
            self._wkt = src.crs.to_wkt()
        lon0, lat0, lon1, lat1 = src.lonlat_bounds
        v = bbox_to_lonlat(view.rect)
        ll = (max(lon0, v[0]), max(lat0, v[1]), min(lon1, v[2]), min(lat1, v[3]))
        params["wkt"] = self._wkt
        params["frac"] = ((ll[2] - ll[0]) / max(v[2] - v[0], 1e-12), (ll[3] - ll[1]) / max(v[3] - v[1], 1e-12))
        if ll[0] >= ll[2] or ll[1] >= ll[3]:
            params["native_bounds"] = None
        else:
            nb = transform_bounds("EPSG:4326", self._wkt, *ll, densify_pts=21)
            b = src.bounds
            params["native_bounds"] = (max(nb[0], b[0]), max(nb[1], b[1]), min(nb[2], b[2]), min(nb[3], b[3]))
        return params

    def render(self, params, view: ViewSpec, cancelled):
        src = self.layer.data
        nb = params.get("native_bounds")
        if nb is None or nb[0] >= nb[2] or nb[1] >= nb[3]:
            return ImageResult(None, view.rect)
        from rasterio.transform import from_bounds
        from rasterio.warp import Resampling, reproject

        fw, fh = params["frac"]
        shape = (max(int(view.h * fh), 1), max(int(view.w * fw), 1))
        band = int(params.get("band", 1))
        bands = None if src.count >= 3 and params.get("rgb", src.count >= 3) else band
        win = src.read_window(nb, out_shape=shape, bounds_crs=None, bands=bands)
        data = win.data.astype(np.float32).filled(np.nan)
        use = range(3) if data.shape[0] >= 3 else range(1)
        dst = np.full((len(use), view.h, view.w), np.nan, np.float32)
        dst_t = from_bounds(*view.rect, view.w, view.h)
        for k in use:
            reproject(data[k], dst[k], src_transform=win.transform, src_crs=params["wkt"],
                      dst_transform=dst_t, dst_crs="EPSG:3857", resampling=Resampling.nearest,
                      src_nodata=np.nan, dst_nodata=np.nan)
        alpha = 255 if self.style.get("nodata_transparent", True) else 255
        return ImageResult(qimage_from_argb(_to_argb(dst, params, alpha)), view.rect)

    def export(self, painter, view) -> None:
        res = self.render(self.params_for_view(view), view, lambda: False)
        if res.image is not None:
            painter.drawImage(0, 0, res.image)

    def pick(self, x, y, tol) -> list[int]:
        return []


def _colormap(name: str, t: np.ndarray) -> np.ndarray:
    """RGB (…, 3) float for t in [0, 1]: matplotlib's colormaps when available, else a ramp."""
    try:
        from matplotlib import colormaps

        return colormaps[name](t)[..., :3] * 255.0
    except Exception:
        stops = np.array([[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]], float)
        pos = t * (len(stops) - 1)
        i = np.minimum(pos.astype(int), len(stops) - 2)
        f = (pos - i)[..., None]
        return stops[i] * (1 - f) + stops[i + 1] * f


def _to_argb(dst: np.ndarray, params: dict, alpha: int = 255) -> np.ndarray:
    """Stretch (percentiles from the style, default 2-98) and colour the warped bands."""
    valid = np.isfinite(dst).all(axis=0)
    lo_p, hi_p = params.get("stretch_percentiles", [2, 98])
    if dst.shape[0] == 3:
        rgb = []
        for b in dst:
            lo, hi = np.nanpercentile(b, (lo_p, hi_p)) if valid.any() else (0, 1)
            rgb.append(np.clip((b - lo) / max(hi - lo, 1e-9) * 255, 0, 255))
        r, g, bl = (np.nan_to_num(c).astype(np.uint32) for c in rgb)
    else:
        b = dst[0]
        lo, hi = params.get("range") or (np.nanpercentile(b, (lo_p, hi_p)) if valid.any() else (0, 1))
        t = np.nan_to_num(np.clip((b - lo) / max(hi - lo, 1e-9), 0, 1))
        c = _colormap(str(params.get("colormap", "viridis")), t)
        r, g, bl = (c[..., k].astype(np.uint32) for k in range(3))
    out = (np.uint32(alpha) << 24) | (r << 16) | (g << 8) | bl
    return np.where(valid, out, np.uint32(0)).astype(np.uint32)
