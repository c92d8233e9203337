"""Inspect a GIS file: its layers and, for one layer, CRS, extent, columns, the detected kind with
its field mapping and the validation report — as a JSON-ready dict. A GridScout project lists its
layers by title with kind, feature count, CRS and extent."""

from __future__ import annotations


def _crs_text(crs) -> str | None:
    if crs is None:
        return None
    from pyproj import CRS

    crs = CRS.from_user_input(crs)
    epsg = crs.to_epsg()
    return f"EPSG:{epsg} ({crs.name})" if epsg else crs.name


def _layer_details(path: str, layer: str | None, kind: str | None, crs, options: dict) -> dict:
    import numpy as np

    from gridscout.layers.io import kind_scores, load_layer, sample_frame, source_info
    from gridscout.layers.io.read import source_crs_of
    from gridscout.layers.validate import DROP_RULES

    loaded = load_layer(path, kind=kind, crs=crs, layer=layer, **options)
    out: dict = {"layer": loaded.source.layer, "kind": loaded.kind}
    if loaded.is_raster:
        out["raster"] = loaded.data.info()
        out["crs"] = _crs_text(loaded.data.crs)
        out["lonlat_bounds"] = list(loaded.data.lonlat_bounds)
        out["report"] = loaded.report.to_dict()
        loaded.data.close()
        return out
    source_crs = source_crs_of(path, loaded.source.layer)
    data = loaded.data
    bounds = data.total_bounds if len(data) else np.full(4, np.nan)
    out.update(
        features=loaded.report.rows_read,
        features_kept=len(data),
        crs=_crs_text(crs or source_crs) or ("assumed EPSG:4326" if loaded.report.by_rule("crs_assumed")
                                              else "EPSG:4326 (WGS 84)"),
        lonlat_bounds=[None if np.isnan(v) else round(float(v), 6) for v in bounds],
        geometry_types=sorted(set(data.geom_type.dropna().unique())),
        columns={c: str(data[c].dtype) for c in data.columns if c != data.geometry.name},
        mapping=loaded.mapping,
        dropped_rows=sorted({r for i in loaded.report.items if i.rule in DROP_RULES for r in i.rows}),
    )
    if not kind:  # how sure the detection was, from the first features (cheap on big files)
        sample = sample_frame(path, loaded.source.layer)
        if sample is not None:
            info = source_info(path, loaded.source.layer, sample)
            out["kind_scores"] = {name: round(score, 3) for score, name in kind_scores(info)}
    out["report"] = loaded.report.to_dict()
    out["_report_text"] = loaded.report.to_text()
    return out


def _guess_kind(path: str, layer: str) -> str | None:
    """The kind a layer looks like from its first features (None when nothing fits)."""
    from gridscout.layers.errors import DataError
    from gridscout.layers.io import kind_scores, sample_frame, source_info

    try:
        sample = sample_frame(path, layer)
    except DataError:
        return None
    if sample is None:
        return None
    scores = kind_scores(source_info(path, layer, sample))
    return scores[0][1] if scores and scores[0][0] > 0 else None


def _bounds(values) -> list[float | None]:
    import math

    return [None if v is None or not math.isfinite(float(v)) else round(float(v), 6) for v in values]


def project_layers(path: str) -> dict | None:
    """A GridScout project's title and, per layer, its title, kind, table, feature count, CRS and
    lon/lat extent (None when ``path`` is not a project)."""
    from gridscout.layers.project import open_project

    if not _is_project(path):
        return None
    project = open_project(path)
    out = {"title": project.title, "layers": []}
    tables = _project_tables(path)
    for layer in project.layers:
        entry = {"title": layer.name, "kind": layer.kind, "table": tables.get(layer.name)}
        if layer.is_raster:
            entry.update(features=None, crs=_crs_text(layer.data.crs),
                         lonlat_bounds=_bounds(layer.data.lonlat_bounds))
            layer.data.close()
        else:
            data = layer.data
            entry.update(features=len(data), crs=_crs_text(data.crs),
                         lonlat_bounds=_bounds(data.total_bounds) if len(data) else [None] * 4)
        out["layers"].append(entry)
    return out


def _is_project(path: str) -> bool:
    import sqlite3

    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute("SELECT 1 FROM sqlite_master WHERE name='gridscout_project'").fetchone() \
                is not None
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _project_tables(path: str) -> dict[str, str]:
    import json
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT json FROM gridscout_project WHERE id = 1").fetchone()
    finally:
        con.close()
    return {m["name"]: m["table"] for m in json.loads(row[0]).get("layers", []) if m.get("table")}


def inspect_file(file: str, layer: str | None = None, kind: str | None = None, crs=None,
                 encoding: str | None = None, swap_lat_lon: bool = False) -> dict:
    """Everything ``inspect`` shows, as a JSON-serialisable dict."""
    from pathlib import Path

    from gridscout.layers.io import format_name, list_layers
    from gridscout.layers.model import Source

    src = Source.parse(file)
    layer = layer or src.layer
    layers = list_layers(src.path)
    result: dict = {
        "file": src.path,
        "format": format_name(src.path),
        "size_bytes": Path(src.path).stat().st_size,
        "layers": [{"name": n, "geometry_type": g, "features": c} for n, g, c in layers],
    }
    project = project_layers(src.path) if layer is None and not kind else None
    if project is not None:
        result["project"] = project
        result["note"] = (f"a GridScout project; show one layer with --layer TITLE (or "
                          f"{Path(src.path).name}:TITLE), or pick by kind with --kind")
        return result
    if layer is None and len(layers) > 1 and not kind:
        for entry in result["layers"]:
            entry["kind"] = _guess_kind(src.path, entry["name"])
        result["note"] = (f"{len(layers)} layers; show one with --layer NAME (or "
                          f"{Path(src.path).name}:NAME), or pick by kind with --kind")
        return result
    options = {"encoding": encoding, "swap_lat_lon": swap_lat_lon}
    result["details"] = _layer_details(src.path, layer, kind, crs, options)
    return result
