"""Criterion diagnostics on every score: what cannot tell the candidates apart, what excludes most.

"generation within 50 km spans 1,794–1,890 MW here: it cannot tell these parcels apart" — a criterion
whose utility varies by less than :data:`FLAT_UTILITY_SPAN` across the candidates kept adds (almost)
the same points to every one of them; "the 10 ha minimum excludes 72% of the parcels" — a rule that
removes more than :data:`MOST_EXCLUDED` of the candidates.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from gridscout.scoring.evidence.columns import (
    criterion_array,
    criterion_title,
    criterion_unit,
    format_value,
)

#: a criterion whose utility spans less than this (of its 0–1 range) cannot tell candidates apart
FLAT_UTILITY_SPAN = 0.05
#: a rule that excludes more than this share of the candidates is reported
MOST_EXCLUDED = 0.5
#: diagnostics look at up to this many evenly spaced candidates (min/max stay cheap at 1M parcels)
SAMPLE = 200_000


def score_diagnostics(
    profile: Any,
    columns: Mapping[str, Any],
    excluded: np.ndarray,
    excluded_by_reason: Mapping[str, int],
    noun: str = "parcels",
    total: int | None = None,
) -> list[str]:
    """Sentences a scout should read before trusting the scores (empty when nothing stands out).

    ``total`` is the number of parcels when ``columns`` and ``excluded`` hold a sample of them
    (every :data:`SAMPLE`-th part, as a streamed run gathers it)."""
    n = len(excluded) if total is None else total
    out: list[str] = []
    if n == 0:
        return out
    for rule, count in excluded_by_reason.items():
        if count > MOST_EXCLUDED * n:
            what = (
                rule.replace("area below the ", "the ")
                if rule.startswith("area below the ")
                else f"the exclusion \u201c{rule}\u201d"
            )
            out.append(
                f"{what} excludes {count / n:.0%} of the {noun} ({count:,} of {n:,}): "
                "check that the rule fits this market"
            )
    step = max(1, len(excluded) // SAMPLE)
    kept = ~np.asarray(excluded[::step], dtype=bool)
    if not kept.any():
        return out
    for c in profile.criteria:
        if c.weight <= 0:
            continue
        raw = criterion_array(dict(columns), c.id, "raw")[::step][kept]
        utility = criterion_array(dict(columns), c.id, "utility")[::step][kept]
        title = criterion_title(c)
        finite = raw[np.isfinite(raw)]
        if finite.size == 0:
            out.append(f"{title} has no value for any of the {noun} (no qualifying feature): it adds 0 points everywhere")
            continue
        span = float(np.nanmax(utility) - np.nanmin(utility)) if utility.size else 0.0
        if span < FLAT_UTILITY_SPAN:
            unit = criterion_unit(c)
            low, high = format_value(float(finite.min()), unit), format_value(float(finite.max()), unit)
            if unit and low.endswith(f" {unit}") and high.endswith(f" {unit}"):
                low = low[: -len(unit) - 1]  # "1,794–1,890 MW"
            spread = f"spans {low}–{high}" if low != high.split(" ")[0] else f"is {high} everywhere"
            out.append(f"{title} {spread} here: it cannot tell these {noun} apart")
    return out
