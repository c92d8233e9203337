"""Where a project's data came from, its licences and the attribution a map must carry (no Qt).

The facts come from the layers themselves, never from a guess at a layer's name or kind: a layer's
``source`` (file), its style (``source`` / ``attribution`` / ``osm``, set by the OSM import in the
app) and the per-feature ``_source`` / ``source`` columns (the OSM import, the demo and the shared
data fill them in). A layer whose sources name no known provider is cited by what it records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

OSM_ATTRIBUTION = "© OpenStreetMap contributors"
#: per-feature columns that record where a feature came from
SOURCE_COLUMNS = ("_source", "source")
UNKNOWN_LICENCE = "licence not recorded — check the source's terms"

#: (pattern in a source text, provider, licence); first match per pattern, several may match
LICENCES: tuple[tuple[str, str, str], ...] = (
    (r"openstreetmap|(?<![a-z])osm(?![a-z])|gridkit|all-japan-grid|openinframap|openmaptiles",
     "OpenStreetMap", "ODbL 1.0 — © OpenStreetMap contributors"),
    (r"hifld", "HIFLD (US DHS)", "public domain (US government)"),
    (r"(?<![a-z])eia(?![a-z])|eia-860", "US EIA (EIA-860 / 860M)", "public domain (US government)"),
    (r"(?<![a-z])wri(?![a-z])|global power plant database", "WRI Global Power Plant Database",
     "CC BY 4.0 — World Resources Institute"),
    (r"natural earth|naturalearth", "Natural Earth", "public domain"),
    (r"dominion|firstenergy|\bpjm\b|kansai electric|\bjera\b|loudoun now|t&d world|power-grid\.com|"
     r"\bwkbn\b|business journal|siting board|\bscc\b", "Company publications and news reports",
     "facts cited with their source (no data copied)"),
    (r"synthetic|make_demo|hypothetical", "GridScout demo (generated)", "generated, no licence needed"),
)


def _bundled_basemap() -> Path | None:
    try:
        from gridscout.resources import BASEMAP
    except ImportError:  # pragma: no cover - resources always ship with the package
        return None
    return BASEMAP


def _is_bundled_basemap(path: str) -> bool:
    """The world basemap GridScout ships (Natural Earth; resources/basemap/README.md)."""
    bundled = _bundled_basemap()
    if bundled is None or not path:
        return False
    p = Path(path)
    try:
        return p.resolve() == bundled.resolve() or p.as_posix().endswith("resources/basemap/world.gpkg")
    except OSError:
        return False


@dataclass
class LayerSources:
    """One layer's citations and the licences they imply."""

    layer: str
    kind: str
    citations: list[str] = field(default_factory=list)
    licences: list[tuple[str, str]] = field(default_factory=list)  # (provider, licence)

    @property
    def osm(self) -> bool:
        return any(p == "OpenStreetMap" for p, _ in self.licences)


def _column_values(layer, rows=None) -> list[str]:
    """The distinct non-empty values of the layer's source columns (of rows ``rows`` when given)."""
    data = getattr(layer, "data", None)
    if layer.is_raster or data is None:
        return []
    out: list[str] = []
    for name in SOURCE_COLUMNS:
        if name not in getattr(data, "columns", ()):
            continue
        col = data[name] if rows is None else data[name].iloc[rows]
        for v in col.dropna().astype(str).unique().tolist():
            if v.strip() and v not in out:
                out.append(v)
    return out


def _texts(layer, rows=None) -> list[str]:
    """Everything the layer records about its origin: file, style credits, per-feature sources."""
    texts = [str(layer.source)]
    style = layer.style or {}
    for key in ("source", "attribution"):
        if style.get(key):
            texts.append(str(style[key]))
    if style.get("osm"):
        texts.append("OpenStreetMap")
    if _is_bundled_basemap(getattr(layer.source, "path", "")):
        texts.append("Natural Earth")
    return texts + _column_values(layer, rows)


def layer_sources(layer, rows=None) -> LayerSources:
    """Citations (the distinct per-feature sources, else the file) and licences of one layer
    (of its rows ``rows`` only, when given: what a map of part of the layer shows). A layer whose
    sources name no known provider gets itself as provider, with its licence not recorded."""
    texts = _texts(layer, rows)
    out = LayerSources(layer.name, layer.kind)
    out.citations = sorted(_column_values(layer, rows)) or [str(layer.source)]
    blob = " ".join(texts).lower()
    for pattern, provider, licence in LICENCES:
        if re.search(pattern, blob) and (provider, licence) not in out.licences:
            out.licences.append((provider, licence))
    if not out.licences:
        cited = out.citations[0] if out.citations[0] != str(layer.source) else Path(layer.source.path).name
        out.licences.append((cited, UNKNOWN_LICENCE))
    return out


def project_sources(project, layers=None) -> list[LayerSources]:
    """:func:`layer_sources` of ``layers`` (default: every layer of the project, top first)."""
    layers = list(project.layers)[::-1] if layers is None else layers
    return [layer_sources(lyr) for lyr in layers]


def attribution(layers, rows=None) -> str:
    """The credit line a map of ``layers`` carries: providers, OSM's credit first when used.
    ``rows`` (layer name → row positions) limits each layer to what the map shows."""
    providers: list[str] = []
    osm = False
    rows = rows or {}
    for lyr in layers:
        for provider, _licence in layer_sources(lyr, rows.get(lyr.name)).licences:
            if provider == "OpenStreetMap":
                osm = True
            elif provider not in providers and not provider.startswith(("GridScout", "Company")):
                providers.append(provider)
    parts = ([OSM_ATTRIBUTION] if osm else []) + providers
    return "Data: " + "; ".join(parts) if parts else ""


def licence_table(project) -> list[tuple[str, str]]:
    """Every (provider, licence) used by the project, once, OSM first."""
    seen: list[tuple[str, str]] = []
    for ls in project_sources(project):
        for item in ls.licences:
            if item not in seen:
                seen.append(item)
    return sorted(seen, key=lambda t: (t[0] != "OpenStreetMap", t[0]))
