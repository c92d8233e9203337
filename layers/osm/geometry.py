"""Geometries of OSM power features from node refs and the node locations read.

Rules (each counted in the import report with example ids, and written to the row's ``issues``):

- ``way_missing_nodes`` — a way uses nodes that are not in the file (clipped extract): the line or
  outline is drawn through the nodes present; with fewer than 2 (lines) or 3 (areas) left → dropped
  (``dropped_missing_nodes``).
- ``unclosed_outline`` — a substation/plant way that is not closed: kept as a *point* at the centre
  of its outline (substation and plant layers hold points and polygons; an open fence is not an area).
- ``repaired_outline`` — a self-intersecting outline repaired with ``make_valid``.
- ``relation_missing_members`` — a multipolygon relation whose member ways are not in the file: the
  area is assembled from the members present (osmium's assembler); when that fails it is kept as a
  point at the centre of the members present, and dropped when none is present.
- ``multipolygon_invalid`` — the rings of a multipolygon do not close: point at the members' centre.
- ``site_relation_point`` — a relation that is no multipolygon (``type=site``): the union of its
  closed member ways, else a point at the centre of its members.
"""

from __future__ import annotations

import os
import tempfile

import numpy as np
import osmium
import shapely
from gridscout.layers.osm.import_summary import OsmImportSummary
from gridscout.layers.osm.reader import Collected, Feature
from gridscout.layers.wording import QT_TRANSLATE_NOOP
from osmium.osm import mutable


class Locator:
    """Node id → lon/lat lookup over the sorted arrays read in pass 3."""

    def __init__(self, collected: Collected) -> None:
        self.ids = collected.node_ids
        self.lon = collected.node_lon
        self.lat = collected.node_lat

    def lookup(self, refs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(coords (n, 2), found mask) for node ids ``refs``."""
        refs = np.asarray(refs, dtype=np.int64)
        if len(self.ids) == 0:
            return np.full((len(refs), 2), np.nan), np.zeros(len(refs), dtype=bool)
        pos = np.searchsorted(self.ids, refs)
        pos[pos >= len(self.ids)] = 0
        found = self.ids[pos] == refs
        coords = np.column_stack([self.lon[pos], self.lat[pos]])
        found &= ~np.isnan(coords[:, 0])
        coords[~found] = np.nan
        return coords, found

    def coords_of(self, refs) -> np.ndarray:
        coords, found = self.lookup(refs)
        return coords[found]


def _issue(issues: list[list[str]], i: int, text: str) -> None:
    issues[i].append(text)


def _compact(owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For non-decreasing ``owner``: (distinct values, 0-based rank of each) — np.unique without hashing."""
    new = np.r_[True, owner[1:] != owner[:-1]] if len(owner) else np.zeros(0, bool)
    return owner[new], np.cumsum(new) - 1


def _gather(ways: list[Feature], loc: Locator):
    """Flattened refs of ``ways``: (lengths, owner per ref, coords, found, found per way)."""
    n = len(ways)
    lengths = np.fromiter((len(f.refs) for f in ways), np.int64, n)
    flat = np.concatenate([f.refs for f in ways])
    owner = np.repeat(np.arange(n), lengths)
    coords, found = loc.lookup(flat)
    n_found = np.bincount(owner, weights=found, minlength=n).astype(np.int64)
    return lengths, flat, owner, coords, found, n_found


def line_geometries(
    ways: list[Feature], loc: Locator, report: OsmImportSummary, issues: list[list[str]]
) -> np.ndarray:
    """LineStrings of line ways (vectorised); None for ways that could not be drawn."""
    n = len(ways)
    geoms = np.full(n, None, dtype=object)
    if n == 0:
        return geoms
    lengths, _flat, owner, coords, found, n_found = _gather(ways, loc)
    drawable = n_found >= 2
    keep = found & drawable[owner]
    if keep.any():
        ok_idx, compact = _compact(owner[keep])
        geoms[ok_idx] = shapely.linestrings(coords[keep], indices=compact)
    for i in np.flatnonzero(n_found < lengths):
        key, missing = ways[i].key, int(lengths[i] - n_found[i])
        if drawable[i]:
            report.add(
                "way_missing_nodes",
                QT_TRANSLATE_NOOP("Wording", "way uses nodes missing from the file; drawn through the nodes present"),
                [key],
                kind="transmission_lines",
            )
            _issue(
                issues,
                i,
                f"{missing} of {lengths[i]} nodes missing from the file; drawn through the rest",
            )
        else:
            report.add(
                "dropped_missing_nodes",
                QT_TRANSLATE_NOOP("Wording", "fewer than 2 of the way's nodes are in the file; dropped"),
                [key],
                kind="transmission_lines",
            )
    degenerate = drawable & (shapely.length(geoms.astype(object)) == 0)
    for i in np.flatnonzero(degenerate):
        report.add(
            "dropped_degenerate_line",
            QT_TRANSLATE_NOOP("Wording", "all nodes of the line at one place; dropped"),
            [ways[i].key],
            kind="transmission_lines",
        )
        geoms[i] = None
    return geoms


def _polygonal(geom):
    """The polygonal part of a repaired geometry, or None."""
    parts = [
        p
        for p in shapely.get_parts(geom)
        if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty
    ]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


def area_way_geometry(
    f: Feature, loc: Locator, report: OsmImportSummary, kind: str, issues: list[str]
):
    """Polygon of a closed way, a point for an open one (see the module rules); None when unusable."""
    refs = f.refs
    coords, found = loc.lookup(refs)
    closed = len(refs) >= 4 and refs[0] == refs[-1]
    pts = coords[found]
    missing = len(refs) - int(found.sum())
    if missing:
        report.add(
            "way_missing_nodes",
            QT_TRANSLATE_NOOP("Wording", "way uses nodes missing from the file; drawn through the nodes present"),
            [f.key],
            kind=kind,
        )
        issues.append(
            f"{missing} of {len(refs)} nodes missing from the file; drawn through the rest"
        )
    if len(pts) == 0:
        report.add(
            "dropped_missing_nodes",
            QT_TRANSLATE_NOOP("Wording", "none of the way's nodes is in the file; dropped"),
            [f.key],
            kind=kind,
        )
        return None
    if not closed:
        report.add(
            "unclosed_outline",
            QT_TRANSLATE_NOOP("Wording", "outline way is not closed; kept as a point at the centre of its outline"),
            [f.key],
            kind=kind,
        )
        issues.append("outline not closed; kept as a point at its centre")
        return (
            shapely.Point(pts.mean(axis=0))
            if len(pts) < 2
            else shapely.centroid(shapely.LineString(pts))
        )
    if len({(x, y) for x, y in pts.tolist()}) < 3:
        report.add(
            "dropped_missing_nodes",
            QT_TRANSLATE_NOOP("Wording", "fewer than 3 of the outline's nodes are in the file; kept as a point"),
            [f.key],
            kind=kind,
        )
        issues.append("too few nodes for an outline; kept as a point")
        return shapely.Point(pts.mean(axis=0))
    if not np.array_equal(pts[0], pts[-1]):
        pts = np.vstack([pts, pts[:1]])
    poly = shapely.Polygon(pts)
    if not poly.is_valid:
        fixed = _polygonal(shapely.make_valid(poly))
        if fixed is None:
            report.add(
                "dropped_degenerate_outline",
                QT_TRANSLATE_NOOP("Wording", "outline has no area; kept as a point"),
                [f.key],
                kind=kind,
            )
            issues.append("outline has no area; kept as a point")
            return shapely.centroid(shapely.LineString(pts))
        report.add(
            "repaired_outline",
            QT_TRANSLATE_NOOP("Wording", "self-intersecting outline repaired with make_valid"),
            [f.key],
            kind=kind,
        )
        issues.append("self-intersecting outline; repaired")
        poly = fixed
    return poly


def area_way_geometries(
    ways: list[Feature], loc: Locator, report: OsmImportSummary, kind: str, issues: list[list[str]]
) -> np.ndarray:
    """area_way_geometry for many ways: closed, complete, valid outlines in bulk, the rest one by one."""
    geoms = np.full(len(ways), None, dtype=object)
    if not ways:
        return geoms
    lengths, flat, owner, coords, found, n_found = _gather(ways, loc)
    starts = np.cumsum(lengths) - lengths
    closed = (lengths >= 4) & (flat[starts] == flat[starts + lengths - 1])
    fast = closed & (n_found == lengths)
    rows = fast[owner]
    if rows.any():
        idx, compact = _compact(owner[rows])
        polys = shapely.polygons(shapely.linearrings(coords[rows], indices=compact))
        valid = shapely.is_valid(polys)
        geoms[idx[valid]] = polys[valid]
        fast[idx[~valid]] = False
    for i in np.flatnonzero(~fast):
        geoms[i] = area_way_geometry(ways[i], loc, report, kind, issues[i])
    return geoms


def _member_coords(f: Feature, collected: Collected, loc: Locator) -> np.ndarray:
    parts = []
    for mtype, ref, _role in f.members:
        if mtype == "w" and ref in collected.way_refs:
            parts.append(loc.coords_of(collected.way_refs[ref]))
        elif mtype == "n":
            parts.append(loc.coords_of(np.array([ref], dtype=np.int64)))
    parts = [p for p in parts if len(p)]
    return np.vstack(parts) if parts else np.empty((0, 2))


def _centre_point(coords: np.ndarray):
    if len(coords) == 0:
        return None
    return shapely.centroid(shapely.convex_hull(shapely.multipoints(coords)))


def assemble_multipolygons(
    relations: list[Feature], collected: Collected, loc: Locator
) -> dict[int, object]:
    """Relation id → (Multi)Polygon by osmium's area assembler, from the member ways present.

    The members are written to a small temporary file (only located nodes, only present ways), so
    the assembler sees what the extract holds; relations it cannot assemble are left out.
    """
    if not relations:
        return {}
    nodes: dict[int, tuple[float, float]] = {}
    ways: dict[int, list[int]] = {}
    rels = []
    for f in relations:
        members = []
        for mtype, ref, role in f.members:
            if mtype != "w" or ref not in collected.way_refs:
                continue
            refs = collected.way_refs[ref]
            coords, found = loc.lookup(refs)
            if found.sum() < 2:
                continue
            kept = refs[found]
            for nid, (x, y) in zip(kept.tolist(), coords[found].tolist(), strict=True):
                nodes[nid] = (x, y)
            ways[ref] = kept.tolist()
            members.append(("w", ref, role))
        if members:
            rels.append((f.osm_id, members))
    if not rels:
        return {}
    result: dict[int, object] = {}
    with tempfile.TemporaryDirectory(prefix="gridscout-osm-") as tmp:
        path = os.path.join(tmp, "members.osm.pbf")
        with osmium.SimpleWriter(path) as writer:
            for nid in sorted(nodes):
                writer.add_node(mutable.Node(id=nid, location=nodes[nid]))
            for wid in sorted(ways):
                writer.add_way(mutable.Way(id=wid, nodes=ways[wid]))
            for rid, members in sorted(rels):
                writer.add_relation(
                    mutable.Relation(id=rid, members=members, tags={"type": "multipolygon"})
                )
        factory = osmium.geom.WKBFactory()
        for obj in osmium.FileProcessor(path).with_locations().with_areas():
            if obj.type_str() != "a" or obj.from_way():
                continue
            try:
                geom = shapely.from_wkb(factory.create_multipolygon(obj))
            except RuntimeError:  # rings that do not close: an empty area
                continue
            if not geom.is_valid:
                geom = _polygonal(shapely.make_valid(geom))
            if geom is not None and not geom.is_empty:
                result[obj.orig_id()] = geom
    return result


def relation_geometry(
    f: Feature,
    assembled: dict[int, object],
    collected: Collected,
    loc: Locator,
    report: OsmImportSummary,
    kind: str,
    issues: list[str],
):
    """Geometry of a substation/plant/generator relation (see the module rules); None when unusable.

    A relation with some members missing is reported once as ``relation_missing_members``; one
    with none present once as ``dropped_relation_no_members``."""
    way_members = [ref for mtype, ref, _ in f.members if mtype == "w"]
    missing = [ref for ref in way_members if ref not in collected.way_refs]
    geom = _relation_geometry(f, assembled, collected, loc, report, kind, issues, missing)
    if geom is not None and missing:
        report.add(
            "relation_missing_members",
            QT_TRANSLATE_NOOP("Wording", "relation member ways missing from the file; built from the members present"),
            [f.key],
            kind=kind,
        )
        issues.insert(0, f"{len(missing)} of {len(way_members)} member ways missing from the file")
    return geom


def _relation_geometry(f, assembled, collected, loc, report, kind, issues, missing):
    way_members = [ref for mtype, ref, _ in f.members if mtype == "w"]
    if f.relation_type == "multipolygon":
        geom = assembled.get(f.osm_id)
        if geom is not None:
            return geom
        centre = _centre_point(_member_coords(f, collected, loc))
        if centre is None:
            report.add(
                "dropped_relation_no_members",
                QT_TRANSLATE_NOOP("Wording", "no member of the relation is in the file; dropped"),
                [f.key],
                kind=kind,
            )
            return None
        if not missing:
            report.add(
                "multipolygon_invalid",
                QT_TRANSLATE_NOOP("Wording", "multipolygon rings do not close; kept as a point at the centre of its members"),
                [f.key],
                kind=kind,
            )
            issues.append("rings do not close; kept as a point at the centre of its members")
        else:
            issues.append("kept as a point at the centre of the members present")
        return centre
    polys = []
    for ref in way_members:
        refs = collected.way_refs.get(ref)
        if refs is None or len(refs) < 4 or refs[0] != refs[-1]:
            continue
        pts = loc.coords_of(refs)
        if len(pts) >= 4 and np.array_equal(pts[0], pts[-1]):
            poly = shapely.Polygon(pts)
            poly = poly if poly.is_valid else _polygonal(shapely.make_valid(poly))
            if poly is not None:
                polys.append(poly)
    if polys:
        report.info(
            "site_relation_area",
            QT_TRANSLATE_NOOP("Wording", "type={type} relation: the area of its closed member ways").format(
                type=f.relation_type or "(none)"),
            [f.key],
            kind=kind,
        )
        return shapely.union_all(polys)
    centre = _centre_point(_member_coords(f, collected, loc))
    if centre is None:
        report.add(
            "dropped_relation_no_members",
            QT_TRANSLATE_NOOP("Wording", "no member of the relation is in the file; dropped"),
            [f.key],
            kind=kind,
        )
        return None
    report.info(
        "site_relation_point",
        QT_TRANSLATE_NOOP("Wording", "type={type} relation: kept as a point at the centre of its "
                          "members").format(type=f.relation_type or "(none)"),
        [f.key],
        kind=kind,
    )
    issues.append("relation kept as a point at the centre of its members")
    return centre
