"""``line_distance``: km from the parcel boundary to the nearest qualifying transmission line."""

from __future__ import annotations

import numpy as np
from gridscout.scoring.criteria.base import Criterion, CriterionType, Setting, Threshold
from gridscout.scoring.criteria.substation_distance import KV_STEPS
from gridscout.scoring.wording import QT_TRANSLATE_NOOP, km, line_phrase


class LineDistance(CriterionType):
    name = "line_distance"
    title = QT_TRANSLATE_NOOP("Wording", "Line distance")
    words = QT_TRANSLATE_NOOP("Wording", "line distance")  # in sentences: "line distance 50 km"
    short_label = QT_TRANSLATE_NOOP("Wording", "line")
    unit = "km"
    description = "km from the parcel boundary to the nearest transmission line of at least min_kv"
    settings = (
        Setting("min_kv", 230.0, "positive", "only lines of at least this voltage count"),
        Setting("include_unknown_voltage", False, "bool", "count lines of unknown voltage"),
    )
    single = True
    threshold = Threshold("min_kv", " kV", 0.0, 1500.0, 0, 0.0,
                          QT_TRANSLATE_NOOP("Wording", "Only lines of at least this voltage count"), steps=KV_STEPS)

    def rules(self, c: Criterion) -> dict:
        return {"line_rule": (c.min_kv, c.include_unknown_voltage)}

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return m.km("line")

    def sentence(self, c: Criterion, result, i: int) -> str:
        cols = result.columns
        if not np.isfinite(cols["line_distance_m"][i]):
            return QT_TRANSLATE_NOOP("Wording", "No line of {kv:g} kV or more found").format(kv=c.min_kv)
        where = line_phrase(cols["line_name"][i], cols["line_id"][i], cols["line_kv"][i])
        return QT_TRANSLATE_NOOP("Wording", "{distance} to {where}").format(distance=km(cols["line_distance_m"][i]), where=where)

    def settings_text(self, c: Criterion) -> str:
        return f"≥ {c.min_kv:g} kV"


CRITERION_TYPE = LineDistance()
