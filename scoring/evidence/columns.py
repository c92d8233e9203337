"""Read a criterion's per-candidate arrays from a score result, whatever the column naming.

The engine names them ``<id>_raw`` / ``<id>_utility`` / ``<id>_points``; ``raw_<id>`` … is accepted
too, so evidence code keeps working if the naming changes. Criteria are taken from the profile, never
by switching on their type.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from gridscout.scoring.wording import QT_TRANSLATE_NOOP


def criterion_array(columns: dict[str, Any], criterion_id: str, what: str) -> np.ndarray:
    """``what`` ("raw", "utility", "points") of criterion ``criterion_id`` as a float array."""
    for key in (f"{criterion_id}_{what}", f"{what}_{criterion_id}"):
        if key in columns:
            return np.asarray(columns[key], dtype=float)
    raise KeyError(f"the score result has no {what} column for criterion {criterion_id!r}")


def criterion_title(criterion: Any) -> str:
    """The criterion's label, or its id in words with its radius / voltage threshold
    ("generation within 50 km", "substation distance >= 115 kV")."""
    label = getattr(criterion, "label", "")
    if label:
        return label
    words = _type_words(criterion) or criterion.id.replace("_", " ")
    radius = getattr(criterion, "radius_km", None)
    if radius is not None:
        words = QT_TRANSLATE_NOOP("Wording", "{criterion} {radius:g} km").format(criterion=words, radius=radius)
    min_kv = getattr(criterion, "min_kv", None)
    if min_kv is not None:
        words = QT_TRANSLATE_NOOP("Wording", "{criterion} >= {min_kv:g} kV").format(criterion=words, min_kv=min_kv)
    return words


def _type_words(criterion: Any) -> str:
    """How the criterion's type names itself in a sentence (marked for translation in the type's
    own module), for a criterion whose id is its type's name; "" otherwise."""
    kind = getattr(criterion, "type", None)
    if not kind or criterion.id != kind:
        return ""
    from gridscout.scoring.criteria import criterion_type

    try:
        return criterion_type(kind).words
    except Exception:  # noqa: BLE001 - an unknown type: its id in words
        return ""


def criterion_unit(criterion: Any) -> str:
    """The unit of the criterion's raw value (km, MW, USD, ha, share, or "")."""
    from gridscout.scoring.criteria import criterion_type

    return criterion_type(criterion.type).unit


def format_value(value: float, unit: str) -> str:
    """A raw value for a sentence: "1,794 MW", "3.2 km", "12.5 M USD"."""
    if not np.isfinite(value):
        return "none"
    if unit == "USD":
        return f"{value / 1e6:,.1f} M USD"
    if unit == "share":
        return f"{value:.0%}"
    digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 1 else 2
    text = f"{value:,.{digits}f}"
    return f"{text} {unit}".strip()
