"""Style conventions of the power world: voltage colours (OpenInfraMap), substation sizes, plant
colours by fuel, the parcel score ramp and the candidate-site marker. Plain data, no Qt.

Colours are ``#RRGGBB`` strings; every constant is JSON-serialisable so styles can be saved in a
project file and turned into QGIS styles on export.
"""

from __future__ import annotations

import math

import numpy as np

#: OpenInfraMap line colours: (lowest kV of the class, colour, label), low to high
VOLTAGE_CLASSES: tuple[tuple[float, str, str], ...] = (
    (0.0, "#7A7A85", "< 10 kV"),
    (10.0, "#6E97B8", "10–24 kV"),
    (25.0, "#55B555", "25–51 kV"),
    (52.0, "#B59F10", "52–131 kV"),
    (132.0, "#B55D00", "132–219 kV"),
    (220.0, "#C73030", "220–309 kV"),
    (310.0, "#B54EB2", "310–549 kV"),
    (550.0, "#00C1CF", ">= 550 kV"),
)
HVDC_COLOUR = "#4E01B5"
UNKNOWN_VOLTAGE_COLOUR = "#B4B4B4"
#: dash pattern (in line widths) for underground cables
UNDERGROUND_DASH = [4, 3]
_CLASS_BREAKS = np.array([c[0] for c in VOLTAGE_CLASSES[1:]])
_CLASS_COLOURS = np.array([c[1] for c in VOLTAGE_CLASSES], dtype=object)

#: line width in pixels by voltage class index (thicker for higher voltage)
LINE_WIDTHS = (0.8, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 3.5)
UNKNOWN_LINE_WIDTH = 0.8

#: substation point diameter in pixels: (lowest kV, size), low to high
SUBSTATION_SIZES: tuple[tuple[float, float], ...] = (
    (0.0, 5.0),
    (52.0, 7.0),
    (132.0, 9.0),
    (220.0, 11.0),
    (310.0, 13.0),
    (550.0, 15.0),
)
UNKNOWN_SUBSTATION_SIZE = 5.0

#: power-plant colours by normalised fuel (see :data:`layers.parse.FUELS`)
FUEL_COLOURS: dict[str, str] = {
    "nuclear": "#A020F0",
    "coal": "#5A4A3F",
    "gas": "#E8862A",
    "oil": "#8B1E1E",
    "hydro": "#1F78B4",
    "wind": "#5BC0DE",
    "solar": "#F2C500",
    "biomass": "#3C8D2F",
    "geothermal": "#C0504D",
    "battery": "#7F7FFF",
    "waste": "#8C8C5A",
    "other": "#9A9A9A",
    "unknown": "#C8C8C8",
}

#: parcel score ramp, red → yellow → green (ColorBrewer RdYlGn, 5 classes over 0–100)
SCORE_CLASSES: tuple[tuple[float, float, str], ...] = (
    (0.0, 20.0, "#D7191C"),
    (20.0, 40.0, "#FDAE61"),
    (40.0, 60.0, "#FFFFBF"),
    (60.0, 80.0, "#A6D96A"),
    (80.0, 100.0, "#1A9641"),
)
NO_SCORE_COLOUR = "#E0E0E0"

CANDIDATE_SITE_MARKER: dict = {
    "symbol": "star",
    "size": 16,
    "fill": "#E6007E",
    "outline": "#FFFFFF",
    "outline_width": 1.5,
    "label_column": "name",
    "label_colour": "#202020",
    "polygon_fill": "#E6007E33",
    "polygon_outline": "#E6007E",
}


def voltage_class_index(kv) -> np.ndarray:
    """Index into :data:`VOLTAGE_CLASSES` for each voltage (kV); -1 where unknown (NaN or <= 0)."""
    kv = np.asarray(kv, dtype="float64")
    idx = np.searchsorted(_CLASS_BREAKS, kv, side="right")
    return np.where(np.isfinite(kv) & (kv > 0), idx, -1).astype(np.int8)


def voltage_colour(kv: float | None, dc: bool = False) -> str:
    """The OpenInfraMap colour of one voltage; HVDC purple when ``dc``, grey when unknown."""
    if dc:
        return HVDC_COLOUR
    if kv is None or not math.isfinite(kv) or kv <= 0:
        return UNKNOWN_VOLTAGE_COLOUR
    return VOLTAGE_CLASSES[int(voltage_class_index([kv])[0])][1]


def voltage_colours(kv, dc=None) -> np.ndarray:
    """Vectorised :func:`voltage_colour`: an object array of colours."""
    idx = voltage_class_index(kv)
    out = np.where(idx >= 0, _CLASS_COLOURS[np.clip(idx, 0, None)], UNKNOWN_VOLTAGE_COLOUR)
    if dc is not None:
        out = np.where(np.asarray(dc, dtype=bool), HVDC_COLOUR, out)
    return out.astype(object)


def substation_sizes(kv) -> np.ndarray:
    """Point diameter in pixels for each substation voltage (kV)."""
    kv = np.asarray(kv, dtype="float64")
    breaks = np.array([s[0] for s in SUBSTATION_SIZES[1:]])
    sizes = np.array([s[1] for s in SUBSTATION_SIZES])
    idx = np.searchsorted(breaks, np.nan_to_num(kv, nan=0.0), side="right")
    return np.where(np.isfinite(kv) & (kv > 0), sizes[idx], UNKNOWN_SUBSTATION_SIZE)


def fuel_colour(fuel: str | None) -> str:
    return FUEL_COLOURS.get(str(fuel or "unknown").lower(), FUEL_COLOURS["other"])


def score_class_index(score) -> np.ndarray:
    """Index into :data:`SCORE_CLASSES` for each score (0–100); -1 where missing."""
    score = np.asarray(score, dtype="float64")
    breaks = np.array([c[0] for c in SCORE_CLASSES[1:]])
    idx = np.searchsorted(breaks, np.nan_to_num(score, nan=0.0), side="right")
    return np.where(np.isfinite(score), idx, -1).astype(np.int8)


def score_colours(score) -> np.ndarray:
    colours = np.array([c[2] for c in SCORE_CLASSES], dtype=object)
    idx = score_class_index(score)
    return np.where(idx >= 0, colours[np.clip(idx, 0, None)], NO_SCORE_COLOUR).astype(object)


def voltage_legend() -> list[dict]:
    """The voltage classes as JSON-able legend entries (with HVDC and unknown)."""
    entries = [
        {"min_kv": lo, "colour": colour, "label": label, "width": LINE_WIDTHS[i]}
        for i, (lo, colour, label) in enumerate(VOLTAGE_CLASSES)
    ]
    entries.append({"dc": True, "colour": HVDC_COLOUR, "label": "HVDC"})
    entries.append({"unknown": True, "colour": UNKNOWN_VOLTAGE_COLOUR, "label": "unknown voltage"})
    return entries


# ---- map colours (canvas and exports draw with these; nothing else defines a map colour) ----------
LAND = "#EFEBE2"
SEA = "#C6DCEC"
BORDER = "#B9B1A0"
#: the map background when no basemap is shown
PLAIN_BACKGROUND = "#F4F3EF"
#: parcels without a score (the parcels kind's default style uses the same)
PARCEL_FILL = "#F5E6B3"
PARCEL_OUTLINE = "#8C7A3C"
#: footprints of point-kind features (substation and site polygons) without their own style
FOOTPRINT_FILL = "#50505028"
FOOTPRINT_OUTLINE = "#505050"
POINT_OUTLINE = "#202020"
SELECTION = "#00E5FF"
#: a site's top parcels and radius circle in exports, the identify panel's dashed lines
HIGHLIGHT = "#E6007E"
IDENTIFY_LINE = "#B0007A"
LABEL_TEXT = "#202020"
LABEL_HALO = "#FFFFFF"
SITE_LABEL_TEXT = "#7A0044"
#: field-note status outlines: a coloured line over a dark halo, so it reads on every score colour
NOTE_COLOURS: dict[str, str] = {
    "visited": "#1F78B4",
    "shortlisted": "#33A02C",
    "rejected": "#E31A1C",
    "unvisited": "#9E9E9E",
}
NOTE_OUTLINE_HALO = "#1A1A1A"
NOTE_OUTLINE_HALO_WIDTH = 1.5  # on each side of the coloured line (screen px / points)
#: statuses drawn as outlines (an unvisited parcel keeps its plain look)
OUTLINED_NOTE_STATUSES = ("visited", "shortlisted", "rejected")
