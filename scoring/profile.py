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

What each criterion type means (its settings, raw value and unit) lives in one module per type
under :mod:`scoring.criteria` (``gridscout criteria`` lists them). This module is the face:
the profile model (:mod:`scoring.profile_model`), reading (:mod:`scoring.profile_reader`),
loading and saving.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from gridscout.layers.errors import ProfileError
from gridscout.scoring.criteria import Criterion, criterion_type
from gridscout.scoring.profile_model import (
    COMMON_KEYS,
    DEFAULT_PROFILE,
    Exclusion,
    Profile,
    make_criterion,
    validated,
)
from gridscout.scoring.profile_reader import parse_profile

__all__ = [
    "COMMON_KEYS",
    "DEFAULT_PROFILE",
    "Criterion",
    "Exclusion",
    "Profile",
    "load_profile",
    "make_criterion",
    "parse_profile",
    "profile_to_dict",
    "save_profile",
    "validated",
]


def load_profile(name_or_path: str | os.PathLike | None = None) -> Profile:
    """A shipped profile by name ("enterprise", "hyperscale", "edge") or a .toml file."""
    from gridscout.resources import PROFILES, profile_path

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
        ctype = criterion_type(c.type)
        entry: dict[str, Any] = {"type": c.type}
        if c.id != ctype.default_id(c.settings):
            entry["id"] = c.id
        if c.label:
            entry["label"] = c.label
        entry["weight"] = c.weight
        for setting in ctype.settings:
            value = c.settings.get(setting.name)
            if value is not None:
                entry[setting.name] = list(value) if isinstance(value, tuple) else value
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
    if profile.campus_mw:
        data["campus_mw"] = profile.campus_mw
    for name in ("capacity", "connection_timeline"):
        table = getattr(profile, name)
        if table != type(table)():
            data[name] = table.to_dict()
    return data


def save_profile(profile: Profile, path: str | os.PathLike, header: str = "") -> Path:
    """Write ``profile`` as TOML, atomically (temporary file, fsync, rename), after ``header``
    (comment lines, e.g. what a calibrated profile was fitted on)."""
    import tomli_w

    path = Path(path)
    text = header + tomli_w.dumps(profile_to_dict(profile))
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
