"""The ``gridscout`` console command.

``gridscout [PROJECT|demo] [--snapshot FILE.png ...]`` opens the desktop app (the demo project when
no project is named); ``gridscout SUBCOMMAND ...`` runs a headless command. The GUI and the CLI call
the same library functions.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from types import ModuleType

import gridscout
from gridscout.commands import command_modules, headless_commands


def build_parser(commands: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gridscout",
        description="GridScout: score land parcels for power proximity (substations, lines, plants).\n"
        "Run without a subcommand to open the desktop app on the demo project.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Open the app: gridscout [PROJECT|demo] [--snapshot FILE.png]\n"
        "Details of a subcommand: gridscout SUBCOMMAND --help",
    )
    parser.add_argument("--version", action="version", version=f"gridscout {gridscout.__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    # the app names the commands that need no display (no-display message, Help)
    parser.set_defaults(headless_commands=tuple(headless_commands()))
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for name, mod in commands.items():
        p = sub.add_parser(name, help=mod.HELP, description=getattr(mod, "DESCRIPTION", mod.HELP))
        mod.add_arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = command_modules()
    # No subcommand (or a project path / "demo" first): open the app.
    first = next((a for a in argv if a not in ("-v", "--verbose")), None)
    if first is None or (first not in commands and not first.startswith("-")) or (
        first.startswith("--") and first not in ("--help", "--version")
    ):
        if "app" in commands:
            flags = [a for a in argv if a in ("-v", "--verbose")]
            argv = [*flags, "app", *(a for a in argv if a not in ("-v", "--verbose"))]
    parser = build_parser(commands)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
    )
    if not args.command:
        parser.print_help()
        return 0
    from gridscout.layers.errors import GridScoutError

    try:
        return int(commands[args.command].run(args) or 0)
    except GridScoutError as exc:
        print(f"gridscout {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except MemoryError:
        from gridscout.operations.score import out_of_memory_message

        print(out_of_memory_message(args.command), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"gridscout {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: a short message, the traceback only on request
        if os.environ.get("GRIDSCOUT_DEBUG"):
            traceback.print_exc()
        print(
            f"gridscout {args.command}: unexpected error: {type(exc).__name__}: {exc}\n"
            "Set GRIDSCOUT_DEBUG=1 for the traceback and please report it.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
