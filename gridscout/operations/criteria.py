"""The criterion types a score profile may use, as plain data (for `gridscout criteria` and the GUI)."""

from __future__ import annotations


def describe_types(only: str | None = None) -> list[dict]:
    """Each criterion type as plain data: name, title, unit, description, settings, source."""
    from gridscout.scoring.criteria import all_criterion_types, criterion_type

    types = [criterion_type(only)] if only else list(all_criterion_types().values())
    out = []
    for t in types:
        out.append({
            "type": t.name,
            "title": t.title,
            "unit": t.unit,
            "description": t.description,
            "once_per_profile": t.single,
            "module": type(t).__module__,
            "settings": [
                {"name": s.name, "default": None if s.required else s.default, "required": s.required,
                 "kind": s.kind, "help": s.help, "text": s.describe()}
                for s in t.settings
            ],
        })
    return out
