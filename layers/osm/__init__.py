"""Import OpenStreetMap power infrastructure from ``.osm.pbf`` / ``.osm`` files, as OpenInfraMap reads it.

``import_osm("virginia.osm.pbf", out="power.gpkg")`` streams the file with pyosmium and returns the
three power layers in GridScout's canonical schemas (they load and score without field mapping):

- ``transmission_lines`` — ``power=line|minor_line|cable|minor_cable`` ways;
- ``substations`` — ``power=substation`` nodes, closed ways and multipolygon relations;
- ``power_plants`` — ``power=plant`` nodes, ways and relations, with ``power=generator`` outputs
  summed into the plant they stand in, and large stand-alone generators as plants.

Every row keeps its OSM id (``osm_id`` = ``n``/``w``/``r`` + id), the raw power tags (``voltage``,
``frequency``, ``plant:output:electricity`` …), ``name``, ``name:en`` and every ``name:xx``.
Lifecycle features (``construction:power=line``, ``power=construction``, ``disused=yes``,
``abandoned:power=substation`` …) are counted and left out unless ``include_lifecycle`` is set;
then they keep their ``status``, and the scoring engine leaves them out (they carry no power).
Broken data (missing nodes or members, open outlines, unreadable tags) is kept where it can be and
reported with counts and example ids — never fatal. How reading stays within bounded memory is in
:mod:`layers.osm_read` and :mod:`layers.osm_ids`; geometry rules in :mod:`layers.osm_geom`;
attribute rules in :mod:`layers.osm_tables`.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from gridscout.layers.errors import Cancelled, DataError
from gridscout.layers.model import Layer, Source
from gridscout.layers.osm.geometry import (
    Locator,
    area_way_geometries,
    assemble_multipolygons,
    line_geometries,
    relation_geometry,
)
from gridscout.layers.osm.ids import read_member_ways, read_node_locations
from gridscout.layers.osm.import_summary import KINDS, OsmImportSummary
from gridscout.layers.osm.reader import (
    Collected,
    Feature,
    PassProgress,
    ReadPosition,
    read_power_objects,
    unique_sorted,
)
from gridscout.layers.osm.tables import (
    MIN_STANDALONE_GENERATOR_MW,
    lines_frame,
    plants_frame,
    substations_frame,
)
from gridscout.layers.progress import Progress, no_progress, scaled
from gridscout.layers.wording import QT_TRANSLATE_NOOP

__all__ = [
    "KINDS",
    "MIN_STANDALONE_GENERATOR_MW",
    "OSM_SUFFIXES",
    "OsmImport",
    "import_osm",
    "write_gpkg",
]

log = logging.getLogger(__name__)

OSM_CREDIT = "© OpenStreetMap contributors"

#: file names pyosmium reads (by extension)
OSM_SUFFIXES = (".osm.pbf", ".pbf", ".osm", ".osm.gz", ".osm.bz2", ".osm.xml", ".opl")
_KIND_OF = {"substation": "substations", "plant": "power_plants", "generator": "power_plants"}


@dataclass
class OsmImport:
    """The result: one GeoDataFrame per kind (EPSG:4326) and the import summary."""

    layers: dict[str, gpd.GeoDataFrame]
    summary: OsmImportSummary
    path: Path | None = None  # the GeoPackage written, if any

    def to_layers(self) -> list[Layer]:
        """The layers as :class:`~layers.model.Layer` objects, styled by their kind."""
        out = []
        for kind, gdf in self.layers.items():
            try:
                from gridscout.layers.registry import get_kind

                style = get_kind(kind).default_style()
            except Exception:  # a kind not available must not stop an import
                style = {}
            source = Source(str(self.path), kind) if self.path else Source(self.summary.source, kind)
            out.append(
                Layer(
                    kind, kind, gdf, source, style=style, report=self.summary.validation_report(kind)
                )
            )
        return out


def _check_input(path: Path) -> None:
    if not path.exists():
        raise DataError(f"{path} does not exist")
    if path.is_dir():
        raise DataError(f"{path} is a folder; give an .osm.pbf or .osm file")
    if not path.name.lower().endswith(OSM_SUFFIXES):
        raise DataError(
            f"{path.name} is not an OpenStreetMap file; give an .osm.pbf or .osm file "
            "(e.g. an extract from download.geofabrik.de)"
        )


def _check_bbox(bbox) -> tuple[float, float, float, float] | None:
    if bbox is None:
        return None
    try:
        minlon, minlat, maxlon, maxlat = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise DataError(
            f"bbox {bbox!r} must be four numbers: minlon, minlat, maxlon, maxlat"
        ) from None
    if not (-180 <= minlon < maxlon <= 180 and -90 <= minlat < maxlat <= 90):
        raise DataError(
            f"bbox {minlon},{minlat},{maxlon},{maxlat} is not minlon,minlat,maxlon,maxlat "
            "within -180..180 / -90..90"
        )
    return minlon, minlat, maxlon, maxlat


def _read(
    path: str, tmpdir: Path, report: OsmImportSummary, progress: Progress, include_lifecycle: bool
):
    position = ReadPosition(path)
    step = PassProgress(scaled(progress, 0.0, 0.5), position, "reading power features")
    features = read_power_objects(path, tmpdir, report, step, include_lifecycle)
    collected = Collected(features=features)
    collected.way_refs = {f.osm_id: f.refs for f in features if f.osm_type == "w"}
    member_ways, member_nodes = set(), []
    for f in features:
        for mtype, ref, _role in f.members or ():
            if mtype == "w" and ref not in collected.way_refs:
                member_ways.add(ref)
            elif mtype == "n":
                member_nodes.append(ref)
            elif mtype == "r":
                report.info(
                    "relation_member_relation",
                    QT_TRANSLATE_NOOP("Wording", "relation members that are relations are not followed"),
                    [f.key],
                )
    if member_ways:
        ids = np.array(sorted(member_ways), dtype=np.int64)
        step = PassProgress(scaled(progress, 0.5, 0.65), position, "reading relation member ways")
        collected.way_refs.update(read_member_ways(path, ids, tmpdir, step, report))
    parts = [*collected.way_refs.values(), np.array(member_nodes, dtype=np.int64)]
    node_ids = unique_sorted(np.concatenate(parts))
    step = PassProgress(
        scaled(progress, 0.65, 0.9), position, f"reading {len(node_ids):,} node locations"
    )
    collected.node_ids, collected.node_lon, collected.node_lat = read_node_locations(
        path, node_ids, tmpdir, step, report
    )
    return collected


def _drop_duplicate_members(features: list[Feature], report: OsmImportSummary) -> list[Feature]:
    """A power relation's members with the same power value (its outline way) are the same feature."""
    by_key = {f.key: f for f in features}
    drop = set()
    for f in features:
        if f.osm_type != "r":
            continue
        for mtype, ref, _role in f.members or ():
            other = by_key.get(f"{mtype}{ref}")
            if other is not None and other.value == f.value and other.osm_type != "r":
                drop.add(other.key)
                report.info(
                    "member_same_feature",
                    QT_TRANSLATE_NOOP("Wording", "way or node of a power relation with the same power tag: "
                    "the relation stands for it"),
                    [other.key],
                    kind=_KIND_OF.get(f.value),
                )
    return [f for f in features if f.key not in drop]


def _area_geometries(features: list[Feature], kind: str, collected, loc, assembled, report):
    geoms = np.full(len(features), None, dtype=object)
    issues: list[list[str]] = [[] for _ in features]
    nodes = [i for i, f in enumerate(features) if f.osm_type == "n"]
    if nodes:
        xy = np.array([(features[i].lon, features[i].lat) for i in nodes], dtype=np.float64)
        geoms[nodes] = shapely.points(xy)
    ways = [i for i, f in enumerate(features) if f.osm_type == "w"]
    if ways:
        geoms[ways] = area_way_geometries(
            [features[i] for i in ways], loc, report, kind, [issues[i] for i in ways]
        )
    for i, f in enumerate(features):
        if f.osm_type == "r":
            geoms[i] = relation_geometry(f, assembled, collected, loc, report, kind, issues[i])
    return geoms, issues


def _kept(features, geoms, issues):
    keep = [i for i, g in enumerate(geoms) if g is not None]
    return (
        [features[i] for i in keep],
        np.asarray([geoms[i] for i in keep], dtype=object),
        [issues[i] for i in keep],
    )


def build_layers(
    collected: Collected, report: OsmImportSummary, bbox=None
) -> dict[str, gpd.GeoDataFrame]:
    """The three power layers from what was read (see the rules in osm_geom and osm_tables).

    Consumes ``collected``: its node locations and node refs are released once the geometries
    are built, so they do not sit in memory while the tables are made and written.
    """
    features = _drop_duplicate_members(collected.features, report)
    loc = Locator(collected)
    groups: dict[str, list[Feature]] = {"line": [], "substation": [], "plant": [], "generator": []}
    for f in features:
        groups[f.category].append(f)
    multipolygons = [f for f in features if f.osm_type == "r" and f.relation_type == "multipolygon"]
    assembled = assemble_multipolygons(multipolygons, collected, loc)

    lines = groups["line"]
    line_issues: list[list[str]] = [[] for _ in lines]
    line_geoms = line_geometries(lines, loc, report, line_issues)
    lines, line_geoms, line_issues = _kept(lines, line_geoms, line_issues)

    parts = {}
    for category in ("substation", "plant", "generator"):
        kind = _KIND_OF[category]
        geoms, issues = _area_geometries(groups[category], kind, collected, loc, assembled, report)
        parts[category] = _kept(groups[category], geoms, issues)
    del loc, assembled, multipolygons
    collected.way_refs = {}
    collected.node_ids, collected.node_lon, collected.node_lat = (
        np.empty(0, np.int64),
        np.empty(0),
        np.empty(0),
    )
    for f in features:
        f.refs = None
    layers = {
        "substations": substations_frame(*parts["substation"], report),
        "transmission_lines": lines_frame(lines, line_geoms, line_issues, report),
        "power_plants": plants_frame(*parts["plant"], *parts["generator"], report),
    }
    if bbox is not None:
        box = shapely.box(*bbox)
        outside: set[str] = set()
        for kind, gdf in layers.items():
            inside = shapely.intersects(np.asarray(gdf.geometry.values, dtype=object), box)
            outside.update(gdf["osm_id"][~inside].astype(str))
            if not inside.all():
                report.info(
                    "outside_bbox",
                    QT_TRANSLATE_NOOP("Wording", "features that do not intersect the bbox; left out"),
                    gdf["osm_id"][~inside].tolist(),
                    kind=kind,
                )
                layers[kind] = gdf[inside].reset_index(drop=True)
        report.forget(outside, keep_rules=("outside_bbox",))
    report.features = {kind: len(gdf) for kind, gdf in layers.items()}
    return layers


def write_gpkg(layers: dict[str, gpd.GeoDataFrame], out: str | os.PathLike) -> Path:
    """Write one GeoPackage layer per kind, atomically (temp file beside ``out``, then rename)."""
    import pyogrio

    out = Path(out)
    if out.suffix.lower() != ".gpkg":
        raise DataError(
            f"cannot write {out.name}: the OSM import writes a GeoPackage; name it *.gpkg"
        )
    if not out.parent.exists():
        raise DataError(f"cannot write {out}: folder {out.parent} does not exist")
    tmpdir = Path(tempfile.mkdtemp(prefix=f".{out.stem}.", suffix=".tmp", dir=out.parent))
    tmp = tmpdir / out.name
    try:
        for kind, gdf in layers.items():
            types = set(gdf.geom_type.dropna().unique())
            kwargs = {"geometry_type": "Unknown"} if len(types) != 1 else {}
            if not types and kind == "transmission_lines":
                kwargs = {"geometry_type": "LineString"}
            if types == {"Polygon", "MultiPolygon"}:
                kwargs = {"promote_to_multi": True}
            pyogrio.write_dataframe(gdf, tmp, layer=kind, driver="GPKG", **kwargs)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        raise DataError(f"cannot write {out}: {exc}") from None
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    return out


def osm_provenance(file_name: str) -> str:
    """The ``_source`` value of every imported feature: who made the data and under what licence."""
    return f"OpenStreetMap ({OSM_CREDIT}, ODbL 1.0) via gridscout import-osm of {file_name}"


def import_osm(
    path: str | os.PathLike,
    out: str | os.PathLike | None = None,
    bbox=None,
    progress: Progress | None = None,
    *,
    include_lifecycle: bool = False,
) -> OsmImport:
    """Read the power infrastructure of an OSM file; write it to ``out`` (GeoPackage) when given.

    ``bbox`` = (minlon, minlat, maxlon, maxlat) keeps the features that intersect it.
    ``include_lifecycle`` also imports features under construction, proposed or disused (with their
    ``status``). Raises :class:`DataError` when the file is no readable OSM file; broken OSM data
    inside a readable file is reported in ``result.summary``, never raised.
    """
    started = time.perf_counter()
    path = Path(path)
    _check_input(path)
    bbox = _check_bbox(bbox)
    progress = progress or no_progress
    report = OsmImportSummary(source=path.name)
    try:
        with tempfile.TemporaryDirectory(prefix="gridscout-osm-") as tmp:
            collected = _read(str(path), Path(tmp), report, progress, include_lifecycle)
    except (Cancelled, DataError, MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # libosmium: RuntimeError / ValueError with its parser message
        message = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise DataError(f"{path.name} is not a readable OpenStreetMap file ({message})") from None
    progress(0.9, "building geometries")
    layers = build_layers(collected, report, bbox)
    del collected
    for gdf in layers.values():  # provenance travels with every feature (licence: ODbL 1.0)
        gdf.insert(len(gdf.columns) - 1, "_source", osm_provenance(path.name))
    result = OsmImport(layers, report)
    if out is not None:
        progress(0.97, f"writing {Path(out).name}")
        result.path = write_gpkg(layers, out)
    report.seconds = time.perf_counter() - started
    progress(1.0, "done")
    return result
