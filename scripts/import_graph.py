"""Draw GridScout's import graph between its parts, from the code.

    python scripts/import_graph.py            # the arrows as text (what docs/ARCHITECTURE.md shows)
    python scripts/import_graph.py --svg docs/import-graph.svg
    python scripts/import_graph.py --modules  # every module-to-module arrow between parts

The graph is read by tests/test_architecture.py (``ast``, function-level imports included), the
same reader that checks the directions; tests/test_architecture.py also checks that the block
between the ``import-graph`` markers in docs/ARCHITECTURE.md equals :func:`arrows_text`.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_architecture import _internal, import_graph, part_of  # noqa: E402

#: the parts, highest first, and where they are drawn (column, row) in the SVG
LAYOUT = {"cli": (0, 0), "gui": (2, 0), "operations": (1, 1), "scoring": (1, 2), "layers": (1, 3),
          "resources": (2, 3)}


def part_edges() -> Counter:
    """(from part, to part) → how many module imports go that way (root package left out)."""
    graph = import_graph()
    known = {imp.source for imp in graph}
    edges: Counter = Counter()
    for imp in graph:
        target = _internal(imp.target, known)
        src, dst = part_of(imp.source), part_of(target) if target else None
        if dst and src != dst and "root" not in (src, dst):
            edges[src, dst] += 1
    return edges


def arrows_text(edges: Counter | None = None) -> str:
    """One line per arrow between parts, highest part first: ``cli -> operations``."""
    edges = part_edges() if edges is None else edges
    order = list(LAYOUT)
    pairs = sorted(edges, key=lambda e: (order.index(e[0]), order.index(e[1])))
    return "\n".join(f"{a} -> {b}" for a, b in pairs)


def module_arrows() -> list[str]:
    graph = import_graph()
    known = {imp.source for imp in graph}
    out = set()
    for imp in graph:
        target = _internal(imp.target, known)
        if target and part_of(imp.source) != part_of(target) and "root" not in (part_of(imp.source), part_of(target)):
            out.add(f"{imp.source} -> {target}")
    return sorted(out)


def svg(edges: Counter) -> str:
    """A small SVG: one box per part, one arrow per part-to-part import, labelled with its count."""
    w, h, gx, gy = 150, 44, 220, 110

    def centre(part):
        col, row = LAYOUT[part]
        return 30 + col * gx + w / 2, 30 + row * gy + h / 2

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{60 + 2 * gx + w}" height="{60 + 3 * gy + h}" '
           'font-family="sans-serif" font-size="14">',
           '<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
           'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>']
    def on_edge(x, y, dx, dy):
        """Where the ray from a box centre (x, y) in direction (dx, dy) leaves the box."""
        t = min(abs((w / 2) / dx) if dx else 1e9, abs((h / 2) / dy) if dy else 1e9)
        return x + dx * t, y + dy * t

    for (a, b), n in sorted(edges.items()):
        (x0, y0), (x1, y1) = centre(a), centre(b)
        if abs(LAYOUT[a][1] - LAYOUT[b][1]) >= 3:  # would cross the boxes between: bow outwards
            cx, cy = x0, y1 - gy
        else:
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        sx, sy = on_edge(x0, y0, cx - x0, cy - y0)
        ex, ey = on_edge(x1, y1, cx - x1, cy - y1)
        out.append(f'<path d="M{sx:.0f},{sy:.0f} Q{cx:.0f},{cy:.0f} {ex:.0f},{ey:.0f}" fill="none" '
                   'stroke="#555" stroke-width="1.5" marker-end="url(#a)"/>')
        lx, ly = 0.25 * sx + 0.5 * cx + 0.25 * ex, 0.25 * sy + 0.5 * cy + 0.25 * ey
        out.append(f'<text x="{lx + 5:.0f}" y="{ly - 4:.0f}" fill="#555" font-size="11">{n}</text>')
    for part, (col, row) in LAYOUT.items():
        x, y = 30 + col * gx, 30 + row * gy
        out.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="#EEF3F8" stroke="#335"/>')
        out.append(f'<text x="{x + w / 2}" y="{y + h / 2 + 5}" text-anchor="middle">{part}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--svg", type=Path, help="write the part graph as SVG to this file")
    ap.add_argument("--modules", action="store_true", help="list every module arrow between parts")
    args = ap.parse_args(argv)
    edges = part_edges()
    if args.svg:
        args.svg.write_text(svg(edges), encoding="utf-8")
        print(f"wrote {args.svg}")
    print("\n".join(module_arrows()) if args.modules else arrows_text(edges))
    return 0


if __name__ == "__main__":
    sys.exit(main())
