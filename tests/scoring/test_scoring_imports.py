"""The scoring part's imports: no circles between its modules, nothing from a higher part (the GUI,
the CLI package, Qt), and the distance kernels' modules share only public names.

Imports are read from the source (every ``import`` statement, also those inside functions);
``if TYPE_CHECKING:`` blocks are left out, as they never run."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import gridscout.scoring

FORBIDDEN = ("gridscout.gui", "gridscout.commands", "gridscout.cli", "PySide6", "pyqtgraph")


def scoring_modules() -> dict[str, Path]:
    out = {"gridscout.scoring": Path(gridscout.scoring.__file__)}
    for info in pkgutil.walk_packages(gridscout.scoring.__path__, "gridscout.scoring."):
        spec = importlib.util.find_spec(info.name)
        out[info.name] = Path(spec.origin)
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return getattr(test, "id", None) == "TYPE_CHECKING" or getattr(test, "attr", None) == "TYPE_CHECKING"


def imported(path: Path, module: str) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every import that runs."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.extend((a.name, [], child.lineno) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - child.level + 1]
                    base = ".".join(parts + ([child.module] if child.module else []))
                found.append((base, [a.name for a in child.names], child.lineno))
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def graph() -> dict[str, set[str]]:
    modules = scoring_modules()
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for base, names, _ in imported(path, name):
            for candidate in [f"{base}.{n}" for n in names] + [base]:
                if candidate in modules and candidate != name:
                    targets.add(candidate)
                    break
        edges[name] = targets
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            connect(v)
    return out


def test_the_cycle_finder_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_scoring_modules_import_no_circle():
    edges = graph()
    assert "gridscout.scoring.criteria.registry" in edges and len(edges) > 30
    assert cycles(edges) == []


def test_scoring_imports_nothing_from_a_higher_part():
    bad = []
    for name, path in scoring_modules().items():
        for base, _, line in imported(path, name):
            if base == "gridscout" or base.startswith(FORBIDDEN):
                bad.append(f"{name} line {line}: {base}")
    assert bad == []


def test_distance_modules_share_only_public_names():
    """A module of ``scoring/distance/`` takes no ``_private`` name from another module."""
    bad = []
    for name, path in scoring_modules().items():
        if not name.startswith("gridscout.scoring.distance"):
            continue
        for base, names, line in imported(path, name):
            if base.startswith("gridscout."):
                bad += [f"{name} line {line}: {base}.{n}" for n in names if n.startswith("_")]
    assert bad == []


def test_distance_face():
    from gridscout.scoring import distance

    assert sorted(distance.__all__) == ["NearestResult", "count_within", "forget_prepared", "nearest",
                                        "prepare", "reuse_frames", "sum_within"]
    assert all(callable(getattr(distance, n)) for n in distance.__all__)
