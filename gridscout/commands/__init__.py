"""CLI subcommands, one module each, listed explicitly in :data:`COMMANDS`.

Each module defines ``NAME`` (the subcommand), ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int``; it parses arguments, calls :mod:`gridscout.operations` (or, for ``app``,
``export-map`` and ``report``, the GUI) and prints. Keep heavy imports inside ``run`` so
``gridscout --help`` stays fast.

To add a command: write ``commands/<name>.py`` and add its module to the import and to
:data:`COMMANDS` below (the order is the order of ``gridscout --help``).
"""

from __future__ import annotations

from types import ModuleType

from gridscout.commands import (
    app,
    compare_sites,
    convert,
    criteria,
    export_data,
    export_map,
    import_osm,
    inspect,
    partition_parcels,
    report,
    scan,
    score,
)

#: every subcommand, in the order ``gridscout --help`` lists them
COMMANDS: tuple[ModuleType, ...] = (
    app,
    compare_sites,
    convert,
    criteria,
    export_data,
    export_map,
    import_osm,
    inspect,
    partition_parcels,
    report,
    scan,
    score,
)


def command_modules() -> dict[str, ModuleType]:
    """Subcommand name → its module."""
    return {mod.NAME: mod for mod in COMMANDS}


def headless_commands() -> list[tuple[str, str]]:
    """``(name, one-line help)`` of every command that needs no display (all but ``app``)."""
    return [(mod.NAME, mod.HELP) for mod in COMMANDS if mod.NAME != "app"]
