"""Compare candidate sites: score the parcels (when there are any), then each site's grid access
and best parcels nearby — from files or from a project, for the CLI, the GUI and Python."""

from __future__ import annotations

import pandas as pd

from gridscout.layers.errors import DataError
from gridscout.layers.progress import Progress, scaled
from gridscout.operations.feedback import Cancel, checked
from gridscout.operations.inputs import Inputs, project_inputs
from gridscout.operations.score import score_parcels
from gridscout.scoring.profile import Profile
from gridscout.scoring.results import ScoreResult
from gridscout.scoring.sites import markdown_table

__all__ = ["compare_project_sites", "compare_sites", "comparison_heading", "markdown_table"]


def compare_sites(inputs: Inputs, profile: Profile, top_n: int = 5, within_km: float = 10.0,
                  result: ScoreResult | None = None, progress: Progress | None = None,
                  cancelled: Cancel | None = None) -> pd.DataFrame:
    """One row per candidate site of ``inputs``: nearest qualifying substation and line, MW within
    the profile's radius and — when there are parcels — the best ``top_n`` within ``within_km``.
    ``result`` (a score of the same parcels) saves scoring them again."""
    from gridscout.scoring.sites import compare_sites as compare

    if top_n < 1 or within_km <= 0:
        raise DataError("--top must be 1 or more and --within-km greater than 0")
    if inputs.sites is None or len(inputs.sites) == 0:
        raise DataError("there are no candidate sites to compare; give a candidate sites layer")
    progress = checked(progress, cancelled)
    scored = result.parcels if result is not None else None
    if scored is None and inputs.has_parcels:
        from gridscout.operations.score import scored_frame

        scored = scored_frame(score_parcels(inputs, profile, scaled(progress, 0.0, 0.85)))
    progress(0.85, "comparing sites")
    s = inputs.scoring
    table = compare(inputs.sites, s.substations, s.lines, s.plants, profile, scored_parcels=scored,
                    top_n=top_n, within_km=within_km)
    progress(1.0, "done")
    return table


def compare_project_sites(project, profile: Profile | None = None, top_n: int = 5, within_km: float = 10.0,
                          progress: Progress | None = None, cancelled: Cancel | None = None) -> pd.DataFrame:
    """:func:`compare_sites` for a project's layers, scored with its own profile by default."""
    from gridscout.scoring.project_scoring import profile_for

    profile = profile or profile_for(project)
    return compare_sites(project_inputs(project), profile, top_n, within_km, progress=progress,
                         cancelled=cancelled)


def comparison_heading(profile: Profile) -> str:
    """The line above a comparison table: the profile and its voltage thresholds."""
    return (f"Candidate sites, profile {profile.name} (substations >= {profile.substation_rule[0]:g} kV, "
            f"lines >= {profile.line_rule[0]:g} kV)")
