"""Offline raster tiles: an MBTiles file (GDAL's driver) loads as a raster layer read by window."""

import numpy as np
import pytest
import rasterio
import rasterio.shutil
from gridscout.layers.io import load_layer
from rasterio.transform import from_bounds


@pytest.fixture
def mbtiles(tmp_path):
    # a 3-band image over Chiba bay in Web Mercator, written by GDAL's MBTiles driver
    from pyproj import Transformer

    to_merc = Transformer.from_crs(4326, 3857, always_xy=True)
    x0, y0 = to_merc.transform(139.8, 35.3)
    x1, y1 = to_merc.transform(140.4, 35.9)
    w = h = 512
    tif = tmp_path / "chiba.tif"
    data = np.zeros((3, h, w), np.uint8)
    data[0, :, : w // 2] = 200  # left half red, right half green
    data[1, :, w // 2 :] = 180
    with rasterio.open(tif, "w", driver="GTiff", width=w, height=h, count=3, dtype="uint8",
                       crs="EPSG:3857", transform=from_bounds(x0, y0, x1, y1, w, h)) as dst:
        dst.write(data)
    out = tmp_path / "chiba.mbtiles"
    if "MBTiles" not in rasterio.drivers.raster_driver_extensions().values():
        pytest.skip("this GDAL has no MBTiles driver")
    rasterio.shutil.copy(tif, out, driver="MBTiles")
    return out


def test_mbtiles_loads_as_a_raster_layer_and_reads_a_window(mbtiles):
    layer = load_layer(mbtiles)
    assert layer.kind == "raster"
    src = layer.data
    lon0, lat0, lon1, lat1 = src.lonlat_bounds
    assert lon0 < 139.9 and lon1 > 140.3 and lat0 < 35.4 and lat1 > 35.8
    win = src.read_window((139.85, 35.35, 140.35, 35.85), out_shape=(64, 64))
    red, green = win.data[0], win.data[1]
    assert red[:, :20].mean() > 150 and green[:, -20:].mean() > 120  # the halves came through
