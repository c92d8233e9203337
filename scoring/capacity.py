"""Deliverable power: how many MW a connection can carry, how soon it can be energised, and which
plants leave grid connections behind when they retire.

A scout asks "how many MW can this parcel get, how soon, at what cost". Proximity alone does not
answer it: a 300 MW campus next to a 69 kV substation is not a good site. This module holds the
planning tables of a profile and the vectorised functions the capacity criteria use:

- **Existing lines** carry about ``SIL(kV) × St. Clair(length) × circuits × headroom share``: the
  surge-impedance loading of the voltage class (Glover, Sarma & Overbye, *Power System Analysis and
  Design*, Table 5.2, from EPRI's Transmission Line Reference Book) scaled by the St. Clair
  loadability curve for the line's length (St. Clair 1953; Dunlop, Gutman & Marchenko 1979) and by the
  share of that loadability assumed free for a new load.
- **Existing substations** carry about one short line's worth: ``SIL(kV) × St. Clair(0) × headroom``.
- **Data wins**: a layer with a hosting-capacity / headroom column (``available_mw``, ``headroom_mw``,
  ``hosting_capacity`` ...) overrides the estimate row by row.
- **New connections** need at least the voltage NREL reVX assigns to a capacity
  (``reVX/least_cost_xmission/config/power_to_voltage.json``: 102 MW → 69 kV, 171 → 115, 205 → 138,
  240 → 161, 400 → 230, 750 → 345, 3000 → 500).
- **Time to power** in months per option (tie into a substation, new substation on a line, new line
  of L km) from a table in the profile with its sources.

Every number of the shipped tables is cited in the profile files (``resources/profiles/*.toml``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from gridscout.layers.errors import ProfileError

#: columns that carry a utility's figure of what a substation/line can still deliver, in order of
#: preference (utilities publish hosting-capacity maps; names vary by utility)
AVAILABLE_MW_COLUMNS = (
    "available_mw",
    "available_capacity_mw",
    "headroom_mw",
    "hosting_capacity_mw",
    "hosting_capacity",
    "load_hosting_capacity_mw",
    "capacity_mw",
)
#: columns giving a plant's planned retirement (EIA-860M ``planned_retirement_date`` "2027-12")
RETIREMENT_COLUMNS = (
    "planned_retirement_date",
    "planned_retirement_year",
    "retirement_date",
    "retirement_year",
    "planned_retirement",
)
RETIRING_STATUSES = frozenset({"retiring", "retired", "planned retirement", "decommissioned"})


def _floats(values: Any, name: str, where: str) -> tuple[float, ...]:
    try:
        out = tuple(float(v) for v in values)
    except (TypeError, ValueError, OverflowError):
        raise ProfileError(f"{where} '{name}' must be a list of numbers: {values!r}") from None
    if any(not math.isfinite(v) or v < 0 for v in out):
        raise ProfileError(f"{where} '{name}' values must be finite numbers >= 0: {list(values)}")
    return out


def _from_dict(cls, data: dict[str, Any], where: str):
    """A table dataclass from a TOML table: unknown keys and bad numbers are ProfileErrors."""
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ProfileError(
            f"[{where}] has unknown setting {unknown[0]!r}; known: {', '.join(sorted(known))}"
        )
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        default = known[key].default
        if isinstance(default, tuple) and default and isinstance(default[0], (int, float)):
            kwargs[key] = _floats(value if isinstance(value, list) else [value], key, f"[{where}]")
        elif isinstance(default, tuple):
            kwargs[key] = tuple(str(v) for v in (value if isinstance(value, list) else [value]))
        elif isinstance(default, float):
            try:
                kwargs[key] = float(value)
            except (TypeError, ValueError, OverflowError):
                raise ProfileError(f"[{where}] '{key}' must be a number: {value!r}") from None
            if not math.isfinite(kwargs[key]) or kwargs[key] < 0:
                raise ProfileError(f"[{where}] '{key}' must be a finite number >= 0: {value!r}")
        else:
            kwargs[key] = str(value)
    return cls(**kwargs)


def _to_dict(table) -> dict[str, Any]:
    return {
        f.name: list(getattr(table, f.name)) if isinstance(getattr(table, f.name), tuple) else getattr(table, f.name)
        for f in fields(table)
    }


@dataclass(frozen=True)
class CapacityTable:
    """What a connection of each voltage class can deliver (the profile's ``[capacity]`` table)."""

    kv_classes: tuple[float, ...] = (69.0, 115.0, 138.0, 161.0, 230.0, 345.0, 500.0, 765.0)
    #: typical surge impedance per class (ohm): Glover, Sarma & Overbye Table 5.2 mid-range values
    #: (69 kV 366–400, 138 kV 366–405, 230 kV 365–395, 345 kV 280–366, 500 kV 233–294, 765 kV 254–266);
    #: 115 and 161 kV take the 69–138 kV range
    surge_impedance_ohm: tuple[float, ...] = (380.0, 380.0, 385.0, 385.0, 380.0, 320.0, 265.0, 260.0)
    #: St. Clair curve: loadability in multiples of SIL at a line length (miles, as published)
    st_clair_miles: tuple[float, ...] = (50.0, 100.0, 200.0, 300.0, 400.0, 600.0)
    st_clair_multiple: tuple[float, ...] = (3.0, 2.0, 1.3, 1.0, 0.8, 0.6)
    #: share of a connection's loadability assumed free for a new load where no data says otherwise
    #: (a planning assumption: existing lines run loaded; replace with hosting-capacity data)
    headroom_share: float = 1.0 / 3.0
    #: NREL reVX power_to_voltage: the voltage a new connection of a capacity needs (MW → kV)
    new_connection_mw: tuple[float, ...] = (68.0, 102.0, 171.0, 205.0, 240.0, 400.0, 750.0, 3000.0)
    new_connection_kv: tuple[float, ...] = (46.0, 69.0, 115.0, 138.0, 161.0, 230.0, 345.0, 500.0)
    source: str = (
        "SIL: Glover, Sarma & Overbye, Power System Analysis and Design, Table 5.2; St. Clair curve: "
        "Dunlop, Gutman & Marchenko, IEEE Trans. PAS-98 (1979); new connections: NREL reVX "
        "least_cost_xmission power_to_voltage"
    )

    def __post_init__(self) -> None:
        pairs = (
            ("kv_classes", "surge_impedance_ohm"),
            ("st_clair_miles", "st_clair_multiple"),
            ("new_connection_mw", "new_connection_kv"),
        )
        for a, b in pairs:
            va, vb = getattr(self, a), getattr(self, b)
            if len(va) != len(vb) or not va:
                raise ProfileError(
                    f"[capacity] '{a}' and '{b}' need the same number of values (>= 1); "
                    f"they have {len(va)} and {len(vb)}"
                )
            if any(y <= x for x, y in zip(va, va[1:], strict=False)):
                raise ProfileError(f"[capacity] '{a}' must be strictly increasing: {list(va)}")
        if any(z <= 0 for z in self.surge_impedance_ohm):
            raise ProfileError("[capacity] 'surge_impedance_ohm' values must be greater than 0")
        if not 0 < self.headroom_share <= 1:
            raise ProfileError(f"[capacity] 'headroom_share' must be in (0, 1]: {self.headroom_share}")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CapacityTable:
        return _from_dict(cls, data, "capacity")

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)

    # -- the physics -------------------------------------------------------------------------
    def sil_mw(self, kv: np.ndarray) -> np.ndarray:
        """Surge-impedance loading kV² / Zc, with Zc of the voltage's class (next class down,
        the lowest for lower voltages); NaN for unknown voltages."""
        kv = np.asarray(kv, dtype=float)
        classes = np.asarray(self.kv_classes)
        idx = np.clip(np.searchsorted(classes, kv, side="right") - 1, 0, len(classes) - 1)
        with np.errstate(invalid="ignore"):
            return kv * kv / np.asarray(self.surge_impedance_ohm)[idx]

    def st_clair(self, length_km: np.ndarray) -> np.ndarray:
        """Loadability in multiples of SIL for a line length (flat below the first point)."""
        miles = np.asarray(length_km, dtype=float) / 1.609344
        return np.interp(miles, self.st_clair_miles, self.st_clair_multiple)

    def line_mw(self, kv: np.ndarray, circuits: np.ndarray, length_km: np.ndarray) -> np.ndarray:
        """What a tap on an existing line can deliver (estimate, MW)."""
        c = np.asarray(circuits, dtype=float)
        c = np.where(np.isfinite(c) & (c >= 1), c, 1.0)
        return self.sil_mw(kv) * self.st_clair(length_km) * c * self.headroom_share

    def substation_mw(self, kv: np.ndarray) -> np.ndarray:
        """What an existing substation can deliver to a new load (estimate, MW): one short line."""
        return self.sil_mw(kv) * self.st_clair(np.zeros(np.shape(kv))) * self.headroom_share

    def required_kv(self, campus_mw: float) -> float:
        """The lowest voltage class whose existing substation can deliver ``campus_mw`` (inf if none)."""
        mw = self.substation_mw(np.asarray(self.kv_classes))
        ok = np.flatnonzero(mw >= campus_mw)
        return float(self.kv_classes[ok[0]]) if len(ok) else math.inf

    def new_connection_kv_for(self, campus_mw: float) -> float:
        """reVX: the voltage a new line to a load of ``campus_mw`` needs (top class above the table)."""
        i = int(np.searchsorted(self.new_connection_mw, campus_mw, side="left"))
        return float(self.new_connection_kv[min(i, len(self.new_connection_kv) - 1)])


@dataclass(frozen=True)
class TimeToPowerTable:
    """Months to energisation per connection option (the profile's ``[connection_timeline]`` table)."""

    #: large-load service from an existing substation, with an upgrade (studies, design, build)
    existing_substation_months: float = 24.0
    #: a new switching/step-down substation tapping an existing line
    new_substation_months: float = 36.0
    #: a new line from the parcel: permitting, right of way and construction, per km, added to the above
    line_months_per_km: float = 1.0
    #: when nothing in reach can deliver the campus: new bulk transmission
    no_option_months: float = 96.0
    source: str = (
        "GridScout planning assumptions from public timelines: LBNL Queued Up 2024 (median ~5 years "
        "from interconnection request to operation); utility large-load timelines 2-7 years "
        "(Dominion Energy, 2024); new high-voltage lines 5-10 years"
    )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeToPowerTable:
        return _from_dict(cls, data, "connection_timeline")

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)

    def months(self, via_line: np.ndarray, distance_km: np.ndarray) -> np.ndarray:
        """Months for each option: ``via_line`` True = new substation on a line, False = existing
        substation; ``distance_km`` the new line's length (inf → ``no_option_months``)."""
        distance_km = np.asarray(distance_km, dtype=float)
        base = np.where(via_line, self.new_substation_months, self.existing_substation_months)
        months = base + self.line_months_per_km * np.where(np.isfinite(distance_km), distance_km, 0.0)
        months = np.minimum(months, max(self.no_option_months, base.max(initial=0.0)))
        return np.where(np.isfinite(distance_km), months, self.no_option_months)


# -- reading the data's own figures ---------------------------------------------------------------


def _key(column: str) -> str:
    return re.sub(r"[^0-9a-z]", "", str(column).lower())


def find_column(frame: pd.DataFrame | None, candidates: tuple[str, ...]) -> str | None:
    """The first column of ``frame`` matching a candidate name (case and punctuation ignored)."""
    if frame is None:
        return None
    by_key = {_key(c): c for c in frame.columns if c != "geometry"}
    return next((by_key[_key(c)] for c in candidates if _key(c) in by_key), None)


def available_mw(frame: pd.DataFrame | None) -> tuple[np.ndarray, str | None]:
    """Per feature, the layer's own deliverable-MW figure (NaN where absent) and its column."""
    n = 0 if frame is None else len(frame)
    col = find_column(frame, AVAILABLE_MW_COLUMNS)
    if col is None:
        return np.full(n, np.nan), None
    from gridscout.layers.parse import parse_capacity

    values = frame[col]
    if pd.api.types.is_numeric_dtype(values):
        mw = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, copy=True)
        mw[~np.isfinite(mw) | (mw < 0)] = np.nan
    else:
        mw = parse_capacity(values.astype("object"), unit="mw", column=col)["capacity_mw"].to_numpy(float)
    return mw, col


def deliverable_mw(
    frame: pd.DataFrame | None, table: CapacityTable, kind: str
) -> tuple[np.ndarray, np.ndarray]:
    """Per feature of a substations (``kind="substation"``) or lines layer: deliverable MW and
    whether it came from the data (True) or the voltage-class estimate (False)."""
    if frame is None or not len(frame):
        return np.zeros(0), np.zeros(0, dtype=bool)
    kv = pd.to_numeric(frame.get("voltage_kv"), errors="coerce")
    kv = np.asarray(kv if kv is not None else np.full(len(frame), np.nan), dtype=float)
    if kind == "line":
        circuits = pd.to_numeric(frame["circuits"], errors="coerce").to_numpy(float) if "circuits" in frame else np.ones(len(frame))
        estimate = table.line_mw(kv, circuits, line_lengths_km(frame))
    else:
        estimate = table.substation_mw(kv)
    data, _ = available_mw(frame)
    from_data = np.isfinite(data)
    return np.where(from_data, data, estimate), from_data


def line_lengths_km(frame: pd.DataFrame) -> np.ndarray:
    """Geodesic length of each line feature (km)."""
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    out = np.zeros(len(frame))
    for i, geom in enumerate(frame.geometry.to_numpy()):
        if geom is not None and not geom.is_empty:
            out[i] = geod.geometry_length(geom) / 1000.0
    return out


def retiring_mask(
    plants: pd.DataFrame | None, horizon_years: float, today: date | None = None
) -> tuple[np.ndarray, str | None]:
    """Plants that leave a grid connection behind: status retiring/retired, or a planned retirement
    within ``horizon_years`` of today. Returns the mask and the retirement column used."""
    if plants is None or not len(plants):
        return np.zeros(0, dtype=bool), None
    status = plants["status"].astype("string").str.lower().fillna("") if "status" in plants else pd.Series("", index=plants.index)
    mask = status.isin(RETIRING_STATUSES).to_numpy(dtype=bool, copy=True)
    col = find_column(plants, RETIREMENT_COLUMNS)
    if col is not None:
        year = pd.to_numeric(
            plants[col].astype("string").str.extract(r"((?:19|20)\d\d)", expand=False), errors="coerce"
        ).to_numpy(dtype=float)
        today = today or date.today()
        with np.errstate(invalid="ignore"):
            mask |= np.isfinite(year) & (year <= today.year + horizon_years)
    return mask, col


# -- measuring: what the nearest connections deliver, and the nearest that deliver enough -----------


@dataclass
class DeliverableMeasures:
    """Per feature: deliverable MW (and whether from data); per parcel: the nearest qualifying
    substation and line that can each deliver ``campus_mw`` (None when no campus size is set)."""

    campus_mw: float
    substation_mw: np.ndarray
    substation_from_data: np.ndarray
    line_mw: np.ndarray
    line_from_data: np.ndarray
    substation: Any = None  # layer_measures.NearestFeature among deliverable substations
    line: Any = None
    substation_column: str | None = None
    line_column: str | None = None


def measure_deliverable(
    parcels,
    substations,
    lines,
    *,
    substation_rule: tuple[float, bool],
    line_rule: tuple[float, bool],
    campus_mw: float,
    table: CapacityTable,
    progress=None,
) -> DeliverableMeasures:
    """The geometry work of the capacity criteria: per-feature deliverable MW, then the nearest
    qualifying substation and line whose deliverable MW covers ``campus_mw``."""
    from gridscout.layers.progress import no_progress, scaled
    from gridscout.scoring import layer_measures as lm

    progress = progress or no_progress
    sub_mw, sub_data = deliverable_mw(substations, table, "substation")
    line_mw, line_data = deliverable_mw(lines, table, "line")
    out = DeliverableMeasures(
        campus_mw, sub_mw, sub_data, line_mw, line_data,
        substation_column=available_mw(substations)[1] if substations is not None else None,
        line_column=available_mw(lines)[1] if lines is not None else None,
    )
    n = len(parcels)
    for which, frame, rule, mw, p in (
        ("substation", substations, substation_rule, sub_mw, scaled(progress, 0.0, 0.5)),
        ("line", lines, line_rule, line_mw, scaled(progress, 0.5, 1.0)),
    ):
        if frame is None or not len(frame):
            setattr(out, which, lm.NearestFeature.empty(n))
            continue
        mask, _ = lm.qualifying(frame, *rule)
        with np.errstate(invalid="ignore"):
            mask &= np.nan_to_num(mw, nan=-1.0) >= campus_mw
        p(0.0, f"nearest {which} that can deliver {campus_mw:g} MW")
        setattr(out, which, lm.nearest_feature(parcels.geometry, frame, mask, p))
    return out


def describe_mw(mw: float) -> str:
    """'about 13 MW' / 'about 1,000 MW' for sentences."""
    if not math.isfinite(mw):
        return "an unknown amount"
    rounded = float(f"{mw:.2g}") if mw >= 10 else round(mw, 1)
    return f"about {rounded:,.0f} MW" if rounded >= 10 else f"about {rounded:g} MW"
