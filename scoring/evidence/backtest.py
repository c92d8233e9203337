"""Backtest: does a profile's score point where data centers were really built?

:func:`backtest` takes a score result and the known-site labels of its candidates and returns the ROC
AUC (scikit-learn) with a stratified bootstrap 95% interval, precision and lift in the top 1/5/10%,
each criterion's own AUC and its raw-value distribution for known vs other candidates, and the share
of known sites each exclusion rule (minimum area, exclusion layers) removes.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress, no_progress
from gridscout.scoring.evidence.columns import (
    criterion_array,
    criterion_title,
    criterion_unit,
    format_value,
)
from gridscout.scoring.wording import QT_TRANSLATE_NOOP
from sklearn.metrics import roc_auc_score, roc_curve

QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)


@dataclass(frozen=True)
class BacktestSettings:
    bootstrap: int = 1000
    seed: int = 0
    top_fractions: tuple[float, ...] = (0.01, 0.05, 0.10)


@dataclass
class TopRow:
    fraction: float
    candidates: int
    known: int
    precision: float
    lift: float
    recall: float


@dataclass
class CriterionRow:
    id: str
    title: str
    unit: str
    weight: float
    auc: float
    known_quantiles: list[float]
    other_quantiles: list[float]


@dataclass
class ExclusionRow:
    rule: str
    known_excluded: int
    known_share: float
    other_share: float

    def sentence(self) -> str:
        return QT_TRANSLATE_NOOP(
            "Wording", "the {rule} excludes {known_share:.0%} of known sites ({known_excluded:,}) and "
            "{other_share:.0%} of other candidates").format(
            rule=self.rule, known_share=self.known_share, known_excluded=self.known_excluded,
            other_share=self.other_share)


@dataclass
class BacktestReport:
    profile: str
    candidates: int
    known: int
    auc: float
    auc_low: float
    auc_high: float
    top: list[TopRow]
    criteria: list[CriterionRow]
    exclusions: list[ExclusionRow]
    roc_fpr: np.ndarray = field(repr=False)
    roc_tpr: np.ndarray = field(repr=False)
    #: per-candidate scores and labels (for charts); not written to JSON
    scores: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0))
    labels: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, bool))
    notes: list[str] = field(default_factory=list)

    @property
    def base_rate(self) -> float:
        return self.known / self.candidates if self.candidates else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = {
            k: v
            for k, v in asdict(self).items()
            if k not in ("roc_fpr", "roc_tpr", "scores", "labels")
        }
        out["roc"] = {"fpr": self.roc_fpr.tolist(), "tpr": self.roc_tpr.tolist()}
        return out

    def to_text(self) -> str:
        lines = [
            f"backtest of profile {self.profile}: {self.candidates:,} candidates, "
            f"{self.known:,} hold a known site ({self.base_rate:.2%})",
            f"  ROC AUC {self.auc:.3f} (95% bootstrap interval {self.auc_low:.3f}–{self.auc_high:.3f}; "
            "0.5 = chance)",
        ]
        for t in self.top:
            lines.append(
                f"  top {t.fraction:.0%} ({t.candidates:,} candidates): {t.known:,} known, "
                f"precision {t.precision:.1%}, lift {t.lift:.1f}x, recall {t.recall:.0%}"
            )
        lines.append("  criteria (own AUC; raw median known vs other):")
        for c in self.criteria:
            lines.append(
                f"    {c.title} (weight {c.weight:g}): AUC {c.auc:.3f}; median "
                f"{format_value(c.known_quantiles[2], c.unit)} vs {format_value(c.other_quantiles[2], c.unit)}"
            )
        for e in self.exclusions:
            lines.append(f"  {e.sentence()}")
        lines.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(lines)


def auc_or_nan(labels: np.ndarray, values: np.ndarray) -> float:
    """scikit-learn's ROC AUC; NaN when only one class is present. NaN values rank lowest."""
    if labels.all() or not labels.any():
        return math.nan
    finite = np.isfinite(values)
    lowest = values[finite].min() - 1.0 if finite.any() else 0.0
    return float(roc_auc_score(labels, np.where(finite, values, lowest)))


def bootstrap_interval(
    labels: np.ndarray, scores: np.ndarray, n: int, seed: int, progress: Progress
) -> tuple[float, float]:
    """Stratified bootstrap (known and other candidates resampled separately) 95% interval of the AUC."""
    if n <= 0:
        return math.nan, math.nan
    rng = np.random.default_rng(seed)
    pos = np.flatnonzero(labels)
    neg = np.flatnonzero(~labels)
    aucs = np.empty(n)
    for i in range(n):
        idx = np.concatenate([rng.choice(pos, pos.size), rng.choice(neg, neg.size)])
        aucs[i] = roc_auc_score(labels[idx], scores[idx])
        if i % 50 == 0:
            progress(i / n, f"bootstrap {i:,}/{n:,}")
    low, high = np.percentile(aucs, [2.5, 97.5])
    return float(low), float(high)


def top_rows(labels: np.ndarray, scores: np.ndarray, fractions: tuple[float, ...]) -> list[TopRow]:
    """Precision, lift and recall among the best ``fraction`` of candidates by score (ties broken
    by candidate order, as a ranked list would show them)."""
    n = labels.size
    order = np.argsort(-scores, kind="stable")
    base = labels.mean()
    total = int(labels.sum())
    rows = []
    for f in fractions:
        k = max(1, int(math.ceil(f * n)))
        hits = int(labels[order[:k]].sum())
        precision = hits / k
        rows.append(
            TopRow(f, k, hits, precision, precision / base if base else math.nan, hits / total if total else 0.0)
        )
    return rows


def exclusion_rows(result: Any, labels: np.ndarray) -> list[ExclusionRow]:
    """Share of known sites (and of other candidates) each exclusion rule removes."""
    from gridscout.scoring.engine import overlap_reason

    m = result.measurements
    profile = result.profile
    rules: list[tuple[str, np.ndarray]] = []
    if profile.min_area_ha is not None:
        with np.errstate(invalid="ignore"):
            rules.append((QT_TRANSLATE_NOOP("Wording", "{minimum:g} ha minimum").format(minimum=profile.min_area_ha),
                          m.area_ha < profile.min_area_ha))
    for e in profile.exclusions:
        share = m.overlap_share.get(e.layer)
        if share is not None:
            rules.append((QT_TRANSLATE_NOOP("Wording", "exclusion ({reason})").format(
                reason=overlap_reason(e.layer, e.max_overlap_share)), share > e.max_overlap_share + 1e-9))
    excluded = np.asarray(result.columns["excluded"], dtype=bool)
    if len(rules) != 1:
        rules.append((QT_TRANSLATE_NOOP("Wording", "exclusions together"), excluded))
    rows = []
    pos, neg = labels.sum(), (~labels).sum()
    for name, mask in rules:
        k = int((mask & labels).sum())
        rows.append(ExclusionRow(name, k, k / pos if pos else 0.0, (mask & ~labels).sum() / neg if neg else 0.0))
    return rows


def backtest(
    result: Any,
    labels: np.ndarray | Any,
    *,
    settings: BacktestSettings | None = None,
    progress: Progress | None = None,
) -> BacktestReport:
    """Backtest the scores in ``result`` (a :class:`ScoreResult`) against ``labels`` (one bool per
    candidate, or :class:`Labels`)."""
    settings = settings or BacktestSettings()
    progress = progress or no_progress
    known = np.asarray(getattr(labels, "known", labels), dtype=bool)
    scores = np.asarray(result.columns["score"], dtype=float)
    if known.size != scores.size:
        raise DataError(f"{known.size:,} labels for {scores.size:,} scored candidates")
    if not known.any():
        raise DataError(
            "no candidate holds a known site: check that the known sites lie inside the candidates' area"
        )
    if known.all():
        raise DataError("every candidate holds a known site: there is nothing to tell apart")
    progress(0.0, "ROC AUC")
    auc = float(roc_auc_score(known, scores))
    fpr, tpr, _ = roc_curve(known, scores)
    low, high = bootstrap_interval(
        known, scores, settings.bootstrap, settings.seed, lambda f, msg: progress(0.05 + 0.8 * f, msg)
    )
    progress(0.9, "criteria")
    rows = []
    for c in result.profile.criteria:
        raw = criterion_array(result.columns, c.id, "raw")
        utility = criterion_array(result.columns, c.id, "utility")
        rows.append(
            CriterionRow(
                id=c.id,
                title=criterion_title(c),
                unit=criterion_unit(c),
                weight=float(c.weight),
                auc=auc_or_nan(known, utility),
                known_quantiles=quantiles(raw[known]),
                other_quantiles=quantiles(raw[~known]),
            )
        )
    notes = []
    if known.sum() < 20:
        notes.append(QT_TRANSLATE_NOOP("Wording", "only {n} known sites: the interval is wide, read the AUC with care").format(
            n=int(known.sum())))
    progress(1.0, "backtest done")
    return BacktestReport(
        profile=result.profile.name,
        candidates=int(known.size),
        known=int(known.sum()),
        auc=auc,
        auc_low=low,
        auc_high=high,
        top=top_rows(known, scores, settings.top_fractions),
        criteria=rows,
        exclusions=exclusion_rows(result, known),
        roc_fpr=fpr,
        roc_tpr=tpr,
        scores=scores,
        labels=known,
        notes=notes,
    )


def quantiles(values: np.ndarray) -> list[float]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return [math.nan] * len(QUANTILES)
    return [float(v) for v in np.quantile(finite, QUANTILES)]
