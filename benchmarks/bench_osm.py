"""Benchmark: import the power infrastructure of a synthetic ~10M-node OSM extract.

    .venv/bin/python benchmarks/bench_osm.py [--nodes 10000000] [--cache DIR] [--keep-opl]

Generates once (cached under ~/.cache/gridscout-bench) an ``.osm.pbf`` shaped like a regional
extract: ~10M nodes, most of them untagged nodes of ~1.2M background ways (roads, buildings) and
route relations; ids spread over the planet's id range (node ids up to ~1.2e10) as in a real
extract; ~100k power features: lines with tower nodes (multi-voltage, DC, cables), substations as
nodes, closed ways and multipolygon relations, plants with generators, stand-alone generators, and
broken data (missing nodes, open outlines, missing relation members). It is written as OPL text by
numpy and converted to PBF by libosmium (a Python writer would take minutes).

The import runs in a fresh subprocess; the benchmark reports seconds, features per second and peak
resident memory (``ru_maxrss`` of that subprocess, and ``VmHWM`` from /proc, which unlike ru_maxrss
does not inherit the parent's peak across fork + exec; the extract is generated in a subprocess of
its own for the same reason). The floor measured in the same run: one libosmium pass over the file with node
locations and a ``power`` key filter (what any importer must at least do), and the import/floor ratio. Target on the 2-core machine: <= 60 s, <= 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = Path(
    os.environ.get("GRIDSCOUT_BENCH_CACHE", Path.home() / ".cache" / "gridscout-bench")
)
FORMAT_VERSION = 1

# northern Virginia / Maryland, degrees
LON0, LON1, LAT0, LAT1 = -80.0, -75.5, 36.6, 39.7
_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:;_-/+")


def _esc(text: str) -> str:
    """OPL escaping: anything but plain characters as %hex%."""
    return "".join(c if c in _SAFE else f"%{ord(c):x}%" for c in text)


def _tags(d: dict) -> str:
    return ",".join(f"{_esc(k)}={_esc(v)}" for k, v in d.items())


VOLTAGES = [
    "11000",
    "20000",
    "33000",
    "69000",
    "115000",
    "138000",
    "230000",
    "345000",
    "500000",
    "765000",
    "380000;220000",
    "220000;110000;20000",
    "110000",
    "66000;22000",
    "medium",
]
OUTPUTS = ["2360 MW", "2.36 GW", "900 kW", "yes", "50 MW", "1,200 MW", "12 MWp", "100", None]
SOURCES = ["nuclear", "coal", "gas", "solar", "wind", "hydro", "biomass", None]


def generate(
    path: Path, n_nodes: int, seed: int = 7, keep_opl: bool = False, power_scale: int = 1
) -> dict:
    """Write the synthetic extract to ``path`` (PBF); return what it holds."""
    import numpy as np
    import osmium

    rng = np.random.default_rng(seed)
    # block kinds: (code, nodes per block, count)
    k = power_scale
    n_lines, n_sub_w, n_sub_n, n_plant_w, n_plant_n = (
        40_000 * k,
        12_000 * k,
        8_000 * k,
        3_000 * k,
        1_000 * k,
    )
    n_gen_in, n_gen_out, n_mp = 10_000 * k, 20_000 * k, 1_000 * k
    line_nodes = rng.integers(4, 31, n_lines)
    n_power_nodes = (
        int(line_nodes.sum())
        + 4 * (n_sub_w + n_plant_w)
        + n_sub_n
        + n_plant_n
        + n_gen_in
        + n_gen_out
    )
    n_power_nodes += n_mp * 8
    n_bg_poi = 300_000
    bg_budget = n_nodes - n_power_nodes - n_bg_poi
    n_bg_ways = bg_budget // 7
    bg_nodes = rng.integers(2, 13, n_bg_ways)  # mean 7
    # kinds: 0 line, 1 sub way, 2 sub node, 3 plant way, 4 plant node, 5 gen in plant, 6 gen alone,
    #        7 mp outer way, 8 mp inner way, 9 background way, 10 background poi
    kinds = np.concatenate(
        [
            np.zeros(n_lines, np.int8),
            np.full(n_sub_w, 1, np.int8),
            np.full(n_sub_n, 2, np.int8),
            np.full(n_plant_w, 3, np.int8),
            np.full(n_plant_n, 4, np.int8),
            np.full(n_gen_in, 5, np.int8),
            np.full(n_gen_out, 6, np.int8),
            np.full(n_mp, 7, np.int8),
            np.full(n_mp, 8, np.int8),
            np.full(n_bg_ways, 9, np.int8),
            np.full(n_bg_poi, 10, np.int8),
        ]
    )
    sizes = np.concatenate(
        [
            line_nodes,
            np.full(n_sub_w, 4),
            np.ones(n_sub_n, np.int64),
            np.full(n_plant_w, 4),
            np.ones(n_plant_n, np.int64),
            np.ones(n_gen_in + n_gen_out, np.int64),
            np.full(2 * n_mp, 4),
            bg_nodes,
            np.ones(n_bg_poi, np.int64),
        ]
    ).astype(np.int64)
    ordinal = np.concatenate(
        [np.arange((kinds == k).sum()) for k in range(11)]
    )  # index within kind
    order = rng.permutation(len(kinds))
    kinds, sizes, ordinal = kinds[order], sizes[order], ordinal[order]
    total = int(sizes.sum())
    node_id = np.cumsum(rng.integers(2, 2400, total)).astype(
        np.int64
    )  # gaps >= 2: id+1 never exists
    block = np.repeat(np.arange(len(kinds)), sizes)
    first = np.cumsum(sizes) - sizes
    k_in = np.arange(total) - first[block]

    cx = rng.uniform(LON0, LON1, len(kinds))
    cy = rng.uniform(LAT0, LAT1, len(kinds))
    plant_cx, plant_cy = {}, {}
    pw = np.flatnonzero(kinds == 3)  # generators inside plant ways: centre on a plant
    gin = np.flatnonzero(kinds == 5)
    host = pw[rng.integers(0, len(pw), len(gin))]
    cx[gin] = cx[host] + rng.uniform(-0.002, 0.002, len(gin))
    cy[gin] = cy[host] + rng.uniform(-0.002, 0.002, len(gin))
    mp_out, mp_in = np.flatnonzero(kinds == 7), np.flatnonzero(kinds == 8)
    mp_out = mp_out[np.argsort(ordinal[mp_out])]
    mp_in = mp_in[np.argsort(ordinal[mp_in])]
    cx[mp_in], cy[mp_in] = cx[mp_out], cy[mp_out]
    del plant_cx, plant_cy

    kb = kinds[block]
    step = rng.normal(0, 0.004, (total, 2))
    walk = np.cumsum(step, axis=0)
    walk -= walk[first[block]]  # each line starts at its centre
    corner = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], dtype=float)
    half = np.select([kinds == 3, kinds == 7, kinds == 8], [0.004, 0.003, 0.001], 0.0008)
    ring_kind = np.isin(kb, (1, 3, 7, 8)) | ((kb == 9) & (sizes[block] == 4))
    lon = cx[block].copy()
    lat = cy[block].copy()
    is_walk = np.isin(kb, (0, 9)) & ~ring_kind
    lon[is_walk] += walk[is_walk, 0]
    lat[is_walk] += walk[is_walk, 1]
    rk = ring_kind & (k_in < 4)
    half_b = np.where(kb == 9, 0.0003, half[block])
    lon[rk] += corner[k_in[rk] % 4, 0] * half_b[rk]
    lat[rk] += corner[k_in[rk] % 4, 1] * half_b[rk]

    # node tags
    node_tag = np.full(total, "", dtype=object)
    line_kind = np.zeros(len(kinds), np.int8)  # 0 line, 1 minor_line, 2 cable
    lines_b = np.flatnonzero(kinds == 0)
    line_kind[lines_b] = rng.choice([0, 1, 2], len(lines_b), p=[0.65, 0.25, 0.10])
    node_tag[(kb == 0) & (line_kind[block] == 0)] = "power=tower"
    node_tag[(kb == 0) & (line_kind[block] == 1)] = "power=pole"
    pois = np.flatnonzero(kb == 10)
    node_tag[pois] = rng.choice(
        ["amenity=bench", "highway=crossing", "natural=tree", "", ""], len(pois)
    )
    for b in np.flatnonzero(np.isin(kinds, (2, 4, 5, 6))):
        k, i = int(kinds[b]), int(first[b])
        if k == 2:
            t = {
                "power": "substation",
                "voltage": VOLTAGES[b % len(VOLTAGES)],
                "substation": "transmission",
                "name": f"Substation {b}",
            }
        elif k == 4:
            t = {"power": "plant", "name": f"Plant {b}", "plant:source": SOURCES[b % 7] or "gas"}
            if OUTPUTS[b % len(OUTPUTS)]:
                t["plant:output:electricity"] = OUTPUTS[b % len(OUTPUTS)]
        elif k == 5:
            t = {
                "power": "generator",
                "generator:source": "solar",
                "generator:output:electricity": "500 kW",
            }
        else:
            big = b % 4 == 0
            t = {
                "power": "generator",
                "generator:source": "wind" if big else "solar",
                "generator:output:electricity": "2.5 MW" if big else "5 kW",
            }
        node_tag[i] = _tags(t)

    nodes_file = path.with_name(path.name + ".tmp.opl")
    with open(nodes_file, "w", encoding="utf-8") as fh:
        chunk = 1_000_000
        for s in range(0, total, chunk):
            ids = node_id[s : s + chunk].tolist()
            xs = lon[s : s + chunk].tolist()
            ys = lat[s : s + chunk].tolist()
            tg = node_tag[s : s + chunk].tolist()
            fh.writelines(
                f"n{i} v1 x{x:.7f} y{y:.7f} T{t}\n"
                for i, x, y, t in zip(ids, xs, ys, tg, strict=True)
            )

        # ways, in the same (shuffled) block order: ids increase with node ids
        way_blocks = np.flatnonzero(np.isin(kinds, (0, 1, 3, 7, 8, 9)))
        way_id = np.cumsum(rng.integers(2, 2000, len(way_blocks))).astype(np.int64)
        way_of_block = dict(zip(way_blocks.tolist(), way_id.tolist(), strict=True))
        bg_tags = [
            "highway=residential",
            "building=yes",
            "highway=service",
            "landuse=grass",
            "waterway=stream",
        ]
        missing_ref_lines = set(lines_b[:200].tolist())
        open_subs = set(np.flatnonzero(kinds == 1)[:100].tolist())
        lines_out = []
        for b, wid in zip(way_blocks.tolist(), way_id.tolist(), strict=True):
            k, s, n = int(kinds[b]), int(first[b]), int(sizes[b])
            refs = node_id[s : s + n].tolist()
            if k == 0:
                if b in missing_ref_lines:
                    refs[len(refs) // 2] += 1  # a node that is not in the file
                lk = int(line_kind[b])
                t = {
                    "power": ("line", "minor_line", "cable")[lk],
                    "voltage": VOLTAGES[b % len(VOLTAGES)],
                    "circuits": str(1 + b % 3),
                    "operator": "Dominion Energy",
                    "name": f"Line {b}",
                }
                if b % 50 == 0:
                    t["frequency"] = "0"
                if lk == 2:
                    t["location"] = "underground"
                if b % 20 == 0:
                    t["name:ja"] = f"送電線 {b}"
                    t["name:en"] = f"Line {b}"
            elif k in (1, 3, 7, 8):
                if b not in open_subs:
                    refs = refs + refs[:1]
                if k == 1:
                    t = {
                        "power": "substation",
                        "voltage": VOLTAGES[b % len(VOLTAGES)],
                        "operator": "PJM",
                        "substation": "transmission",
                        "name": f"Substation {b}",
                    }
                elif k == 3:
                    t = {
                        "power": "plant",
                        "name": f"Plant {b}",
                        "plant:source": SOURCES[b % 7] or "gas",
                    }
                    if b % 3:
                        t["plant:output:electricity"] = OUTPUTS[b % len(OUTPUTS)] or "10 MW"
                else:
                    t = {}
            else:
                if n == 4:
                    refs = refs + refs[:1]
                t = {} if b % 3 == 0 else dict([bg_tags[b % 5].split("=")])
            lines_out.append(f"w{wid} v1 N{','.join(f'n{r}' for r in refs)} T{_tags(t)}\n")
            if len(lines_out) >= 200_000:
                fh.writelines(lines_out)
                lines_out.clear()
        fh.writelines(lines_out)

        # relations: multipolygon substations/plants (some with a missing member), background routes
        rel_id = 1000
        rels = []
        for j, (bo, bi) in enumerate(zip(mp_out.tolist(), mp_in.tolist(), strict=True)):
            outer, inner = way_of_block[bo], way_of_block[bi]
            members = [f"w{outer}@outer", f"w{inner}@inner"]
            if j < 50:
                members.append(f"w{int(way_id[-1]) + 10 + j}@outer")  # not in the file
            power = "substation" if j % 2 else "plant"
            t = {"type": "multipolygon", "power": power, "name": f"Site {j}"}
            t.update(
                {"voltage": "500000;230000"}
                if power == "substation"
                else {"plant:output:electricity": "800 MW", "plant:source": "gas"}
            )
            rels.append((rel_id, members, t))
            rel_id += int(rng.integers(2, 1500))
        bg_way_ids = np.array(
            [way_of_block[b] for b in np.flatnonzero(kinds == 9)[:100_000].tolist()]
        )
        for _ in range(20_000):
            pick = np.sort(rng.choice(bg_way_ids, 5, replace=False))
            rels.append(
                (rel_id, [f"w{w}@" for w in pick.tolist()], {"type": "route", "route": "bus"})
            )
            rel_id += int(rng.integers(2, 1500))
        rels.sort()
        fh.writelines(f"r{rid} v1 M{','.join(m)} T{_tags(t)}\n" for rid, m, t in rels)

    tmp_pbf = path.with_name(path.name + ".tmp.osm.pbf")
    if tmp_pbf.exists():
        tmp_pbf.unlink()
    header = osmium.io.Header()
    header.set("sorting", "Type_then_ID")  # as Geofabrik extracts declare
    writer = osmium.SimpleWriter(str(tmp_pbf), header=header)
    try:
        osmium.apply(osmium.io.Reader(str(nodes_file), osmium.osm.ALL), writer)
    finally:
        writer.close()
    os.replace(tmp_pbf, path)
    if not keep_opl:
        nodes_file.unlink()
    return {"nodes": total, "ways": len(way_blocks), "relations": len(rels)}


CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from gridscout.layers.osm import import_osm
t = time.perf_counter()
result = import_osm(sys.argv[1], out=sys.argv[2])
seconds = time.perf_counter() - t
hwm = None
try:
    with open("/proc/self/status") as fh:
        hwm = next(int(l.split()[1]) / 1024 for l in fh if l.startswith("VmHWM"))
except (OSError, StopIteration):
    pass
print(json.dumps({{"seconds": seconds, "features": result.summary.features, "vmhwm_mb": hwm,
                   "objects": result.summary.objects_read,
                   "rules": {{i.rule: result.summary.count(i.rule) for i in result.summary.items.values()}},
                   "strategy": result.summary.node_strategy,
                   "cpu_seconds": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
                   "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


# The floor: one pass of libosmium over the same file, node locations kept for the ways (as any
# importer that builds line geometries needs), only power-tagged objects handed to Python, each
# way's coordinates read. No grouping, validation, geometry building or writing.
FLOOR = """
import json, resource, sys, time
import osmium
t = time.perf_counter()
n = coords = 0
fp = osmium.FileProcessor(sys.argv[1]).with_locations().with_filter(osmium.filter.KeyFilter("power"))
for obj in fp:
    n += 1
    if obj.is_way():
        coords += sum(1 for nd in obj.nodes if nd.location.valid())
print(json.dumps({"seconds": time.perf_counter() - t, "objects": n, "coords": coords,
                  "cpu_seconds": sum(resource.getrusage(resource.RUSAGE_SELF)[:2])}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--nodes", type=int, default=10_000_000, help="nodes in the synthetic extract")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the extract is kept")
    ap.add_argument(
        "--keep-opl", action="store_true", help="keep the OPL text the PBF is made from"
    )
    ap.add_argument(
        "--power-scale",
        type=int,
        default=1,
        help="multiply the ~95k power objects (to see memory grow with power content, not file size)",
    )
    ap.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    scale = f"-x{args.power_scale}" if args.power_scale != 1 else ""
    pbf = args.cache / f"synthetic-power-{args.nodes}{scale}-v{FORMAT_VERSION}.osm.pbf"
    if args.generate_only:
        t = time.perf_counter()
        info = generate(pbf, args.nodes, keep_opl=args.keep_opl, power_scale=args.power_scale)
        print(
            f"  {info['nodes']:,} nodes, {info['ways']:,} ways, {info['relations']:,} relations "
            f"in {time.perf_counter() - t:.1f} s",
            flush=True,
        )
        return 0
    if not pbf.exists():
        # in a subprocess: on Linux a child's ru_maxrss starts at its parent's peak (fork + exec),
        # so a parent that generated the file would inflate the measurement
        print(f"generating {pbf} ...", flush=True)
        cmd = [
            sys.executable,
            __file__,
            "--generate-only",
            "--nodes",
            str(args.nodes),
            "--cache",
            str(args.cache),
            "--power-scale",
            str(args.power_scale),
        ]
        subprocess.run(cmd + (["--keep-opl"] if args.keep_opl else []), check=True)
    size_mb = pbf.stat().st_size / 1e6
    out = args.cache / "bench-osm-out.gpkg"
    proc = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT)), str(pbf), str(out)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 1
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    features = sum(r["features"].values())
    objects = sum(r["objects"].values())
    print(f"file            {pbf.name} ({size_mb:.0f} MB)")
    print(
        f"power objects   {objects:,} read ({', '.join(f'{v:,} {k}s' for k, v in r['objects'].items())})"
    )
    print(
        f"features        {features:,} ({', '.join(f'{v:,} {k}' for k, v in r['features'].items())})"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"time            {r['seconds']:.1f} s wall, {r['cpu_seconds']:.1f} s CPU, load average {load:.1f} "
        f"on {os.cpu_count()} cores  (target <= 60 s)"
    )
    print(
        f"throughput      {features / r['seconds']:,.0f} features/s, {size_mb / r['seconds']:.1f} MB/s of PBF"
    )
    peak = r["vmhwm_mb"] or r["maxrss_mb"]
    print(
        f"peak memory     {peak:.0f} MB VmHWM, {r['maxrss_mb']:.0f} MB ru_maxrss  (target <= 2048 MB)"
    )
    print(f"node strategy   {r['strategy']}")
    print("report rules    " + ", ".join(f"{k}={v}" for k, v in sorted(r["rules"].items())))
    floor = subprocess.run([sys.executable, "-c", FLOOR, str(pbf)], capture_output=True, text=True)
    if floor.returncode == 0:
        f = json.loads(floor.stdout.strip().splitlines()[-1])
        print(
            f"floor (peer)    libosmium pass with locations, {f['objects']:,} power objects: "
            f"{f['seconds']:.1f} s wall, {f['cpu_seconds']:.1f} s CPU; import/floor "
            f"{r['seconds'] / f['seconds']:.2f}x wall, {r['cpu_seconds'] / f['cpu_seconds']:.2f}x CPU"
        )
    else:
        print(f"floor (peer)    failed: {floor.stderr.strip().splitlines()[-1:]}")
    ok = r["seconds"] <= 60 and max(peak, r["maxrss_mb"]) <= 2048
    if args.power_scale == 1:
        print("PASS" if ok else "OVER TARGET")
    else:
        print(
            "stress run (the 60 s target is for the default extract); memory target "
            + ("met" if max(peak, r["maxrss_mb"]) <= 2048 else "NOT met")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
