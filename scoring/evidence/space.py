"""The free parameters of a profile, as a vector in the unit cube (what the optimiser moves).

Weights map linearly to [0, max start weight × 2]; transform parameters map log-scaled around an
anchor: ``value = anchor + (start - anchor) × r`` with r in [1/10, 10] (half-distances, midpoints,
steepness) or the far end of a linear transform (its distance from the near end scaled by r in
[1/5, 5]). Which parameters a transform has is read from the transform's name and parameters, so any
criterion — built in or a plugin — calibrates the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from gridscout.scoring.profile import Profile
from gridscout.scoring.transforms import Transform


@dataclass(frozen=True)
class Parameter:
    """One free parameter: criterion ``criterion_id``'s ``name`` ("weight" or a transform parameter)."""

    criterion_id: str
    name: str
    start: float
    anchor: float = 0.0
    ratio_low: float = 0.1
    ratio_high: float = 10.0
    #: weights: value = z × ``high`` (linear); others: log-ratio around ``anchor``
    is_weight: bool = False
    high: float = 0.0

    def value(self, z: float) -> float:
        if self.is_weight:
            return float(z) * self.high
        lo, hi = math.log(self.ratio_low), math.log(self.ratio_high)
        return self.anchor + (self.start - self.anchor) * math.exp(lo + float(z) * (hi - lo))

    def unit(self, value: float) -> float:
        """The inverse of :meth:`value` (clipped to the unit interval)."""
        if self.is_weight:
            return float(np.clip(value / self.high, 0.0, 1.0)) if self.high else 0.0
        lo, hi = math.log(self.ratio_low), math.log(self.ratio_high)
        ratio = (value - self.anchor) / (self.start - self.anchor)
        return float(np.clip((math.log(max(ratio, 1e-12)) - lo) / (hi - lo), 0.0, 1.0))

    @property
    def label(self) -> str:
        return f"{self.criterion_id}.{self.name}"


def transform_parameters(criterion_id: str, t: Transform) -> list[Parameter]:
    """The calibratable parameters of transform ``t`` (none for step / MSSmall / MSLarge)."""
    p = t.params
    if t.name == "exponential_decay":
        key = "half_distance" if "half_distance" in p else "scale"
        return [Parameter(criterion_id, key, float(p[key]))]
    if t.name == "linear":
        best, worst = float(p["best"]), float(p["worst"])
        far, near = ("best", worst) if abs(best) >= abs(worst) else ("worst", best)
        return [Parameter(criterion_id, far, float(p[far]), anchor=near, ratio_low=0.2, ratio_high=5.0)]
    if t.name == "logistic":
        out = [Parameter(criterion_id, "steepness", float(p["steepness"]))]
        if float(p["midpoint"]) != 0.0:
            out.insert(0, Parameter(criterion_id, "midpoint", float(p["midpoint"])))
        return out
    return []


@dataclass
class ParameterSpace:
    """The profile's free parameters and how a unit-cube vector turns back into a profile."""

    profile: Profile
    parameters: list[Parameter]

    @classmethod
    def of(
        cls,
        profile: Profile,
        *,
        weights: bool = True,
        transforms: bool = True,
        fixed: frozenset[str] = frozenset(),
    ) -> ParameterSpace:
        """The space of ``profile``; criteria in ``fixed`` keep their weight and transform."""
        top = max(c.weight for c in profile.criteria)
        params: list[Parameter] = []
        for c in profile.criteria:
            if c.id in fixed:
                continue
            if weights:
                params.append(Parameter(c.id, "weight", float(c.weight), is_weight=True, high=2.0 * top))
            if transforms:
                params.extend(transform_parameters(c.id, c.transform))
        return cls(profile, params)

    def __len__(self) -> int:
        return len(self.parameters)

    def start(self) -> np.ndarray:
        return np.array([p.unit(p.start) for p in self.parameters])

    def values(self, z: np.ndarray) -> dict[str, dict[str, float]]:
        """criterion id → {parameter: value} for vector ``z``."""
        out: dict[str, dict[str, float]] = {}
        for p, zi in zip(self.parameters, z, strict=True):
            out.setdefault(p.criterion_id, {})[p.name] = p.value(zi)
        return out

    def weights_and_transforms(self, z: np.ndarray) -> list[tuple[str, float, Transform]]:
        """(criterion id, weight, transform) per criterion for vector ``z``."""
        values = self.values(z)
        out = []
        for c in self.profile.criteria:
            v = dict(values.get(c.id, {}))
            weight = v.pop("weight", c.weight)
            params = {**c.transform.params, **v}
            out.append((c.id, weight, Transform(c.transform.name, params) if v else c.transform))
        return out

    def to_profile(self, z: np.ndarray, *, name: str | None = None) -> Profile:
        """The interpretable profile for ``z``: weights scaled to the start's total and rounded,
        transform parameters to 3 significant digits."""
        from dataclasses import replace

        from gridscout.scoring.profile import validated

        rows = self.weights_and_transforms(z)
        fitted = {p.criterion_id for p in self.parameters if p.is_weight}
        start = sum(c.weight for c in self.profile.criteria if c.id in fitted)
        total = sum(w for cid, w, _ in rows if cid in fitted) or 1.0
        scale = start / total  # fitted weights keep their start total; the others stay as they were
        by_id = {cid: (w, t) for cid, w, t in rows}
        criteria = []
        for c in self.profile.criteria:
            w, t = by_id[c.id]
            weight = round(w * scale, 2) if c.id in fitted else c.weight
            params = {
                k: (significant(v) if isinstance(v, float) and k in {p.name for p in self.parameters if p.criterion_id == c.id} else v)
                for k, v in t.params.items()
            }
            criteria.append(replace(c, weight=weight, transform=Transform(t.name, params)))
        return validated(replace(self.profile, name=name or self.profile.name, criteria=tuple(criteria)))


def significant(value: float, digits: int = 3) -> float:
    """``value`` rounded to ``digits`` significant digits (an int when whole)."""
    if value == 0 or not math.isfinite(value):
        return value
    rounded = round(value, -int(math.floor(math.log10(abs(value)))) + digits - 1)
    return float(int(rounded)) if rounded == int(rounded) else rounded
