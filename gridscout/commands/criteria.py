"""``gridscout criteria``: every criterion type a profile may use, with its settings and defaults."""

from __future__ import annotations

import argparse
import json

NAME = "criteria"
HELP = "list the criterion types a score profile may use, with their settings and defaults"
DESCRIPTION = (
    "List every criterion type (built-in and from installed plugins, entry-point group\n"
    "gridscout.criteria) with the unit of its raw value and its settings with their defaults, the\n"
    "keys a [[criteria]] table of a profile may hold besides type, id, label, weight and transform.\n\n"
    "Example: gridscout criteria substation_distance"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("type", nargs="?", metavar="TYPE", help="only this criterion type")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    from gridscout.operations.criteria import describe_types

    types = describe_types(args.type)
    if args.json:
        print(json.dumps(types, indent=2, default=list))
        return 0
    for t in types:
        unit = f", raw value in {t['unit']}" if t["unit"] else ""
        once = ", once per profile" if t["once_per_profile"] else ""
        print(f"{t['type']}  —  {t['title']}{unit}{once}")
        print(f"    {t['description']}")
        if not t["module"].startswith("gridscout."):
            print(f"    from plugin module {t['module']}")
        for s in t["settings"]:
            print(f"    {s['text']}")
        if not t["settings"]:
            print("    (no settings)")
    return 0
