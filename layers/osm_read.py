"""Streaming an OpenStreetMap file with pyosmium: power objects first, then what they reference.

Memory is bounded by the power features, not by the extract, and Python never touches the
millions of background objects:

1. one pass over everything through a C++ ``TagFilter``; the power objects are written by
   libosmium as OPL text to a temporary file, which is parsed in bulk (pyosmium's per-object Python
   wrappers cost ~40 µs per power object, OPL parsing ~3 µs);
2. (if relations need them) the member ways of power relations, selected by id;
3. the locations of the nodes those ways use, selected by id, again written as OPL by libosmium.

Steps 2 and 3 select by id with pyosmium's ``IdTracker``. Its id set is dense — one 4 MB chunk for
every 2**25 ids that holds any id — so the node ids of a regional extract, spread over the planet's
whole id range, would cost ~1.5 GB. The ids are therefore loaded a *window* at a time (a few chunks,
with look-ahead; the set is cleared when more than :data:`MAX_CHUNKS` are loaded), and a second
tracker holding a few *sentinel* ids of the next windows hands Python one object per window, so it
can move the window on as the sorted file passes it. Files with negative ids (JOSM) are read with a
Python-side id set instead, as are the ids a window pass missed in a file not declared sorted.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import osmium
import pandas as pd

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
    "generator": ("generator:output:electricity", "generator:source", "generator:method", "operator", "name", "ref"),
}
COMMON_KEYS = ("wikidata",)

#: libosmium's IdSetDense allocates 2**22 bytes per 2**25 ids
CHUNK_SHIFT = 25
CHUNKS_PER_WINDOW = 4
LOOKAHEAD_WINDOWS = 3
MAX_CHUNKS = 32  # 128 MB of id set at most
SENTINELS_PER_WINDOW = 16
#: files not declared sorted and smaller than this are re-checked for ids a window pass missed
RECHECK_MAX_BYTES = 16 * 2**20


def unique_sorted(values: np.ndarray) -> np.ndarray:
    """Sorted unique values (sort-based: numpy 2's hash-based ``np.unique`` is much slower here)."""
    values = np.sort(np.asarray(values, dtype=np.int64))
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def thread_pool() -> osmium.io.ThreadPool:
    """libosmium's decoding threads: OSMIUM_POOL_THREADS if set, else one per core (at most 4).

    libosmium's own default leaves two cores free, which is a single thread on a 2-core laptop.
    """
    if os.environ.get("OSMIUM_POOL_THREADS"):
        return osmium.io.ThreadPool()
    return osmium.io.ThreadPool(max(1, min(4, os.cpu_count() or 1)))


def filter_pairs() -> list[tuple[str, str]]:
    """The (key, value) pairs the C++ TagFilter lets through."""
    pairs = [("power", v) for v in POWER_VALUES]
    pairs += [("power", p) for p in LIFECYCLE]  # power=construction + construction=line
    pairs += [(f"{p}:power", v) for p in LIFECYCLE for v in POWER_VALUES]
    return pairs


def classify(tags: dict) -> tuple[str | None, str | None, str | None]:
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
    refs: np.ndarray | None = None
    members: list[tuple[str, int, str]] | None = None
    relation_type: str = ""

    @property
    def key(self) -> str:
        return f"{self.osm_type}{self.osm_id}"


@dataclass
class Collected:
    """Everything read from the file, before geometries are built."""

    features: list[Feature] = field(default_factory=list)
    #: node refs of power ways and of the member ways of power relations, by way id
    way_refs: dict[int, np.ndarray] = field(default_factory=dict)
    #: sorted node ids with their locations (NaN where the location was invalid)
    node_ids: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    node_lon: np.ndarray = field(default_factory=lambda: np.empty(0))
    node_lat: np.ndarray = field(default_factory=lambda: np.empty(0))


# --- OPL text -------------------------------------------------------------------------------------

_ESCAPE = re.compile(r"%([0-9a-fA-F]+)%")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "%" in text else text


def parse_opl_tags(field_text: str) -> dict[str, str]:
    """``"power=line,name=A%20%B"`` (without the leading ``T``) → dict."""
    tags = {}
    if field_text:
        for kv in field_text.split(","):
            k, _, v = kv.partition("=")
            tags[_unescape(k)] = _unescape(v)
    return tags


def _refs_bulk(texts: list[str]) -> list[np.ndarray]:
    """``["n1,n2", "n3"]`` (OPL node lists) → one int64 array each, parsed in one go."""
    lengths = np.array([t.count(",") + 1 if t else 0 for t in texts], dtype=np.int64)
    joined = ",".join(t for t in texts if t).replace("n", "")
    flat = np.array(joined.split(","), dtype=np.int64) if joined else np.empty(0, np.int64)
    return np.split(flat, np.cumsum(lengths)[:-1]) if len(texts) else []


def _opl_writer(path: Path) -> osmium.SimpleWriter:
    return osmium.SimpleWriter(osmium.io.File(str(path), "opl,add_metadata=false"))


def _kept(tags: dict[str, str], category: str) -> dict[str, str]:
    keys = KEEP_KEYS[category]
    return {k: v for k, v in tags.items() if k in keys or k in COMMON_KEYS or is_language_key(k)}


# --- progress -------------------------------------------------------------------------------------


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

    def tick(self, force: bool = False) -> None:
        self.count += 1
        if not force and self.count & 15:
            return
        now = time.monotonic()
        if force or now - self.last >= 0.1:
            self.last = now
            frac = self.position.fraction()
            if frac is not None:
                self.progress(frac, self.message)


# --- pass 1: power objects ------------------------------------------------------------------------


def read_power_objects(
    path: str, tmpdir: Path, report: OsmImportReport, progress: PassProgress, include_lifecycle: bool = False
) -> list[Feature]:
    """Every power node, way and relation: a C++ tag filter writes them as OPL, parsed here."""
    opl = tmpdir / "power.opl"
    writer = _opl_writer(opl)
    tag_filter = osmium.filter.TagFilter(*filter_pairs())
    try:
        entities = osmium.osm.NODE | osmium.osm.WAY | osmium.osm.RELATION
        with osmium.io.Reader(path, entities, thread_pool=thread_pool()) as reader:
            progress.start()
            for _obj in osmium.OsmFileIterator(reader, tag_filter, writer):
                progress.tick()
    finally:
        writer.close()
    return parse_power_opl(opl, report, include_lifecycle)


def parse_power_opl(opl: Path, report: OsmImportReport, include_lifecycle: bool) -> list[Feature]:
    features: list[Feature] = []
    counts = {"node": 0, "way": 0, "relation": 0}
    way_texts: list[str] = []
    way_features: list[Feature] = []
    last = (0, -(2**63))
    with open(opl, encoding="utf-8") as fh:
        for line in fh:
            fields = line.rstrip("\n").split(" ")
            t, osm_id = fields[0][0], int(fields[0][1:])
            order_key = ("nwr".index(t), osm_id)
            if order_key < last:
                report.sample_unsorted = True
            last = order_key
            rest = {f[0]: f[1:] for f in fields[1:] if f}
            tags = parse_opl_tags(rest.get("T", ""))
            value, status, power_tag = classify(tags)
            if value is None:
                continue
            key = f"{t}{osm_id}"
            counts[{"n": "node", "w": "way", "r": "relation"}[t]] += 1
            if status != OPERATING and not include_lifecycle:
                report.info("lifecycle_skipped", "under construction, proposed or disused; not imported "
                            "(--include-planned imports them with their status)", [key])
                continue
            category = category_of(value)
            feature = Feature(category, value, status, power_tag, t, osm_id, _kept(tags, category))
            if t == "n":
                if category == "line":
                    report.add("line_on_node", f"power={value} on a node (lines are ways); ignored", [key])
                    continue
                x, y = rest.get("x", ""), rest.get("y", "")
                if not x or not y:
                    report.add("invalid_location", "node without a valid location; dropped", [key])
                    continue
                feature.lon, feature.lat = float(x), float(y)
            elif t == "w":
                way_texts.append(rest.get("N", ""))
                way_features.append(feature)
            else:
                if category == "line":
                    report.info("line_relation", "power line tagged on a relation (its member ways carry the "
                                "lines); ignored", [key])
                    continue
                members = []
                for m in rest.get("M", "").split(",") if rest.get("M") else []:
                    ref, _, role = m[1:].partition("@")
                    members.append((m[0], int(ref), _unescape(role)))
                feature.members = members
                feature.relation_type = tags.get("type", "")
            features.append(feature)
    for feature, refs in zip(way_features, _refs_bulk(way_texts), strict=True):
        feature.refs = refs
        if len(refs) < 2:
            report.add("way_too_short", "way with fewer than 2 nodes; dropped", [feature.key])
    report.objects_read = counts
    return [f for f in features if f.refs is None or len(f.refs) >= 2]


# --- passes 2 and 3: objects by id ----------------------------------------------------------------


class IdWindowPass:
    """Write the objects of one type whose ids are in ``ids`` (sorted, unique, >= 0) to OPL files.

    libosmium filters by id (the current windows in ``main``) and writes; Python only sees the
    sentinel objects that say the stream entered a later window. ``passes`` > 1 when windows were
    not reached (all their ids missing) and another pass had to look for the later ones.
    """

    def __init__(self, path: str, entity: str, ids: np.ndarray, progress: PassProgress) -> None:
        self.path, self.entity, self.ids, self.progress = path, entity, ids, progress
        chunk = ids >> CHUNK_SHIFT
        new_chunk = np.r_[True, chunk[1:] != chunk[:-1]]
        window = (np.cumsum(new_chunk) - 1) // CHUNKS_PER_WINDOW
        self.starts = np.flatnonzero(np.r_[True, window[1:] != window[:-1]])
        self.ends = np.r_[self.starts[1:], len(ids)].astype(np.int64)
        self.end_ids = ids[self.ends - 1].tolist()
        self.chunks = np.add.reduceat(new_chunk.astype(np.int64), self.starts).tolist()
        self.passes = 0

    def _ids(self, tracker):
        return tracker.node_ids() if self.entity == "node" else tracker.way_ids()

    def run(self, out_dir: Path) -> list[Path]:
        files = []
        first = 0
        n = len(self.end_ids)
        while first < n:
            self.passes += 1
            out = out_dir / f"{self.entity}s-{self.passes}.opl"
            first = self._one_pass(first, out) + LOOKAHEAD_WINDOWS
            files.append(out)
            if first < n:
                log.info("id windows from %d of %d not reached (their ids are missing); another pass", first, n)
        return files

    def _one_pass(self, first: int, out: Path) -> int:
        main, sentinels = osmium.IdTracker(), osmium.IdTracker()
        main_ids, sentinel_ids = self._ids(main), self._ids(sentinels)
        main_filter, sentinel_filter = main.id_filter(), sentinels.id_filter()  # keep referenced
        state = {"loaded_to": first - 1, "chunks": 0}
        n = len(self.end_ids)

        def load(w: int) -> None:
            last = min(w + LOOKAHEAD_WINDOWS, n) - 1
            new = range(max(state["loaded_to"] + 1, w), last + 1)
            if state["chunks"] + sum(self.chunks[k] for k in new) > MAX_CHUNKS:
                main_ids.clear()
                state["chunks"] = 0
                new = range(w, last + 1)
            for k in new:
                for i in self.ids[self.starts[k] : self.ends[k]].tolist():
                    main_ids.set(i)
                state["chunks"] += self.chunks[k]
            state["loaded_to"] = last
            sentinel_ids.clear()
            for k in range(w + 1, last + 1):
                for i in self.ids[self.starts[k] : min(self.ends[k], self.starts[k] + SENTINELS_PER_WINDOW)].tolist():
                    sentinel_ids.set(i)

        w = first
        load(w)
        entity = osmium.osm.NODE if self.entity == "node" else osmium.osm.WAY
        writer = _opl_writer(out)
        try:
            with osmium.io.Reader(self.path, entity, thread_pool=thread_pool()) as reader:
                self.progress.start()
                for obj in osmium.OsmFileIterator(reader, main_filter, writer, sentinel_filter):
                    w = bisect.bisect_left(self.end_ids, obj.id)
                    load(w)
                    self.progress.tick(force=True)
        finally:
            writer.close()
        del main_filter, sentinel_filter
        return w


def _python_pass(path: str, entity: str, ids: np.ndarray, out: Path, progress: PassProgress) -> Path:
    """Write the objects of ``entity`` with an id in ``ids``, checked in Python (any order or sign)."""
    wanted = set(ids.tolist())
    writer = _opl_writer(out)
    try:
        entity_bits = osmium.osm.NODE if entity == "node" else osmium.osm.WAY
        with osmium.io.Reader(path, entity_bits, thread_pool=thread_pool()) as reader:
            progress.start()
            for obj in osmium.OsmFileIterator(reader):
                progress.tick()
                if obj.id in wanted:
                    writer.add(obj)
    finally:
        writer.close()
    return out


def _declared_sorted(path: str) -> bool:
    try:
        with osmium.io.Reader(path, osmium.osm.NOTHING) as reader:
            return reader.header().get("sorting", "").lower() == "type_then_id"
    except Exception:
        return False


def read_by_id(path: str, entity: str, ids: np.ndarray, tmpdir: Path, progress: PassProgress, report,
               parse: Callable[[list[Path]], tuple]) -> tuple:
    """Read the objects of ``entity`` with ids in ``ids`` (windowed C++ filter, or Python for odd files)."""
    if len(ids) == 0:
        return parse([])
    if ids[0] < 0 or report.sample_unsorted:
        why = "negative ids" if ids[0] < 0 else "objects not in id order"
        report.node_strategy = f"ids checked in Python (the file has {why})"
        return parse([_python_pass(path, entity, ids, tmpdir / f"{entity}s-py.opl", progress)])
    window_pass = IdWindowPass(path, entity, ids, progress)
    files = window_pass.run(tmpdir)
    report.node_strategy = report.node_strategy or f"id windows ({len(window_pass.end_ids)} windows)"
    result = parse(files)
    found = result[0]
    if len(found) < len(ids) and not _declared_sorted(path) and os.path.getsize(path) <= RECHECK_MAX_BYTES:
        missing = np.setdiff1d(ids, found)
        files.append(_python_pass(path, entity, missing, tmpdir / f"{entity}s-recheck.opl", progress))
        result = parse(files)
    return result


def _parse_ways(files: list[Path]) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    ids, texts = [], []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                fields = line.rstrip("\n").split(" ")
                ids.append(int(fields[0][1:]))
                texts.append(next((x[1:] for x in fields[1:] if x.startswith("N")), ""))
    refs = dict(zip(ids, _refs_bulk(texts), strict=True))
    return unique_sorted(np.array(ids, dtype=np.int64)), refs


def _parse_nodes(files: list[Path]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    frames = [
        pd.read_csv(f, sep=" ", header=None, names=["id", "tags", "x", "y"], usecols=["id", "x", "y"],
                    dtype=str, quoting=3, na_filter=False, engine="c")
        for f in files if f.stat().st_size
    ]
    if not frames:
        return np.empty(0, np.int64), np.empty(0), np.empty(0)
    df = pd.concat(frames, ignore_index=True)
    ids = df["id"].str.slice(1).astype("int64").to_numpy()
    lon = pd.to_numeric(df["x"].str.slice(1), errors="coerce").to_numpy(dtype="float64")
    lat = pd.to_numeric(df["y"].str.slice(1), errors="coerce").to_numpy(dtype="float64")
    order = np.argsort(ids, kind="stable")
    ids, lon, lat = ids[order], lon[order], lat[order]
    first = np.r_[True, ids[1:] != ids[:-1]] if len(ids) else np.zeros(0, bool)
    return ids[first], lon[first], lat[first]


def read_member_ways(path: str, way_ids: np.ndarray, tmpdir: Path, progress: PassProgress, report):
    """Pass 2: the node refs of the member ways of power relations (by way id)."""
    return read_by_id(path, "way", way_ids, tmpdir, progress, report, _parse_ways)[1]


def read_node_locations(path: str, node_ids: np.ndarray, tmpdir: Path, progress: PassProgress, report):
    """Pass 3: locations of ``node_ids`` → (sorted ids found, lon, lat); invalid locations are NaN."""
    ids, lon, lat = read_by_id(path, "node", node_ids, tmpdir, progress, report, _parse_nodes)
    invalid = np.isnan(lon) | np.isnan(lat)
    if invalid.any():
        report.add("invalid_location", "node without a valid location; left out of its way",
                   [f"n{i}" for i in ids[invalid][:5]], count=int(invalid.sum()))
    return ids, lon, lat
