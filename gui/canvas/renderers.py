"""Which renderer draws which layer, and the raster-layer renderer."""

from __future__ import annotations

import numpy as np
import shapely

from gui.canvas.mercator import bbox_to_lonlat
from gui.canvas.painting import ViewSpec, qimage_from_argb
from gui.canvas.render_base import LayerRenderer
from gui.canvas.render_parcels import ParcelRenderer
from gui.canvas.render_vector import (
    ImageResult,
    LineRenderer,
    PointRenderer,
    PolygonRenderer,
    _ImageLayer,
)

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
    """A ``layers.raster.RasterSource`` warped to the view (Web Mercator) on the worker."""

    def render(self, params, view: ViewSpec, cancelled):
        src = self.layer.data
        try:
            lon0, lat0, lon1, lat1 = src.lonlat_bounds
            v = bbox_to_lonlat(view.rect)
            bounds = (max(lon0, v[0]), max(lat0, v[1]), min(lon1, v[2]), min(lat1, v[3]))
            if bounds[0] >= bounds[2] or bounds[1] >= bounds[3]:
                return ImageResult(None, view.rect)
            # read about the view's resolution, then warp into the view grid
            frac_w = (bounds[2] - bounds[0]) / max(v[2] - v[0], 1e-12)
            frac_h = (bounds[3] - bounds[1]) / max(v[3] - v[1], 1e-12)
            shape = (max(int(view.h * frac_h), 1), max(int(view.w * frac_w), 1))
            win = src.read_window(bounds, out_shape=shape)
        except Exception:
            return ImageResult(None, view.rect)
        from rasterio.transform import from_bounds
        from rasterio.warp import Resampling, reproject

        bands = win.data.shape[0]
        use = [0, 1, 2] if bands >= 3 else [0]
        dst = np.full((len(use), view.h, view.w), np.nan, np.float32)
        dst_t = from_bounds(*view.rect, view.w, view.h)
        srcdata = win.data.astype(np.float32).filled(np.nan)
        for k, b in enumerate(use):
            reproject(srcdata[b], dst[k], src_transform=win.transform, src_crs=win.crs.to_wkt(),
                      dst_transform=dst_t, dst_crs="EPSG:3857", resampling=Resampling.nearest,
                      src_nodata=np.nan, dst_nodata=np.nan)
        argb = _to_argb(dst, params)
        return ImageResult(qimage_from_argb(argb), view.rect)

    def export(self, painter, view) -> None:
        res = self.render(self.params(), view, lambda: False)
        if res.image is not None:
            painter.drawImage(0, 0, res.image)

    def pick(self, x, y, tol) -> list[int]:
        return []


def _to_argb(dst: np.ndarray, params: dict) -> np.ndarray:
    valid = np.isfinite(dst).all(axis=0)
    if dst.shape[0] == 3:
        rgb = []
        for b in dst:
            lo, hi = (np.nanpercentile(b, (2, 98)) if valid.any() else (0, 1))
            rgb.append(np.clip((b - lo) / max(hi - lo, 1e-9) * 255, 0, 255))
        r, g, bl = (np.nan_to_num(c).astype(np.uint32) for c in rgb)
    else:
        b = dst[0]
        lo, hi = params.get("range") or ((np.nanpercentile(b, (2, 98))) if valid.any() else (0, 1))
        t = np.clip((b - lo) / max(hi - lo, 1e-9), 0, 1)
        t = np.nan_to_num(t)
        # a muted terrain ramp: dark green → ochre → white
        stops = np.array([[60, 110, 70], [170, 160, 100], [200, 170, 130], [250, 250, 250]], float)
        pos = t * (len(stops) - 1)
        i = np.minimum(pos.astype(int), len(stops) - 2)
        f = pos - i
        c = stops[i] * (1 - f[..., None]) + stops[i + 1] * f[..., None]
        r, g, bl = (c[..., k].astype(np.uint32) for k in range(3))
    out = (np.uint32(255) << 24) | (r << 16) | (g << 8) | bl
    out = np.where(valid, out, np.uint32(0)).astype(np.uint32)
    return out


