"""The CLI lists its commands explicitly (a tuple of modules), and every command module is in it."""

from __future__ import annotations

import ast
from pathlib import Path

import gridscout.commands as commands
from gridscout.cli import build_parser

COMMANDS_DIR = Path(commands.__file__).parent


def _defines_name(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "NAME" for t in node.targets)
               for node in tree.body)


def test_every_command_module_is_listed_once():
    files = {p.stem for p in COMMANDS_DIR.glob("*.py") if p.stem != "__init__" and _defines_name(p)}
    listed = [mod.__name__.rsplit(".", 1)[1] for mod in commands.COMMANDS]
    assert len(listed) == len(set(listed))
    assert set(listed) == files, f"command modules not in COMMANDS: {sorted(files - set(listed))}"
    for mod in commands.COMMANDS:
        assert {"NAME", "HELP", "add_arguments", "run"} <= set(vars(mod)), mod.__name__


def test_help_lists_the_commands_in_their_order():
    text = build_parser(commands.command_modules()).format_help()
    names = [mod.NAME for mod in commands.COMMANDS]
    positions = [text.index(f"    {name}") for name in names]
    assert positions == sorted(positions)
    assert "app" not in [name for name, _ in commands.headless_commands()]
    assert len(commands.headless_commands()) == len(names) - 1
