"""Read a TOML score profile and refuse a bad one with the file, the LINE and the problem.

``tomllib`` gives no positions for parsed values, so :class:`LineIndex` scans the text for table
headers (``[[criteria]]`` #n, ``[cost]`` …) and the ``key =`` lines inside each.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from gridscout.layers.errors import ProfileError
from gridscout.scoring.capacity import CapacityTable, TimeToPowerTable
from gridscout.scoring.cost import CostTable
from gridscout.scoring.criteria import Criterion, SettingError, all_criterion_types
from gridscout.scoring.profile_model import (
    COMMON_KEYS,
    Exclusion,
    Profile,
    make_criterion,
    validated,
)
from gridscout.scoring.transforms import Transform, is_finite_number, parameter_names

TOP_LEVEL_KEYS = (
    "name", "description", "sources", "campus_mw", "criteria", "exclusions", "cost", "capacity",
    "connection_timeline",
)
COST_KEYS = (
    "region",
    "currency_year",
    "source",
    "kv_classes",
    "line_cost_per_mile_usd",
    "new_substation_usd",
    "substation_upgrade_usd",
    "short_line_below_miles",
    "short_line_multipliers",
)

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_\-]+))\s*=""")


class LineIndex:
    """Line numbers (1-based) of table headers and keys in a TOML text."""

    def __init__(self, text: str) -> None:
        # (section, index) → (header line, {key: line}); section "" is the top level
        self.blocks: dict[tuple[str, int], tuple[int, dict[str, int]]] = {("", 0): (1, {})}
        counts: dict[str, int] = {}
        current = ("", 0)
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header and not _KEY.match(line):
                name = header.group(2).strip().strip('"')
                if header.group(1) == "[[":
                    index = counts.get(name, 0)
                    counts[name] = index + 1
                else:
                    index = 0
                current = (name, index)
                self.blocks[current] = (number, {})
                continue
            key = _KEY.match(line)
            if key:
                name = next(g for g in key.groups() if g)
                self.blocks[current][1].setdefault(name, number)

    def line(self, section: str = "", index: int = 0, key: str | None = None) -> int:
        start, keys = self.blocks.get((section, index), (0, {}))
        if key is not None and key in keys:
            return keys[key]
        if start == 0 and section:
            # inline form, e.g. ``criteria = [{...}]``: point at the key that holds it
            return self.blocks[("", 0)][1].get(section, 1)
        return start or 1


def _syntax_line(exc: tomllib.TOMLDecodeError) -> int:
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return int(lineno)
    found = re.search(r"line (\d+)", str(exc))
    return int(found.group(1)) if found else 1


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = LineIndex(text)

    def fail(self, line: int, problem: str) -> ProfileError:
        return ProfileError(f"profile {self.path}, line {line}: {problem}")

    # -- value checks -------------------------------------------------------------------------
    def number(
        self,
        value: Any,
        line: int,
        what: str,
        *,
        minimum: float | None = None,
        above: float | None = None,
    ) -> float:
        if not is_finite_number(value):
            shown = repr(value) if len(repr(value)) <= 40 else f"a {len(repr(value))}-digit number"
            raise self.fail(line, f"{what} must be a number within float range (about ±1.8e308), "
                            f"not {shown}")
        if minimum is not None and value < minimum:
            raise self.fail(line, f"{what} must be >= {minimum:g}, not {value:g}")
        if above is not None and value <= above:
            raise self.fail(line, f"{what} must be greater than {above:g}, not {value:g}")
        return float(value)

    def text(self, value: Any, line: int, what: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(line, f"{what} must be a non-empty text, not {value!r}")
        return value

    def numbers(self, value: Any, line: int, what: str) -> tuple[float, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(line, f"{what} must be a non-empty list of numbers, not {value!r}")
        return tuple(self.number(v, line, f"every value of {what}") for v in value)

    # -- sections -----------------------------------------------------------------------------
    def criterion(self, entry: Any, i: int) -> Criterion:
        head = self.lines.line("criteria", i)
        where = f"[[criteria]] #{i + 1}"
        if not isinstance(entry, dict):
            raise self.fail(head, f"{where} must be a table")

        def at(key: str) -> int:
            return self.lines.line("criteria", i, key)

        types = all_criterion_types()
        type_ = entry.get("type")
        if type_ is None:
            raise self.fail(head, f"{where} has no 'type'; use one of: {', '.join(types)}")
        if not isinstance(type_, str) or type_ not in types:
            raise self.fail(
                at("type"),
                f"{where}: unknown criterion type {type_!r}; known types: {', '.join(types)}",
            )
        ctype = types[type_]
        where = f"{where} ({type_})"
        transform_name = entry.get("transform")
        if transform_name is None and ctype.default_transform is not None:
            transform_name, defaults = ctype.default_transform
            entry = {**defaults, **entry, "transform": transform_name}
        if transform_name is None:
            raise self.fail(head, f"{where} has no 'transform' (e.g. transform = \"linear\")")
        try:
            transform_keys = parameter_names(transform_name)
        except ProfileError as exc:
            raise self.fail(at("transform"), f"{where}: {exc}") from None
        allowed = set(COMMON_KEYS) | {s.name for s in ctype.settings} | set(transform_keys)
        for key in entry:
            if key not in allowed:
                raise self.fail(
                    at(key),
                    f"{where}: unknown key {key!r}; allowed here: {', '.join(sorted(allowed))}",
                )
        weight = self.number(entry.get("weight", 1.0), at("weight"), f"{where}: 'weight'")
        if weight < 0:
            raise self.fail(at("weight"), f"{where}: 'weight' must be >= 0, not {weight:g}")
        try:
            transform = Transform(
                transform_name, {k: entry[k] for k in transform_keys if k in entry}
            )
        except ProfileError as exc:
            bad = next(
                (k for k in transform_keys if k in entry and repr(k) in str(exc)), "transform"
            )
            raise self.fail(at(bad), f"{where}: {exc}") from None
        values: dict[str, Any] = {}
        for setting in ctype.settings:
            if setting.name not in entry:
                if setting.required:
                    raise self.fail(head, f"{where} needs {setting.name!r}")
                continue
            try:
                values[setting.name] = setting.parse(entry[setting.name])
            except SettingError as exc:
                raise self.fail(at(setting.name), f"{where}: {setting.name!r} {exc}") from None
        ident = entry.get("id")
        if ident is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", str(ident)):
            raise self.fail(at("id"), f"{where}: 'id' must be letters, digits and _, not {ident!r}")
        label = entry.get("label", "")
        if not isinstance(label, str):
            raise self.fail(at("label"), f"{where}: 'label' must be text")
        return make_criterion(type_, transform, weight, ident or "", label, line=head, **values)

    def campus_mw(self, value: Any) -> float | None:
        """The campus size (MW) the capacity criteria and the cost model plan for."""
        if value is None:
            return None
        mw = self.number(value, self.lines.line("", 0, "campus_mw"), "'campus_mw'")
        if mw <= 0:
            raise self.fail(self.lines.line("", 0, "campus_mw"), f"'campus_mw' must be > 0, not {mw:g}")
        return mw

    def table(self, data: dict, name: str, cls: Any) -> Any:
        """A planning table ([capacity], [connection_timeline]); its defaults when the profile has none."""
        if name not in data:
            return cls()
        if not isinstance(data[name], dict):
            raise self.fail(self.lines.line(name), f"[{name}] must be a table")
        try:
            return cls.from_dict(data[name])
        except ProfileError as exc:
            bad = next((k for k in data[name] if repr(k) in str(exc)), None)
            line = self.lines.line(name, 0, bad) if bad else self.lines.line(name)
            raise self.fail(line, str(exc)) from None

    def exclusion(self, entry: Any, i: int) -> Exclusion:
        head = self.lines.line("exclusions", i)
        where = f"[[exclusions]] #{i + 1}"
        if not isinstance(entry, dict):
            raise self.fail(head, f"{where} must be a table")
        for key in entry:
            if key not in ("layer", "max_overlap_share"):
                raise self.fail(
                    self.lines.line("exclusions", i, key),
                    f"{where}: unknown key {key!r}; allowed here: layer, max_overlap_share",
                )
        if "layer" not in entry:
            raise self.fail(head, f"{where} needs 'layer' (the name of a polygon layer)")
        layer = self.text(
            entry["layer"], self.lines.line("exclusions", i, "layer"), f"{where}: 'layer'"
        )
        line = self.lines.line("exclusions", i, "max_overlap_share")
        share = self.number(
            entry.get("max_overlap_share", 0.0), line, f"{where}: 'max_overlap_share'"
        )
        if not 0.0 <= share < 1.0:
            raise self.fail(
                line, f"{where}: 'max_overlap_share' must be from 0 up to (not incl.) 1"
            )
        return Exclusion(layer, share, line=head)

    def cost(self, table: Any) -> CostTable:
        head = self.lines.line("cost")
        if not isinstance(table, dict):
            raise self.fail(head, "[cost] must be a table")

        def at(key: str) -> int:
            return self.lines.line("cost", 0, key)

        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in COST_KEYS:
                raise self.fail(
                    at(key), f"[cost]: unknown key {key!r}; allowed: {', '.join(COST_KEYS)}"
                )
            if key in ("region", "source"):
                values[key] = self.text(value, at(key), f"[cost] {key!r}")
            elif key == "currency_year":
                values[key] = int(self.number(value, at(key), "[cost] 'currency_year'"))
            else:
                values[key] = self.numbers(value, at(key), f"[cost] {key!r}")
        try:
            return CostTable(**values)
        except ProfileError as exc:
            bad = next((k for k in COST_KEYS if repr(k) in str(exc)), None)
            raise self.fail(at(bad) if bad else head, f"[cost]: {exc}") from None


def parse_profile(text: str, path: str = "<profile>") -> Profile:
    """Parse and validate profile TOML ``text``; ``path`` names it in error messages."""
    reader = _Reader(text, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        col = re.search(r"column (\d+)", str(exc))
        where = f", column {col.group(1)}" if col else ""
        raise reader.fail(_syntax_line(exc), f"TOML syntax error{where}: {message}") from None
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise reader.fail(
                reader.lines.line("", 0, key),
                f"unknown key {key!r} at the top level; allowed: {', '.join(TOP_LEVEL_KEYS)}",
            )
    name = data.get("name", Path(path).stem)
    name = reader.text(name, reader.lines.line("", 0, "name"), "'name'")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise reader.fail(reader.lines.line("", 0, "description"), "'description' must be text")
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise reader.fail(reader.lines.line("", 0, "sources"), "'sources' must be a list of texts")
    criteria = data.get("criteria", [])
    if not isinstance(criteria, list):
        raise reader.fail(
            reader.lines.line("", 0, "criteria"), "'criteria' must be [[criteria]] tables"
        )
    exclusions = data.get("exclusions", [])
    if not isinstance(exclusions, list):
        raise reader.fail(
            reader.lines.line("", 0, "exclusions"), "'exclusions' must be [[exclusions]] tables"
        )
    profile = Profile(
        name=name,
        description=description,
        sources=tuple(sources),
        criteria=tuple(reader.criterion(e, i) for i, e in enumerate(criteria)),
        exclusions=tuple(reader.exclusion(e, i) for i, e in enumerate(exclusions)),
        cost=reader.cost(data["cost"]) if "cost" in data else CostTable(),
        campus_mw=reader.campus_mw(data.get("campus_mw")),
        capacity=reader.table(data, "capacity", CapacityTable),
        connection_timeline=reader.table(data, "connection_timeline", TimeToPowerTable),
        path=path,
    )
    return validated(profile)
