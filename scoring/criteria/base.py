"""The criterion contract: what a criterion *type* must say and do, in one object.

A profile's ``[[criteria]]`` table names a type (``type = "substation_distance"``); the type is a
:class:`CriterionType` found by :mod:`gridscout.scoring.criteria.registry`:

* built-in: a module of ``scoring/criteria/`` named after the type (``parcel_area.py``) that sets
  ``CRITERION_TYPE = ParcelArea()``; the registry finds it, nothing else needs editing;
* third-party: an entry point in the group ``gridscout.criteria`` naming a CriterionType subclass
  or instance (``tests/plugins/gridscout_example_criterion`` is a complete example).

Adding a criterion means writing one module with one subclass; nothing else in GridScout switches
on type names (a test checks that no other module names a type).

A type declares

* ``name`` (the TOML ``type``), ``title`` (GUI and report), ``short_label`` (weights line of the
  report), ``unit`` of the raw value (``"km"``, ``"MW"``, ``""`` …) and a one-line ``description``;
* ``settings``: its TOML keys as :class:`Setting` (default, kind, help). The profile reader checks
  every value with :meth:`Setting.parse` and reports a bad one with its file and line;
* ``single = True`` when a profile may hold it only once;

and implements

* :meth:`CriterionType.measures` — the keys of what it needs measured (hashable tuples whose first
  item is the type name). Equal keys are measured once per run; the values are cached with the
  :class:`~gridscout.scoring.measurements.Measurements` (keyed by the layers and the profile's
  ``geometry_key()``, which holds every measure key), so weights and transforms re-score without
  geometry work;
* :meth:`CriterionType.measure` — the geometry work for one key, from :class:`MeasureInputs`;
* :meth:`CriterionType.raw` — the raw value per parcel, in ``unit`` (usually ``m.values[key]``);
* :meth:`CriterionType.sentence` — the explanation of one parcel's raw value (the caller adds the
  label and the "utility × weight = points" part).

Optional hooks have defaults: :meth:`default_id`, :meth:`raster_layers` (raster layers the
criterion reads; a missing one is refused with the profile line), :meth:`rules` (profile-wide
rules such as the qualifying-substation threshold), :meth:`result_columns`, :meth:`display_title`,
:meth:`settings_text` (the report's "Thresholds" cell) and ``threshold`` (the one setting the GUI
shows as a spin box, a :class:`Threshold`).

Only :mod:`gridscout.layers` and plain data are imported here: a plugin module imports this module
and nothing else from GridScout.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from gridscout.layers.progress import Progress

#: a Setting with this default must be given in the profile
REQUIRED: Any = type("Required", (), {"__repr__": lambda self: "required"})()


class SettingError(ValueError):
    """A setting value is wrong; the message reads after the setting's name ("must be …")."""


def _number(value: Any) -> float:
    from gridscout.scoring.transforms import is_finite_number

    if not is_finite_number(value):
        shown = repr(value) if len(repr(value)) <= 40 else f"a {len(repr(value))}-digit number"
        raise SettingError(f"must be a number within float range (about ±1.8e308), not {shown}")
    return float(value)


def _positive(value: Any) -> float:
    v = _number(value)
    if v <= 0:
        raise SettingError(f"must be greater than 0, not {v:g}")
    return v


def _non_negative(value: Any) -> float:
    v = _number(value)
    if v < 0:
        raise SettingError(f"must be >= 0, not {v:g}")
    return v


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise SettingError(f"must be true or false, not {value!r}")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SettingError(f"must be a non-empty text, not {value!r}")
    return value


def _numbers(value: Any) -> tuple[float, ...]:
    if not isinstance(value, list) or not value:
        raise SettingError(f"must be a non-empty list of numbers, not {value!r}")
    out = []
    for v in value:
        try:
            out.append(_number(v))
        except SettingError as exc:
            raise SettingError(f"(every value) {exc}") from None
    return tuple(out)


def _names(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(f, str) for f in value):
        raise SettingError("must be a non-empty list of names (texts)")
    return tuple(f.strip().lower() for f in value)


#: setting kind → (parser, how ``gridscout criteria`` describes it)
KINDS: dict[str, tuple[Any, str]] = {
    "positive": (_positive, "number > 0"),
    "non_negative": (_non_negative, "number >= 0"),
    "number": (_number, "number"),
    "bool": (_boolean, "true/false"),
    "text": (_text, "text"),
    "numbers": (_numbers, "list of numbers"),
    "names": (_names, "list of names, lower-cased"),
}


@dataclass(frozen=True)
class Setting:
    """One TOML key of a criterion type: ``kind`` is a key of :data:`KINDS`; ``default`` is
    :data:`REQUIRED` when the key must be given, ``None`` when leaving it out means "not used"."""

    name: str
    default: Any
    kind: str
    help: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"setting {self.name!r}: unknown kind {self.kind!r} ({', '.join(KINDS)})")

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def parse(self, value: Any) -> Any:
        """The checked, normalised value; :class:`SettingError` ("must be …") when wrong."""
        return KINDS[self.kind][0](value)

    def describe(self) -> str:
        """"min_kv = 115 (number > 0): only substations of at least this voltage count"."""
        default = "required" if self.required else ("not set" if self.default is None else
                                                     _toml(self.default))
        text = f"{self.name} = {default} ({KINDS[self.kind][1]})"
        return f"{text}: {self.help}" if self.help else text


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


@dataclass(frozen=True)
class Criterion:
    """One scored criterion of a profile: its ``type`` name, transform, weight, and its type's
    ``settings`` (every key of the type, defaults filled in). ``id`` names its output columns
    (``<id>_raw`` …); ``line`` is where it starts in the profile file (0 when built in code).
    Settings read as attributes too: ``c.min_kv``."""

    type: str
    transform: Any  # scoring.transforms.Transform
    weight: float = 1.0
    id: str = ""
    label: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)
    line: int = field(default=0, compare=False)

    def __getattr__(self, name: str) -> Any:
        settings = self.__dict__.get("settings", {})
        if name in settings:
            return settings[name]
        raise AttributeError(f"criterion {self.__dict__.get('id', '?')!r} has no setting {name!r}")

    def __hash__(self) -> int:
        return hash((self.type, self.id, self.weight, tuple(sorted(self.settings.items(), key=repr))))


@dataclass
class MeasureInputs:
    """What a measure may read: parcel geometries (EPSG:4326) and the reference layers."""

    parcels: Any  # geopandas.GeoSeries
    substations: Any  # geopandas.GeoDataFrame
    lines: Any
    plants: Any = None
    rasters: Mapping[str, Any] = field(default_factory=dict)
    profile: Any = None  # scoring.profile.Profile
    #: the nearest qualifying substation and line already measured (layer_measures.NearestFeature)
    nearest_substation: Any = None
    nearest_line: Any = None


@dataclass(frozen=True)
class Threshold:
    """The setting the GUI shows as a spin box beside the weight slider."""

    setting: str
    suffix: str
    minimum: float
    maximum: float
    decimals: int = 0
    step: float = 0.0
    tooltip: str = ""
    prefix: str = "≥ "
    #: values the spin box arrows step through (typed values in between are kept); () = ``step``
    steps: tuple[float, ...] = ()


class CriterionType:
    """Base class of every criterion type; see the module docstring for the contract."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    short_label: ClassVar[str] = ""
    #: the criterion in words inside a sentence ("generation within" 50 km); default: its id
    words: ClassVar[str] = ""
    unit: ClassVar[str] = ""
    description: ClassVar[str] = ""
    settings: ClassVar[tuple[Setting, ...]] = ()
    single: ClassVar[bool] = False
    #: True when the type needs the profile's ``campus_mw``
    needs_campus: ClassVar[bool] = False
    threshold: ClassVar[Threshold | None] = None
    #: (transform name, parameters) used when a profile's criterion gives no ``transform``;
    #: None = the profile must give one
    default_transform: ClassVar[tuple[str, dict[str, Any]] | None] = None

    # -- identity ---------------------------------------------------------------------------
    def default_id(self, settings: Mapping[str, Any]) -> str:
        """The id when the profile gives none (it names the output columns)."""
        return self.name

    def display_title(self, c: Criterion) -> str:
        """Title of a criterion of this type (the GUI control, the report's weight line)."""
        return c.label or self.title or c.id.replace("_", " ").capitalize()

    # -- what the profile needs -------------------------------------------------------------
    def raster_layers(self, c: Criterion) -> tuple[str, ...]:
        """Names of raster layers this criterion reads."""
        return ()

    def rules(self, c: Criterion) -> dict[str, Any]:
        """Profile-wide rules this criterion sets (the first criterion setting a rule wins):
        ``substation_rule`` / ``line_rule`` = (min kV, include unknown voltage),
        ``generation_rule`` = (radius km, fuels), ``min_area_ha``."""
        return {}

    # -- measuring and scoring --------------------------------------------------------------
    def measures(self, c: Criterion) -> list[tuple]:
        """Keys of what ``c`` needs measured beyond the nearest substation/line, parcel area and
        exclusion overlaps (which every run measures). First item: the type name."""
        return []

    def measure_label(self, key: tuple) -> str:
        """Progress text while measuring ``key``."""
        return f"measuring {self.name}"

    def measure(self, key: tuple, inputs: MeasureInputs, progress: Progress) -> np.ndarray:
        """The measured value per parcel for ``key`` (a float array aligned with the parcels)."""
        raise NotImplementedError(f"criterion type {self.name!r} measures nothing")

    def raw(self, c: Criterion, m: Any, profile: Any) -> np.ndarray:
        """The raw value per parcel, in :attr:`unit`, from the measurements ``m``."""
        raise NotImplementedError

    def result_columns(self, c: Criterion, m: Any, profile: Any) -> dict[str, np.ndarray]:
        """Extra named result columns (e.g. ``generation_mw_within``); the first criterion to
        give a column wins."""
        return {}

    # -- words --------------------------------------------------------------------------------
    def sentence(self, c: Criterion, result: Any, i: int) -> str:
        """Why parcel row ``i`` has its raw value, e.g. "1.2 km to Ohi substation, 275 kV"."""
        raw = float(result.columns[f"{c.id}_raw"][i])
        value = "no data" if raw != raw else f"{raw:,.3g}"
        return f"{self.display_title(c)} {value}{(' ' + self.unit) if self.unit else ''}"

    def settings_text(self, c: Criterion) -> str:
        """The settings in a few words, for the report's profile table."""
        parts = []
        for s in self.settings:
            value = c.settings.get(s.name)
            if value is None:
                continue
            if isinstance(value, tuple):
                value = ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
            elif isinstance(value, float):
                value = f"{value:g}"
            parts.append(f"{s.name.replace('_', ' ')} {value}")
        return "; ".join(parts)

    # -- building criteria in code ------------------------------------------------------------
    def defaults(self) -> dict[str, Any]:
        """Every setting with its default (``None`` for unset and required ones)."""
        return {s.name: (None if s.required else s.default) for s in self.settings}

    def __repr__(self) -> str:
        return f"<criterion type {self.name}>"
