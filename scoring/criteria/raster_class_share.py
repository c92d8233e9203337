"""``raster_class_share``: the share 0–1 of the parcel's area in some classes of a raster layer."""

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


class RasterClassShare(CriterionType):
    name = "raster_class_share"
    title = QT_TRANSLATE_NOOP("Wording", "Raster class share")
    unit = "share"
    description = "share 0-1 of the parcel's area in the listed classes of raster layer 'layer'"
    settings = (
        Setting("layer", REQUIRED, "text", "the raster layer (--raster NAME=FILE)"),
        Setting("classes", REQUIRED, "numbers", "the raster values that count"),
    )

    def default_id(self, settings) -> str:
        return f"{settings['layer']}_share"

    def display_title(self, c: Criterion) -> str:
        return c.label or f"{c.layer} (share)"

    def raster_layers(self, c: Criterion) -> tuple[str, ...]:
        return (c.layer,)

    def measures(self, c: Criterion) -> list[tuple]:
        return [(self.name, c.layer, c.classes)]

    def measure_label(self, key: tuple) -> str:
        return f"zonal share of {key[1]}"

    def measure(self, key: tuple, inputs: MeasureInputs, progress: Progress) -> np.ndarray:
        _, layer, classes = key
        return layer_measures.raster_stat(inputs.parcels, inputs.rasters[layer], "share", classes)

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return m.values[self.measures(c)[0]]

    def sentence(self, c: Criterion, result, i: int) -> str:
        raw = float(result.columns[f"{c.id}_raw"][i])
        classes = ", ".join(f"{v:g}" for v in c.classes or ())
        if raw != raw:
            return QT_TRANSLATE_NOOP("Wording", "no data for {layer} class {classes}").format(
                layer=c.layer, classes=classes)
        return QT_TRANSLATE_NOOP("Wording", "{share:.0%} of the parcel in {layer} class {classes}").format(
            share=raw, layer=c.layer, classes=classes)

    def settings_text(self, c: Criterion) -> str:
        return QT_TRANSLATE_NOOP("Wording", "layer {layer}").format(layer=c.layer)


CRITERION_TYPE = RasterClassShare()
