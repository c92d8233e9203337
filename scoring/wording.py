"""Numbers and feature names as a scout reads them: "1.2 km", "$3.4M", "Ohi substation"."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
from gridscout.layers.wording import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP", "km", "real_name", "usd", "kv_text", "substation_kv_text",
           "substation_phrase", "line_phrase", "share_percent"]


_PLACEHOLDER_NAME = re.compile(r"^(unknown|unnamed|n/?a|none)[\s_-]*\d*$", re.IGNORECASE)


def km(distance_m: float) -> str:
    """ "1.2 km", "350 m", "0 m" — what a scout reads."""
    if not math.isfinite(distance_m):
        return QT_TRANSLATE_NOOP("Wording", "no")
    if distance_m < 1000.0:
        return f"{distance_m:.0f} m"
    return f"{distance_m / 1000.0:.1f} km"


def real_name(name: Any) -> str | None:
    """The feature's name, or None for blanks and placeholders such as HIFLD's "UNKNOWN113243"."""
    if name is None or (isinstance(name, float) and name != name):
        return None
    text = str(name).strip()
    return None if not text or _PLACEHOLDER_NAME.match(text) else text


def usd(value: float) -> str:
    if not math.isfinite(value):
        return QT_TRANSLATE_NOOP("Wording", "unknown")
    if value >= 1e6:
        return f"${value / 1e6:.1f}M"
    return f"${value / 1e3:.0f}k"


def kv_text(kv: float) -> str:
    return f"{kv:g} kV" if kv == kv else QT_TRANSLATE_NOOP("Wording", "unknown voltage")


def substation_kv_text(cols: dict, i: int) -> str:
    """The nearest substation's kV, saying so when it was inferred from the lines."""
    text = kv_text(cols["substation_kv"][i])
    inferred = cols.get("substation_kv_inferred")
    if inferred is not None and bool(inferred[i]):
        text = QT_TRANSLATE_NOOP("Wording", "{kv} (inferred from the lines that meet it; the substation has no voltage tag)").format(kv=text)
    return text


def substation_phrase(name: Any, feature_id: Any) -> str:
    name = real_name(name)
    if name:
        if "substation" in name.lower() or any(w in name for w in ("変電所", "開閉所", "変換所")):
            return name
        return QT_TRANSLATE_NOOP("Wording", "{name} substation").format(name=name)
    return QT_TRANSLATE_NOOP("Wording", "an unnamed substation (id {id})").format(id=feature_id)


def line_phrase(name: Any, feature_id: Any, kv: float) -> str:
    name = real_name(name)
    if name:
        has_word = "line" in name.lower() or "線" in name
        template = (QT_TRANSLATE_NOOP("Wording", "the {kv} {name}") if has_word
                    else QT_TRANSLATE_NOOP("Wording", "the {kv} {name} line"))
        return template.format(kv=kv_text(kv), name=name)
    return QT_TRANSLATE_NOOP("Wording", "an unnamed {kv} line (id {id})").format(kv=kv_text(kv), id=feature_id)


def share_percent(share: np.ndarray | float) -> np.ndarray:
    """Whole percent for messages; any overlap shows as at least 1%."""
    share = np.asarray(share, dtype=float)
    return np.where(share > 0, np.maximum(np.round(share * 100.0), 1.0), 0.0)
