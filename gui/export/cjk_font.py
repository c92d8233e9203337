"""The CJK face embedded in exported PDFs: Noto Sans CJK JP with one code point per glyph.

Noto CJK maps an ideograph and its look-alike radical or compatibility form to the same glyph (力
U+529B and ⼒ U+2F12; 日 and ⽇). Qt's PDF writer writes each embedded glyph's ToUnicode entry
from that map and takes the radical, so text copied or searched in a Japanese report came out as
radicals ("電⼒"). This module writes a copy of the installed Noto Sans CJK JP (Regular, Bold)
whose character map drops the radicals and compatibility forms that share a glyph with an
ideograph, renamed "GridScout CJK JP", into the user cache (once, ~1.5 s per face; the glyph data
is copied unchanged), and registers it with Qt for the export fonts (:func:`furniture.font`).
Without fontconfig, fontTools or Noto CJK the export keeps the system's Noto Sans CJK JP.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

FAMILY = "GridScout CJK JP"
SOURCE_FAMILY = "Noto Sans CJK JP"
#: CJK Radicals Supplement, Kangxi Radicals, CJK Compatibility Ideographs
_LOOKALIKES = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF))
_registered: list[str] = []


def _is_lookalike(u: int) -> bool:
    return any(lo <= u <= hi for lo, hi in _LOOKALIKES)


def font_cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "gridscout" / "fonts"


def _source_face(style: str) -> tuple[Path, int] | None:
    """(file, face index) of the installed Noto Sans CJK JP ``style``, by fontconfig."""
    if not shutil.which("fc-match"):
        return None
    done = subprocess.run(["fc-match", "-f", "%{family}\n%{file}\n%{index}", f"{SOURCE_FAMILY}:style={style}"],
                          capture_output=True, text=True)
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) < 3 or SOURCE_FAMILY not in lines[0]:
        return None
    return Path(lines[1]), int(lines[2] or 0)


def build_face(source: Path, index: int, style: str, out_dir: Path) -> Path:
    """Write the renamed copy of face ``index`` of ``source`` without the look-alike code points
    that share a glyph with another character; returns its path (kept while the source is)."""
    from fontTools.ttLib import TTFont

    st = source.stat()
    key = hashlib.sha256(f"{source}|{index}|{st.st_size}|{st.st_mtime_ns}|1".encode()).hexdigest()[:12]
    out = out_dir / f"GridScoutCJKJP-{style}-{key}.otf"
    if out.is_file():
        return out
    font = TTFont(str(source), fontNumber=index, lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    best = font["cmap"].getBestCmap()
    shared: dict[str, int] = {}
    for u, glyph in best.items():
        if not _is_lookalike(u):
            shared[glyph] = shared.get(glyph, 0) + 1
    for table in font["cmap"].tables:
        for u in [u for u, g in table.cmap.items() if _is_lookalike(u) and shared.get(g)]:
            del table.cmap[u]
    postscript = f"GridScoutCJKJP-{style}"
    for rec in font["name"].names:
        if rec.nameID in (1, 16):
            rec.string = FAMILY
        elif rec.nameID == 4:
            rec.string = FAMILY if style == "Regular" else f"{FAMILY} {style}"
        elif rec.nameID == 6:
            rec.string = postscript
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".part")
    font.save(str(tmp), reorderTables=False)
    os.replace(tmp, out)
    return out


def register() -> list[str]:
    """Build (when needed) and register the faces with Qt once; returns the families registered
    (empty when it cannot, e.g. no Noto CJK or no fontTools: the system face is used then)."""
    if _registered:
        return _registered
    from PySide6 import QtGui

    for style in ("Regular", "Bold"):
        face = _source_face(style)
        if face is None:
            continue
        try:
            path = build_face(face[0], face[1], style, font_cache_dir())
        except Exception as exc:  # noqa: BLE001 - any failure: keep the system face
            log.info("could not prepare the CJK face %s (%s); using %s", style, exc, SOURCE_FAMILY)
            continue
        font_id = QtGui.QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            _registered.extend(QtGui.QFontDatabase.applicationFontFamilies(font_id))
    return _registered
