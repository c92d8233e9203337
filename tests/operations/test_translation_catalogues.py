"""The translation catalogues: one catalogue owns each text, and a compiled ``.qm`` follows the
content of its ``.ts`` (not its modification time)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections import defaultdict

from gridscout.operations import translations as T


def _entries(ts):
    for context in ET.parse(ts).getroot().iter("context"):
        for m in context.iter("message"):
            yield context.findtext("name"), m.findtext("source")


def test_the_shared_wording_has_one_catalogue_and_no_text_stands_twice():
    where = defaultdict(list)
    for ts in T.ts_sources("ja"):
        for key in _entries(ts):
            where[key].append(ts.name)
    twice = sorted(f"{ctx}: {src!r} in {', '.join(names)}" for (ctx, src), names in where.items()
                   if len(names) > 1)
    assert not twice, f"{len(twice)} texts stand in more than one catalogue:\n" + "\n".join(twice[:20])
    wording = {names[0] for (ctx, _src), names in where.items() if ctx == "Wording"}
    assert wording == {"gridscout_wording_ja.ts"}
    # the scoring explanations and the criteria's short labels are among its texts
    sources = {src for (ctx, src), _n in where.items() if ctx == "Wording"}
    assert {"substation", "time to power", "{name} substation"} <= sources


def test_every_catalogue_is_compiled_and_loaded(tmp_path):
    built = T.build_catalogues("ja", out_dir=tmp_path)
    assert {p.name for p in built} >= {"gridscout_gui_ja.qm", "gridscout_report_ja.qm",
                                       "gridscout_wording_ja.qm"}


def test_a_qm_is_rebuilt_when_its_ts_content_changes_not_when_it_is_touched(tmp_path, monkeypatch):
    src = tmp_path / "i18n"
    src.mkdir()
    ts = src / "gridscout_wording_ja.ts"
    ts.write_bytes((T.TS_DIR / ts.name).read_bytes())
    monkeypatch.setattr(T, "TS_DIR", src)
    out = tmp_path / "qm"
    (qm,) = T.build_catalogues("ja", out_dir=out)
    first = qm.read_bytes()

    # touched only (a checkout, a copy): same content, newer file → not compiled again
    os.utime(ts, (qm.stat().st_mtime + 100, qm.stat().st_mtime + 100))
    stamp = qm.stat().st_mtime_ns
    T.build_catalogues("ja", out_dir=out)
    assert qm.stat().st_mtime_ns == stamp

    # edited, yet older than the .qm (e.g. restored from an archive) → compiled again
    text = ts.read_text(encoding="utf-8")
    assert "<translation>変電所</translation>" in text
    ts.write_text(text.replace("<translation>変電所</translation>", "<translation>変電所X</translation>", 1),
                  encoding="utf-8")
    os.utime(ts, (qm.stat().st_mtime - 1000, qm.stat().st_mtime - 1000))
    T.build_catalogues("ja", out_dir=out)
    assert qm.read_bytes() != first
