"""``retiring_generation_within``: MW of retiring or retired plants within a radius — they leave
grid connections behind (FERC Order 845's surplus interconnection service lets new users share a
plant's interconnection; EIA-860M lists status and planned retirement dates)."""

from __future__ import annotations

import numpy as np
from gridscout.layers.progress import Progress
from gridscout.scoring import capacity as cap
from gridscout.scoring import layer_measures
from gridscout.scoring.criteria.base import (
    Criterion,
    CriterionType,
    MeasureInputs,
    Setting,
    Threshold,
)
from gridscout.scoring.wording import QT_TRANSLATE_NOOP


class RetiringGenerationWithin(CriterionType):
    name = "retiring_generation_within"
    title = QT_TRANSLATE_NOOP("Wording", "Retiring generation nearby")
    words = QT_TRANSLATE_NOOP("Wording", "retiring generation within")  # in sentences: "retiring generation within 50 km"
    short_label = QT_TRANSLATE_NOOP("Wording", "retiring MW")
    unit = "MW"
    description = (
        "MW of plants with status retiring/retired, or a planned retirement within horizon_years, "
        "within radius_km of the parcel (their grid connections are freed)"
    )
    settings = (
        Setting("radius_km", 25.0, "positive", "plants within this distance count"),
        Setting("horizon_years", 5.0, "non_negative", "planned retirements up to this many years ahead count"),
    )
    threshold = Threshold("radius_km", " km", 1.0, 300.0, 0, 5.0,
                          QT_TRANSLATE_NOOP("Wording", "Retiring generation (MW) counted within this radius"), prefix="≤ ")

    def measures(self, c: Criterion) -> list[tuple]:
        return [(self.name, c.radius_km, c.horizon_years)]

    def measure_label(self, key: tuple) -> str:
        return f"retiring generation within {key[1]:g} km"

    def measure(self, key: tuple, inputs: MeasureInputs, progress: Progress) -> np.ndarray:
        from gridscout.scoring.distance import sum_within

        _, radius_km, horizon = key
        plants = inputs.plants
        n = len(inputs.parcels)
        if plants is None or not len(plants) or not n:
            return np.zeros(n)
        mask, _ = cap.retiring_mask(plants, horizon)
        if not mask.any():
            return np.zeros(n)
        points, mw = layer_measures.plant_points(plants[mask], None)
        return np.asarray(
            sum_within(inputs.parcels, points, mw, radius_km * 1000.0, progress=progress), dtype=float
        )

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return m.values[self.measures(c)[0]]

    def sentence(self, c: Criterion, result, i: int) -> str:
        raw = float(result.columns[f"{c.id}_raw"][i])
        if raw <= 0:
            return QT_TRANSLATE_NOOP("Wording", "No retiring generation within {radius:g} km").format(radius=c.radius_km)
        return QT_TRANSLATE_NOOP(
            "Wording", "{mw:,.0f} MW of retiring or retired generation within {radius:g} km "
            "(its grid connections may be reused)").format(mw=raw, radius=c.radius_km)

    def settings_text(self, c: Criterion) -> str:
        return f"radius {c.radius_km:g} km, retirements within {c.horizon_years:g} years"


CRITERION_TYPE = RetiringGenerationWithin()
