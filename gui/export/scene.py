"""What an exported map shows: the project's layers, parcel scores, the profile and the extent (no Qt).

``MapScene.from_project(project)`` scores the project when it has no stored scores
(:func:`scoring.project_scoring.score_project`) and aligns the scores with each parcels layer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from gridscout.gui.export import sources
from gridscout.gui.mapdraw.projection import bbox_to_merc
from gridscout.layers.errors import DataError
from gridscout.scoring.criteria import criterion_type

SITE_RADIUS_KM = 5.0  # --site: about 10 km across around the site


@dataclass
class MapScene:
    project: Any
    profile: Any = None  # scoring.profile.Profile
    scores: pd.DataFrame | None = None  # project.scores-like table (parcel_id, score, excluded, …)
    result: Any = None  # scoring.results.ScoreResult when scored in this run
    #: parcels layer name → score per row (NaN: excluded or not scored)
    parcel_scores: dict[str, np.ndarray] = field(default_factory=dict)
    today: str = field(default_factory=lambda: date.today().isoformat())

    @classmethod
    def from_project(cls, project, profile=None, result=None, progress=None,
                     rescore: bool = False) -> MapScene:
        """The scene of ``project``: stored scores when there are some (and no ``profile`` or
        ``result`` is given), else the project scored now."""
        from gridscout.scoring.project_scoring import (
            missing_inputs,
            profile_for,
            results_table,
            score_project,
        )

        scene = cls(project)
        scene.profile = profile
        if result is not None:
            scene.result = result
            scene.profile = result.profile
            scene.scores = results_table(result)
        elif (project.scores is not None and "score" in project.scores.columns and profile is None
              and not rescore):
            scene.scores = project.scores
        elif not missing_inputs(project):
            scene.result = score_project(project, profile, progress)
            scene.profile = scene.result.profile
            scene.scores = results_table(scene.result)
        if scene.profile is None:
            try:
                scene.profile = profile_for(project)
            except Exception:  # a broken saved profile must not stop a map
                scene.profile = None
        scene._align_scores()
        return scene

    def _align_scores(self) -> None:
        self.parcel_scores = {}
        if self.scores is None:
            return
        table = self.scores
        score = pd.to_numeric(table["score"], errors="coerce").to_numpy(dtype=float)
        if "excluded" in table.columns:
            score = np.where(table["excluded"].astype(bool).to_numpy(), np.nan, score)
        by_id = pd.Series(score, index=table["parcel_id"].astype(str).to_numpy())
        by_id = by_id[~by_id.index.duplicated()]
        layer_col = table["layer"].astype(str).to_numpy() if "layer" in table.columns else None
        for lyr in self.project.layers_of_kind("parcels"):
            if lyr.is_raster or "parcel_id" not in lyr.data.columns:
                continue
            if layer_col is not None:  # several parcels layers: ids are "<layer>:<label>"
                sub = table[layer_col == lyr.name]
                if len(sub) == len(lyr.data):
                    s = pd.to_numeric(sub["score"], errors="coerce").to_numpy(dtype=float)
                    if "excluded" in sub.columns:
                        s = np.where(sub["excluded"].astype(bool).to_numpy(), np.nan, s)
                    self.parcel_scores[lyr.name] = s
                    continue
            ids = lyr.data["parcel_id"].astype(str)
            self.parcel_scores[lyr.name] = by_id.reindex(ids.to_numpy()).to_numpy(dtype=float)

    # ---- layers ---------------------------------------------------------------------------------
    def visible_layers(self) -> list:
        """Visible vector layers, bottom first (the drawing order)."""
        return [lyr for lyr in self.project.layers if lyr.visible and not lyr.is_raster]

    def layers_in(self, extent_lonlat) -> list:
        """The visible layers with at least one feature inside ``extent_lonlat``."""
        out = []
        for lyr in self.visible_layers():
            if lyr.kind == "basemap" or len(rows_in(lyr.data, extent_lonlat)):
                out.append(lyr)
        return out

    def rows_by_layer(self, extent_lonlat) -> dict[str, np.ndarray]:
        return {lyr.name: rows_in(lyr.data, extent_lonlat) for lyr in self.layers_in(extent_lonlat)
                if lyr.kind != "basemap"}

    def attribution(self, extent_lonlat) -> str:
        return sources.attribution(self.layers_in(extent_lonlat), self.rows_by_layer(extent_lonlat))

    # ---- extents --------------------------------------------------------------------------------
    def default_extent(self) -> tuple[float, float, float, float]:
        """The project's saved view, else every non-basemap layer."""
        ext = (self.project.view or {}).get("extent")
        if ext and len(ext) == 4:
            return pad_extent(tuple(float(v) for v in ext), 0.03)
        return self.layers_extent()

    def layers_extent(self) -> tuple[float, float, float, float]:
        """Every visible non-basemap layer (padded by 5%)."""
        boxes = [np.asarray(lyr.data.total_bounds, float) for lyr in self.visible_layers()
                 if lyr.kind != "basemap" and len(lyr.data)]
        boxes = [b for b in boxes if np.isfinite(b).all()]
        if not boxes:
            return (-180.0, -60.0, 180.0, 75.0)
        b = np.array(boxes)
        return pad_extent((b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()), 0.05)

    def site_extent(self, name: str, radius_km: float = SITE_RADIUS_KM):
        """About 2 × ``radius_km`` around the site(s) called ``name`` ("-" matches "–" too)."""
        from gridscout.operations.summary import find_sites, sites_extent

        try:
            return sites_extent(find_sites(self.project, name), radius_km)
        except DataError:
            hits = [s for s in self.sites() if dashless(name) in dashless(s[0])]
            if not hits:
                raise
            return sites_extent(hits, radius_km)

    def sites(self) -> list[tuple[str, float, float]]:
        from gridscout.operations.summary import site_points

        return site_points(self.project)

    # ---- legend facts ---------------------------------------------------------------------------
    def legend_facts(self, extent_lonlat) -> dict:
        """What the legend lists: only what is drawn inside ``extent_lonlat``."""
        from gridscout.layers import style as S

        facts: dict[str, Any] = {"line_classes": set(), "line_hvdc": False, "line_unknown": False,
                                 "line_underground": False, "substation_classes": set(),
                                 "substation_unknown": False, "fuels": set(), "sites": False,
                                 "parcels": False, "scored": False, "excluded": False}
        for lyr in self.visible_layers():
            rows = rows_in(lyr.data, extent_lonlat)
            if lyr.kind == "basemap" or len(rows) == 0:
                continue
            data = lyr.data.iloc[rows]
            if lyr.kind == "transmission_lines":
                kv = pd.to_numeric(data.get("voltage_kv"), errors="coerce").to_numpy(dtype=float) \
                    if "voltage_kv" in data else np.full(len(data), np.nan)
                dc = data["dc"].fillna(False).astype(bool).to_numpy() if "dc" in data else np.zeros(len(data), bool)
                idx = S.voltage_class_index(kv)
                facts["line_classes"].update(int(i) for i in idx[(idx >= 0) & ~dc])
                facts["line_hvdc"] |= bool(dc.any())
                facts["line_unknown"] |= bool(((idx < 0) & ~dc).any())
                if "underground" in data:
                    facts["line_underground"] |= bool(data["underground"].fillna(False).astype(bool).any())
            elif lyr.kind == "substations":
                kv = pd.to_numeric(data.get("voltage_kv"), errors="coerce").to_numpy(dtype=float) \
                    if "voltage_kv" in data else np.full(len(data), np.nan)
                idx = S.voltage_class_index(kv)
                facts["substation_classes"].update(int(i) for i in idx[idx >= 0])
                facts["substation_unknown"] |= bool((idx < 0).any())
            elif lyr.kind == "power_plants":
                fuels = data["fuel"] if "fuel" in data else pd.Series(["unknown"] * len(data))
                facts["fuels"].update(str(f or "unknown").lower() for f in fuels.fillna("unknown"))
            elif lyr.kind == "candidate_sites":
                facts["sites"] = True
            elif lyr.kind == "parcels":
                facts["parcels"] = True
                values = self.parcel_scores.get(lyr.name)
                if values is not None:
                    v = values[rows]
                    facts["scored"] |= bool(np.isfinite(v).any())
                    facts["excluded"] |= bool((~np.isfinite(v)).any())
        return facts

    # ---- profile --------------------------------------------------------------------------------
    def profile_note(self) -> list[str]:
        """The score profile in a few lines: name and main thresholds."""
        from gridscout.gui.i18n import translate

        p = self.profile
        if p is None:
            return [translate("MapExport", "Score profile: none (the project is not scored)")]
        sub_kv, _ = p.substation_rule
        line_kv, _ = p.line_rule
        lines = [translate("MapExport", "Score profile: {name}").format(name=p.name),
                 translate("MapExport", "substations ≥ {sub} kV, lines ≥ {line} kV").format(sub=f"{sub_kv:g}", line=f"{line_kv:g}")]
        gen = p.generation_rule
        extra = []
        if gen:
            extra.append(translate("MapExport", "generation within {r} km").format(r=f"{gen[0]:g}"))
        if p.min_area_ha is not None:
            extra.append(translate("MapExport", "parcels ≥ {ha} ha").format(ha=f"{p.min_area_ha:g}"))
        if extra:
            lines.append(", ".join(extra))
        total = p.total_weight or 1.0
        lines.append(translate("MapExport", "weights: ") + ", ".join(f"{translate('Wording', criterion_label(c))} {c.weight / total:.0%}"
                                             for c in p.criteria))
        return lines


def dashless(text: str) -> str:
    """Lower case with every dash as "-" (site names use "–"; people type "-")."""
    return re.sub(r"\s*[-–—]\s*", " - ", str(text).lower()).strip()


def criterion_label(c) -> str:
    """A criterion's name in the weights line: its label, else its type's short label."""
    return c.label or criterion_type(c.type).short_label or c.id


def rows_in(gdf, extent_lonlat) -> np.ndarray:
    """Row positions of ``gdf`` whose geometry meets the lon/lat box."""
    import shapely

    if gdf is None or len(gdf) == 0:
        return np.zeros(0, np.int64)
    box = shapely.box(*extent_lonlat)
    try:
        return np.sort(gdf.sindex.query(box, predicate="intersects"))
    except Exception:
        return np.flatnonzero(gdf.geometry.intersects(box).to_numpy())


def pad_extent(ext, frac: float):
    x0, y0, x1, y1 = (float(v) for v in ext)
    dx, dy = max(x1 - x0, 1e-3) * frac, max(y1 - y0, 1e-3) * frac
    return (max(x0 - dx, -180.0), max(y0 - dy, -85.0), min(x1 + dx, 180.0), min(y1 + dy, 85.0))


def fit_extent(extent_lonlat, width: float, height: float) -> tuple[float, float, float, float]:
    """The Web Mercator rectangle around ``extent_lonlat`` widened to the aspect ``width:height``."""
    x0, y0, x1, y1 = bbox_to_merc(extent_lonlat)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = max(x1 - x0, 100.0), max(y1 - y0, 100.0)
    upu = max(dx / max(width, 1e-9), dy / max(height, 1e-9))
    return (cx - upu * width / 2, cy - upu * height / 2, cx + upu * width / 2, cy + upu * height / 2)


def km_text(m: float) -> str:
    if not math.isfinite(m):
        return "—"
    return f"{m:.0f} m" if m < 1000 else f"{m / 1000:.1f} km"
