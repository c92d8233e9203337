"""``gridscout app``: open the desktop app, or save a snapshot of it (also what plain ``gridscout`` runs)."""

from __future__ import annotations

import argparse

NAME = "app"
HELP = "open the desktop app on a project (the demo by default), or save a snapshot of it"
DESCRIPTION = (
    "Open the GridScout desktop app on PROJECT (a .gridscout file, or 'demo').\n"
    "With --snapshot FILE.png: open it, wait until the map is drawn, save a picture of the window and\n"
    "exit (needs no display). Without a display and without --snapshot, the command explains how to\n"
    "get one and prints what the project holds."
)


def _size(text: str) -> int:
    value = int(text)
    if not 200 <= value <= 10000:
        raise argparse.ArgumentTypeError("give a size between 200 and 10000 pixels")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("project", nargs="?", default="demo", metavar="PROJECT",
                        help="a .gridscout project file, or 'demo' (default)")
    parser.add_argument("--snapshot", metavar="FILE.png", help="save a picture of the window and exit")
    parser.add_argument("--width", type=_size, default=1600, help="window width in pixels (default 1600)")
    parser.add_argument("--height", type=_size, default=1000, help="window height in pixels (default 1000)")
    parser.add_argument("--extent", metavar="MINLON,MINLAT,MAXLON,MAXLAT",
                        help="show this lon/lat box; with a negative first number write --extent=-77.6,38.9,-77.3,39.1")
    parser.add_argument("--site", metavar="NAME", help="show about 10 km around this candidate site")
    parser.add_argument("--lang", choices=("en", "ja"), default=None,
                        help="interface language (default: the one chosen in Settings, else the system's)")


def run(args: argparse.Namespace) -> int:
    from gridscout.gui.app import run_app
    from gridscout.operations import parse_extent

    extent = parse_extent(args.extent) if args.extent else None
    return run_app(args.project, snapshot=args.snapshot, width=args.width, height=args.height,
                   extent=extent, site=args.site, lang=args.lang,
                   commands=getattr(args, "headless_commands", ()))
