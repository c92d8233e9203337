"""Why a parcel scores what it scores, in sentences a scout reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from gridscout.scoring.criteria import Criterion, criterion_type
from gridscout.scoring.wording import (  # noqa: F401 - the phrases are part of this module's face
    QT_TRANSLATE_NOOP,
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


def criterion_sentence(c: Criterion, result: ScoreResult, i: int) -> str:
    """"<label>: <what the type says about the raw value>: utility × weight = points"."""
    cols = result.columns
    what = criterion_type(c.type).sentence(c, result, i)
    u = float(cols[f"{c.id}_utility"][i])
    if cols["excluded"][i]:
        template = (QT_TRANSLATE_NOOP("Wording", "{label}: {what}: utility {utility:.2f} (not counted: the parcel is excluded)")
                    if c.label else
                    QT_TRANSLATE_NOOP("Wording", "{what}: utility {utility:.2f} (not counted: the parcel is excluded)"))
        return template.format(label=c.label, what=what, utility=u)
    template = (QT_TRANSLATE_NOOP("Wording", "{label}: {what}: utility {utility:.2f} × weight {weight:g} of {total:g} = {points:.1f} points")
                if c.label else
                QT_TRANSLATE_NOOP("Wording", "{what}: utility {utility:.2f} × weight {weight:g} of {total:g} = {points:.1f} points"))
    return template.format(label=c.label, what=what, utility=u, weight=c.weight,
                           total=result.profile.total_weight, points=float(cols[f"{c.id}_points"][i]))


def exclusion_sentences(result: ScoreResult, i: int) -> list[str]:
    m, profile = result.measurements, result.profile
    out = []
    if profile.min_area_ha is not None and m.area_ha[i] < profile.min_area_ha:
        out.append(QT_TRANSLATE_NOOP("Wording", "Excluded: {area:.1f} ha is below the {minimum:g} ha minimum").format(
            area=m.area_ha[i], minimum=profile.min_area_ha))
    for e in profile.exclusions:
        share = float(m.overlap_share[e.layer][i])
        if share > e.max_overlap_share + 1e-9:
            allowed = (
                QT_TRANSLATE_NOOP("Wording", "at most {share:.0%} allowed").format(share=e.max_overlap_share)
                if e.max_overlap_share
                else QT_TRANSLATE_NOOP("Wording", "none allowed")
            )
            out.append(QT_TRANSLATE_NOOP("Wording", "Excluded: {percent:.0f}% of the parcel lies in {layer} ({allowed})").format(
                percent=float(share_percent(share)), layer=e.layer, allowed=allowed))
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
        sentences.append(QT_TRANSLATE_NOOP("Wording", "Parcel {parcel}: excluded, not ranked").format(parcel=parcel_id))
        sentences.extend(exclusion_sentences(result, i))
    else:
        sentences.append(QT_TRANSLATE_NOOP(
            "Wording", "Parcel {parcel}: score {score:.1f} of 100, rank {rank:,} of {ranked:,} ranked ({profile} profile)").format(
            parcel=parcel_id, score=float(cols["score"][i]), rank=int(cols["rank"][i]), ranked=ranked,
            profile=result.profile.name))
    sentences.extend(criterion_sentence(c, result, i) for c in result.profile.criteria)
    return sentences
