"""Score a :class:`layers.project.Project`: gather its layers by kind, pick its profile, score it
and turn the result into the table the project file keeps (``project.scores``).

Used by the GUI (``gui.scoring_session``), the CLI's headless demo summary and the report exporter.
No Qt here.

Several layers of one kind are concatenated (in project order, bottom first) with a ``layer``
column, and their features get ids ``"<layer>:<row label>"`` so an explanation still says where a
feature came from; :meth:`ScoringInputs.source_of` maps a row back to ``(layer name, row)``.
Visibility does not matter: a hidden layer still counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from gridscout.layers.errors import GridScoutError, ProfileError
from gridscout.layers.progress import Progress
from gridscout.scoring.identity_cache import IdentityCache
from gridscout.scoring.profile import DEFAULT_PROFILE, Profile, load_profile, profile_to_dict
from gridscout.scoring.results import RESULT_COLUMNS, ScoreResult

#: project layer kind → the scoring input it feeds
KINDS = {
    "parcels": "parcels",
    "substations": "substations",
    "lines": "transmission_lines",
    "plants": "power_plants",
}
REQUIRED = ("parcels", "substations", "lines")
_HOW_TO_ADD = {
    "parcels": "add a parcel polygon file (File › Add Layer…, or drop it on the map) as kind 'Parcels'",
    "substations": "add substations (Add Layer… a HIFLD/utility file, or import an OpenStreetMap "
                   "extract with `gridscout import-osm`) as kind 'Substations'",
    "lines": "add transmission lines (Add Layer… a HIFLD/utility file, or import an OpenStreetMap "
             "extract with `gridscout import-osm`) as kind 'Transmission lines'",
}
_NOT_EXCLUSION_KINDS = ("parcels", "basemap", "raster")

#: concatenations of several layers' frames, and substations with inferred voltages, by the
#: identity of the frames they were made from (dropped with them)
_concat_cache = IdentityCache(8)
_inferred_cache = IdentityCache(8)


@dataclass(frozen=True)
class LayerSpan:
    """Rows ``start:stop`` of a concatenated input came from layer ``name``."""

    name: str
    start: int
    stop: int


@dataclass
class ScoringInputs:
    """What :func:`scoring.engine.score` needs, gathered from a project."""

    parcels: gpd.GeoDataFrame
    substations: gpd.GeoDataFrame
    lines: gpd.GeoDataFrame
    plants: gpd.GeoDataFrame | None = None
    #: every raster layer by name (a profile's raster criteria pick theirs by name)
    raster_layers: dict[str, Any] = field(default_factory=dict)
    #: every vector layer that may serve as an exclusion area, by name
    area_layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    #: input → which layer each row range came from ("parcels", "substations", "lines", "plants")
    spans: dict[str, list[LayerSpan]] = field(default_factory=dict)

    @property
    def token(self) -> tuple:
        """Equal tokens ↔ the same input frames (cached measurements still serve)."""
        frames = (self.parcels, self.substations, self.lines, self.plants)
        return (tuple(id(f) for f in frames), tuple((k, id(v)) for k, v in sorted(self.area_layers.items())),
                tuple((k, id(v)) for k, v in sorted(self.raster_layers.items())))

    def layer_names(self, which: str) -> list[str]:
        return [s.name for s in self.spans.get(which, [])]

    def source_of(self, which: str, row: int) -> tuple[str, int]:
        """(layer name, row position in that layer) of row ``row`` of input ``which``."""
        for span in self.spans.get(which, []):
            if span.start <= row < span.stop:
                return span.name, row - span.start
        raise IndexError(f"row {row} is not in the {which} input")

    def frame(self, which: str) -> gpd.GeoDataFrame | None:
        return getattr(self, which)

    def rasters_for(self, profile: Profile) -> dict[str, Any]:
        """The raster layers ``profile`` names, matched by name (case and punctuation ignored)."""
        wanted = set(profile.raster_layers())
        return {name: layer for name in wanted if (layer := _match(name, self.raster_layers)) is not None}

    def exclusions_for(self, profile: Profile) -> dict[str, gpd.GeoDataFrame]:
        wanted = {e.layer for e in profile.exclusions}
        return {name: gdf for name in wanted if (gdf := _match(name, self.area_layers)) is not None}


def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(name).lower()).strip("_")


def _match(name: str, layers: dict[str, Any]) -> Any:
    if name in layers:
        return layers[name]
    key = _norm(name)
    for layer_name, value in layers.items():
        if _norm(layer_name) == key:
            return value
    return None


def _concat(layers: list) -> tuple[gpd.GeoDataFrame, list[LayerSpan]]:
    """One frame for the layers (the layer's own frame when there is one, so caches keyed by the
    frame's identity keep working); concatenations are cached by the frames' identities too."""
    spans, start = [], 0
    for lyr in layers:
        spans.append(LayerSpan(lyr.name, start, start + len(lyr.data)))
        start += len(lyr.data)
    if len(layers) == 1:
        return layers[0].data, spans
    sources = tuple(lyr.data for lyr in layers)
    names = tuple(lyr.name for lyr in layers)
    cached = _concat_cache.get(sources)
    frame = cached[1] if cached is not None and cached[0] == names else None
    if frame is None:
        parts = []
        for lyr in layers:
            part = lyr.data.to_crs(4326) if lyr.data.crs is not None and not lyr.data.crs.equals("EPSG:4326") else lyr.data
            part = part.assign(layer=lyr.name)
            part.index = [f"{lyr.name}:{label}" for label in part.index]
            parts.append(part)
        frame = gpd.GeoDataFrame(pd.concat(parts), geometry=layers[0].data.geometry.name, crs=4326)
        _concat_cache.put(sources, (names, frame))
    return frame, spans



def forget_derived() -> None:
    """Forget everything cached from the current layers (measurements, concatenations, inferred
    voltages): the project they belong to was closed or replaced, so nothing can hit them and
    they would only keep its data in memory."""
    from gridscout.scoring.measurements import clear_cache

    clear_cache()
    _concat_cache.clear()
    _inferred_cache.clear()


def substations_with_voltage(
    substations: gpd.GeoDataFrame, lines: gpd.GeoDataFrame | None
) -> gpd.GeoDataFrame:
    """Substations with missing voltages inferred from the lines that meet them
    (:func:`gridscout.layers.substation_voltage.infer_substation_voltage`), cached by the frames'
    identities so that re-scores keep hitting the measurement cache."""
    from gridscout.layers.substation_voltage import infer_substation_voltage

    sources = (substations,) if lines is None else (substations, lines)
    hit = _inferred_cache.get(sources)
    if hit is not None:
        return hit
    out = infer_substation_voltage(substations, lines)
    _inferred_cache.put(sources, out)
    return out


def missing_inputs(project) -> list[str]:
    """Which of parcels / substations / lines the project lacks (in that order)."""
    return [which for which in REQUIRED if not project.layers_of_kind(KINDS[which])]


def scoring_inputs(project) -> ScoringInputs:
    """Gather the project's layers for scoring; a missing parcels/substations/lines layer →
    :class:`GridScoutError` naming it and how to add it."""
    return _gather(project, REQUIRED, "score")


def grid_inputs(project) -> ScoringInputs:
    """The project's layers for a scan (``scoring.scan``): substations and lines are needed,
    parcels are not (``parcels`` is then None)."""
    return _gather(project, ("substations", "lines"), "scan")


def _gather(project, required: tuple[str, ...], verb: str) -> ScoringInputs:
    missing = [m for m in missing_inputs(project) if m in required]
    if missing:
        what = " and ".join(f"no {m} layer" for m in missing)
        how = "; ".join(_HOW_TO_ADD[m] for m in missing)
        raise GridScoutError(f"Cannot {verb}: the project has {what}. To {verb}, {how}.")
    frames, spans = {}, {}
    for which, kind in KINDS.items():
        layers = [lyr for lyr in project.layers_of_kind(kind) if not lyr.is_raster]
        if layers:
            frames[which], spans[which] = _concat(layers)
        else:
            frames[which], spans[which] = None, []
    if frames["substations"] is not None:
        frames["substations"] = substations_with_voltage(frames["substations"], frames["lines"])
    rasters = {lyr.name: lyr for lyr in project.layers if lyr.is_raster and lyr.kind != "basemap"}
    areas = {lyr.name: lyr.data for lyr in project.layers
             if not lyr.is_raster and lyr.kind not in _NOT_EXCLUSION_KINDS}
    return ScoringInputs(frames["parcels"], frames["substations"], frames["lines"], frames["plants"],
                         raster_layers=rasters, area_layers=areas, spans=spans)


def profile_from_dict(data: dict, where: str = "the project's score profile") -> Profile:
    """A :class:`Profile` from its TOML-ready dict (``scoring.profile.profile_to_dict``)."""
    import tomli_w
    from gridscout.scoring.profile_reader import parse_profile

    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError) as exc:
        raise ProfileError(f"{where} cannot be read: {exc}") from None
    return parse_profile(text, where)


def profile_for(project) -> Profile:
    """The project's saved profile, or the shipped default ("enterprise")."""
    if project.profile:
        return profile_from_dict(project.profile, f"saved in project {project.title!r}")
    return load_profile(DEFAULT_PROFILE)


def score_project(project, profile: Profile | None = None, progress: Progress | None = None) -> ScoreResult:
    """Score every parcel of ``project`` with ``profile`` (default :func:`profile_for`)."""
    inputs = scoring_inputs(project)
    profile = profile or profile_for(project)
    return score_inputs(inputs, profile, progress)


def profile_for_inputs(inputs: ScoringInputs, profile: Profile) -> Profile:
    """``profile``, or its cell form (:func:`gridscout.scoring.cells.cell_profile`) when the
    parcels are all scan cells."""
    from gridscout.scoring.cells import cell_profile, is_cell_surface

    return cell_profile(profile) if is_cell_surface(inputs.parcels) else profile


def score_inputs(inputs: ScoringInputs, profile: Profile, progress: Progress | None = None) -> ScoreResult:
    from gridscout.scoring.engine import score

    profile = profile_for_inputs(inputs, profile)

    return score(inputs.parcels, inputs.substations, inputs.lines, inputs.plants,
                 rasters=inputs.rasters_for(profile), exclusions=inputs.exclusions_for(profile),
                 profile=profile, progress=progress)


def results_table(result: ScoreResult, previous: tuple[ScoreResult, pd.DataFrame] | None = None) -> pd.DataFrame:
    """``parcel_id`` + the result columns (no geometry; categories as text): ``project.scores``.

    ``previous`` is an earlier ``(result, table)`` of the same measurements: the columns the new
    result shares with it (distances, names, raw values — all but scores, ranks and points after a
    weight change) are taken from that table instead of being converted again."""
    m = result.measurements
    old_result, old_table = previous if previous is not None and previous[0].measurements is m else (None, None)
    if old_table is None or len(old_table) != len(m) or "parcel_id" not in old_table:
        old_result, old_table = None, None
    data: dict[str, Any] = {}
    if old_table is not None:
        data["parcel_id"] = old_table["parcel_id"]
    else:
        data["parcel_id"] = np.asarray(m.parcel_ids, dtype=object)
    if "layer" in m.parcels.columns:
        data["layer"] = old_table["layer"] if old_table is not None and "layer" in old_table else \
            m.parcels["layer"].to_numpy(dtype=object)
    names = list(RESULT_COLUMNS) + [k for k in result.columns if k not in RESULT_COLUMNS]
    for name in names:
        values = result.columns[name]
        if old_table is not None and name in old_table and _same_values(values, old_result.columns.get(name)):
            data[name] = old_table[name]
        elif isinstance(values, pd.Categorical):
            data[name] = _categorical_text(values)
        else:
            data[name] = np.array(values, copy=True)
    return pd.DataFrame(data, copy=False)


def _same_values(new: Any, old: Any) -> bool:
    """Whether a result column is unchanged: the same array, or equal categories and codes."""
    if new is old:
        return True
    if isinstance(new, pd.Categorical) and isinstance(old, pd.Categorical):
        return (len(new) == len(old) and list(new.categories) == list(old.categories)
                and np.array_equal(new.codes, old.codes))
    return False


def _categorical_text(values: pd.Categorical) -> np.ndarray:
    """The categories as text per row ("nan" for a missing one, as ``astype(str)``), by codes."""
    names = np.append(np.asarray(values.categories.astype(str), dtype=object), "nan")
    return names[values.codes]  # code -1 (missing) picks the trailing "nan"


def profile_dict(profile: Profile) -> dict:
    """What ``project.profile`` keeps."""
    return profile_to_dict(profile)


def parcel_layer_values(result: ScoreResult, inputs: ScoringInputs, column: str = "score",
                        excluded_as_nan: bool = True) -> dict[str, np.ndarray]:
    """Per parcels layer name: ``column`` aligned with that layer's rows (for colouring the map);
    excluded parcels NaN unless ``excluded_as_nan`` is False."""
    values = np.asarray(result.columns[column], dtype=float)
    if excluded_as_nan:
        values = np.where(np.asarray(result.columns["excluded"], bool), np.nan, values)
    return {s.name: values[s.start:s.stop] for s in inputs.spans.get("parcels", [])}
