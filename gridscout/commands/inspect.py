"""``gridscout inspect FILE``: what is in a GIS file and how GridScout would read it."""

from __future__ import annotations

import argparse
import json
import sys

from gridscout.commands.reading import (
    add_reading_arguments,
    add_storage_arguments,
    fetch_inputs,
    reading_options,
)

NAME = "inspect"
HELP = "show the layers, CRS, extent, columns, detected kind and validation report of a GIS file"
DESCRIPTION = (
    "Show what is in a GIS file (GeoPackage, Shapefile or .zip, GeoJSON, FlatGeobuf, GeoParquet, CSV, "
    "GeoTIFF): its layers with feature counts and, for one layer (--layer, or the only one), the "
    "CRS, lon/lat extent, columns, the detected layer kind and field mapping, and the validation "
    "report. A path like parcels.gpkg:lots names a layer."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the file (FILE.gpkg:LAYER names a layer; "
                        "or an s3:// gs:// az:// https:// URL)")
    parser.add_argument("--layer", help="the layer of a multi-layer file")
    parser.add_argument("--kind", help="read the layer as this kind instead of detecting it")
    parser.add_argument("--crs", help="the source CRS, when the file has none (e.g. EPSG:26917)")
    add_reading_arguments(parser)
    add_storage_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _print_text(result: dict, out=None) -> None:
    w = (out or sys.stdout).write
    w(f"File: {result['file']} ({result['format']}, {result['size_bytes']:,} bytes)\n")
    if "project" in result:
        _print_project(result, w)
        return
    w("Layers:\n")
    chosen = (result.get("details") or {}).get("layer")
    for lay in result["layers"]:
        mark = "*" if chosen and lay["name"] == chosen else " "
        count = "raster" if lay["features"] is None else f"{lay['features']:,} features"
        gtype = lay["geometry_type"] if lay["geometry_type"] not in (None, "None") else "no geometry"
        guess = f"  -> {lay['kind']}" if lay.get("kind") else ""
        w(f" {mark} {lay['name']}  [{gtype}]  {count}{guess}\n")
    if "note" in result:
        w(f"\n{result['note']}\n")
        return
    d = result["details"]
    w("\n")
    if d.get("layer"):
        w(f"Layer: {d['layer']}\n")
    w(f"Kind: {d['kind']}\n")
    if "raster" in d:
        r = d["raster"]
        w(f"CRS: {d['crs']}\n")
        w(f"Size: {r['shape'][1]} x {r['shape'][0]} pixels, {r['bands']} band(s), {r['dtype']}, "
          f"nodata {r['nodata']}\n")
        w(f"Resolution: {r['resolution'][0]:g} x {r['resolution'][1]:g}\n")
        w(f"Overviews: {', '.join(map(str, r['overviews'])) or 'none'}\n")
        b = d["lonlat_bounds"]
        w(f"Extent (lon/lat): {b[0]:.6f}, {b[1]:.6f} .. {b[2]:.6f}, {b[3]:.6f}\n")
        return
    w(f"Features: {d['features']:,} read, {d['features_kept']:,} kept\n")
    w(f"CRS: {d['crs']}\n")
    b = d["lonlat_bounds"]
    if None not in b:
        w(f"Extent (lon/lat): {b[0]:.6f}, {b[1]:.6f} .. {b[2]:.6f}, {b[3]:.6f}\n")
    w(f"Geometry: {', '.join(d['geometry_types']) or 'none'}\n")
    if d.get("kind_scores"):
        w("Kind scores: " + ", ".join(f"{k} {v:.2f}" for k, v in d["kind_scores"].items() if v > 0) + "\n")
    w("Field mapping:\n")
    for canonical, source in d["mapping"].items():
        w(f"  {canonical} <- {source}\n")
    if not d["mapping"]:
        w("  (none found; use --map canonical=column with convert)\n")
    w("Columns:\n")
    for col, dtype in d["columns"].items():
        w(f"  {col} ({dtype})\n")
    w("Validation:\n")
    for line in d["_report_text"].splitlines():
        w(f"  {line}\n")


def _extent_text(b) -> str:
    return "no extent" if None in b else f"{b[0]:.4f}, {b[1]:.4f} .. {b[2]:.4f}, {b[3]:.4f}"


def _print_project(result: dict, w) -> None:
    p = result["project"]
    w(f"Project: {p['title']} ({len(p['layers'])} layers, bottom first)\n")
    rows = [(e["title"], e["kind"], "raster" if e["features"] is None else f"{e['features']:,}",
             e["crs"] or "no CRS", _extent_text(e["lonlat_bounds"])) for e in p["layers"]]
    head = ("Title", "Kind", "Features", "CRS", "Extent (lon/lat)")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    for r in [head, *rows]:
        w("  " + "  ".join(r[i].ljust(widths[i]) if i != 2 else r[i].rjust(widths[i])
                           for i in range(4)) + f"  {r[4]}\n")
    w(f"\n{result['note']}\n")


def run(args: argparse.Namespace) -> int:
    from gridscout.operations import inspect_file

    fetch_inputs(args, "file")
    result = inspect_file(args.file, args.layer, args.kind, args.crs, **reading_options(args))
    try:
        if args.json:
            if "details" in result:
                result["details"].pop("_report_text", None)
            json.dump(result, sys.stdout, indent=2, ensure_ascii=False, default=str)
            sys.stdout.write("\n")
        else:
            _print_text(result)
        sys.stdout.flush()
    except BrokenPipeError:  # `gridscout inspect ... | head`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
