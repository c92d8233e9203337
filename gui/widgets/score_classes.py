"""Score classes (ranges and colours) of a parcels layer's style, as the map colours them."""

from __future__ import annotations

import numpy as np
from gridscout.layers import style as layer_style


def score_classes(style: dict | None = None) -> list[tuple[float, float, str]]:
    """[(low, high, "#RRGGBB")] from a parcels style's ``score_classes`` (default: the shipped
    0-20-40-60-80-100 red → green classes)."""
    entries = (style or {}).get("score_classes") or []
    try:
        classes = [(float(c["min"]), float(c["max"]), str(c["colour"])) for c in entries]
    except (KeyError, TypeError, ValueError):
        classes = []
    return classes or [tuple(c) for c in layer_style.SCORE_CLASSES]


def no_score_colour(style: dict | None = None) -> str:
    return str((style or {}).get("no_score_colour", layer_style.NO_SCORE_COLOUR))


def class_counts(scores: np.ndarray, classes: list[tuple[float, float, str]]) -> list[int]:
    """Parcels per class (NaN not counted); the last class includes its upper bound."""
    scores = np.asarray(scores, dtype=float)
    scores = scores[np.isfinite(scores)]
    breaks = np.array([lo for lo, _hi, _c in classes[1:]])
    idx = np.searchsorted(breaks, scores, side="right")
    return np.bincount(idx, minlength=len(classes))[: len(classes)].tolist()


def colour_for(score: float, classes: list[tuple[float, float, str]], nodata: str) -> str:
    if not np.isfinite(score):
        return nodata
    for lo, _hi, colour in classes[1:][::-1]:
        if score >= lo:
            return colour
    return classes[0][2]
