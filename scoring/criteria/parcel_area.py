"""``parcel_area``: the parcel's area in hectares; parcels below ``min_area_ha`` are excluded."""

from __future__ import annotations

import numpy as np
from gridscout.scoring.criteria.base import Criterion, CriterionType, Setting, Threshold
from gridscout.scoring.wording import QT_TRANSLATE_NOOP


class ParcelArea(CriterionType):
    name = "parcel_area"
    title = QT_TRANSLATE_NOOP("Wording", "Parcel area")
    words = QT_TRANSLATE_NOOP("Wording", "parcel area")  # in sentences: "parcel area 50 km"
    short_label = QT_TRANSLATE_NOOP("Wording", "area")
    unit = "ha"
    description = "the parcel's area in hectares; smaller parcels than min_area_ha are excluded"
    settings = (Setting("min_area_ha", 10.0, "non_negative", "parcels smaller than this are excluded"),)
    single = True
    threshold = Threshold("min_area_ha", " ha", 0.0, 100_000.0, 1, 1.0,
                          QT_TRANSLATE_NOOP("Wording", "Parcels smaller than this are excluded"))

    def rules(self, c: Criterion) -> dict:
        return {"min_area_ha": c.min_area_ha}

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return m.area_ha

    def sentence(self, c: Criterion, result, i: int) -> str:
        return QT_TRANSLATE_NOOP("Wording", "{area:,.1f} ha parcel").format(area=float(result.columns[f"{c.id}_raw"][i]))

    def settings_text(self, c: Criterion) -> str:
        return QT_TRANSLATE_NOOP("Wording", "minimum {area} ha").format(area=f"{c.min_area_ha:g}")


CRITERION_TYPE = ParcelArea()
