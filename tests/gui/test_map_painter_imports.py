"""One map painter: the projection and scale-bar maths import without Qt, the shared symbol and
label helpers without Qt widgets, and the canvas / export / shared drawing modules import each
other without circles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("gui/canvas", "gui/export", "gui/mapdraw")
#: the PDF report's modules are the report's own part (its circle report ↔ report_pages is fixed there)
NOT_MAP_DRAWING = ("report.py", "report_pages.py")


def _imports_in_fresh_python(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_projection_imports_no_qt():
    mods = _imports_in_fresh_python("gridscout.gui.mapdraw.projection")
    assert not any(m.startswith("PySide6") for m in mods)


def test_symbols_and_labels_import_no_qt_widgets():
    mods = _imports_in_fresh_python("gridscout.gui.mapdraw.labels, gridscout.gui.mapdraw.symbols")
    assert "PySide6.QtWidgets" not in mods


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return "gridscout." + ".".join(parts)


def _graph() -> dict[str, set[str]]:
    files = [p for part in PARTS for p in (ROOT / part).glob("*.py") if p.name not in NOT_MAP_DRAWING]
    names = {_module_name(p) for p in files}
    graph = {}
    for p in files:
        deps = set()
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                full = [f"{node.module}.{a.name}" for a in node.names]
                targets = [f if f in names else node.module for f in full]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            deps |= {t for t in targets if t in names}
        me = _module_name(p)
        graph[me] = deps - {me}
    return graph


def test_no_import_circles_in_the_map_drawing_modules():
    graph = _graph()
    assert "gridscout.gui.mapdraw.labels" in graph
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph.get(m, ())):
            if d.rsplit(".", 1)[0] == m:  # a package importing its own submodule
                continue
            if state.get(d) == 1:
                cycle = stack[stack.index(d):] + [d]
                raise AssertionError("import circle: " + " → ".join(cycle))
            if d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_shared_helpers_do_not_import_the_canvas_or_the_exporter():
    graph = _graph()
    for m, deps in graph.items():
        if m.startswith("gridscout.gui.mapdraw"):
            assert not [d for d in deps if d.startswith(("gridscout.gui.canvas", "gridscout.gui.export"))], m
