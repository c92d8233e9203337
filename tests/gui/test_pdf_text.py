"""The ToUnicode CMap fix: radical targets become ideographs; glyph ids are never touched."""

from __future__ import annotations

from gridscout.gui.export.pdf_text import fix_cmap

CMAP = """/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <0000> <0000>
<2F12> <2F14> [<2F12> <0041> <2EC4>]
endbfrange
2 beginbfchar
<2F00> <2F00>
<0007> <2E80>
endbfchar
endcmap
"""


def test_radical_targets_become_ideographs_and_glyph_ids_stay():
    fixed, n = fix_cmap(CMAP)
    assert n == 3  # ⼒ → 力, ⻄ → 西, ⼀ → 一; U+2E80 has no ideograph and stays
    assert "<2F12> <2F14> [<529B> <0041> <897F>]" in fixed  # the glyph ids 2F12..2F14 unchanged
    assert "<2F00> <4E00>" in fixed
    assert "<0007> <2E80>" in fixed
    assert "<0000> <FFFF>" in fixed  # code space untouched
    assert fix_cmap(fixed) == (fixed, 0)
