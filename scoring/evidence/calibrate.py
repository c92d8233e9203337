"""Calibrate a profile against known sites under spatial block cross-validation.

:func:`calibrate` fits weights and transform parameters (:mod:`.space`) to maximise ROC AUC with
scipy's ``differential_evolution``, re-scoring from prepared measurements (no geometry work per
trial); voltage thresholds (from the kV classes present) and the minimum area are chosen among a few
candidates first — thresholds need one ``prepare`` each. Folds are blocks of ``block_km`` × ``block_km``
(scikit-learn ``StratifiedGroupKFold``), so neighbours of a known site never sit in its own test fold.
The result is a normal, interpretable profile with a header saying what it was calibrated on.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import geopandas as gpd
import numpy as np
from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress, no_progress, scaled
from gridscout.scoring.evidence.columns import criterion_array
from gridscout.scoring.evidence.space import ParameterSpace
from gridscout.scoring.profile import Profile
from scipy.optimize import differential_evolution
from scipy.stats import rankdata
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

log = logging.getLogger(__name__)

#: minimum areas (ha) tried for a profile with a minimum; real campuses: see resources/profiles
MIN_AREA_CANDIDATES_HA = (0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 40.0)


@dataclass(frozen=True)
class CalibrationSettings:
    block_km: float = 10.0
    folds: int = 5
    fit_weights: bool = True
    fit_transforms: bool = True
    fit_thresholds: bool = True
    fit_min_area: bool = True
    #: penalty on the squared distance (unit cube, per parameter) from the start profile
    regularisation: float = 0.02
    max_iterations: int = 30
    population: int = 8
    seed: int = 0


@dataclass
class FoldResult:
    fold: int
    train_auc: float
    test_auc: float
    start_test_auc: float
    test_candidates: int
    test_known: int


@dataclass
class CalibrationResult:
    profile: Profile
    start_profile: Profile
    start_auc: float
    in_sample_auc: float
    folds: list[FoldResult]
    candidates: int
    known: int
    settings: CalibrationSettings
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def cv_auc(self) -> float:
        return float(np.mean([f.test_auc for f in self.folds]))

    @property
    def start_cv_auc(self) -> float:
        return float(np.mean([f.start_test_auc for f in self.folds]))

    def to_text(self) -> str:
        s = self.settings
        lines = [
            f"calibrated profile {self.start_profile.name} → {self.profile.name} on {self.candidates:,} "
            f"candidates with {self.known:,} known sites; {len(self.folds)} spatial folds of "
            f"{s.block_km:g} km blocks",
            f"  AUC in-sample: start {self.start_auc:.3f} → calibrated {self.in_sample_auc:.3f}",
            f"  AUC cross-validated (mean of folds): start {self.start_cv_auc:.3f} → "
            f"calibrated {self.cv_auc:.3f}",
        ]
        for f in self.folds:
            lines.append(
                f"    fold {f.fold}: {f.test_candidates:,} test candidates ({f.test_known} known): "
                f"train AUC {f.train_auc:.3f}, test AUC {f.test_auc:.3f} (start {f.start_test_auc:.3f})"
            )
        lines.extend(f"  {c}" for c in self.changes)
        lines.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(lines)

    def header(self, *, candidates: str = "", known_sites: str = "", when: str = "") -> str:
        """TOML comment lines recording what the profile was calibrated on."""
        s = self.settings
        lines = [
            f"# Calibrated by `gridscout calibrate` from profile {self.start_profile.name!r}"
            + (f" on {when}" if when else ""),
            f"# candidates: {candidates or 'given'} ({self.candidates:,}); known sites: "
            f"{known_sites or 'given'} ({self.known:,} candidates hold one)",
            f"# spatial block cross-validation: {s.block_km:g} km blocks, {len(self.folds)} folds; "
            f"regularisation {s.regularisation:g}",
            f"# ROC AUC cross-validated {self.cv_auc:.3f} (start {self.start_cv_auc:.3f}); "
            f"in-sample {self.in_sample_auc:.3f} (start {self.start_auc:.3f})",
            "# folds (test AUC): " + ", ".join(f"{f.test_auc:.3f}" for f in self.folds),
        ]
        lines += [f"# {c}" for c in self.changes]
        return "\n".join(lines) + "\n"


def spatial_blocks(candidates: gpd.GeoDataFrame, block_km: float) -> np.ndarray:
    """Block id per candidate: squares of ``block_km`` in an azimuthal equidistant projection
    centred on the candidates (distances true to < 1% within ~1,000 km of the centre)."""
    from pyproj import CRS

    points = candidates.geometry.representative_point()
    lon, lat = float(points.x.mean()), float(points.y.mean())
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    xy = points.to_crs(aeqd)
    size = block_km * 1000.0
    bx = np.floor(xy.x.to_numpy() / size).astype(np.int64)
    by = np.floor(xy.y.to_numpy() / size).astype(np.int64)
    return (bx - bx.min()) * (by.max() - by.min() + 1) + (by - by.min())


def spatial_folds(
    labels: np.ndarray, blocks: np.ndarray, folds: int, seed: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) indices: whole blocks per fold, known sites spread over the folds."""
    positive_blocks = np.unique(blocks[labels]).size
    k = min(folds, positive_blocks)
    if k < 2:
        raise DataError(
            f"the known sites lie in {positive_blocks} spatial block(s) of this size; cross-validation "
            "needs known sites in at least 2 blocks: use smaller blocks (--block-km) or more known sites"
        )
    splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    return [
        (train, test)
        for train, test in splitter.split(np.zeros(labels.size), labels, blocks)
        if labels[test].any() and not labels[test].all()
    ]


class Evaluator:
    """Scores for a parameter vector from fixed raw values: Σ wᵢ·transformᵢ(rawᵢ), excluded lowest —
    the engine's formula (AUC does not depend on the 100 / Σw scale)."""

    def __init__(self, space: ParameterSpace, columns: Mapping[str, Any], excluded: np.ndarray):
        self.space = space
        self.raw = {c.id: criterion_array(dict(columns), c.id, "raw") for c in space.profile.criteria}
        self.excluded = np.asarray(excluded, dtype=bool)

    def subset(self, rows: np.ndarray | None) -> Evaluator:
        """The same evaluator on candidates ``rows`` only (all when None)."""
        if rows is None:
            return self
        raw = {f"{k}_raw": v[rows] for k, v in self.raw.items()}
        return Evaluator(self.space, raw, self.excluded[rows])

    def scores(self, z: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        total = None
        for cid, weight, transform in self.space.weights_and_transforms(z):
            raw = self.raw[cid] if rows is None else self.raw[cid][rows]
            part = weight * transform(raw)
            total = part if total is None else total + part
        excluded = self.excluded if rows is None else self.excluded[rows]
        return np.where(excluded, -1.0, total)

    def auc(self, z: np.ndarray, labels: np.ndarray, rows: np.ndarray | None = None) -> float:
        y = labels if rows is None else labels[rows]
        return float(roc_auc_score(y, self.scores(z, rows)))


def rank_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """ROC AUC as the Mann–Whitney U statistic from mid-ranks (scipy ``rankdata``): the same value as
    scikit-learn's ``roc_auc_score``, ties included (tested), at a tenth of its per-call overhead —
    the optimiser calls it thousands of times; reported figures use ``roc_auc_score`` itself."""
    ranks = rankdata(scores)
    n_pos = int(labels.sum())
    n_neg = labels.size - n_pos
    return float((ranks[labels].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def fit(
    evaluator: Evaluator,
    labels: np.ndarray,
    rows: np.ndarray | None,
    settings: CalibrationSettings,
    progress: Progress,
) -> np.ndarray:
    """The parameter vector maximising AUC on ``rows`` minus the regularisation penalty."""
    space = evaluator.space
    start = space.start()
    if len(space) == 0:
        return start
    y = labels if rows is None else labels[rows]
    sub = evaluator.subset(rows)

    def objective(z: np.ndarray) -> float:
        penalty = settings.regularisation * float(np.mean((z - start) ** 2))
        return -rank_auc(y, sub.scores(z)) + penalty

    generation = [0]

    def callback(*_args, **_kw) -> bool:
        generation[0] += 1
        progress(generation[0] / settings.max_iterations, f"optimising, generation {generation[0]}")
        return False

    found = differential_evolution(
        objective,
        bounds=[(0.0, 1.0)] * len(space),
        x0=start,
        maxiter=settings.max_iterations,
        popsize=settings.population,
        seed=settings.seed,
        polish=False,
        tol=1e-8,
        init="sobol",
        callback=callback,
    )
    best = found.x
    return best if objective(best) < objective(start) else start


def number(value: Any) -> str:
    """A parameter for people: 40,000,000 not 4e+07."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


def flat_criteria(profile: Profile, columns: Mapping[str, Any]) -> frozenset[str]:
    """Criteria whose utility spans less than the diagnostics' threshold over all candidates."""
    from gridscout.scoring.evidence.diagnostics import FLAT_UTILITY_SPAN

    out = set()
    for c in profile.criteria:
        u = criterion_array(dict(columns), c.id, "utility")
        if u.size == 0 or float(np.nanmax(u) - np.nanmin(u)) < FLAT_UTILITY_SPAN:
            out.add(c.id)
    return frozenset(out)


def kv_candidates(layers: list[gpd.GeoDataFrame | None], start: float) -> list[float]:
    """Voltage classes present (at least 3 features) between start / 2.5 and start × 2.5."""
    values = []
    for frame in layers:
        if frame is not None and "voltage_kv" in frame.columns and len(frame):
            kv = frame["voltage_kv"].dropna().round().astype(int)
            counts = kv.value_counts()
            values.extend(float(v) for v, n in counts.items() if n >= 3)
    chosen = sorted({v for v in values if start / 2.5 <= v <= start * 2.5} | {float(start)})
    return chosen


def calibrate(
    candidates: gpd.GeoDataFrame,
    substations: gpd.GeoDataFrame,
    lines: gpd.GeoDataFrame,
    plants: gpd.GeoDataFrame | None,
    labels: np.ndarray | Any,
    profile: Profile,
    *,
    rasters: Mapping[str, Any] | None = None,
    exclusions: Mapping[str, gpd.GeoDataFrame] | None = None,
    settings: CalibrationSettings | None = None,
    name: str | None = None,
    progress: Progress | None = None,
) -> CalibrationResult:
    """Fit ``profile``'s free parameters to the known-site ``labels`` of ``candidates``."""
    from gridscout.scoring.engine import prepare, rescore

    settings = settings or CalibrationSettings()
    progress = progress or no_progress
    known = np.asarray(getattr(labels, "known", labels), dtype=bool)
    if known.size != len(candidates):
        raise DataError(f"{known.size:,} labels for {len(candidates):,} candidates")
    if not known.any() or known.all():
        raise DataError("calibration needs candidates with and without a known site")

    def measured(p: Profile, pr: Progress):
        m = prepare(candidates, substations, lines, plants, rasters, exclusions, profile=p, progress=pr)
        return m, rescore(m, p)

    def auc_of(result) -> float:
        return float(roc_auc_score(known, np.asarray(result.columns["score"], dtype=float)))

    progress(0.0, "measuring with the start profile")
    m, result = measured(profile, scaled(progress, 0.0, 0.1))
    start_auc = auc_of(result)
    start_scores = np.asarray(result.columns["score"], dtype=float)
    current, changes, notes = profile, [], []

    # 1. voltage thresholds (one prepare each) and the minimum area (re-score only)
    if settings.fit_thresholds:
        kv_layers = [substations, lines]
        for c in [c for c in profile.criteria if getattr(c, "min_kv", None) is not None]:
            best = (auc_of(result), c.min_kv)
            for kv in kv_candidates(kv_layers, c.min_kv):
                if kv == c.min_kv:
                    continue
                trial = current.with_criterion(c.id, min_kv=kv)
                progress(0.1, f"{c.id}: trying {kv:g} kV")
                _, r = measured(trial, no_progress)
                if auc_of(r) > best[0] + 1e-4:
                    best = (auc_of(r), kv)
            if best[1] != c.min_kv:
                changes.append(f"{c.id}: min_kv {c.min_kv:g} → {best[1]:g} kV")
                current = current.with_criterion(c.id, min_kv=best[1])
                m, result = measured(current, no_progress)
    area_c = next((c for c in current.criteria if getattr(c, "min_area_ha", None) is not None), None)
    if settings.fit_min_area and area_c is not None:
        area = np.asarray(m.area_ha, dtype=float)
        if np.nanmax(area) - np.nanmin(area) < 0.05 * np.nanmax(area):
            notes.append("all candidates have about the same area: the minimum area was not calibrated")
        else:
            best = (auc_of(result), area_c.min_area_ha)
            for v in MIN_AREA_CANDIDATES_HA:
                r = rescore(m, current.with_criterion(area_c.id, min_area_ha=v))
                if auc_of(r) > best[0] + 1e-4:
                    best = (auc_of(r), v)
            if best[1] != area_c.min_area_ha:
                changes.append(f"{area_c.id}: min_area_ha {area_c.min_area_ha:g} → {best[1]:g}")
                current = current.with_criterion(area_c.id, min_area_ha=best[1])
                result = rescore(m, current)

    # 2. weights and transform parameters, cross-validated on spatial blocks; a criterion that cannot
    #    tell these candidates apart keeps its settings (fitting it would fit noise)
    flat = flat_criteria(current, result.columns)
    for cid in sorted(flat):
        notes.append(f"{cid} barely varies across these candidates: its weight and transform were kept")
    space = ParameterSpace.of(
        current, weights=settings.fit_weights, transforms=settings.fit_transforms, fixed=flat
    )
    evaluator = Evaluator(space, result.columns, np.asarray(result.columns["excluded"]))
    blocks = spatial_blocks(candidates, settings.block_km)
    folds = spatial_folds(known, blocks, settings.folds, settings.seed)
    fold_results = []
    steps = len(folds) + 1
    for i, (train, test) in enumerate(folds):
        p = scaled(progress, 0.15 + 0.8 * i / steps, 0.15 + 0.8 * (i + 1) / steps)
        p(0.0, f"fold {i + 1} of {len(folds)}")
        z = fit(evaluator, known, train, settings, p)
        fold_results.append(
            FoldResult(
                fold=i + 1,
                train_auc=evaluator.auc(z, known, train),
                test_auc=evaluator.auc(z, known, test),
                start_test_auc=float(roc_auc_score(known[test], start_scores[test])),
                test_candidates=int(test.size),
                test_known=int(known[test].sum()),
            )
        )
    p = scaled(progress, 0.15 + 0.8 * (steps - 1) / steps, 0.95)
    z = fit(evaluator, known, None, settings, p)
    calibrated = space.to_profile(z, name=name or f"{profile.name}-calibrated")
    calibrated = replace(calibrated, description=f"{profile.description} (calibrated)".strip(), path=None)
    final = rescore(m, calibrated)
    for c0, c1 in zip(current.criteria, calibrated.criteria, strict=True):
        if c0.weight != c1.weight:
            changes.append(f"{c0.id}: weight {c0.weight:g} → {c1.weight:g}")
        for k, v in c1.transform.params.items():
            if c0.transform.params.get(k) != v:
                changes.append(f"{c0.id}: {k} {number(c0.transform.params.get(k))} → {number(v)}")
    progress(1.0, "calibrated")
    return CalibrationResult(
        profile=calibrated,
        start_profile=profile,
        start_auc=start_auc,
        in_sample_auc=auc_of(final),
        folds=fold_results,
        candidates=int(known.size),
        known=int(known.sum()),
        settings=settings,
        changes=changes,
        notes=notes,
    )


def write_calibrated(result: CalibrationResult, path: str, **header: str) -> str:
    """Write the calibrated profile as TOML with its header (atomically)."""
    from gridscout.scoring.profile import save_profile

    return str(save_profile(result.profile, path, header=result.header(**header) + "\n"))
