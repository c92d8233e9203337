"""Make the text of a PDF written by Qt copy and search right.

Qt's PDF writer maps each embedded glyph back to one Unicode character (the font's ToUnicode CMap).
CJK fonts such as Noto Sans CJK use one glyph for a unified ideograph and its Kangxi-radical or
radical-supplement twin (力 U+529B and ⼒ U+2F12), and Qt may pick the radical: the page shows 電力,
but copying or searching finds 電⼒. This rewrites those targets to the character NFKC gives
(the ideograph), leaving the glyphs and the page untouched.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

__all__ = ["fix_cmap", "fix_pdf_text"]

_HEX = re.compile(r"<([0-9A-Fa-f]{4})>")


# CJK Radicals Supplement characters with no NFKC decomposition whose glyph Japanese fonts share
# with a unified ideograph (Unicode's EquivalentUnifiedIdeograph.txt): 西 長 麦 食 …
_SUPPLEMENT = {
    0x2EA0: 0x6C11, 0x2EA9: 0x738B, 0x2EBB: 0x807F, 0x2EC1: 0x864E, 0x2EC4: 0x897F, 0x2EC6: 0x89D2,
    0x2ECC: 0x8FB6, 0x2ECD: 0x8FB6, 0x2ECF: 0x961D, 0x2ED1: 0x9577, 0x2ED6: 0x961D, 0x2ED8: 0x9752,
    0x2EDD: 0x98DF, 0x2EDF: 0x98E0, 0x2EE4: 0x9B3C, 0x2EE8: 0x9EA6, 0x2EE9: 0x9EC4, 0x2EEB: 0x6589,
    0x2EED: 0x6B6F, 0x2EEF: 0x7ADC, 0x2EF2: 0x4E80,
}


def _ideograph(code: str) -> str:
    cp = int(code, 16)
    if 0x2E80 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF:  # radicals; CJK compatibility ideographs
        unified = unicodedata.normalize("NFKC", chr(cp))
        if unified == chr(cp) and cp in _SUPPLEMENT:
            unified = chr(_SUPPLEMENT[cp])
        if len(unified) == 1 and ord(unified) <= 0xFFFF and unified != chr(cp):
            return f"{ord(unified):04X}"
    return code


def _targets(part: str) -> tuple[str, int]:
    changed = 0

    def swap(m: re.Match) -> str:
        nonlocal changed
        new = _ideograph(m.group(1))
        changed += new != m.group(1)
        return f"<{new}>"

    return _HEX.sub(swap, part), changed


def fix_cmap(cmap: str) -> tuple[str, int]:
    """``cmap`` (a ToUnicode CMap) with radical targets replaced by their ideographs, and how many
    were replaced. Source codes (glyph ids) are never touched, only the Unicode targets."""
    out: list[str] = []
    changed = 0
    section = None
    for line in cmap.splitlines(keepends=True):
        word = line.strip()
        if word.endswith(("beginbfchar", "beginbfrange")):
            section = word.split()[-1]
        elif word in ("endbfchar", "endbfrange"):
            section = None
        elif section == "beginbfchar":  # <glyph> <target>
            codes = _HEX.findall(line)
            if len(codes) == 2:
                head = line[: line.index(">") + 1]
                tail, n = _targets(line[len(head):])
                line, changed = head + tail, changed + n
        elif section == "beginbfrange" and "[" in line:  # <first> <last> [<t1> <t2> ...]
            head, _, rest = line.partition("[")
            tail, n = _targets(rest)
            line, changed = head + "[" + tail, changed + n
        out.append(line)
    return "".join(out), changed


def fix_pdf_text(path: str | os.PathLike) -> int:
    """Rewrite, in place and atomically, the ToUnicode CMaps of ``path``; returns the number of
    glyphs whose text changed (0: the file is left as it was)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    path = Path(path)
    writer = PdfWriter(clone_from=PdfReader(path))
    seen: set[int] = set()
    changed = 0
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            cmap_ref = font.get(NameObject("/ToUnicode"))
            if cmap_ref is None:
                continue
            stream = cmap_ref.get_object()
            if id(stream) in seen:
                continue
            seen.add(id(stream))
            text, n = fix_cmap(stream.get_data().decode("latin-1"))
            if n:
                stream.set_data(text.encode("latin-1"))
                changed += n
    if changed:
        tmp = path.with_name(path.name + ".text.tmp")
        try:
            with open(tmp, "wb") as fh:
                writer.write(fh)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return changed
