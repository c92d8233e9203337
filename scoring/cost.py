"""Interconnection cost, NREL reVX style: the cheaper of tying into a substation or tapping a line.

(a) tie into the nearest qualifying substation:
    substation upgrade cost(kV class) + line cost per km(kV class) × distance km × short-line multiplier
(b) tap the nearest qualifying line:
    new substation cost(kV class) + line cost per km(kV class) × distance km × short-line multiplier

Default tables: reVX "least cost transmission" TEPPC region, 2019 USD — NREL reVX
``reVX/least_cost_xmission/config`` (``new_substation_costs``, ``upgrade_substation_costs``,
``base_line_costs``) and the reV documentation's transmission cost tables. Line costs are per MILE
in the sources and are converted exactly (1 mile = 1.609344 km). A voltage between classes uses the
next class up; above the top class, the top class; below the bottom class, the bottom class.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from gridscout.layers.errors import ProfileError

KM_PER_MILE = 1.609344

OPTION_NONE, OPTION_SUBSTATION, OPTION_LINE = 0, 1, 2
OPTION_NAMES = ("", "substation", "line")


@dataclass(frozen=True)
class CostTable:
    """Cost per voltage class; every tuple is aligned with ``kv_classes`` (ascending)."""

    region: str = "TEPPC"
    currency_year: int = 2019
    kv_classes: tuple[float, ...] = (69.0, 138.0, 230.0, 500.0)
    line_cost_per_mile_usd: tuple[float, ...] = (983_701.0, 1_180_083.0, 1_579_572.0, 3_052_857.0)
    new_substation_usd: tuple[float, ...] = (3_498_000.0, 5_541_000.0, 9_171_000.0, 15_489_000.0)
    substation_upgrade_usd: tuple[float, ...] = (
        1_352_000.0,
        2_198_000.0,
        5_500_000.0,
        10_236_000.0,
    )
    #: a new line shorter than ``short_line_below_miles[i]`` costs ``short_line_multipliers[i]`` × (first match)
    short_line_below_miles: tuple[float, ...] = (3.0, 10.0)
    short_line_multipliers: tuple[float, ...] = (1.5, 1.2)
    source: str = "NREL reVX least-cost transmission tables, TEPPC region, 2019 USD"

    def __post_init__(self) -> None:
        n = len(self.kv_classes)
        if n == 0:
            raise ProfileError("cost table needs at least one kV class in 'kv_classes'")
        if any(b <= a for a, b in zip(self.kv_classes, self.kv_classes[1:], strict=False)):
            raise ProfileError(
                f"cost 'kv_classes' must be strictly increasing: {list(self.kv_classes)}"
            )
        for name in ("line_cost_per_mile_usd", "new_substation_usd", "substation_upgrade_usd"):
            values = getattr(self, name)
            if len(values) != n:
                raise ProfileError(
                    f"cost '{name}' needs {n} values, one per kV class {list(self.kv_classes)}; "
                    f"it has {len(values)}"
                )
            if any(not np.isfinite(v) or v < 0 for v in values):
                raise ProfileError(f"cost '{name}' values must be numbers >= 0: {list(values)}")
        if len(self.short_line_below_miles) != len(self.short_line_multipliers):
            raise ProfileError(
                "cost 'short_line_below_miles' and 'short_line_multipliers' must have the same length"
            )
        if any(m <= 0 for m in self.short_line_multipliers):
            raise ProfileError("cost 'short_line_multipliers' must be greater than 0")

    @property
    def line_cost_per_km_usd(self) -> np.ndarray:
        return np.asarray(self.line_cost_per_mile_usd, dtype=float) / KM_PER_MILE

    def class_index(self, kv: np.ndarray) -> np.ndarray:
        """Index of the cost class of each voltage: the next class up, capped at the top class."""
        classes = np.asarray(self.kv_classes, dtype=float)
        # NaN sorts last (→ the top class); callers replace unknown kV first (Measurements.cost)
        idx = np.searchsorted(classes, np.asarray(kv, dtype=float), side="left")
        return np.minimum(idx, len(classes) - 1, out=idx)

    def short_line_multiplier(self, distance_km: np.ndarray) -> np.ndarray:
        """Multiplier per distance: the one of the smallest threshold the line is shorter than."""
        order = np.argsort(self.short_line_below_miles)
        below_km = np.asarray(self.short_line_below_miles, dtype=float)[order] * KM_PER_MILE
        mults = np.append(np.asarray(self.short_line_multipliers, dtype=float)[order], 1.0)
        return mults[np.searchsorted(below_km, distance_km, side="right")]


@dataclass
class CostEstimate:
    """Per parcel: cheaper option's cost (inf when neither exists), option code, and both options."""

    cost_usd: np.ndarray
    option: np.ndarray  # int8: OPTION_NONE / OPTION_SUBSTATION / OPTION_LINE
    substation_option_usd: np.ndarray
    line_option_usd: np.ndarray

    @property
    def option_names(self) -> np.ndarray:
        return np.asarray(OPTION_NAMES, dtype=object)[self.option]


def option_cost(
    distance_m: np.ndarray, kv: np.ndarray, station_costs: tuple[float, ...], table: CostTable
) -> np.ndarray:
    """Station cost + new line cost for each parcel; inf where there is no feature (inf distance).
    In place where it can: at 1M parcels every temporary array costs page faults."""
    distance_km = np.asarray(distance_m, dtype=float) / 1000.0
    idx = table.class_index(kv)
    cost = table.line_cost_per_km_usd[idx]
    cost *= table.short_line_multiplier(distance_km)
    with np.errstate(invalid="ignore"):
        cost *= distance_km
    cost += np.asarray(station_costs, dtype=float)[idx]
    cost[~np.isfinite(distance_km)] = np.inf
    return cost


def interconnection_cost(
    substation_distance_m: np.ndarray,
    substation_kv: np.ndarray,
    line_distance_m: np.ndarray,
    line_kv: np.ndarray,
    table: CostTable | None = None,
) -> CostEstimate:
    """The cheaper of upgrading the nearest substation + new line, or tapping the nearest line."""
    table = table or CostTable()
    via_substation = option_cost(
        substation_distance_m, substation_kv, table.substation_upgrade_usd, table
    )
    via_line = option_cost(line_distance_m, line_kv, table.new_substation_usd, table)
    option = np.where(via_line < via_substation, OPTION_LINE, OPTION_SUBSTATION).astype(np.int8)
    cost = np.minimum(via_substation, via_line)
    option[~np.isfinite(cost)] = OPTION_NONE
    return CostEstimate(cost, option, via_substation, via_line)
