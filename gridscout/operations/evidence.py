"""Evidence: backtest a profile against known data-center sites, and calibrate one under spatial
block cross-validation (:mod:`gridscout.scoring.evidence`), from files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gridscout.layers.progress import Progress, scaled
from gridscout.operations.feedback import Cancel, checked
from gridscout.operations.inputs import Inputs, read_inputs
from gridscout.scoring.evidence.backtest import BacktestSettings, backtest
from gridscout.scoring.evidence.calibrate import CalibrationSettings, calibrate, write_calibrated
from gridscout.scoring.evidence.outputs import write_backtest

__all__ = ["BacktestSettings", "CalibrationSettings", "EvidenceInputs", "backtest_profile",
           "calibrate_profile", "read_evidence_inputs", "write_backtest", "write_calibrated"]


@dataclass
class EvidenceInputs:
    inputs: Inputs
    known_sites: Any  # GeoDataFrame
    labels: Any  # scoring.evidence.labels.Labels


def read_evidence_inputs(parcels: str, substations: str, lines: str | None, known_sites: str, *,
                         plants: str | None = None, rasters: Mapping[str, str] | None = None,
                         exclusions: Mapping[str, str] | None = None, polygon_share: float = 0.5,
                         progress: Progress | None = None,
                         cancelled: Cancel | None = None) -> EvidenceInputs:
    """The candidates and grid layers as ``score`` reads them, the known sites, and the labels
    (a candidate is known when a known point lies inside it or known polygons cover
    ``polygon_share`` of it)."""
    from gridscout.layers.io import load_layer
    from gridscout.scoring.evidence.labels import label_candidates

    progress = checked(progress, cancelled)
    inputs = read_inputs(substations=substations, lines=lines, parcels=parcels, plants=plants,
                         rasters=rasters, exclusions=exclusions, progress=scaled(progress, 0.0, 0.8))
    sites = load_layer(known_sites, kind="candidate_sites", progress=scaled(progress, 0.8, 0.9))
    labels = label_candidates(inputs.scoring.parcels, sites.data, min_polygon_share=polygon_share,
                              progress=scaled(progress, 0.9, 1.0))
    return EvidenceInputs(inputs, sites.data, labels)


def backtest_profile(ev: EvidenceInputs, profile, settings: BacktestSettings | None = None,
                     progress: Progress | None = None, cancelled: Cancel | None = None):
    """Score the candidates with ``profile`` and backtest the scores: (ScoreResult, report)."""
    from gridscout.scoring.project_scoring import score_inputs

    progress = checked(progress, cancelled)
    result = score_inputs(ev.inputs.scoring, profile, scaled(progress, 0.0, 0.6))
    report = backtest(result, ev.labels, settings=settings or BacktestSettings(),
                      progress=scaled(progress, 0.6, 1.0))
    return result, report


def calibrate_profile(ev: EvidenceInputs, profile, settings: CalibrationSettings | None = None,
                      name: str | None = None, progress: Progress | None = None,
                      cancelled: Cancel | None = None):
    """Fit ``profile``'s free parameters to the labels under spatial block cross-validation."""
    s = ev.inputs.scoring
    return calibrate(s.parcels, s.substations, s.lines, s.plants, ev.labels, profile,
                     rasters=s.raster_layers, exclusions=s.area_layers,
                     settings=settings or CalibrationSettings(), name=name,
                     progress=checked(progress, cancelled))
