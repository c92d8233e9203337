"""``time_to_power``: months until the parcel could be energised, by the connection the cost model
chose: tie into an existing substation, or a new substation on a line, plus a new line of L km
(the profile's ``[connection_timeline]`` table, with its sources)."""

from __future__ import annotations

import numpy as np
from gridscout.scoring.criteria.base import Criterion, CriterionType
from gridscout.scoring.criteria.deliverable_capacity import connection_columns
from gridscout.scoring.wording import QT_TRANSLATE_NOOP, km, kv_text


class TimeToPower(CriterionType):
    name = "time_to_power"
    title = QT_TRANSLATE_NOOP("Wording", "Time to power")
    words = QT_TRANSLATE_NOOP("Wording", "time to power")  # in sentences: "time to power 50 km"
    short_label = QT_TRANSLATE_NOOP("Wording", "time to power")
    unit = "months"
    description = (
        "months to energisation via the cheapest connection that can deliver the campus "
        "([connection_timeline] table: existing substation, new substation on a line, months per km of line)"
    )
    single = True
    default_transform = ("linear", {"best": 24.0, "worst": 96.0})

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return connection_columns(m, profile)["time_to_power_months"]

    def result_columns(self, c: Criterion, m, profile) -> dict:
        return connection_columns(m, profile)

    def sentence(self, c: Criterion, result, i: int) -> str:
        cols = result.columns
        months = float(cols[f"{c.id}_raw"][i])
        option = str(cols["interconnection_option"][i])
        d = float(cols["connection_distance_m"][i])
        kv = kv_text(cols["connection_kv"][i])
        if option == "line":
            how = QT_TRANSLATE_NOOP("Wording", "a new substation on a {kv} line and {length} of new line").format(kv=kv, length=km(d))
        elif option == "substation":
            how = QT_TRANSLATE_NOOP("Wording", "tie into a {kv} substation with {length} of new line").format(kv=kv, length=km(d))
        else:
            return QT_TRANSLATE_NOOP("Wording", "About {months:.0f} months to power: nothing in reach can deliver; new bulk "
                                     "transmission").format(months=months)
        return QT_TRANSLATE_NOOP("Wording", "About {months:.0f} months to power: {how}").format(months=months, how=how)

    def settings_text(self, c: Criterion) -> str:
        return "[connection_timeline] table"


CRITERION_TYPE = TimeToPower()
