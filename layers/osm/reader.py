"""Streaming an OpenStreetMap file with pyosmium, pass 1: the power objects and their tags.

Memory is bounded by the power features, not by the extract, and Python never touches the
millions of background objects:

1. one pass over everything through a C++ ``TagFilter``; the power objects are written by
   libosmium as OPL text to a temporary file, which is parsed in bulk (pyosmium's per-object Python
   wrappers cost ~40 µs per power object, OPL parsing ~3 µs) — this module;
2. (if relations need them) the member ways of power relations, selected by id;
3. the locations of the nodes those ways use, selected by id — both in :mod:`layers.osm_ids`.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import osmium
from gridscout.layers.osm.import_summary import OsmImportSummary
from gridscout.layers.wording import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

#: power=* values that become features; lines are ways, the others nodes, ways or relations
LINE_VALUES = ("line", "minor_line", "cable", "minor_cable")
AREA_VALUES = ("substation", "plant", "generator")
POWER_VALUES = LINE_VALUES + AREA_VALUES
#: OSM lifecycle prefixes and the status they give (named as layers.parse.normalise_status does)
LIFECYCLE = {
    "construction": "construction",
    "proposed": "planned",
    "planned": "planned",
    "disused": "inactive",
    "abandoned": "abandoned",
}
#: ``disused=yes`` / ``abandoned=yes`` on an otherwise ordinary power feature
LIFECYCLE_FLAGS = {"disused": "inactive", "abandoned": "abandoned"}
OPERATING = "operating"

#: tags kept per feature (besides ``name:xx``); they become columns of the output layers
KEEP_KEYS = {
    "line": (
        "voltage",
        "circuits",
        "cables",
        "wires",
        "frequency",
        "location",
        "line",
        "operator",
        "name",
        "ref",
    ),
    "substation": ("voltage", "substation", "location", "operator", "name", "ref"),
    "plant": (
        "plant:output:electricity",
        "plant:source",
        "plant:method",
        "operator",
        "name",
        "ref",
    ),
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
#: way node lists parsed per batch (bounds the text held at once)
REFS_BATCH = 50_000
#: share of pass 1's progress that is reading the file (the rest is parsing the power objects)
PARSE_FROM = 0.85


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
        for flag, status in LIFECYCLE_FLAGS.items():
            if str(tags.get(flag, "")).strip().lower() in ("yes", "true", "1"):
                return power, status, power
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


_LANGUAGE_KEY = re.compile(r"^name:[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def is_language_key(key: str) -> bool:
    """``name:en``, ``name:ja``, ``name:ja_rm``, ``name:zh-Hant`` — not ``name:etymology``."""
    return bool(_LANGUAGE_KEY.match(key))


def category_of(value: str) -> str:
    return "line" if value in LINE_VALUES else value


@dataclass(slots=True)
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
    """``"power=line,name=A%20%B"`` (without the leading ``T``) → dict, still OPL-escaped.

    Unescaping is left to :func:`_kept` (most tags are dropped); the power values classify() looks
    at never need escaping.
    """
    tags = {}
    if field_text:
        for kv in field_text.split(","):
            k, _, v = kv.partition("=")
            tags[k] = v
    return tags


def _refs_bulk(texts: list[str]) -> list[np.ndarray]:
    """``["n1,n2", "n3"]`` (OPL node lists) → one int64 array each, parsed in one go."""
    lengths = np.array([t.count(",") + 1 if t else 0 for t in texts], dtype=np.int64)
    joined = ",".join(t for t in texts if t).replace("n", "")
    flat = np.fromstring(joined, dtype=np.int64, sep=",") if joined else np.empty(0, np.int64)
    if len(flat) != lengths.sum():
        raise ValueError("unexpected node list in the OPL text")
    return np.split(flat, np.cumsum(lengths)[:-1]) if len(texts) else []


def _opl_writer(path: Path) -> osmium.SimpleWriter:
    return osmium.SimpleWriter(osmium.io.File(str(path), "opl,add_metadata=false"))


def _kept(tags: dict[str, str], category: str) -> dict[str, str]:
    """The tags that become columns, unescaped; short values interned (many repeat)."""
    keys = KEEP_KEYS[category]
    out = {}
    for k, v in tags.items():
        if "%" in k:
            k = _unescape(k)
        if k in keys or k in COMMON_KEYS or is_language_key(k):
            if "%" in v:
                v = _unescape(v)
            out[sys.intern(k)] = sys.intern(v) if len(v) < 40 else v
    return out


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

    def __init__(
        self, progress: Callable[[float, str], None], position: ReadPosition, message: str
    ) -> None:
        self.progress = progress
        self.position = position
        self.message = message
        self.last = 0.0
        self.count = 0
        self.read_share = 1.0  # the part of this step that is reading the file

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
                self.progress(frac * self.read_share, self.message)


# --- pass 1: power objects ------------------------------------------------------------------------


def read_power_objects(
    path: str,
    tmpdir: Path,
    report: OsmImportSummary,
    progress: PassProgress,
    include_lifecycle: bool = False,
) -> list[Feature]:
    """Every power node, way and relation: a C++ tag filter writes them as OPL, parsed here."""
    opl = tmpdir / "power.opl"
    progress.read_share = PARSE_FROM
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
    return parse_power_opl(opl, report, include_lifecycle, progress)


def _set_refs(features: list[Feature], texts: list[str], report: OsmImportSummary) -> None:
    """Parse a batch of way node lists into their features; empties both lists."""
    for feature, refs in zip(features, _refs_bulk(texts), strict=True):
        feature.refs = refs
        if len(refs) < 2:
            report.add("way_too_short", QT_TRANSLATE_NOOP("Wording", "way with fewer than 2 nodes; dropped"), [feature.key])
    features.clear()
    texts.clear()


def parse_power_opl(
    opl: Path,
    report: OsmImportSummary,
    include_lifecycle: bool,
    progress: PassProgress | None = None,
) -> list[Feature]:
    """The power features of an OPL file written by :func:`read_power_objects`."""
    size = max(opl.stat().st_size, 1)
    done = 0
    features: list[Feature] = []
    counts = {"node": 0, "way": 0, "relation": 0}
    way_texts: list[str] = []
    way_features: list[Feature] = []
    last = (0, -(2**63))
    with open(opl, encoding="utf-8") as fh:
        for n_lines, line in enumerate(fh):
            done += len(line)
            if progress is not None and n_lines % 4096 == 0:
                progress.progress(
                    PARSE_FROM + (1 - PARSE_FROM) * min(done / size, 1.0), "parsing power features"
                )
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
                report.info(
                    "lifecycle_skipped",
                    QT_TRANSLATE_NOOP("Wording", "under construction, proposed, disused or abandoned; not imported "
                    "(--include-planned imports them with their status; scoring leaves them out)"),
                    [key],
                )
                continue
            category = category_of(value)
            feature = Feature(category, value, status, power_tag, t, osm_id, _kept(tags, category))
            if t == "n":
                if category == "line":
                    report.add(
                        "line_on_node", QT_TRANSLATE_NOOP("Wording", "power={value} on a node (lines are ways); ignored").format(value=value), [key]
                    )
                    continue
                x, y = rest.get("x", ""), rest.get("y", "")
                if not x or not y:
                    report.add("invalid_location", QT_TRANSLATE_NOOP("Wording", "node without a valid location; dropped"), [key])
                    continue
                feature.lon, feature.lat = float(x), float(y)
            elif t == "w":
                way_texts.append(rest.get("N", ""))
                way_features.append(feature)
                if len(way_texts) >= REFS_BATCH:
                    _set_refs(way_features, way_texts, report)
            else:
                if category == "line":
                    report.info(
                        "line_relation",
                        QT_TRANSLATE_NOOP("Wording", "power line tagged on a relation (its member ways carry the "
                        "lines); ignored"),
                        [key],
                    )
                    continue
                members = []
                for m in rest.get("M", "").split(",") if rest.get("M") else []:
                    ref, _, role = m[1:].partition("@")
                    members.append((m[0], int(ref), _unescape(role)))
                feature.members = members
                feature.relation_type = _unescape(tags.get("type", ""))
            features.append(feature)
    _set_refs(way_features, way_texts, report)
    report.objects_read = counts
    return [f for f in features if f.refs is None or len(f.refs) >= 2]
