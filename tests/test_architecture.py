"""The import graph of every module under ``gridscout`` (read with ``ast``, function-level imports
included): no circles between modules, no arrow from a lower part to a higher one, no Qt below the GUI.

The parts, highest first (an arrow may only point down; ``resources`` and the ``gridscout`` root
package, which holds the version, may be imported from anywhere)::

    cli (gridscout.cli, gridscout.commands.*)   gui (gridscout.gui.*)
                  \\                               /
                   operations (gridscout.operations.*)
                              |
                     scoring (gridscout.scoring.*)
                              |
                      layers (gridscout.layers.*)

The GUI may also use scoring and layers directly. The CLI may reach the GUI only from the commands
that draw with Qt: ``app``, ``export-map`` and ``report``. ``scripts/import_graph.py`` draws this
graph for docs/ARCHITECTURE.md from the same reader (:func:`import_graph`).
"""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: part → the parts it may import (besides itself, resources and the root package)
ALLOWED = {
    "cli": {"operations", "scoring", "layers"},
    "gui": {"operations", "scoring", "layers"},
    "operations": {"scoring", "layers"},
    "scoring": {"layers"},
    "layers": set(),
    "resources": set(),
    "root": set(),
}
#: the CLI modules that may import the GUI (they draw with Qt)
CLI_TO_GUI = {"gridscout.commands.app", "gridscout.commands.export_map", "gridscout.commands.report"}
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "qtpy")

#: Circles tolerated for now, each the set of modules of one circle (none: the house has no circles)
KNOWN_CIRCLES: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class Import:
    """``source`` imports ``target`` at ``path:line``; ``typing_only`` inside ``if TYPE_CHECKING``."""

    source: str
    target: str
    path: str
    line: int
    typing_only: bool = False

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def module_files() -> dict[str, Path]:
    """Every module's dotted name → its file, through pyproject.toml's package-dir mapping."""
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    files: dict[str, Path] = {}
    for package in setup["packages"]:
        mapping = setup["package-dir"]
        head = max((k for k in mapping if package == k or package.startswith(k + ".")), key=len)
        folder = ROOT / mapping[head] / Path(*package[len(head):].strip(".").split(".")) if package != head \
            else ROOT / mapping[head]
        for file in sorted(folder.glob("*.py")):
            name = package if file.stem == "__init__" else f"{package}.{file.stem}"
            files[name] = file
    return files


def _typing_blocks(tree: ast.AST) -> set[int]:
    """ids of the import nodes inside ``if TYPE_CHECKING:`` blocks."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return out


def imports_of(name: str, file: Path, known: set[str]) -> list[Import]:
    """What module ``name`` imports (anywhere in the file), resolved to modules where possible."""
    tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
    typing_only = _typing_blocks(tree)
    is_package = file.stem == "__init__"
    rel = str(file.relative_to(ROOT))
    out = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".")
                parts = parts if is_package else parts[:-1]
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:  # `from pkg import submodule` imports the submodule
                sub = f"{base}.{alias.name}"
                targets.append(sub if sub in known else base)
        for target in targets:
            out.append(Import(name, target, rel, node.lineno, id(node) in typing_only))
    return out


def import_graph() -> list[Import]:
    """Every import of every module under ``gridscout``."""
    files = module_files()
    known = set(files)
    return [imp for name, file in files.items() for imp in imports_of(name, file, known)]


def part_of(module: str) -> str | None:
    """The part a ``gridscout`` module belongs to (None for other packages)."""
    parts = module.split(".")
    if parts[0] != "gridscout":
        return None
    if len(parts) == 1:
        return "root"
    if parts[1] in ("cli", "commands", "__main__"):
        return "cli"
    return parts[1] if parts[1] in ALLOWED else "root"


def _internal(module: str, known: set[str]) -> str | None:
    """``module`` or the nearest package of it that is a known module (a gridscout module outside
    ``known`` as it is; None for other packages)."""
    found = module
    while found and found not in known:
        found = found.rpartition(".")[0]
    return found or (module if part_of(module) else None)


def forbidden_imports(graph: list[Import]) -> list[str]:
    known = {imp.source for imp in graph}
    problems = []
    for imp in graph:
        src_part = part_of(imp.source)
        if imp.target.split(".")[0] in QT_MODULES:
            if src_part != "gui":
                problems.append(f"{imp.where()}: {imp.source} imports Qt ({imp.target}) outside gui")
            continue
        target = _internal(imp.target, known)
        dst_part = part_of(target) if target else None
        if dst_part is None or dst_part in (src_part, "resources", "root"):
            continue
        if dst_part in ALLOWED[src_part]:
            continue
        if src_part == "cli" and dst_part == "gui" and imp.source in CLI_TO_GUI:
            continue
        problems.append(f"{imp.where()}: {imp.source} ({src_part}) imports {target} ({dst_part})")
    return problems


def circles(graph: list[Import]) -> list[list[str]]:
    """Strongly connected groups of modules (Tarjan), ignoring imports only a type checker runs."""
    known = {imp.source for imp in graph}
    edges: dict[str, set[str]] = {m: set() for m in known}
    for imp in graph:
        target = _internal(imp.target, known)
        if target in edges and target != imp.source and not imp.typing_only:
            edges[imp.source].add(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # recursion depth is bounded by the module count (~200)
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def _describe(group: list[str], graph: list[Import]) -> str:
    members = set(group)
    lines = [f"circle of {len(group)} modules: {', '.join(group)}"]
    lines += [f"    {imp.where()}: {imp.source} -> {imp.target}" for imp in graph
              if imp.source in members and imp.target in members and not imp.typing_only]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def graph() -> list[Import]:
    return import_graph()


def test_the_graph_covers_every_part(graph):
    parts = {part_of(imp.source) for imp in graph}
    assert {"cli", "gui", "operations", "scoring", "layers", "resources"} <= parts
    assert len({imp.source for imp in graph}) > 100


def test_no_import_points_up_or_pulls_qt_below_the_gui(graph):
    problems = forbidden_imports(graph)
    assert not problems, "imports against the direction of the parts:\n" + "\n".join(problems)


def test_no_circles_between_modules(graph):
    unknown = [g for g in circles(graph) if not any(set(g) <= known for known in KNOWN_CIRCLES)]
    assert not unknown, "\n".join(_describe(g, graph) for g in unknown)


def test_the_checker_finds_a_circle_and_an_upward_import():
    """The checks themselves can fail: a made-up graph with both faults."""
    fake = [Import("gridscout.layers.a", "gridscout.layers.b", "a.py", 1),
            Import("gridscout.layers.b", "gridscout.layers.a", "b.py", 1),
            Import("gridscout.layers.a", "gridscout.scoring.engine", "a.py", 2),
            Import("gridscout.scoring.engine", "PySide6.QtCore", "engine.py", 3),
            Import("gridscout.commands.score", "gridscout.gui.app", "score.py", 4),
            Import("gridscout.commands.report", "gridscout.gui.export.report", "report.py", 5)]
    assert circles(fake) == [["gridscout.layers.a", "gridscout.layers.b"]]
    problems = forbidden_imports(fake)
    assert len(problems) == 3
    assert any("a.py:2" in p and "(scoring)" in p for p in problems)
    assert any("engine.py:3" in p and "Qt" in p for p in problems)
    assert any("score.py:4" in p for p in problems)


def test_no_module_is_imported_from_a_string():
    """Modules are imported by name, not found by string (entry points aside), so a missing one
    fails at once: no importlib.import_module / __import__ / pkgutil discovery in gridscout."""
    hidden = []
    for file in module_files().values():
        text = file.read_text(encoding="utf-8")
        for needle in ("import_module(", "__import__(", "pkgutil"):
            if needle in text:
                hidden.append(f"{file.relative_to(ROOT)}: {needle}")
    assert not hidden, "hidden imports:\n" + "\n".join(hidden)


def test_architecture_doc_shows_the_graph_the_code_has():
    """docs/ARCHITECTURE.md's arrow block is what scripts/import_graph.py draws from the code."""
    import re
    import runpy

    script = runpy.run_path(str(ROOT / "scripts" / "import_graph.py"))
    doc = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- import-graph -->\n```\n(.*?)\n```\n<!-- /import-graph -->", doc, re.S)
    assert block, "docs/ARCHITECTURE.md lost its <!-- import-graph --> block"
    assert block.group(1) == script["arrows_text"](), (
        "the part graph changed: run `python scripts/import_graph.py` and update docs/ARCHITECTURE.md "
        "(and the SVG with --svg docs/import-graph.svg)")
