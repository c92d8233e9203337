"""Passes 2 and 3 of the OSM import: the objects power features reference, selected by id.

pyosmium's ``IdTracker`` selects by id in C++, but its id set is dense — one 4 MB chunk for every
2**25 ids that holds any id — so the node ids of a regional extract, spread over the planet's whole
id range, would cost ~1.5 GB. The ids are therefore loaded a *window* at a time (a few chunks, with
look-ahead; the set is cleared when more than :data:`MAX_CHUNKS` are loaded), and a second tracker
holding a few *sentinel* ids of the next windows hands Python one object per window, so it can move
the window on as the sorted file passes it. libosmium writes the selected objects as OPL text, which
is parsed in bulk. Files with negative ids (JOSM) are read with a Python-side id set instead, as are
the ids a window pass missed in a small file not declared sorted.
"""

from __future__ import annotations

import bisect
import io
import logging
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import osmium
import pandas as pd
from gridscout.layers.osm.reader import (
    PassProgress,
    _opl_writer,
    _refs_bulk,
    thread_pool,
    unique_sorted,
)
from gridscout.layers.wording import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

#: libosmium's IdSetDense allocates 2**22 bytes per 2**25 ids
CHUNK_SHIFT = 25
CHUNKS_PER_WINDOW = 2
LOOKAHEAD_WINDOWS = 3
MAX_CHUNKS = 16  # 64 MB of id set at most (plus <= 24 MB of sentinels)
SENTINELS_PER_WINDOW = 16
#: files not declared sorted and smaller than this are re-checked for ids a window pass missed
RECHECK_MAX_BYTES = 16 * 2**20


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
                log.info(
                    "id windows from %d of %d not reached (their ids are missing); another pass",
                    first,
                    n,
                )
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
                for i in self.ids[
                    self.starts[k] : min(self.ends[k], self.starts[k] + SENTINELS_PER_WINDOW)
                ].tolist():
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


def _python_pass(
    path: str, entity: str, ids: np.ndarray, out: Path, progress: PassProgress
) -> Path:
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


def read_by_id(
    path: str,
    entity: str,
    ids: np.ndarray,
    tmpdir: Path,
    progress: PassProgress,
    report,
    parse: Callable[[list[Path]], tuple],
) -> tuple:
    """Read the objects of ``entity`` with ids in ``ids`` (windowed C++ filter, or Python for odd files)."""
    if len(ids) == 0:
        return parse([])
    if ids[0] < 0 or report.sample_unsorted:
        why = "negative ids" if ids[0] < 0 else "objects not in id order"
        if entity == "node":
            report.node_strategy = f"ids checked in Python (the file has {why})"
        return parse([_python_pass(path, entity, ids, tmpdir / f"{entity}s-py.opl", progress)])
    window_pass = IdWindowPass(path, entity, ids, progress)
    files = window_pass.run(tmpdir)
    if entity == "node":
        report.node_strategy = (
            f"id windows ({len(window_pass.end_ids)} windows, {window_pass.passes} pass"
            f"{'es' if window_pass.passes > 1 else ''})"
        )
    result = parse(files)
    found = result[0]
    if (
        len(found) < len(ids)
        and not _declared_sorted(path)
        and os.path.getsize(path) <= RECHECK_MAX_BYTES
    ):
        missing = np.setdiff1d(ids, found)
        files.append(
            _python_pass(path, entity, missing, tmpdir / f"{entity}s-recheck.opl", progress)
        )
        result = parse(files)
        recovered = len(result[0]) - len(found)
        if recovered:
            report.info(
                "file_not_sorted",
                QT_TRANSLATE_NOOP("Wording", "the file is not sorted by id; {entity}s found by a second, slower "
                                  "pass").format(entity=entity),
                count=recovered,
            )
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


#: bytes of OPL node text parsed at a time
NODE_CHUNK_BYTES = 64 * 2**20


def _node_chunks(path: Path):
    """The file in blocks of whole lines."""
    with open(path, "rb") as fh:
        rest = b""
        while block := fh.read(NODE_CHUNK_BYTES):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            rest = block[cut:]
            if cut:
                yield block[:cut]
        if rest:
            yield rest


def _parse_nodes(files: list[Path]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """OPL node lines ``n12 Tpower=tower x-77.1 y38.9`` → (sorted unique ids, lon, lat).

    The ``n``/``x``/``y`` prefixes are stripped from the bytes (OPL escapes spaces inside tags, so
    the tag field stays one field, and it is skipped) and pandas' C parser reads typed columns;
    a node without a valid location (``x y``) gets NaN.
    """
    id_parts, lon_parts, lat_parts = [np.empty(0, np.int64)], [np.empty(0)], [np.empty(0)]
    for f in files:
        for block in _node_chunks(f):
            clean = block.replace(b"n", b"").replace(b" x", b" ").replace(b" y", b" ")
            df = pd.read_csv(
                io.BytesIO(clean),
                sep=" ",
                header=None,
                names=["id", "tags", "x", "y"],
                usecols=["id", "x", "y"],
                dtype={"id": "int64", "x": "float64", "y": "float64"},
                quoting=3,
                engine="c",
            )
            id_parts.append(df["id"].to_numpy())
            lon_parts.append(df["x"].to_numpy(dtype="float64"))
            lat_parts.append(df["y"].to_numpy(dtype="float64"))
    ids, lon, lat = np.concatenate(id_parts), np.concatenate(lon_parts), np.concatenate(lat_parts)
    order = np.argsort(ids, kind="stable")
    ids, lon, lat = ids[order], lon[order], lat[order]
    first = np.r_[True, ids[1:] != ids[:-1]] if len(ids) else np.zeros(0, bool)
    return ids[first], lon[first], lat[first]


def read_member_ways(path: str, way_ids: np.ndarray, tmpdir: Path, progress: PassProgress, report):
    """Pass 2: the node refs of the member ways of power relations (by way id)."""
    return read_by_id(path, "way", way_ids, tmpdir, progress, report, _parse_ways)[1]


def read_node_locations(
    path: str, node_ids: np.ndarray, tmpdir: Path, progress: PassProgress, report
):
    """Pass 3: locations of ``node_ids`` → (sorted ids found, lon, lat); invalid locations are NaN."""
    ids, lon, lat = read_by_id(path, "node", node_ids, tmpdir, progress, report, _parse_nodes)
    invalid = np.isnan(lon) | np.isnan(lat)
    if invalid.any():
        report.add(
            "invalid_location",
            QT_TRANSLATE_NOOP("Wording", "node without a valid location; left out of its way"),
            [f"n{i}" for i in ids[invalid][:5]],
            count=int(invalid.sum()),
        )
    return ids, lon, lat
