"""Why a parcel scores what it scores, in sentences a scout reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from gridscout.scoring.criteria import Criterion, criterion_type
from gridscout.scoring.wording import (  # noqa: F401 - the phrases are part of this module's face
    km,
    kv_text,
    line_phrase,
    real_name,
    share_percent,
    substation_phrase,
    usd,
)

if TYPE_CHECKING:
    from gridscout.scoring.results import ScoreResult


def _points(c: Criterion, result: ScoreResult, i: int) -> str:
    cols = result.columns
    u = float(cols[f"{c.id}_utility"][i])
    if cols["excluded"][i]:
        return f"utility {u:.2f} (not counted: the parcel is excluded)"
    p = float(cols[f"{c.id}_points"][i])
    return (
        f"utility {u:.2f} × weight {c.weight:g} of {result.profile.total_weight:g} = {p:.1f} points"
    )


def criterion_sentence(c: Criterion, result: ScoreResult, i: int) -> str:
    """"<label>: <what the type says about the raw value>: utility × weight = points"."""
    label = f"{c.label}: " if c.label else ""
    return f"{label}{criterion_type(c.type).sentence(c, result, i)}: {_points(c, result, i)}"


def exclusion_sentences(result: ScoreResult, i: int) -> list[str]:
    m, profile = result.measurements, result.profile
    out = []
    if profile.min_area_ha is not None and m.area_ha[i] < profile.min_area_ha:
        out.append(
            f"Excluded: {m.area_ha[i]:.1f} ha is below the {profile.min_area_ha:g} ha minimum"
        )
    for e in profile.exclusions:
        share = float(m.overlap_share[e.layer][i])
        if share > e.max_overlap_share + 1e-9:
            allowed = (
                f"at most {e.max_overlap_share:.0%} allowed"
                if e.max_overlap_share
                else "none allowed"
            )
            out.append(
                f"Excluded: {float(share_percent(share)):.0f}% of the parcel lies in {e.layer} ({allowed})"
            )
    return out


def explain(result: ScoreResult, parcel_id: Any) -> list[str]:
    """Sentences for one parcel: score and rank; why it is excluded (if it is); then one sentence
    per criterion with its raw value, utility, weight and points (for an excluded parcel the
    utilities only: nothing counts)."""
    i = result.row(parcel_id)
    cols = result.columns
    ranked = int(len(result) - np.count_nonzero(cols["excluded"]))
    sentences: list[str] = []
    if cols["excluded"][i]:  # not a score of 0 and a last rank: excluded, and why
        sentences.append(f"Parcel {parcel_id}: excluded, not ranked")
        sentences.extend(exclusion_sentences(result, i))
    else:
        sentences.append(
            f"Parcel {parcel_id}: score {float(cols['score'][i]):.1f} of 100, rank {int(cols['rank'][i]):,} "
            f"of {ranked:,} ranked ({result.profile.name} profile)"
        )
    sentences.extend(criterion_sentence(c, result, i) for c in result.profile.criteria)
    return sentences
