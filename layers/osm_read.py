"""Streaming an OpenStreetMap file with pyosmium: power objects first, then what they reference.

Memory is bounded by the power features, not by the extract:

1. one pass over everything through a C++ ``TagFilter``: only power objects reach Python;
2. (if relations need them) the member ways of power relations, by id;
3. the locations of the nodes the collected ways use, by id.

Steps 2 and 3 select objects by id with pyosmium's ``IdTracker``. Its id set is dense: one 4 MB
chunk for every 2**25 ids that holds any id, so the node ids of a regional extract, spread over the
whole planet's id range, would cost ~1.5 GB. The ids are therefore loaded a *window* at a time
(a few chunks, plus look-ahead) and the window moves on as the sorted file passes it. Files that
are not sorted by id, or that use negative ids (JOSM), are read with a Python-side id set instead.
"""

from __future__ import annotations

import bisect
import logging
import os
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
import osmium

from layers.osm_report import OsmImportReport

log = logging.getLogger(__name__)

#: power=* values that become features; lines are ways, the others nodes, ways or relations
LINE_VALUES = ("line", "minor_line", "cable", "minor_cable")
AREA_VALUES = ("substation", "plant", "generator")
POWER_VALUES = LINE_VALUES + AREA_VALUES
#: OSM lifecycle prefixes and the status they give (named as layers.parse.normalise_status does)
LIFECYCLE = {"construction": "construction", "proposed": "planned", "planned": "planned", "disused": "inactive"}
OPERATING = "operating"

#: tags kept per feature (besides ``name:xx``); they become columns of the output layers
KEEP_KEYS = {
    "line": ("voltage", "circuits", "cables", "wires", "frequency", "location", "line", "operator", "name", "ref"),
    "substation": ("voltage", "substation", "location", "operator", "name", "ref"),
    "plant": ("plant:output:electricity", "plant:source", "plant:method", "operator", "name", "ref"),
    "generator": (
        "generator:output:electricity",
        "generator:source",
        "generator:method",
        "operator",
        "name",
        "ref",
    ),
}
COMMON_KEYS = ("wikidata",)

#: libosmium's IdSetDense allocates 2**22 bytes per 2**25 ids
CHUNK_SHIFT = 25
CHUNKS_PER_WINDOW = 4
LOOKAHEAD_WINDOWS = 3


def filter_pairs() -> list[tuple[str, str]]:
    """The (key, value) pairs the C++ TagFilter lets through to Python."""
    pairs = [("power", v) for v in POWER_VALUES]
    pairs += [("power", p) for p in LIFECYCLE]  # power=construction + construction=line
    pairs += [(f"{p}:power", v) for p in LIFECYCLE for v in POWER_VALUES]
    return pairs


def classify(tags) -> tuple[str | None, str | None, str | None]:
    """(power value, status, raw power tag) of an OSM object, or Nones when it is no power feature."""
    power = tags.get("power")
    if power in POWER_VALUES:
        return power, OPERATING, power
    if power in LIFECYCLE:
        value = tags.get(power)
        if value in POWER_VALUES:
            return value, LIFECYCLE[power], power
    for prefix, status in LIFECYCLE.items():
        value = tags.get(f"{prefix}:power")
        if value in POWER_VALUES:
            return value, status, f"{prefix}:{value}"
    return None, None, None


def is_language_key(key: str) -> bool:
    """``name:en``, ``name:ja``, ``name:zh-Hant`` — not ``name:etymology`` or ``name:prefix``."""
    if not key.startswith("name:"):
        return False
    lang = key[5:]
    head = lang.split("-", 1)[0]
    return 2 <= len(head) <= 3 and head.isalpha() and head.islower() and "_" not in lang


def kept_tags(tags, category: str) -> dict[str, str]:
    keys = KEEP_KEYS[category]
    out = {}
    for tag in tags:
        k = tag.k
        if k in keys or k in COMMON_KEYS or is_language_key(k):
            out[k] = tag.v
    return out


def category_of(value: str) -> str:
    return "line" if value in LINE_VALUES else value


@dataclass
class Feature:
    """A power object as read: tags and what its geometry needs (location, node refs or members)."""

    category: str  # "line", "substation", "plant", "generator"
    value: str  # the power value, e.g. "minor_line"
    status: str
    power_tag: str  # the raw power tag, e.g. "line" or "construction:line"
    osm_type: str  # "n", "w", "r"
    osm_id: int
    tags: dict[str, str]
    lon: float = float("nan")
    lat: float = float("nan")
    refs: array | None = None
    members: list[tuple[str, int, str]] | None = None
    relation_type: str = ""

    @property
    def key(self) -> str:
        return f"{self.osm_type}{self.osm_id}"


@dataclass
class Collected:
    """Everything read from the file, before geometries are built."""

    features: list[Feature] = field(default_factory=list)
    #: node refs of the member ways of power relations (and of power ways, by id)
    way_refs: dict[int, array] = field(default_factory=dict)
    #: sorted node ids with their locations (NaN where the location was invalid)
    node_ids: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    node_lon: np.ndarray = field(default_factory=lambda: np.empty(0))
    node_lat: np.ndarray = field(default_factory=lambda: np.empty(0))


class ReadPosition:
    """How far libosmium's reader is into the file, from ``/proc/self/fdinfo`` (Linux; else None)."""

    def __init__(self, path: str) -> None:
        self.real = os.path.realpath(path)
        self.size = max(os.path.getsize(path), 1)
        self.fd: int | None = None

    def attach(self) -> None:
        self.fd = None
        try:
            for name in os.listdir("/proc/self/fd"):
                try:
                    if os.readlink(f"/proc/self/fd/{name}") == self.real:
                        self.fd = max(self.fd or -1, int(name))
                except OSError:
                    continue
        except OSError:
            pass

    def fraction(self) -> float | None:
        if self.fd is None:
            return None
        try:
            with open(f"/proc/self/fdinfo/{self.fd}") as fh:
                for line in fh:
                    if line.startswith("pos:"):
                        return min(int(line.split()[1]) / self.size, 1.0)
        except (OSError, ValueError):
            self.fd = None
        return None


class PassProgress:
    """Progress of one pass over the file, reported through ``progress(fraction, message)``."""

    def __init__(self, progress: Callable[[float, str], None], position: ReadPosition, message: str) -> None:
        self.progress = progress
        self.position = position
        self.message = message
        self.last = 0.0
        self.count = 0

    def start(self) -> None:
        self.position.attach()
        self.progress(0.0, self.message)

    def tick(self) -> None:
        self.count += 1
        if self.count & 63:
            return
        now = time.monotonic()
        if now - self.last >= 0.1:
            self.last = now
            frac = self.position.fraction()
            if frac is not None:
                self.progress(frac, self.message)


def read_power_objects(
    path: str,
    report: OsmImportReport,
    progress: PassProgress,
    include_lifecycle: bool = False,
) -> list[Feature]:
    """Pass 1: every power node, way and relation, through a C++ tag filter."""
    features: list[Feature] = []
    counts = {"node": 0, "way": 0, "relation": 0}
    tag_filter = osmium.filter.TagFilter(*filter_pairs())
    entities = osmium.osm.NODE | osmium.osm.WAY | osmium.osm.RELATION
    with osmium.io.Reader(path, entities) as reader:
        progress.start()
        iterator = osmium.OsmFileIterator(reader, tag_filter)
        for obj in iterator:
            progress.tick()
            value, status, power_tag = classify(obj.tags)
            if value is None:
                continue
            t = obj.type_str()
            key = f"{t}{obj.id}"
            counts[{"n": "node", "w": "way", "r": "relation"}[t]] += 1
            if status != OPERATING and not include_lifecycle:
                report.info(
                    "lifecycle_skipped",
                    "under construction, proposed or disused; not imported (import them with "
                    "--include-planned; they get a status column)",
                    [key],
                )
                continue
            category = category_of(value)
            feature = Feature(category, value, status, power_tag, t, obj.id, kept_tags(obj.tags, category))
            if t == "n":
                if category == "line":
                    report.add("line_on_node", f"power={value} on a node (lines are ways); ignored", [key])
                    continue
                loc = obj.location
                if not loc.valid():
                    report.add("invalid_location", "node location outside -180..180 / -90..90; dropped", [key])
                    continue
                feature.lon, feature.lat = loc.lon, loc.lat
            elif t == "w":
                refs = array("q", [n.ref for n in obj.nodes])
                if len(refs) < 2:
                    report.add("way_too_short", "way with fewer than 2 nodes; dropped", [key])
                    continue
                feature.refs = refs
            else:
                if category == "line":
                    report.info(
                        "line_relation",
                        "power line tagged on a relation (its member ways carry the lines); ignored",
                        [key],
                    )
                    continue
                feature.members = [(m.type, m.ref, m.role) for m in obj.members]
                feature.relation_type = obj.tags.get("type", "")
            features.append(feature)
    report.objects_read = {k: v for k, v in counts.items()}
    return features


class IdWindowReader:
    """The objects of one type whose ids are in ``ids`` (sorted, unique, >= 0), read in id windows.

    After iterating, ``unsorted`` says the file was not in id order (some objects may have been
    missed: read them again with :func:`read_by_id_set`), ``passes`` how many passes it took.
    """

    def __init__(self, path: str, entity: str, ids: np.ndarray, progress: PassProgress) -> None:
        self.path = path
        self.entity = entity
        self.ids = ids
        self.progress = progress
        chunk = ids >> CHUNK_SHIFT
        rank = np.cumsum(np.r_[True, chunk[1:] != chunk[:-1]]) - 1 if len(ids) else np.empty(0, np.int64)
        window = rank // CHUNKS_PER_WINDOW
        self.starts = np.flatnonzero(np.r_[True, window[1:] != window[:-1]]) if len(ids) else np.empty(0, np.int64)
        self.ends = np.r_[self.starts[1:], len(ids)].astype(np.int64)
        self.end_ids = ids[self.ends - 1].tolist() if len(ids) else []
        self.unsorted = False
        self.passes = 0

    def _load(self, idset, first: int) -> None:
        idset.clear()
        for w in range(first, min(first + LOOKAHEAD_WINDOWS, len(self.end_ids))):
            for i in self.ids[self.starts[w] : self.ends[w]].tolist():
                idset.set(i)

    def __iter__(self) -> Iterator:
        n_windows = len(self.end_ids)
        first = 0
        entity = osmium.osm.NODE if self.entity == "node" else osmium.osm.WAY
        while first < n_windows:
            self.passes += 1
            tracker = osmium.IdTracker()
            idset = tracker.node_ids() if self.entity == "node" else tracker.way_ids()
            id_filter = tracker.id_filter()  # must stay referenced while the iterator runs
            w = first
            self._load(idset, w)
            last_id = -1
            end_id = self.end_ids[w]
            with osmium.io.Reader(self.path, entity) as reader:
                self.progress.start()
                for obj in osmium.OsmFileIterator(reader, id_filter):
                    self.progress.tick()
                    i = obj.id
                    if i < last_id:
                        self.unsorted = True
                    last_id = i
                    if i > end_id:
                        w = bisect.bisect_left(self.end_ids, i)
                        self._load(idset, w)
                        end_id = self.end_ids[w]
                    yield obj
            del id_filter, tracker
            first = w + LOOKAHEAD_WINDOWS  # windows after the last loaded one were never looked for
            if first < n_windows:
                log.info("id windows %d.. of %d not reached (ids missing); another pass", first, n_windows)


def read_by_id_set(path: str, entity: str, ids: np.ndarray, progress: PassProgress) -> Iterator:
    """The objects of one type whose ids are in ``ids``, checked in Python (any order, any sign)."""
    wanted = set(ids.tolist())
    with osmium.io.Reader(path, osmium.osm.NODE if entity == "node" else osmium.osm.WAY) as reader:
        progress.start()
        for obj in osmium.OsmFileIterator(reader):
            progress.tick()
            if obj.id in wanted:
                yield obj


def _by_id(path: str, entity: str, ids: np.ndarray, progress: PassProgress, handle: Callable, report) -> set:
    """Feed every object of ``entity`` with an id in ``ids`` to ``handle``; return the ids seen."""
    seen: set[int] = set()
    if len(ids) == 0:
        return seen
    if ids[0] < 0:
        report.node_strategy = "all objects checked in Python (negative ids)"
        for obj in read_by_id_set(path, entity, ids, progress):
            seen.add(obj.id)
            handle(obj)
        return seen
    reader = IdWindowReader(path, entity, ids, progress)
    for obj in reader:
        seen.add(obj.id)
        handle(obj)
    if not report.node_strategy:
        report.node_strategy = "id windows"
    if reader.unsorted and len(seen) < len(ids):
        rest = np.setdiff1d(ids, np.fromiter(seen, np.int64, len(seen)))
        report.info("file_not_sorted", "the file is not sorted by id; read again checking ids in Python", count=1)
        for obj in read_by_id_set(path, entity, rest, progress):
            if obj.id not in seen:
                seen.add(obj.id)
                handle(obj)
    return seen


def read_member_ways(path: str, way_ids: np.ndarray, progress: PassProgress, report) -> dict[int, array]:
    """Pass 2: the node refs of the ways that power relations use (and that are no power ways)."""
    refs: dict[int, array] = {}

    def handle(way) -> None:
        refs[way.id] = array("q", [n.ref for n in way.nodes])

    _by_id(path, "way", way_ids, progress, handle, report)
    return refs


def read_node_locations(path: str, node_ids: np.ndarray, progress: PassProgress, report):
    """Pass 3: locations of ``node_ids`` → (sorted ids, lon, lat); invalid locations are NaN."""
    ids, lons, lats = array("q"), array("d"), array("d")
    nan = float("nan")

    def handle(node) -> None:
        loc = node.location
        ids.append(node.id)
        if loc.valid():
            lons.append(loc.lon)
            lats.append(loc.lat)
        else:
            lons.append(nan)
            lats.append(nan)

    _by_id(path, "node", node_ids, progress, handle, report)
    out_ids = np.frombuffer(ids, dtype=np.int64) if len(ids) else np.empty(0, np.int64)
    lon = np.frombuffer(lons, dtype=np.float64) if len(lons) else np.empty(0)
    lat = np.frombuffer(lats, dtype=np.float64) if len(lats) else np.empty(0)
    order = np.argsort(out_ids, kind="stable")
    out_ids, lon, lat = out_ids[order], lon[order], lat[order]
    invalid = np.isnan(lon)
    if invalid.any():
        report.add(
            "invalid_location",
            "node location outside -180..180 / -90..90; the node is left out of its way",
            [f"n{i}" for i in out_ids[invalid][:5]],
            count=int(invalid.sum()),
        )
    return out_ids, lon, lat
