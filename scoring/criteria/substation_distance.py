"""``substation_distance``: km from the parcel boundary to the nearest qualifying substation."""

from __future__ import annotations

import numpy as np
from gridscout.scoring.criteria.base import Criterion, CriterionType, Setting, Threshold
from gridscout.scoring.wording import QT_TRANSLATE_NOOP, km, substation_kv_text, substation_phrase

#: voltage classes the GUI's kV spin box steps through
KV_STEPS = (0, 33, 66, 69, 115, 132, 138, 154, 220, 230, 275, 345, 400, 500, 765, 1000)


class SubstationDistance(CriterionType):
    name = "substation_distance"
    title = QT_TRANSLATE_NOOP("Wording", "Substation distance")
    words = QT_TRANSLATE_NOOP("Wording", "substation distance")  # in sentences: "substation distance 50 km"
    short_label = QT_TRANSLATE_NOOP("Wording", "substation")
    unit = "km"
    description = "km from the parcel boundary to the nearest substation of at least min_kv"
    settings = (
        Setting("min_kv", 115.0, "positive", "only substations of at least this voltage count"),
        Setting("include_unknown_voltage", False, "bool", "count substations of unknown voltage"),
    )
    single = True
    threshold = Threshold("min_kv", " kV", 0.0, 1500.0, 0, 0.0,
                          QT_TRANSLATE_NOOP("Wording", "Only substations of at least this voltage count"), steps=KV_STEPS)

    def rules(self, c: Criterion) -> dict:
        return {"substation_rule": (c.min_kv, c.include_unknown_voltage)}

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return m.km("substation")

    def sentence(self, c: Criterion, result, i: int) -> str:
        cols = result.columns
        if cols["substation_id"][i] is None and not np.isfinite(cols["substation_distance_m"][i]):
            return QT_TRANSLATE_NOOP("Wording", "No substation of {kv:g} kV or more found").format(kv=c.min_kv)
        where = substation_phrase(cols["substation_name"][i], cols["substation_id"][i])
        return QT_TRANSLATE_NOOP("Wording", "{distance} to {where}, {kv}").format(
            distance=km(cols["substation_distance_m"][i]), where=where, kv=substation_kv_text(cols, i))

    def settings_text(self, c: Criterion) -> str:
        return f"≥ {c.min_kv:g} kV"


CRITERION_TYPE = SubstationDistance()
