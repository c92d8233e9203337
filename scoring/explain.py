"""Why a parcel scores what it scores, in sentences a scout reads."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

import numpy as np
from gridscout.scoring.engine import share_percent
from gridscout.scoring.profile import Criterion

if TYPE_CHECKING:
    from gridscout.scoring.results import ScoreResult


_PLACEHOLDER_NAME = re.compile(r"^(unknown|unnamed|n/?a|none)[\s_-]*\d*$", re.IGNORECASE)


def km(distance_m: float) -> str:
    """ "1.2 km", "350 m", "0 m" — what a scout reads."""
    if not math.isfinite(distance_m):
        return "no"
    if distance_m < 1000.0:
        return f"{distance_m:.0f} m"
    return f"{distance_m / 1000.0:.1f} km"


def real_name(name: Any) -> str | None:
    """The feature's name, or None for blanks and placeholders such as HIFLD's "UNKNOWN113243"."""
    if name is None or (isinstance(name, float) and name != name):
        return None
    text = str(name).strip()
    return None if not text or _PLACEHOLDER_NAME.match(text) else text


def usd(value: float) -> str:
    if not math.isfinite(value):
        return "unknown"
    if value >= 1e6:
        return f"${value / 1e6:.1f}M"
    return f"${value / 1e3:.0f}k"


def kv_text(kv: float) -> str:
    return f"{kv:g} kV" if kv == kv else "unknown voltage"


def substation_kv_text(cols: dict, i: int) -> str:
    """The nearest substation's kV, saying so when it was inferred from the lines."""
    text = kv_text(cols["substation_kv"][i])
    inferred = cols.get("substation_kv_inferred")
    if inferred is not None and bool(inferred[i]):
        text += " (inferred from the lines that meet it; the substation has no voltage tag)"
    return text


def substation_phrase(name: Any, feature_id: Any) -> str:
    name = real_name(name)
    if name:
        if "substation" in name.lower() or any(w in name for w in ("変電所", "開閉所", "変換所")):
            return name
        return f"{name} substation"
    return f"an unnamed substation (id {feature_id})"


def line_phrase(name: Any, feature_id: Any, kv: float) -> str:
    name = real_name(name)
    if name:
        has_word = "line" in name.lower() or "線" in name
        return f"the {kv_text(kv)} {name}" + ("" if has_word else " line")
    return f"an unnamed {kv_text(kv)} line (id {feature_id})"


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
    cols = result.columns
    raw = float(cols[f"{c.id}_raw"][i])
    pts = _points(c, result, i)
    label = f"{c.label}: " if c.label else ""
    if c.type == "substation_distance":
        if cols["substation_id"][i] is None and not np.isfinite(cols["substation_distance_m"][i]):
            return f"{label}No substation of {c.min_kv:g} kV or more found: {pts}"
        where = substation_phrase(cols["substation_name"][i], cols["substation_id"][i])
        return (
            f"{label}{km(cols['substation_distance_m'][i])} to {where}, "
            f"{substation_kv_text(cols, i)}: {pts}"
        )
    if c.type == "line_distance":
        if not np.isfinite(cols["line_distance_m"][i]):
            return f"{label}No line of {c.min_kv:g} kV or more found: {pts}"
        where = line_phrase(cols["line_name"][i], cols["line_id"][i], cols["line_kv"][i])
        return f"{label}{km(cols['line_distance_m'][i])} to {where}: {pts}"
    if c.type == "generation_within":
        fuels = f" ({', '.join(c.fuels)})" if c.fuels else ""
        return f"{label}{raw:,.0f} MW of generation{fuels} within {c.radius_km:g} km: {pts}"
    if c.type == "interconnection_cost":
        option = str(cols["interconnection_option"][i])
        if option == "line":
            how = "by tapping " + line_phrase(
                cols["line_name"][i], cols["line_id"][i], cols["line_kv"][i]
            )
            how += f" ({km(cols['line_distance_m'][i])} of new line)"
        elif option == "substation":
            how = "by tying into " + substation_phrase(
                cols["substation_name"][i], cols["substation_id"][i]
            )
            how += f", {substation_kv_text(cols, i)} ({km(cols['substation_distance_m'][i])} of new line)"
        else:
            return f"{label}Interconnection cost unknown: no qualifying substation or line: {pts}"
        return f"{label}Interconnection ≈ {usd(raw)} {how}: {pts}"
    if c.type == "parcel_area":
        return f"{label}{raw:,.1f} ha parcel: {pts}"
    if c.type == "raster_mean":
        value = "no data" if raw != raw else f"{raw:.3g}"
        return f"{label}Mean {c.layer} over the parcel {value}: {pts}"
    if c.type == "raster_class_share":
        classes = ", ".join(f"{v:g}" for v in c.classes or ())
        value = "no data for" if raw != raw else f"{raw:.0%} of the parcel in"
        return f"{label}{value} {c.layer} class {classes}: {pts}"
    raise AssertionError(c.type)


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
    n = len(result)
    sentences: list[str] = []
    if cols["excluded"][i]:
        sentences.append(
            f"Parcel {parcel_id}: score 0 (excluded), rank {int(cols['rank'][i]):,} of {n:,}"
        )
        sentences.extend(exclusion_sentences(result, i))
    else:
        sentences.append(
            f"Parcel {parcel_id}: score {float(cols['score'][i]):.1f} of 100, rank {int(cols['rank'][i]):,} "
            f"of {n:,} ({result.profile.name} profile)"
        )
    sentences.extend(criterion_sentence(c, result, i) for c in result.profile.criteria)
    return sentences
