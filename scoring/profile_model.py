"""What a score profile is: its criteria, exclusions and cost table, and the rules across them.

Reading a profile file is :mod:`scoring.profile_reader`; loading, saving and the public names are
:mod:`scoring.profile`. What each criterion type means lives in :mod:`scoring.criteria`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import Any

from gridscout.layers.errors import ProfileError
from gridscout.scoring.capacity import CapacityTable, TimeToPowerTable
from gridscout.scoring.cost import CostTable
from gridscout.scoring.criteria import Criterion, all_criterion_types, criterion_type
from gridscout.scoring.transforms import Transform

DEFAULT_PROFILE = "enterprise"
#: keys every [[criteria]] table may hold, whatever its type
COMMON_KEYS = ("type", "id", "label", "weight", "transform")
#: defaults of the profile-wide rules when no criterion sets them (see CriterionType.rules)
DEFAULT_RULES: dict[str, Any] = {
    "substation_rule": (115.0, False),
    "line_rule": (230.0, False),
    "generation_rule": None,
    "min_area_ha": None,
}
_FIELDS = {f.name for f in fields(Criterion)} - {"settings", "line"}
#: per parcel, of the nearest qualifying substation/line that can deliver the campus
DELIVERABLE_MEASURES = (
    "substation_distance_m", "substation_kv", "substation_row",
    "line_distance_m", "line_kv", "line_row",
    "qualifying_substation_mw", "qualifying_line_mw",
)


def make_criterion(
    type_: str,
    transform: Transform,
    weight: float = 1.0,
    id: str = "",  # noqa: A002 - the profile's key
    label: str = "",
    *,
    line: int = 0,
    **settings: Any,
) -> Criterion:
    """A criterion of type ``type_`` with its type's defaults for the settings not given and the
    type's default id; ProfileError for an unknown type or setting."""
    ctype = criterion_type(type_)
    known = ctype.defaults()
    unknown = set(settings) - set(known)
    if unknown:
        raise ProfileError(
            f"criterion type {type_!r} has no setting {sorted(unknown)[0]!r}; "
            f"its settings: {', '.join(known) or 'none'}"
        )
    values = {**known, **settings}
    return Criterion(type_, transform, float(weight), id or ctype.default_id(values), label,
                     values, line=line)


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
    #: campus size (MW) the capacity criteria and the cost model plan for; None = proximity only
    campus_mw: float | None = None
    capacity: CapacityTable = field(default_factory=CapacityTable)
    connection_timeline: TimeToPowerTable = field(default_factory=TimeToPowerTable)
    path: str | None = None

    # -- derived settings -------------------------------------------------------------------
    def rule(self, name: str) -> Any:
        """A profile-wide rule set by the first criterion that sets it (else its default)."""
        for c in self.criteria:
            rules = criterion_type(c.type).rules(c)
            if name in rules:
                return rules[name]
        return DEFAULT_RULES.get(name)

    @property
    def substation_rule(self) -> tuple[float, bool]:
        """(minimum kV, include unknown voltage) for "qualifying" substations."""
        return self.rule("substation_rule")

    @property
    def line_rule(self) -> tuple[float, bool]:
        return self.rule("line_rule")

    @property
    def generation_rule(self) -> tuple[float, tuple[str, ...] | None] | None:
        """(radius km, fuels) of the first generation criterion: the ``generation_mw_within`` column."""
        return self.rule("generation_rule")

    @property
    def min_area_ha(self) -> float | None:
        return self.rule("min_area_ha")

    @property
    def total_weight(self) -> float:
        return float(sum(c.weight for c in self.criteria))

    def measure_keys(self) -> list[tuple]:
        """What the criteria need measured beyond the nearest substation/line, areas and overlaps
        (see CriterionType.measures), each key once."""
        keys = {k for c in self.criteria for k in criterion_type(c.type).measures(c)}
        keys |= set(self.deliverable_keys())
        return sorted(keys, key=repr)

    def deliverable_keys(self) -> list[tuple]:
        """With a campus size, the cost model and the capacity criteria need the nearest qualifying
        substation and line that can deliver it (measured by the ``deliverable_capacity`` type)."""
        if not self.campus_mw:
            return []
        base = (self.campus_mw, self.substation_rule, self.line_rule, self.capacity)
        from gridscout.scoring.criteria.deliverable_capacity import DeliverableCapacity

        return [(DeliverableCapacity.name, what, *base) for what in DELIVERABLE_MEASURES]

    def raster_layers(self) -> dict[str, Criterion]:
        """Raster layer name → the first criterion that reads it."""
        out: dict[str, Criterion] = {}
        for c in self.criteria:
            for name in criterion_type(c.type).raster_layers(c):
                out.setdefault(name, c)
        return out

    def geometry_key(self) -> tuple:
        """What of this profile the geometry work depends on (not weights, transforms, costs or
        the minimum area): equal keys → the same :class:`scoring.measurements.Measurements` serve."""
        return (
            ("substations", *self.substation_rule),
            ("lines", *self.line_rule),
            ("measures", tuple(self.measure_keys())),
            ("exclusions", tuple(sorted({e.layer for e in self.exclusions}))),
        )

    # -- edits (the GUI tunes weights without touching the file) ------------------------------
    def with_campus(self, campus_mw: float | None) -> Profile:
        """A copy planning for another campus size (MW)."""
        return validated(replace(self, campus_mw=float(campus_mw) if campus_mw else None))

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
            _changed(c, changes) if c.id == criterion_id else c for c in self.criteria
        )
        return validated(replace(self, criteria=criteria))

    def error(self, line: int, problem: str) -> ProfileError:
        """A ProfileError naming this profile's file and ``line``."""
        where = f"profile {self.path or self.name}"
        return ProfileError(f"{where}, line {line}: {problem}" if line else f"{where}: {problem}")


def _changed(c: Criterion, changes: dict[str, Any]) -> Criterion:
    own = {k: v for k, v in changes.items() if k in _FIELDS}
    settings = {k: v for k, v in changes.items() if k not in _FIELDS}
    unknown = set(settings) - set(c.settings)
    if unknown:
        raise ProfileError(
            f"criterion {c.id!r} ({c.type}) has no setting {sorted(unknown)[0]!r}; "
            f"its settings: {', '.join(c.settings) or 'none'}"
        )
    return replace(c, **own, settings={**c.settings, **settings}) if settings else replace(c, **own)


def validated(profile: Profile) -> Profile:
    """Check the rules that span criteria (types, weights, ids); raise ProfileError naming the line."""
    if not profile.criteria:
        raise profile.error(1, "the profile has no [[criteria]]; add at least one")
    types = all_criterion_types()
    for c in profile.criteria:
        if c.type not in types:
            raise profile.error(
                c.line, f"unknown criterion type {c.type!r}; known types: {', '.join(types)}"
            )
        if c.weight < 0:
            raise profile.error(c.line, f"criterion {c.id!r} has a negative weight ({c.weight:g})")
        if types[c.type].needs_campus and not profile.campus_mw:
            raise profile.error(
                c.line,
                f"criterion {c.id!r} ({c.type}) needs the campus size: add e.g. campus_mw = 60 "
                "at the top of the profile",
            )
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
        if types[c.type].single:
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
