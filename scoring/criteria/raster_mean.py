"""``raster_mean``: the area-weighted mean of a raster layer over the parcel (exact partial cells)."""

from __future__ import annotations

import numpy as np
from gridscout.layers.progress import Progress
from gridscout.scoring import layer_measures
from gridscout.scoring.criteria.base import (
    REQUIRED,
    Criterion,
    CriterionType,
    MeasureInputs,
    Setting,
)
from gridscout.scoring.wording import QT_TRANSLATE_NOOP


class RasterMean(CriterionType):
    name = "raster_mean"
    title = QT_TRANSLATE_NOOP("Wording", "Raster mean")
    unit = ""
    description = "mean of raster layer 'layer' over the parcel, in the raster's units"
    settings = (Setting("layer", REQUIRED, "text", "the raster layer (--raster NAME=FILE)"),)

    def default_id(self, settings) -> str:
        return f"{settings['layer']}_mean"

    def display_title(self, c: Criterion) -> str:
        return c.label or f"{c.layer} (mean)"

    def raster_layers(self, c: Criterion) -> tuple[str, ...]:
        return (c.layer,)

    def measures(self, c: Criterion) -> list[tuple]:
        return [(self.name, c.layer)]

    def measure_label(self, key: tuple) -> str:
        return f"zonal mean of {key[1]}"

    def measure(self, key: tuple, inputs: MeasureInputs, progress: Progress) -> np.ndarray:
        return layer_measures.raster_stat(inputs.parcels, inputs.rasters[key[1]], "mean")

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return m.values[self.measures(c)[0]]

    def sentence(self, c: Criterion, result, i: int) -> str:
        raw = float(result.columns[f"{c.id}_raw"][i])
        if raw != raw:
            return QT_TRANSLATE_NOOP("Wording", "Mean {layer} over the parcel: no data").format(layer=c.layer)
        return QT_TRANSLATE_NOOP("Wording", "Mean {layer} over the parcel {value:.3g}").format(layer=c.layer, value=raw)

    def settings_text(self, c: Criterion) -> str:
        return QT_TRANSLATE_NOOP("Wording", "layer {layer}").format(layer=c.layer)


CRITERION_TYPE = RasterMean()
