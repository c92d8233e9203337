"""Named transforms that turn a raw criterion value into a utility in [0, 1].

Every transform is vectorised (one numpy expression over all parcels). A raw value that is NaN or
infinite where the transform cannot say better (no substation found, no raster data) gets utility 0.

Transforms and their parameters (as written in a profile, next to ``transform = "..."``):

- ``linear``: ``best`` (utility 1) and ``worst`` (utility 0), either direction, clipped outside.
- ``exponential_decay``: ``half_distance`` (utility 0.5 there) or ``scale`` (utility 1/e there);
  utility 1 at 0, for "smaller is better" values such as distances.
- ``logistic``: ``midpoint`` (utility 0.5), ``steepness`` (> 0, per raw unit) and ``direction``
  ("decreasing", the default, or "increasing").
- ``mssmall`` / ``mslarge``: ArcGIS Suitability Modeler's MSSmall / MSLarge, from the mean and
  standard deviation of the raw values of all parcels, with ``mean_multiplier`` (a, default 1) and
  ``std_multiplier`` (b, default 1).
- ``step``: ``breakpoints`` (strictly increasing) and ``values`` (one more than breakpoints, each in
  [0, 1]): x < b[0] → v[0]; b[i-1] <= x < b[i] → v[i]; x >= b[-1] → v[-1].
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from gridscout.layers.errors import ProfileError

TransformFn = Callable[[np.ndarray], np.ndarray]


def is_finite_number(value: Any) -> bool:
    """A real number (not bool) within float range: a 400-digit TOML integer is not."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _number(params: Mapping[str, Any], key: str, *, positive: bool = False) -> float:
    if key not in params:
        raise ProfileError(f"missing parameter {key!r}")
    value = params[key]
    if not is_finite_number(value):
        raise ProfileError(f"parameter {key!r} must be a finite number, not {_shown(value)}")
    if positive and value <= 0:
        raise ProfileError(f"parameter {key!r} must be greater than 0, not {value!r}")
    return float(value)


def _finish(u: np.ndarray) -> np.ndarray:
    """Clip to [0, 1] and NaN → 0, IN PLACE: ``u`` must be a temporary (never a raw-value array).
    At 1M parcels every extra temporary costs page faults, so transforms avoid them."""
    np.fmax(u, 0.0, out=u)  # fmax/fmin ignore NaN: NaN → 0, and ±inf clip to 0 / 1
    return np.fmin(u, 1.0, out=u)


def _linear(params: Mapping[str, Any]) -> TransformFn:
    best = _number(params, "best")
    worst = _number(params, "worst")
    if best == worst:
        raise ProfileError(f"linear transform needs best != worst (both are {best:g})")
    span = best - worst

    def apply(x: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore"):
            u = x - worst
            u /= span
        return _finish(u)

    return apply


def _exponential_decay(params: Mapping[str, Any]) -> TransformFn:
    given = [k for k in ("half_distance", "scale") if k in params]
    if len(given) != 1:
        raise ProfileError("exponential_decay needs exactly one of 'half_distance' or 'scale'")
    if given[0] == "half_distance":
        scale = _number(params, "half_distance", positive=True) / math.log(2.0)
    else:
        scale = _number(params, "scale", positive=True)

    def apply(x: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", over="ignore"):
            u = np.maximum(x, 0.0)
            u *= -1.0 / scale
            np.exp(u, out=u)
        return _finish(u)

    return apply


def _logistic(params: Mapping[str, Any]) -> TransformFn:
    midpoint = _number(params, "midpoint")
    steepness = _number(params, "steepness", positive=True)
    direction = params.get("direction", "decreasing")
    if direction not in ("decreasing", "increasing"):
        raise ProfileError(
            f'logistic \'direction\' must be "decreasing" or "increasing", not {direction!r}'
        )
    sign = 1.0 if direction == "decreasing" else -1.0

    def apply(x: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            u = x - midpoint
            u *= sign * steepness
            np.exp(u, out=u)
            u += 1.0
            np.reciprocal(u, out=u)
        # NaN raw values stay NaN through exp and become 0 in _finish; inf maps to the limit.
        return _finish(u)

    return apply


# ArcGIS Pro, Spatial Analyst, "TfMSSmall" / "TfMSLarge" classes (Rescale by Function), with
# m = mean and s = standard deviation of the input values, a = mean multiplier, b = std multiplier:
#   MSLarge: f(x) = 1 - (b*s) / (x - a*m + b*s)  for x > a*m;  f(x) = 0 otherwise.
#   MSSmall: f(x) = (b*s) / (x - a*m + b*s)      for x > a*m;  otherwise the small-is-better end.
# https://pro.arcgis.com/en/pro-app/latest/arcpy/spatial-analyst/tfmssmall-class.htm
# https://pro.arcgis.com/en/pro-app/latest/arcpy/spatial-analyst/tfmslarge-class.htm
# Esri's MSSmall page prints "f(x) = 0" for x <= a*m, but the formula is 1 at x = a*m and the
# function is meant to favour small values, so we use 1 there (continuous and monotone).
def _ms_params(params: Mapping[str, Any]) -> tuple[float, float]:
    a = _number({"mean_multiplier": params.get("mean_multiplier", 1.0)}, "mean_multiplier")
    b = _number(
        {"std_multiplier": params.get("std_multiplier", 1.0)}, "std_multiplier", positive=True
    )
    return a, b


def _stats(x: np.ndarray) -> tuple[float, float]:
    finite = x[np.isfinite(x)]
    if finite.size == 0:
        return 0.0, 0.0
    return float(finite.mean()), float(finite.std())


def _mssmall(params: Mapping[str, Any]) -> TransformFn:
    a, b = _ms_params(params)

    def apply(x: np.ndarray) -> np.ndarray:
        m, s = _stats(x)
        with np.errstate(invalid="ignore", divide="ignore"):
            u = np.where(x > a * m, (b * s) / (x - a * m + b * s), 1.0)
        u = np.where(np.isnan(x), 0.0, u)
        return _finish(u)

    return apply


def _mslarge(params: Mapping[str, Any]) -> TransformFn:
    a, b = _ms_params(params)

    def apply(x: np.ndarray) -> np.ndarray:
        m, s = _stats(x)
        with np.errstate(invalid="ignore", divide="ignore"):
            u = np.where(x > a * m, 1.0 - (b * s) / (x - a * m + b * s), 0.0)
        return _finish(u)

    return apply


def _step(params: Mapping[str, Any]) -> TransformFn:
    breaks = params.get("breakpoints")
    values = params.get("values")
    if not isinstance(breaks, list) or not isinstance(values, list):
        raise ProfileError("step transform needs lists 'breakpoints' and 'values'")
    for name, seq in (("breakpoints", breaks), ("values", values)):
        for v in seq:
            if not is_finite_number(v):
                raise ProfileError(f"step '{name}' must hold finite numbers, not {_shown(v)}")
    if len(values) != len(breaks) + 1:
        raise ProfileError(
            f"step transform needs one more value than breakpoints "
            f"({len(breaks)} breakpoints, {len(values)} values)"
        )
    if any(b1 <= b0 for b0, b1 in zip(breaks, breaks[1:], strict=False)):
        raise ProfileError(f"step 'breakpoints' must be strictly increasing: {breaks}")
    if any(not 0.0 <= v <= 1.0 for v in values):
        raise ProfileError(f"step 'values' must each be between 0 and 1: {values}")
    b = np.asarray(breaks, dtype=float)
    v = np.asarray(values, dtype=float)

    def apply(x: np.ndarray) -> np.ndarray:
        u = v[np.searchsorted(b, np.nan_to_num(x, nan=0.0), side="right")]
        return np.where(np.isnan(x), 0.0, u)

    return apply


#: transform name → (factory, allowed parameter names)
TRANSFORMS: dict[str, tuple[Callable[[Mapping[str, Any]], TransformFn], frozenset[str]]] = {
    "linear": (_linear, frozenset({"best", "worst"})),
    "exponential_decay": (_exponential_decay, frozenset({"half_distance", "scale"})),
    "logistic": (_logistic, frozenset({"midpoint", "steepness", "direction"})),
    "mssmall": (_mssmall, frozenset({"mean_multiplier", "std_multiplier"})),
    "mslarge": (_mslarge, frozenset({"mean_multiplier", "std_multiplier"})),
    "step": (_step, frozenset({"breakpoints", "values"})),
}


def _shown(value: Any) -> str:
    """``repr(value)``, a 400-digit number shortened to its first digits and length."""
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:20]}… ({len(text)} characters)"


def parameter_names(name: str) -> frozenset[str]:
    """The parameters transform ``name`` accepts (ProfileError for an unknown transform)."""
    if not isinstance(name, str):
        raise ProfileError(f"the transform must be a name in quotes (e.g. \"linear\"), not "
                           f"{_shown(name)}; known transforms: {', '.join(TRANSFORMS)}")
    if name not in TRANSFORMS:
        raise ProfileError(f"unknown transform {name!r}; known transforms: {', '.join(TRANSFORMS)}")
    return TRANSFORMS[name][1]


@dataclass(frozen=True)
class Transform:
    """A named transform with its parameters; call it on an array of raw values."""

    name: str
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        allowed = parameter_names(self.name)
        unknown = sorted(set(self.params) - allowed)
        if unknown:
            raise ProfileError(
                f"{self.name} transform has no parameter {unknown[0]!r}; "
                f"it takes {', '.join(sorted(allowed))}"
            )
        object.__setattr__(self, "_fn", TRANSFORMS[self.name][0](self.params))

    def __call__(self, raw: np.ndarray) -> np.ndarray:
        return self._fn(np.asarray(raw, dtype=np.float64))  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.name, repr(sorted(self.params.items()))))


def apply_transform(name: str, raw: np.ndarray, **params: Any) -> np.ndarray:
    """Utility in [0, 1] of ``raw`` under transform ``name`` with ``params``."""
    return Transform(name, dict(params))(raw)
