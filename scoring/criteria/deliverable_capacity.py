"""``deliverable_capacity``: can the cheapest qualifying connection carry the campus (``campus_mw``)?

Raw value: the share of the campus the connection can deliver (1 = all of it). The MW come from the
layer's own hosting-capacity/headroom column where it has one, else from the voltage class
(:mod:`gridscout.scoring.capacity`). This type also measures, for any profile with a campus size,
the nearest qualifying substation and line that *can* deliver it — what the cost model and
``time_to_power`` connect to.
"""

from __future__ import annotations

import threading

import numpy as np
from gridscout.layers.progress import Progress
from gridscout.scoring import capacity as cap
from gridscout.scoring.cost import OPTION_LINE, OPTION_NONE
from gridscout.scoring.criteria.base import Criterion, CriterionType, MeasureInputs
from gridscout.scoring.wording import QT_TRANSLATE_NOOP, km, kv_text


def connection_columns(m, profile) -> dict[str, np.ndarray]:
    """Result columns of the connection the cost model chose (the cheapest that can deliver the
    campus, when the profile has a campus size): its distance, kV and option, and months to power."""
    cost = m.cost(profile)
    if profile.deliverable_keys():
        by = {k[1]: m.values[k] for k in profile.deliverable_keys()}
        sub_d, sub_kv, line_d, line_kv = (
            by["substation_distance_m"], by["substation_kv"], by["line_distance_m"], by["line_kv"]
        )
    else:
        sub_d, sub_kv = m.substation.distance_m, m.substation.kv
        line_d, line_kv = m.line.distance_m, m.line.kv
    via_line = cost.option == OPTION_LINE
    distance = np.where(via_line, line_d, sub_d)
    distance = np.where(cost.option == OPTION_NONE, np.inf, distance)
    return {
        "connection_distance_m": distance,
        "connection_kv": np.where(via_line, line_kv, sub_kv),
        "time_to_power_months": profile.connection_timeline.months(via_line, distance / 1000.0),
    }


def qualifying_mw(m, profile) -> np.ndarray:
    """MW the cheapest *qualifying* connection (nearest substation or line, whichever the plain
    cost model picks) can deliver."""
    by = {k[1]: m.values[k] for k in profile.deliverable_keys()}
    from gridscout.scoring.cost import interconnection_cost

    sub_min, line_min = profile.substation_rule[0], profile.line_rule[0]
    plain = interconnection_cost(
        m.substation.distance_m, np.where(np.isnan(m.substation.kv), sub_min, m.substation.kv),
        m.line.distance_m, np.where(np.isnan(m.line.kv), line_min, m.line.kv), profile.cost,
    )
    mw = np.where(plain.option == OPTION_LINE, by["qualifying_line_mw"], by["qualifying_substation_mw"])
    return np.where(plain.option == OPTION_NONE, 0.0, mw)


class DeliverableCapacity(CriterionType):
    name = "deliverable_capacity"
    title = QT_TRANSLATE_NOOP("Wording", "Deliverable capacity")
    words = QT_TRANSLATE_NOOP("Wording", "deliverable capacity")  # in sentences: "deliverable capacity 50 km"
    short_label = QT_TRANSLATE_NOOP("Wording", "capacity")
    unit = "share"
    description = (
        "share of the campus (campus_mw) the cheapest qualifying connection can deliver: "
        "hosting-capacity data where the layer has it, else the voltage class ([capacity] table)"
    )
    single = True
    needs_campus = True
    default_transform = ("linear", {"worst": 0.0, "best": 1.0})

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._memo: tuple | None = None

    def measure_label(self, key: tuple) -> str:
        return f"connections that can deliver {key[2]:g} MW"

    def _deliverable(self, key: tuple, inputs: MeasureInputs, progress: Progress):
        campus, sub_rule, line_rule, table = key[2:]
        with self._lock:
            # the memo holds the inputs themselves: an id() could be reused by another run's inputs
            # (the GUI measures candidate sites and parcels on different threads)
            if self._memo is not None and self._memo[0] is inputs and self._memo[1] == key[2:]:
                return self._memo[2]
            measured = cap.measure_deliverable(
                inputs.parcels, inputs.substations, inputs.lines,
                substation_rule=sub_rule, line_rule=line_rule, campus_mw=campus, table=table,
                progress=progress,
            )
            self._memo = (inputs, key[2:], measured)
            return measured

    def measure(self, key: tuple, inputs: MeasureInputs, progress: Progress) -> np.ndarray:
        what = key[1]
        d = self._deliverable(key, inputs, progress)
        if what.startswith("qualifying_"):
            which = what.removeprefix("qualifying_").removesuffix("_mw")
            nearest = inputs.nearest_substation if which == "substation" else inputs.nearest_line
            per_feature = d.substation_mw if which == "substation" else d.line_mw
            if nearest is None or not len(per_feature):
                return np.zeros(len(inputs.parcels))
            row = np.asarray(nearest.row)
            return np.where(row >= 0, per_feature[np.clip(row, 0, None)], 0.0)
        which, field = what.split("_", 1)
        nf = getattr(d, which)
        if field == "distance_m":
            return nf.distance_m
        if field == "kv":
            return nf.kv
        return nf.row.astype(float)

    def raw(self, c: Criterion, m, profile) -> np.ndarray:
        return qualifying_mw(m, profile) / profile.campus_mw

    def result_columns(self, c: Criterion, m, profile) -> dict:
        return {"deliverable_mw": qualifying_mw(m, profile), **connection_columns(m, profile)}

    def sentence(self, c: Criterion, result, i: int) -> str:
        cols, profile = result.columns, result.profile
        campus = profile.campus_mw
        mw = float(cols["deliverable_mw"][i])
        option = str(cols["interconnection_option"][i]) if "interconnection_option" in cols else ""
        if np.isfinite(cols["line_distance_m"][i]) and (
            not np.isfinite(cols["substation_distance_m"][i])
            or cols["line_distance_m"][i] < cols["substation_distance_m"][i]
        ):
            what, kv = "line", cols["line_kv"][i]
        else:
            what, kv = "substation", cols["substation_kv"][i]
        if not np.isfinite(cols[f"{what}_distance_m"][i]):
            head = "No qualifying substation or line in reach"
        else:
            head = f"Nearest {kv_text(kv)} {what} can deliver {cap.describe_mw(mw)}"
        if mw >= campus:
            return f"{head}: enough for this {campus:,.0f} MW campus"
        need = profile.capacity.required_kv(campus)
        need_text = f"{need:g} kV or more" if np.isfinite(need) else "more than any voltage class"
        text = f"{head}; this {campus:,.0f} MW campus needs {need_text}"
        d = float(cols["connection_distance_m"][i])
        if np.isfinite(d) and option in ("substation", "line"):
            text += (
                f": nearest such {option} {km(d)}, about "
                f"{cols['time_to_power_months'][i]:.0f} months"
            )
        else:
            text += ": none within reach of the layers"
        return text

    def settings_text(self, c: Criterion) -> str:
        return QT_TRANSLATE_NOOP("Wording", "share of campus_mw")


CRITERION_TYPE = DeliverableCapacity()
