"""Score profiles: which criteria, their weights and transforms, exclusions and the cost tables.

A profile is a TOML file (see ``resources/profiles/*.toml`` for commented examples)::

    name = "enterprise"
    description = "..."
    sources = ["NREL reVX transmission cost tables (TEPPC, 2019 USD)"]

    [[criteria]]
    type = "substation_distance"     # raw value: km from the parcel boundary
    weight = 4
    min_kv = 115
    transform = "exponential_decay"
    half_distance = 3

    [[exclusions]]
    layer = "flood_zone"
    max_overlap_share = 0.1

    [cost]
    kv_classes = [69, 138, 230, 500]
    ...

Raw values per criterion type: ``substation_distance`` / ``line_distance`` km; ``generation_within``
MW; ``interconnection_cost`` USD; ``parcel_area`` ha; ``raster_mean`` raster units;
``raster_class_share`` share 0–1 of the parcel's area in the listed classes.
"""

from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gridscout.layers.errors import ProfileError
from gridscout.scoring.cost import CostTable
from gridscout.scoring.transforms import Transform

#: criterion type → its settings with defaults (``REQUIRED`` has no default)
REQUIRED = object()
CRITERION_SETTINGS: dict[str, dict[str, Any]] = {
    "substation_distance": {"min_kv": 115.0, "include_unknown_voltage": False},
    "line_distance": {"min_kv": 230.0, "include_unknown_voltage": False},
    "generation_within": {"radius_km": 50.0, "fuels": None},
    "interconnection_cost": {},
    "parcel_area": {"min_area_ha": 10.0},
    "raster_mean": {"layer": REQUIRED},
    "raster_class_share": {"layer": REQUIRED, "classes": REQUIRED},
}
CRITERION_TYPES = tuple(CRITERION_SETTINGS)
COMMON_KEYS = ("type", "id", "label", "weight", "transform")
RAW_UNITS = {
    "substation_distance": "km",
    "line_distance": "km",
    "generation_within": "MW",
    "interconnection_cost": "USD",
    "parcel_area": "ha",
    "raster_mean": "",
    "raster_class_share": "share",
}
DEFAULT_PROFILE = "enterprise"
#: criterion types a profile may hold once (they define "the" qualifying substation/line, the minimum area)
SINGLE_TYPES = ("substation_distance", "line_distance", "interconnection_cost", "parcel_area")


@dataclass(frozen=True)
class Criterion:
    """One scored criterion. ``id`` names its output columns (``<id>_raw`` …); ``line`` is where it
    starts in the profile file (0 when built in code)."""

    type: str
    transform: Transform
    weight: float = 1.0
    id: str = ""
    label: str = ""
    min_kv: float | None = None
    include_unknown_voltage: bool = False
    radius_km: float | None = None
    fuels: tuple[str, ...] | None = None
    min_area_ha: float | None = None
    layer: str | None = None
    classes: tuple[float, ...] | None = None
    line: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if self.type not in CRITERION_SETTINGS:
            raise ProfileError(
                f"unknown criterion type {self.type!r}; known types: {', '.join(CRITERION_TYPES)}"
            )
        if not self.id:
            object.__setattr__(self, "id", default_criterion_id(self.type, self.layer))
        for key, default in CRITERION_SETTINGS[self.type].items():
            if getattr(self, key) is None and default is not REQUIRED and default is not None:
                object.__setattr__(self, key, default)


def default_criterion_id(type_: str, layer: str | None) -> str:
    if type_ == "raster_mean":
        return f"{layer}_mean"
    if type_ == "raster_class_share":
        return f"{layer}_share"
    return type_


@dataclass(frozen=True)
class Exclusion:
    """Parcels whose area share inside polygon layer ``layer`` exceeds ``max_overlap_share`` are out."""

    layer: str
    max_overlap_share: float = 0.0
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Profile:
    name: str
    criteria: tuple[Criterion, ...]
    description: str = ""
    sources: tuple[str, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    cost: CostTable = field(default_factory=CostTable)
    path: str | None = None

    # -- derived settings -------------------------------------------------------------------
    def _first(self, type_: str) -> Criterion | None:
        return next((c for c in self.criteria if c.type == type_), None)

    @property
    def substation_rule(self) -> tuple[float, bool]:
        """(minimum kV, include unknown voltage) for "qualifying" substations."""
        c = self._first("substation_distance")
        return (c.min_kv, c.include_unknown_voltage) if c else (115.0, False)

    @property
    def line_rule(self) -> tuple[float, bool]:
        c = self._first("line_distance")
        return (c.min_kv, c.include_unknown_voltage) if c else (230.0, False)

    @property
    def generation_rule(self) -> tuple[float, tuple[str, ...] | None] | None:
        """(radius km, fuels) of the first generation criterion: the ``generation_mw_within`` column."""
        c = self._first("generation_within")
        return (c.radius_km, c.fuels) if c else None

    @property
    def min_area_ha(self) -> float | None:
        c = self._first("parcel_area")
        return c.min_area_ha if c else None

    @property
    def total_weight(self) -> float:
        return float(sum(c.weight for c in self.criteria))

    def generation_keys(self) -> list[tuple[float, tuple[str, ...] | None]]:
        keys = {(c.radius_km, c.fuels) for c in self.criteria if c.type == "generation_within"}
        return sorted(keys, key=repr)

    def raster_keys(self) -> list[tuple[str, str, tuple[float, ...] | None]]:
        keys = set()
        for c in self.criteria:
            if c.type == "raster_mean":
                keys.add((c.layer, "mean", None))
            elif c.type == "raster_class_share":
                keys.add((c.layer, "share", c.classes))
        return sorted(keys, key=repr)

    def geometry_key(self) -> tuple:
        """What of this profile the geometry work depends on (not weights, transforms, costs or
        the minimum area): equal keys → the same :class:`scoring.engine.Measurements` serve."""
        return (
            ("substations", *self.substation_rule),
            ("lines", *self.line_rule),
            ("generation", tuple(self.generation_keys())),
            ("rasters", tuple(self.raster_keys())),
            ("exclusions", tuple(sorted({e.layer for e in self.exclusions}))),
        )

    # -- edits (the GUI tunes weights without touching the file) ------------------------------
    def with_weights(self, weights: dict[str, float]) -> Profile:
        unknown = set(weights) - {c.id for c in self.criteria}
        if unknown:
            raise ProfileError(f"no criterion {sorted(unknown)[0]!r} in profile {self.name!r}")
        criteria = tuple(
            replace(c, weight=float(weights.get(c.id, c.weight))) for c in self.criteria
        )
        return validated(replace(self, criteria=criteria))

    def with_criterion(self, criterion_id: str, **changes: Any) -> Profile:
        """A copy with one criterion changed, e.g. ``with_criterion("substation_distance",
        transform=Transform("linear", {"best": 0, "worst": 10}))`` or ``min_kv=230``."""
        if criterion_id not in {c.id for c in self.criteria}:
            raise ProfileError(f"no criterion {criterion_id!r} in profile {self.name!r}")
        criteria = tuple(
            replace(c, **changes) if c.id == criterion_id else c for c in self.criteria
        )
        return validated(replace(self, criteria=criteria))

    def error(self, line: int, problem: str) -> ProfileError:
        """A ProfileError naming this profile's file and ``line``."""
        where = f"profile {self.path or self.name}"
        return ProfileError(f"{where}, line {line}: {problem}" if line else f"{where}: {problem}")


def validated(profile: Profile) -> Profile:
    """Check the rules that span criteria (weights, ids); raise ProfileError naming the line."""
    if not profile.criteria:
        raise profile.error(1, "the profile has no [[criteria]]; add at least one")
    for c in profile.criteria:
        if c.weight < 0:
            raise profile.error(c.line, f"criterion {c.id!r} has a negative weight ({c.weight:g})")
    if profile.total_weight <= 0:
        raise profile.error(
            profile.criteria[0].line,
            "all criteria weights are 0; at least one must be greater than 0",
        )
    if not math.isfinite(profile.total_weight):
        biggest = max(profile.criteria, key=lambda c: c.weight)
        raise profile.error(
            biggest.line,
            f"the weights add up to more than a number can hold (criterion {biggest.id!r} has "
            f"weight {biggest.weight:g}); weights are relative, so use ordinary ones such as 1 to 100",
        )
    single: dict[str, Criterion] = {}
    for c in profile.criteria:
        if c.type in SINGLE_TYPES:
            if c.type in single:
                raise profile.error(
                    c.line,
                    f"only one {c.type} criterion per profile (the other is at line {single[c.type].line}); "
                    "the nearest qualifying feature is measured once",
                )
            single[c.type] = c
    seen: dict[str, Criterion] = {}
    for c in profile.criteria:
        if c.id in seen:
            raise profile.error(
                c.line,
                f"two criteria have the id {c.id!r} (the other at line {seen[c.id].line}); "
                "give one an 'id'",
            )
        seen[c.id] = c
    return profile


def load_profile(name_or_path: str | os.PathLike | None = None) -> Profile:
    """A shipped profile by name ("enterprise", "hyperscale", "edge") or a .toml file."""
    from gridscout.resources import PROFILES, profile_path
    from gridscout.scoring.profile_reader import parse_profile

    spec = str(name_or_path or DEFAULT_PROFILE)
    path = Path(spec)
    if not (path.suffix.lower() == ".toml" or path.exists() or os.sep in spec or "/" in spec):
        path = profile_path(spec)
        if not path.exists():
            shipped = ", ".join(sorted(p.stem for p in PROFILES.glob("*.toml")))
            raise ProfileError(
                f"no shipped profile named {spec!r} (shipped: {shipped}); or give a .toml file path"
            )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(f"profile file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"profile file {path} cannot be read: {exc}") from None
    return parse_profile(text, str(path))


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The profile as TOML-ready data (``load`` ∘ ``save`` gives an equal profile)."""
    data: dict[str, Any] = {"name": profile.name}
    if profile.description:
        data["description"] = profile.description
    if profile.sources:
        data["sources"] = list(profile.sources)
    criteria = []
    for c in profile.criteria:
        entry: dict[str, Any] = {"type": c.type}
        if c.id != default_criterion_id(c.type, c.layer):
            entry["id"] = c.id
        if c.label:
            entry["label"] = c.label
        entry["weight"] = c.weight
        for key in CRITERION_SETTINGS[c.type]:
            value = getattr(c, key)
            if value is not None:
                entry[key] = list(value) if isinstance(value, tuple) else value
        entry["transform"] = c.transform.name
        entry.update(c.transform.params)
        criteria.append(entry)
    data["criteria"] = criteria
    if profile.exclusions:
        data["exclusions"] = [
            {"layer": e.layer, "max_overlap_share": e.max_overlap_share} for e in profile.exclusions
        ]
    t = profile.cost
    data["cost"] = {
        "region": t.region,
        "currency_year": t.currency_year,
        "source": t.source,
        "kv_classes": list(t.kv_classes),
        "line_cost_per_mile_usd": list(t.line_cost_per_mile_usd),
        "new_substation_usd": list(t.new_substation_usd),
        "substation_upgrade_usd": list(t.substation_upgrade_usd),
        "short_line_below_miles": list(t.short_line_below_miles),
        "short_line_multipliers": list(t.short_line_multipliers),
    }
    return data


def save_profile(profile: Profile, path: str | os.PathLike) -> Path:
    """Write ``profile`` as TOML, atomically (temporary file, fsync, rename)."""
    import tomli_w

    path = Path(path)
    text = tomli_w.dumps(profile_to_dict(profile))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
