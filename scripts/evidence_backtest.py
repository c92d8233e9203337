"""Backtest the shipped profiles on the development data (../shared/data): OSM data centers outside
Virginia, HIFLD substations, EIA-860M plants; candidates are a regular grid of 1 km² cells over
regions with many known sites and HIFLD substations (central Ohio: Columbus / New Albany; Atlanta;
Charlotte). There are no real parcels nor lines there: line criteria add 0 everywhere and the
cost uses substations only; the area criterion is constant on equal cells (noted by diagnostics).

    python scripts/evidence_backtest.py [--data ../shared/data] [--cell-km 1] [--out docs/evidence]

Skips cleanly (exit 0, a message) when the data folder is absent.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

REGIONS = {  # name: (west, south, east, north)
    "central Ohio (Columbus / New Albany)": (-83.25, 39.80, -82.55, 40.20),
    "Atlanta, GA": (-84.75, 33.50, -84.05, 34.10),
    "Charlotte, NC": (-81.10, 35.00, -80.55, 35.45),
}
FILES = {
    "known": "us_osm_data_centers_except_virginia.geojson",
    "substations": "us_hifld_substations_partial.geojson",
    "plants": "eia860m_dec2025_plants_ge50mw.geojson",
}


def grid(bounds: tuple[float, float, float, float], cell_km: float):
    """Square cells of ``cell_km`` (in degrees at the region's mid-latitude) over ``bounds``."""
    import geopandas as gpd
    import numpy as np
    from shapely import box

    w, s, e, n = bounds
    dlat = cell_km / 111.0
    dlon = cell_km / (111.32 * math.cos(math.radians((s + n) / 2)))
    xs = np.arange(w, e, dlon)
    ys = np.arange(s, n, dlat)
    gx, gy = np.meshgrid(xs, ys)
    cells = box(gx.ravel(), gy.ravel(), gx.ravel() + dlon, gy.ravel() + dlat)
    ids = [f"c{i}" for i in range(len(cells))]
    return gpd.GeoDataFrame({"parcel_id": ids}, geometry=cells, crs=4326)


def load_development_data(data: Path, cell_km: float):
    """(known sites, substations, lines, plants, cells with a ``region`` column) from the
    development data in ``data``, or None (and a message) when it is absent."""
    if not all((data / f).exists() for f in FILES.values()):
        print(f"skipped: development data not found in {data}")
        return None
    import geopandas as gpd
    import pandas as pd
    from gridscout.layers.io import load_layer

    known = load_layer(str(data / FILES["known"]), kind="candidate_sites").data
    subs = load_layer(str(data / FILES["substations"]), kind="substations").data
    plants = load_layer(str(data / FILES["plants"]), kind="power_plants").data
    lines = gpd.GeoDataFrame({"id": [], "name": [], "voltage_kv": []}, geometry=[], crs=4326)
    cells = []
    for name, bounds in REGIONS.items():
        g = grid(bounds, cell_km)
        g["region"] = name
        g["parcel_id"] = name.split(",")[0].split(" (")[0].replace(" ", "_") + "_" + g["parcel_id"]
        cells.append(g)
    cells = gpd.GeoDataFrame(pd.concat(cells, ignore_index=True), crs=4326)
    return known, subs, lines, plants, cells


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))
    ap.add_argument("--cell-km", type=float, default=1.0)
    ap.add_argument("--out", help="write each backtest's files into OUT/<profile>/")
    ap.add_argument("--profiles", default="enterprise,hyperscale,edge")
    args = ap.parse_args(argv)
    loaded = load_development_data(Path(args.data), args.cell_km)
    if loaded is None:
        return 0
    known, subs, lines, plants, cells = loaded
    from gridscout.scoring.engine import score
    from gridscout.scoring.evidence.backtest import BacktestSettings, backtest
    from gridscout.scoring.evidence.labels import label_candidates
    from gridscout.scoring.profile import load_profile

    labels = label_candidates(cells, known)
    print(f"{len(cells):,} cells of {args.cell_km:g} km² in {len(REGIONS)} regions; {labels.to_text()}")
    for name in REGIONS:
        in_region = (cells["region"] == name).to_numpy()
        print(f"  {name}: {in_region.sum():,} cells, {labels.known[in_region].sum()} hold a known site")
    for profile_name in args.profiles.split(","):
        profile = load_profile(profile_name)
        result = score(cells, subs, lines, plants, profile=profile)
        report = backtest(result, labels, settings=BacktestSettings(bootstrap=1000))
        print()
        print(report.to_text())
        for note in result.summary.diagnostics:
            print(f"  note: {note}")
        for name in REGIONS:
            rows = (cells["region"] == name).to_numpy()
            from sklearn.metrics import roc_auc_score

            y = labels.known[rows]
            if y.any() and not y.all():
                print(f"  {name}: AUC {roc_auc_score(y, result.columns['score'][rows]):.3f}")
        if args.out:
            from gridscout.scoring.evidence.outputs import write_backtest

            write_backtest(report, Path(args.out) / profile_name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
