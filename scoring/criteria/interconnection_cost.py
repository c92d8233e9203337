"""``interconnection_cost``: USD to connect the parcel (new line to a line or to a substation)."""

from __future__ import annotations

import numpy as np
from gridscout.scoring.criteria.base import Criterion, CriterionType
from gridscout.scoring.wording import (
    QT_TRANSLATE_NOOP,
    km,
    kv_text,
    line_phrase,
    substation_kv_text,
    substation_phrase,
    usd,
)


class InterconnectionCost(CriterionType):
    name = "interconnection_cost"
    title = QT_TRANSLATE_NOOP("Wording", "Interconnection cost")
    words = QT_TRANSLATE_NOOP("Wording", "interconnection cost")  # in sentences: "interconnection cost 50 km"
    short_label = QT_TRANSLATE_NOOP("Wording", "cost")
    unit = "USD"
    description = "USD of the cheaper of tapping the nearest line or tying into the nearest substation ([cost] tables)"
    single = True

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return m.cost(profile).cost_usd

    def result_columns(self, c: Criterion, m, profile) -> dict:
        if not profile.campus_mw:
            return {}
        from gridscout.scoring.criteria.deliverable_capacity import connection_columns

        return connection_columns(m, profile)

    def sentence(self, c: Criterion, result, i: int) -> str:
        cols = result.columns
        raw = float(cols[f"{c.id}_raw"][i])
        option = str(cols["interconnection_option"][i])
        campus = result.profile.campus_mw
        if campus and option in ("line", "substation"):
            # only connections that can deliver the campus are options: say which one
            d, kv = cols["connection_distance_m"][i], kv_text(cols["connection_kv"][i])
            how = (QT_TRANSLATE_NOOP("Wording", "by a new substation on a {kv} line") if option == "line"
                   else QT_TRANSLATE_NOOP("Wording", "by tying into a {kv} substation")).format(kv=kv)
            return QT_TRANSLATE_NOOP("Wording", "Interconnection ≈ {cost} {how} ({distance} of new line), the cheapest that can deliver {campus:,.0f} MW").format(
                cost=usd(raw), how=how, distance=km(d), campus=campus)
        if campus:
            return QT_TRANSLATE_NOOP("Wording", "Interconnection cost unknown: nothing in reach can deliver {campus:,.0f} MW").format(campus=campus)
        if option == "line":
            how = QT_TRANSLATE_NOOP("Wording", "by tapping {line} ({distance} of new line)").format(
                line=line_phrase(cols["line_name"][i], cols["line_id"][i], cols["line_kv"][i]),
                distance=km(cols["line_distance_m"][i]))
        elif option == "substation":
            how = QT_TRANSLATE_NOOP("Wording", "by tying into {substation}, {kv} ({distance} of new line)").format(
                substation=substation_phrase(cols["substation_name"][i], cols["substation_id"][i]),
                kv=substation_kv_text(cols, i), distance=km(cols["substation_distance_m"][i]))
        else:
            return QT_TRANSLATE_NOOP("Wording", "Interconnection cost unknown: no qualifying substation or line")
        return QT_TRANSLATE_NOOP("Wording", "Interconnection ≈ {cost} {how}").format(cost=usd(raw), how=how)

    def settings_text(self, c: Criterion) -> str:
        return ""


CRITERION_TYPE = InterconnectionCost()
