"""An example third-party criterion type: how many substations lie within a radius of a parcel.

It is what a plugin author writes: one module with one :class:`CriterionType` subclass, made
known to GridScout by an entry point in the distribution's metadata::

    [project.entry-points."gridscout.criteria"]
    substations_within = "gridscout_example_criterion:SubstationsWithin"

A profile then uses it like a built-in::

    [[criteria]]
    type = "substations_within"
    radius_km = 25
    min_kv = 115
    weight = 2
    transform = "linear"
    worst = 0
    best = 5
"""

from __future__ import annotations

import numpy as np
from gridscout.scoring.criteria.base import (
    Criterion,
    CriterionType,
    MeasureInputs,
    Setting,
    Threshold,
)
from gridscout.scoring.distance import count_within
from gridscout.scoring.layer_measures import qualifying


class SubstationsWithin(CriterionType):
    name = "substations_within"
    title = "Substations nearby"
    short_label = "subs nearby"
    unit = "substations"
    description = "how many substations of at least min_kv lie within radius_km of the parcel"
    settings = (
        Setting("radius_km", 25.0, "positive", "substations within this distance count"),
        Setting("min_kv", 0.0, "non_negative", "only substations of at least this voltage count"),
    )
    threshold = Threshold("radius_km", " km", 1.0, 200.0, 0, 5.0,
                          "Substations counted within this radius", prefix="≤ ")

    def measures(self, c: Criterion) -> list[tuple]:
        return [(self.name, c.radius_km, c.min_kv)]

    def measure_label(self, key: tuple) -> str:
        return f"substations within {key[1]:g} km"

    def measure(self, key: tuple, inputs: MeasureInputs, progress) -> np.ndarray:
        _, radius_km, min_kv = key
        mask, _ = qualifying(inputs.substations, min_kv, include_unknown=min_kv <= 0)
        points = inputs.substations.geometry[mask]
        if len(points) == 0 or len(inputs.parcels) == 0:
            return np.zeros(len(inputs.parcels))
        counts = count_within(inputs.parcels, points, radius_km * 1000.0, progress=progress)
        return np.maximum(counts, 0).astype(float)

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return m.values[self.measures(c)[0]]

    def sentence(self, c: Criterion, result, i: int) -> str:
        n = int(result.columns[f"{c.id}_raw"][i])
        kv = f" of {c.min_kv:g} kV or more" if c.min_kv > 0 else ""
        return f"{n} substation{'' if n == 1 else 's'}{kv} within {c.radius_km:g} km"

    def settings_text(self, c: Criterion) -> str:
        return f"radius {c.radius_km:g} km, ≥ {c.min_kv:g} kV"
