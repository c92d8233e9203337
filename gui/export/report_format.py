"""Numbers in the report's words: km, kV, figures with thousands separators, score statistics."""

from __future__ import annotations

import math

import numpy as np
from gridscout.gui.export.scene import km_text


def fmt_km(m: float) -> str:
    return km_text(m)


def fmt_kv(kv: float) -> str:
    from gridscout.gui.i18n import translate

    return f"{kv:g} kV" if kv == kv else translate("Report", "unknown")


def fmt_num(v, digits: int = 1) -> str:
    try:
        v = float(v)
    except (TypeError, ValueError):
        return str(v) if v is not None else ""
    if not math.isfinite(v):
        return "—"
    return f"{v:,.{digits}f}"


def score_stats(scored) -> dict:
    if scored is None:
        return {}
    s = scored["score"].to_numpy(dtype=float)
    ex = scored["excluded"].astype(bool).to_numpy() if "excluded" in scored else np.zeros(len(s), bool)
    kept = s[~ex & np.isfinite(s)]
    out = {"parcels": len(s), "excluded": int(ex.sum()), "scored": int(len(kept))}
    if len(kept):
        out.update(median=float(np.median(kept)), p90=float(np.percentile(kept, 90)), max=float(kept.max()))
    return out
