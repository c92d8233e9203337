"""What a scoring run returns: per-parcel columns, the summary, and explanations."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
from gridscout.scoring.explain import explain

if TYPE_CHECKING:
    from gridscout.scoring.measurements import Measurements
    from gridscout.scoring.profile_model import Profile

#: result columns in output order (per-criterion ``<id>_raw/_utility/_points`` follow)
RESULT_COLUMNS = (
    "score",
    "rank",
    "excluded",
    "exclusion_reason",
    "substation_distance_m",
    "substation_id",
    "substation_name",
    "substation_kv",
    "line_distance_m",
    "line_id",
    "line_name",
    "line_kv",
    "generation_mw_within",
    "interconnection_cost_usd",
    "interconnection_option",
)


@dataclass
class ScoreSummary:
    """A run in numbers, for the CLI's closing lines and the GUI's status bar."""

    profile: str
    parcels_scored: int
    parcels_excluded: int
    #: rule → parcels it excluded (a parcel can fire several rules)
    excluded_by_reason: dict[str, int] = field(default_factory=dict)
    #: layer → features that did not count (unknown voltage; plants without capacity)
    left_out: dict[str, int] = field(default_factory=dict)
    #: of the parcels not excluded: min, p25, median, p75, p90, max
    score_quantiles: dict[str, float] = field(default_factory=dict)
    #: "measure" (geometry work, 0 when cached), "rescore"
    seconds: dict[str, float] = field(default_factory=dict)
    #: what a scout should read first: flat criteria, minimums that exclude most (scoring.evidence)
    diagnostics: list[str] = field(default_factory=list)

    def to_text(self) -> str:
        lines = [
            f"profile {self.profile}: {self.parcels_scored:,} parcels scored, "
            f"{self.parcels_excluded:,} excluded"
        ]
        for reason, count in self.excluded_by_reason.items():
            lines.append(f"  excluded, {reason}: {count:,}")
        for layer, count in self.left_out.items():
            if count:
                lines.append(f"  left out: {left_out_text(layer, count)}")
        if self.score_quantiles:
            q = self.score_quantiles
            lines.append("  scores: " + ", ".join(f"{k} {v:.1f}" for k, v in q.items()))
        for text in self.diagnostics:
            lines.append(f"  note: {text}")
        if self.seconds:
            lines.append("  time: " + ", ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items()))
        return "\n".join(lines)


def left_out_text(layer: str, count: int) -> str:
    """``"3 lines not in service (…)"`` for a :attr:`ScoreSummary.left_out` entry."""
    what = ("without capacity_mw" if layer.startswith("plants") else
            "not in service (planned, under construction, disused or retired)"
            if layer.endswith("not in service") else "of unknown voltage")
    noun = layer.split()[0]
    noun = noun[:-1] if count == 1 and noun.endswith("s") else noun
    return f"{count:,} {noun} {what}"


#: result columns held as pandas categories, written as text
TEXT_COLUMNS = ("exclusion_reason", "interconnection_option")


def _category_text(values: pd.Series) -> pd.Series:
    """``values.astype(str)``; for a categorical, each category is made text once and taken by
    code (5x faster at 1M rows)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        if codes.size and codes.min() >= 0:
            return pd.Series(values.cat.categories.astype(str).take(codes), index=values.index,
                             name=values.name)
    return values.astype(str)


@dataclass
class ScoreResult:
    """Scores for every parcel. ``columns`` holds the result arrays (aligned with the parcels);
    :attr:`parcels` builds the GeoDataFrame (parcel columns + results) on first use."""

    measurements: Measurements
    profile: Profile
    columns: dict[str, Any]
    summary: ScoreSummary

    def __len__(self) -> int:
        return len(self.measurements)

    @cached_property
    def parcels(self) -> gpd.GeoDataFrame:
        # Few copies: a 1M-row result frame builds in ~0.1 s instead of ~1.5 s (object arrays go in
        # as object Series, so pandas does not re-infer them as strings; only arrays shared with the
        # read-only measurements are copied).
        source = self.measurements.parcels
        geometry = source.geometry.name
        data: dict[str, Any] = {col: source[col] for col in source.columns if col != geometry}
        for name, values in self.columns.items():
            if isinstance(values, np.ndarray) and not values.flags.writeable:
                values = values.copy()  # shared with the measurements: the frame gets its own
            if isinstance(values, np.ndarray) and values.dtype == object:
                values = pd.Series(values, index=source.index, dtype=object, copy=False)
            data[name] = values
        data[geometry] = source.geometry
        frame = pd.DataFrame(data, index=source.index, copy=False)
        return gpd.GeoDataFrame(frame, geometry=geometry, copy=False)

    def output_frame(self) -> gpd.GeoDataFrame:
        """The scored parcels as every engine writes them, for any output format: :attr:`parcels`
        with the category columns (exclusion reason, interconnection option) as text."""
        frame = self.parcels.copy()
        for col in TEXT_COLUMNS:
            frame[col] = _category_text(frame[col])
        return frame

    def row(self, parcel_id: Any) -> int:
        """Row position of ``parcel_id`` (KeyError when unknown)."""
        return self.measurements.row(parcel_id)

    def explain(self, parcel_id: Any) -> list[str]:
        """The sentences a scout reads for one parcel (see :mod:`scoring.explain`)."""
        return explain(self, parcel_id)

    def top(self, n: int = 10) -> gpd.GeoDataFrame:
        """The ``n`` best parcels by rank."""
        order = np.argsort(self.columns["rank"], kind="stable")[:n]
        return self.parcels.iloc[order]
