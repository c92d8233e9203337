#!/usr/bin/env python3
"""Extract the translatable strings into the ``.ts`` sources with Qt's ``lupdate`` (from PySide6).

    python scripts/update_translations.py            # update every catalogue, drop obsolete entries
    python scripts/update_translations.py --lang ja  # only the Japanese ones
    python scripts/update_translations.py --part report --part wording  # only these catalogues

Catalogues (resources/i18n/gridscout_<part>_<lang>.ts) and the files each one is extracted from:
  gui      gui/ except gui/export/
  report   gui/export/ (map furniture, PDF report)
  wording  the Qt-free wording shared by the panels and the report: scoring/ and layers/ texts marked
           QT_TRANSLATE_NOOP("Wording", …) (explanations, criteria names, exclusion reasons);
           one catalogue, so each of these texts is translated once
Edit the translations with `pyside6-linguist resources/i18n/gridscout_gui_ja.ts` (or any text
editor); `gridscout warm-up` then builds the .qm files. See docs/TRANSLATING.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LANGS = ("ja",)


def _py(folder: str, exclude: str | None = None) -> list[Path]:
    files = sorted((ROOT / folder).rglob("*.py"))
    return [f for f in files if not (exclude and (ROOT / exclude) in f.parents)]


def _marked(files: list[Path]) -> list[Path]:
    """The files that hold QT_TRANSLATE_NOOP markings (Qt-free code)."""
    return [f for f in files if "QT_TRANSLATE_NOOP" in f.read_text(encoding="utf-8")]


def catalogue_sources() -> dict[str, list[Path]]:
    """Catalogue part → the source files lupdate reads for it."""
    return {
        "gui": _py("gui", exclude="gui/export"),
        "report": _py("gui/export"),
        "wording": _marked(_py("scoring") + _py("layers") + _py("gridscout")),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=LANGS, action="append", help="only this language")
    parser.add_argument("--part", choices=("gui", "report", "wording"), action="append",
                        help="only this catalogue (e.g. --part report --part wording)")
    parser.add_argument("--keep-obsolete", action="store_true", help="keep entries no longer in the code")
    args = parser.parse_args(argv)
    from gridscout.operations.translations import TS_DIR, qt_tool

    lupdate = qt_tool("lupdate")
    for part, files in catalogue_sources().items():
        if args.part and part not in args.part:
            continue
        for lang in args.lang or LANGS:
            ts = TS_DIR / f"gridscout_{part}_{lang}.ts"
            cmd = [*lupdate, *map(str, files), "-source-language", "en", "-target-language", lang,
                   "-locations", "none", "-ts", str(ts)]
            if not args.keep_obsolete:
                cmd.insert(len(lupdate), "-no-obsolete")
            print(f"lupdate → {ts.relative_to(ROOT)} ({len(files)} files)")
            subprocess.run(cmd, check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
