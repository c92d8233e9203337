"""Where a project's data came from, its licences and the attribution a map must carry (no Qt).

The facts come from the layers themselves: a layer's ``source`` (file), its style
(``source`` / ``attribution`` / ``osm``) and, when present, the per-feature ``source`` column the
demo and the OSM import fill in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OSM_ATTRIBUTION = "© OpenStreetMap contributors"

#: (pattern in a source text, provider, licence); first match per pattern, several may match
LICENCES: tuple[tuple[str, str, str], ...] = (
    (r"openstreetmap|\bosm\b|gridkit|all-japan-grid", "OpenStreetMap",
     "ODbL 1.0 — © OpenStreetMap contributors"),
    (r"hifld", "HIFLD (US DHS)", "public domain (US government)"),
    (r"\beia\b|eia-860", "US EIA (EIA-860 / 860M)", "public domain (US government)"),
    (r"\bwri\b|global power plant database", "WRI Global Power Plant Database",
     "CC BY 4.0 — World Resources Institute"),
    (r"natural earth|naturalearth|world\.gpkg", "Natural Earth", "public domain"),
    (r"dominion|firstenergy|\bpjm\b|kansai electric|\bjera\b|loudoun now|t&d world|power-grid\.com|"
     r"\bwkbn\b|business journal|siting board|\bscc\b", "Company publications and news reports",
     "facts cited with their source (no data copied)"),
    (r"synthetic|make_demo|hypothetical", "GridScout demo (generated)", "generated, no licence needed"),
)


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


def _texts(layer, rows=None) -> list[str]:
    texts = [str(layer.source)]
    style = layer.style or {}
    for key in ("source", "attribution"):
        if style.get(key):
            texts.append(str(style[key]))
    if style.get("osm"):
        texts.append("OpenStreetMap")
    if layer.kind == "basemap":
        texts.append("Natural Earth")
    data = getattr(layer, "data", None)
    if not layer.is_raster and data is not None and "source" in getattr(data, "columns", ()):
        col = data["source"] if rows is None else data["source"].iloc[rows]
        values = col.dropna().astype(str).unique().tolist()
        texts.extend(v for v in values if v.strip())
    return texts


def layer_sources(layer, rows=None) -> LayerSources:
    """Citations (the distinct per-feature sources, else the file) and licences of one layer
    (of its rows ``rows`` only, when given: what a map of part of the layer shows)."""
    texts = _texts(layer, rows)
    out = LayerSources(layer.name, layer.kind)
    data = getattr(layer, "data", None)
    if not layer.is_raster and data is not None and "source" in getattr(data, "columns", ()):
        out.citations = sorted({t for t in texts[1:] if t not in ("OpenStreetMap", "Natural Earth")})
    if not out.citations:
        out.citations = [str(layer.source)]
    blob = " ".join(texts).lower()
    for pattern, provider, licence in LICENCES:
        if re.search(pattern, blob) and (provider, licence) not in out.licences:
            out.licences.append((provider, licence))
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
