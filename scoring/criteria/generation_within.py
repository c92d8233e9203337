"""``generation_within``: MW of power plants within a radius of the parcel boundary."""

from __future__ import annotations

import numpy as np
from gridscout.layers.progress import Progress
from gridscout.scoring import layer_measures
from gridscout.scoring.criteria.base import (
    Criterion,
    CriterionType,
    MeasureInputs,
    Setting,
    Threshold,
)
from gridscout.scoring.wording import QT_TRANSLATE_NOOP


class GenerationWithin(CriterionType):
    name = "generation_within"
    title = QT_TRANSLATE_NOOP("Wording", "Generation nearby")
    words = QT_TRANSLATE_NOOP("Wording", "generation within")  # in sentences: "generation within 50 km"
    short_label = QT_TRANSLATE_NOOP("Wording", "generation")
    unit = "MW"
    description = "MW of power plants (optionally of some fuels) within radius_km of the parcel"
    settings = (
        Setting("radius_km", 50.0, "positive", "plants within this distance count"),
        Setting("fuels", None, "names", "only plants of these fuels count (all when not set)"),
    )
    threshold = Threshold("radius_km", " km", 1.0, 500.0, 0, 5.0,
                          QT_TRANSLATE_NOOP("Wording", "Generation (MW) counted within this radius"), prefix="≤ ")

    def rules(self, c: Criterion) -> dict:
        return {"generation_rule": (c.radius_km, c.fuels)}

    def measures(self, c: Criterion) -> list[tuple]:
        return [(self.name, c.radius_km, c.fuels)]

    def measure_label(self, key: tuple) -> str:
        return f"generation within {key[1]:g} km"

    def measure(self, key: tuple, inputs: MeasureInputs, progress: Progress) -> np.ndarray:
        _, radius_km, fuels = key
        return layer_measures.generation_within(inputs.parcels, inputs.plants, radius_km, fuels,
                                                progress)

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return m.values[self.measures(c)[0]]

    def result_columns(self, c: Criterion, m, profile) -> dict:
        return {"generation_mw_within": self.raw(c, m, profile)}

    def sentence(self, c: Criterion, result, i: int) -> str:
        raw = float(result.columns[f"{c.id}_raw"][i])
        fuels = f" ({', '.join(c.fuels)})" if c.fuels else ""
        return QT_TRANSLATE_NOOP("Wording", "{mw:,.0f} MW of generation{fuels} within {radius:g} km").format(
            mw=raw, fuels=fuels, radius=c.radius_km)

    def settings_text(self, c: Criterion) -> str:
        if c.fuels:
            return QT_TRANSLATE_NOOP("Wording", "radius {radius} km, fuels {fuels}").format(
                radius=f"{c.radius_km:g}", fuels=", ".join(c.fuels))
        return QT_TRANSLATE_NOOP("Wording", "radius {radius} km").format(radius=f"{c.radius_km:g}")


CRITERION_TYPE = GenerationWithin()
