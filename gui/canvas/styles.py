"""Map style constants of the field (OpenInfraMap voltage colours, fuel colours, score ramps).

Every colour comes from ``layers.style`` (no Qt); this module gives the canvas its short names and
the numpy colour helpers. Colours are "#RRGGBB" strings; ``argb()`` turns them
into premultiplied ARGB32 integers for numpy images.
"""

from __future__ import annotations

import numpy as np
from gridscout.layers import style as _S

#: OpenInfraMap voltage classes (from layers.style): lower bounds (kV) and colours
VOLTAGE_BOUNDS_KV = tuple(c[0] for c in _S.VOLTAGE_CLASSES[1:])
VOLTAGE_COLOURS = tuple(c[1] for c in _S.VOLTAGE_CLASSES)
HVDC_COLOUR = _S.HVDC_COLOUR
UNKNOWN_COLOUR = _S.UNKNOWN_VOLTAGE_COLOUR
#: line width (screen px) per voltage class, unknown, HVDC
LINE_WIDTHS = tuple(_S.LINE_WIDTHS)
UNKNOWN_WIDTH = _S.UNKNOWN_LINE_WIDTH
HVDC_WIDTH = 3.0
UNDERGROUND_DASH = list(_S.UNDERGROUND_DASH)
FUEL_COLOURS = dict(_S.FUEL_COLOURS)
SITE_MARKER = dict(_S.CANDIDATE_SITE_MARKER)
substation_sizes = _S.substation_sizes

LAND = _S.LAND
SEA = _S.SEA
BORDER = _S.BORDER
PLAIN_BACKGROUND = _S.PLAIN_BACKGROUND
PARCEL_FILL = _S.PARCEL_FILL
PARCEL_OUTLINE = _S.PARCEL_OUTLINE
NO_SCORE = _S.NO_SCORE_COLOUR
SELECTION = _S.SELECTION
SITE_FILL = SITE_MARKER.get("fill", _S.HIGHLIGHT)
LABEL_HALO = _S.LABEL_HALO
LABEL_TEXT = _S.LABEL_TEXT
#: default score classes (0..100) and a red → yellow → green ramp
SCORE_CLASSES = tuple([c[0] for c in _S.SCORE_CLASSES] + [_S.SCORE_CLASSES[-1][1]])
SCORE_RAMP = tuple(c[2] for c in _S.SCORE_CLASSES)
NOTE_COLOURS = dict(_S.NOTE_COLOURS)

def voltage_class_index(kv) -> np.ndarray:
    """Class index 0..7 per voltage (kV); -1 for unknown (NaN / <= 0)."""
    return np.asarray(_S.voltage_class_index(kv), dtype=np.int64)


def voltage_colour(kv: float, dc: bool = False) -> str:
    return _S.voltage_colour(kv, dc)


def fuel_colour(fuel, colours: dict | None = None) -> str:
    colours = colours or FUEL_COLOURS
    f = str(fuel or "unknown").strip().lower()
    return colours.get(f, colours.get("other", "#9A9A9A"))


def hex_rgb(colour: str) -> tuple[int, int, int]:
    c = str(colour).lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def argb(colour: str, alpha: int = 255) -> int:
    """Premultiplied ARGB32 as an unsigned int (what QImage.Format_ARGB32_Premultiplied stores)."""
    r, g, b = hex_rgb(colour)
    a = alpha / 255.0
    return (alpha << 24) | (int(r * a + 0.5) << 16) | (int(g * a + 0.5) << 8) | int(b * a + 0.5)


def class_colours(values: np.ndarray, style: dict) -> tuple[np.ndarray, np.ndarray]:
    """Per-feature colour-bin index and the bin palette (ARGB uint32) for ``values``.

    ``style`` keys (all optional): ``classes`` (ascending breaks, n+1), ``ramp`` (n colours, or any
    number: interpolated), ``nodata`` colour for NaN. Bin ``len(palette)-1`` is no-data.
    """
    values = np.asarray(values, dtype=np.float64)
    if "classes" in style and all(isinstance(v, int | float) for v in style["classes"]):
        breaks = np.asarray(style["classes"], dtype=np.float64)
        ramp = list(style.get("ramp", SCORE_RAMP))
    elif style.get("score_classes"):
        sc = style["score_classes"]
        breaks = np.asarray([c["min"] for c in sc] + [sc[-1]["max"]], dtype=np.float64)
        ramp = [c["colour"] for c in sc]
    else:
        breaks = np.asarray(SCORE_CLASSES, dtype=np.float64)
        ramp = list(style.get("ramp", SCORE_RAMP))
    nbins = max(len(breaks) - 1, 1)
    if len(ramp) != nbins:
        ramp = _interp_ramp(ramp, nbins)
    idx = np.searchsorted(breaks[1:-1], values, side="right") if nbins > 1 else np.zeros(len(values), np.int64)
    idx = np.where(np.isfinite(values), idx, nbins).astype(np.int32)
    palette = np.array([argb(c) for c in ramp] + [argb(style.get("nodata", style.get("no_score_colour", NO_SCORE)))], dtype=np.uint32)
    return idx, palette


def _interp_ramp(ramp: list[str], n: int) -> list[str]:
    if not ramp:
        ramp = list(SCORE_RAMP)
    if len(ramp) == 1 or n == 1:
        return [ramp[0]] * n
    rgb = np.array([hex_rgb(c) for c in ramp], dtype=np.float64)
    t = np.linspace(0, len(ramp) - 1, n)
    out = []
    for v in t:
        i = min(int(v), len(ramp) - 2)
        f = v - i
        c = rgb[i] * (1 - f) + rgb[i + 1] * f
        out.append("#{:02X}{:02X}{:02X}".format(*tuple(int(round(x)) for x in c)))
    return out
