"""The pages of the site report (see :mod:`gui.export.report`)."""

from __future__ import annotations

from pathlib import Path

from gridscout.gui.export import furniture as F
from gridscout.gui.export.i18n_text import display_date
from gridscout.gui.export.pdf_pages import PageWriter
from gridscout.gui.export.report_format import fmt_km, fmt_kv, fmt_num, score_stats
from gridscout.gui.export.scene import fit_extent, pad_extent
from gridscout.gui.export.site_facts import criterion_columns
from gridscout.gui.export.vector_painter import MapFrame, paint_map
from gridscout.gui.i18n import translate, translate_wording
from gridscout.gui.mapdraw.projection import bbox_to_lonlat, scale_bar_for_extent
from gridscout.layers import style as S
from gridscout.scoring.criteria import criterion_type
from PySide6 import QtCore
from PySide6.QtCore import QT_TRANSLATE_NOOP


def map_box(pw: PageWriter, scene, extent_lonlat, rect: QtCore.QRectF, legend_w: float = 0.0,
            highlights=None, max_labels: int = 40, label_size: float = 6.0, features=None,
            role: str = "map", title: str = "", north_arrow: bool = True, scale_bar: bool = True):
    """A map in ``rect`` (device units) with, unless told not to, a scale bar and a north arrow; the
    legend in a column of ``legend_w`` on its right when > 0. With ``features``
    (:class:`report_frames.Feature`) the map frames them clear of its furniture, else it fits
    ``extent_lonlat``. Records the map in ``pw.maps``; returns its Mercator extent."""
    from gridscout.gui.export.report_frames import MapRecord, frame_features

    map_rect = QtCore.QRectF(rect.left(), rect.top(), rect.width() - (legend_w + pw.pt(8) if legend_w else 0),
                             rect.height())
    if features:
        extent = frame_features(features, map_rect, pw.dpi, north_arrow=north_arrow, scale_bar=scale_bar)
    else:
        extent = fit_extent(extent_lonlat, map_rect.width(), map_rect.height())
    frame = MapFrame(map_rect, extent, pw.dpi)
    paint_map(pw.painter, frame, scene, highlights=highlights, label_size_pt=label_size,
              max_labels=max_labels)
    boxes = {}
    if scale_bar:
        sb = scale_bar_for_extent(extent, map_rect.width(), 0.3)
        boxes["scale bar"] = F.draw_scale_bar(pw.painter, sb, map_rect.left() + pw.pt(5),
                                              map_rect.bottom() - pw.pt(5), pw.dpi)
    if north_arrow:
        boxes["north arrow"] = F.draw_north_arrow(pw.painter, map_rect.right(), map_rect.top(), pw.dpi)
    if legend_w:
        facts = scene.legend_facts(bbox_to_lonlat(extent))
        F.draw_legend(pw.painter, QtCore.QRectF(map_rect.right() + pw.pt(8), rect.top(), legend_w, rect.height()),
                      F.legend_entries(facts), pw.dpi, title="", size_pt=6)
    pw.maps.append(MapRecord(pw.page, role, title, (map_rect.left(), map_rect.top(), map_rect.width(),
                                                    map_rect.height()), extent,
                             {k: (b.left(), b.top(), b.width(), b.height()) for k, b in boxes.items()
                              if not b.isEmpty()}, list(features or [])))
    return extent


def draw_map(pw: PageWriter, scene, extent_lonlat, height_pt: float, highlights=None,
             legend: bool = True, max_labels: int = 40, features=None, role: str = "map",
             title: str = "") -> None:
    """A map across the text width (legend in a column on its right) at the current position."""
    h = pw.pt(height_pt)
    pw.ensure(h + pw.pt(6))
    extent = map_box(pw, scene, extent_lonlat, QtCore.QRectF(pw.m, pw.y, pw.width, h),
                     pw.pt(118) if legend else 0.0, highlights, max_labels, features=features,
                     role=role, title=title)
    pw.y += h + pw.pt(4)
    note = scene.attribution(bbox_to_lonlat(extent))
    geodesic = translate("Report", "Scale bar geodesic at the map's centre latitude.")
    pw.text(f"{note}. {geodesic}" if note else geodesic, 6.5, colour=F.MUTED, space_after=6)


def site_clusters(sites, km: float = 60.0) -> list[list[int]]:
    """Sites grouped by proximity (a site joins the first group with a member within ``km``)."""
    from gridscout.gui.mapdraw.projection import GEOD

    pts = [sites.geometry.iloc[i].representative_point() for i in range(len(sites))]
    groups: list[list[int]] = []
    for i, p in enumerate(pts):
        for g in groups:
            if any(GEOD.inv(p.x, p.y, pts[j].x, pts[j].y)[2] <= km * 1000 for j in g):
                g.append(i)
                break
        else:
            groups.append([i])
    return groups


def cover(pw: PageWriter, scene, title: str, sites, scored) -> None:
    p = scene.profile
    pw.y += pw.pt(90)
    pw.text(translate("Report", "GridScout · power proximity"), 10, colour=F.MUTED, space_after=8)
    pw.text(title, 24, bold=True, space_after=10)
    pw.text(translate("Report", "Date: {date}").format(date=display_date(scene.today)), 11, space_after=2)
    pw.text(translate("Report", "Project: {title}").format(title=scene.project.title), 11, space_after=2)
    if scene.project.path:  # the file's name only: a local path means nothing to the reader
        pw.text(translate("Report", "File: {name}").format(name=Path(scene.project.path).name), 8, colour=F.MUTED, space_after=2)
    if p is not None:
        pw.text(translate("Report", "Score profile: {name}").format(name=p.name) + (f" — {p.description}" if p.description else ""), 11, space_after=14)
    st = score_stats(scored)
    if st:
        pw.heading(translate("Report", "In numbers"), 2)
        lines = [translate("Report", "{parcels} parcels scored; {excluded} excluded (e.g. below the minimum "
                           "area), {ranked} ranked.").format(parcels=f"{st['parcels']:,}",
                                                            excluded=f"{st['excluded']:,}",
                                                            ranked=f"{st['scored']:,}")]
        if "median" in st:
            lines.append(translate("Report", "Score of the ranked parcels: median {median}, 90th percentile "
                                   "{p90}, best {best} (of 100).").format(
                median=f"{st['median']:.1f}", p90=f"{st['p90']:.1f}", best=f"{st['max']:.1f}"))
        for line in lines:
            pw.text(line, 9.5, space_after=3)
        pw.y += pw.pt(8)
    pw.heading(translate("Report", "Candidate sites in this report ({n})").format(n=len(sites)), 2)
    for name in sites["name"]:
        pw.text(f"•  {name}", 9.5, space_after=1)
    pw.y += pw.pt(12)
    pw.heading(translate("Report", "How to read the scores"), 2)
    pw.text(translate("Report", "Each parcel scores 0–100: 100 × Σ weight × utility / Σ weights over the profile's criteria "
            "(distance from the parcel's boundary to the nearest qualifying substation and line, "
            "generation within a radius, estimated interconnection cost, parcel area). Distances are "
            "geodesic on WGS84; maps are drawn in Web Mercator for display only. The profile and all "
            "data sources with their licences are in the appendix."), 8.5, colour=F.MUTED)
    pw.text("\n".join(scene.profile_note()), 8.5, colour=F.MUTED)


class SceneView:
    """A scene drawn with other layers (e.g. sites numbered, or only the basemap): the layers
    given, everything else as in ``scene``."""

    def __init__(self, scene, layers: list) -> None:
        self._scene = scene
        self._layers = layers

    def visible_layers(self) -> list:
        return self._layers

    def __getattr__(self, name):
        return getattr(self._scene, name)


def _points_layer(name: str, labels: list[str], geoms, like=None):
    """A candidate-sites layer of ``geoms`` labelled ``labels`` (styled like ``like``)."""
    import geopandas as gpd
    from gridscout.layers.model import Layer, Source

    gdf = gpd.GeoDataFrame({"name": labels}, geometry=list(geoms), crs=4326)
    return Layer(name, "candidate_sites", gdf, Source(name), style=dict(getattr(like, "style", {}) or {}))


def _site_feature(name: str, geom):
    from gridscout.gui.export.report_frames import Feature

    return Feature(name, tuple(geom.bounds))


def overview(pw: PageWriter, scene, sites) -> None:
    """One locator map that fits the groups of sites (lettered), one inset per group with its sites
    numbered (full titles), one complete legend below them, then the table of sites."""
    from gridscout.gui.export.report_frames import Feature, title_height, wrapped_title

    pw.heading(translate("Report", "Overview of the candidate sites"), 1)
    groups = site_clusters(sites)
    site_layers = [lyr for lyr in scene.visible_layers() if lyr.kind == "candidate_sites"]
    like = site_layers[0] if site_layers else None
    others = [lyr for lyr in scene.visible_layers() if lyr.kind != "candidate_sites"]
    numbered = _points_layer("Candidate sites (numbered)", [str(i + 1) for i in range(len(sites))],
                             sites.geometry, like)
    inset_scene = SceneView(scene, others + [numbered])
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    regions = [_region(sites.iloc[g]) for g in groups]
    extents = []
    if len(groups) > 1:
        centres = [sites.geometry.iloc[g].union_all().centroid for g in groups]
        marks = _points_layer("Site groups", [f"{letters[k]}  {regions[k] or ''}".strip()
                                              for k in range(len(groups))], centres, like)
        basemaps = [lyr for lyr in others if lyr.kind == "basemap"]
        b = sites.total_bounds
        span = max(b[2] - b[0], b[3] - b[1], 1.0)
        area = pad_extent((b[0], b[1], b[2], b[3]), 0.1 * span / max(b[2] - b[0], 1e-6))
        feats = [Feature(f"{letters[k]} {regions[k]}", tuple(c.bounds)) for k, c in enumerate(centres)]
        h = pw.pt(96)
        pw.ensure(h + pw.pt(10))
        extents.append(map_box(pw, SceneView(scene, basemaps + [marks]), None,
                               QtCore.QRectF(pw.m, pw.y, pw.width, h), features=feats + [Feature("area", area)],
                               role="locator", title="Where the sites are", label_size=7.5, max_labels=20,
                               north_arrow=False, scale_bar=False))  # no one scale at this size
        pw.y += h + pw.pt(10)
    cols = 2 if len(groups) > 1 else 1
    gap = pw.pt(10)
    w = (pw.width - gap * (cols - 1)) / cols
    h = pw.pt(108 if len(groups) > 1 else 300)
    for row in range(0, len(groups), cols):
        members_of = groups[row:row + cols]
        titles = []
        for k, g in enumerate(members_of, start=row):
            names = ", ".join(f"{i + 1} {sites['name'].iloc[i]}" for i in g)
            head = (f"{letters[k]} · " if len(groups) > 1 else "") + (f"{regions[k]}: " if regions[k] else "")
            titles.append(head + names)
        th = max(title_height(pw.painter, w, t, 7) for t in titles)
        pw.ensure(th + h + pw.pt(14))
        for j, (g, t) in enumerate(zip(members_of, titles, strict=True)):
            x = pw.m + j * (w + gap)
            wrapped_title(pw.painter, QtCore.QRectF(x, pw.y, w, th), t, 7, pw.dpi)
            feats = [_site_feature(str(i + 1), sites.geometry.iloc[i]) for i in g]
            extents.append(map_box(pw, inset_scene, None, QtCore.QRectF(x, pw.y + th + pw.pt(3), w, h),
                                   features=feats, role="inset", title=t, north_arrow=False,
                                   max_labels=14, label_size=5.5))
        pw.y += th + h + pw.pt(14)
    overview_legend(pw, scene, [bbox_to_lonlat(e) for e in extents[1 if len(groups) > 1 else 0:]])
    union = _union_lonlat([bbox_to_lonlat(e) for e in extents])
    pw.text(scene.attribution(union) + ". " + translate("Report", "North is up. The locator has no scale bar (at its size the "
            "scale changes with latitude); inset scale bars are geodesic at each inset's centre latitude."), 6.5, colour=F.MUTED,
            space_after=6)
    rows = []
    for i in range(len(sites)):
        g = sites.geometry.iloc[i].representative_point()
        rows.append([str(i + 1), sites["name"].iloc[i], f"{abs(g.y):.4f}° {'N' if g.y >= 0 else 'S'}",
                     f"{abs(g.x):.4f}° {'E' if g.x >= 0 else 'W'}",
                     str(sites["region"].iloc[i]) if "region" in sites.columns else ""])
    pw.table(["#", translate("Report", "Site"), translate("Report", "Latitude"), translate("Report", "Longitude"), translate("Report", "Region")], rows, [0.3, 3, 1.2, 1.2, 0.8], size=6.5)


def _region(members) -> str:
    if "region" not in members.columns:
        return ""
    values = [str(v) for v in members["region"].dropna().unique() if str(v) not in ("", "nan")]
    return " / ".join(values)


def _union_lonlat(boxes):
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def overview_legend(pw: PageWriter, scene, extents_lonlat, columns: int = 4) -> None:
    """One complete legend for the maps of ``extents_lonlat``, its sections in columns across the
    page (nothing cut off: the band is as tall as its tallest column)."""
    from PySide6 import QtGui

    facts: dict = {}
    for ext in extents_lonlat:
        for k, v in scene.legend_facts(ext).items():
            facts[k] = (facts[k] | v) if k in facts else v
    sections = F.legend_entries(facts)
    if not sections:
        return
    fm = QtGui.QFontMetricsF(F.font(6), pw.painter.device())
    row_h = max(fm.height(), pw.pt(10)) + pw.pt(1.5)
    heights = [row_h * (len(items) + 1) + pw.pt(6) for _head, items in sections]
    per_col = max(sum(heights) / columns, max(heights))
    cols: list[list[int]] = [[]]
    used = 0.0
    for i, hh in enumerate(heights):
        if cols[-1] and used + hh > per_col * 1.05 and len(cols) < columns:
            cols.append([])
            used = 0.0
        cols[-1].append(i)
        used += hh
    band = max(sum(heights[i] for i in c) for c in cols)
    pw.ensure(band + pw.pt(16))
    pw.text(translate("Report", "Legend"), 8, bold=True, space_after=2)
    cw = pw.width / columns
    for j, c in enumerate(cols):
        F.draw_legend(pw.painter, QtCore.QRectF(pw.m + j * cw, pw.y, cw - pw.pt(6), band + pw.pt(4)),
                      [sections[i] for i in c], pw.dpi, title="", size_pt=6)
    pw.y += band + pw.pt(4)


def comparison(pw: PageWriter, scene, table, scored, within_km: float, top: int) -> None:
    pw.heading(translate("Report", "Sites side by side"), 1)
    mw_col = next((c for c in table.columns if c.startswith("mw_within_")), None)
    radius = table.attrs.get("radius_km", 50)
    sub_kv, line_kv = scene.profile.substation_rule[0], scene.profile.line_rule[0]
    rows = []
    for _, r in table.iterrows():
        rows.append([r["site"], f"{r['substation']} ({fmt_kv(r['substation_kv'])})", fmt_num(r["substation_km"], 1),
                     f"{r['line']} ({fmt_kv(r['line_kv'])})", fmt_num(r["line_km"], 1),
                     fmt_num(r[mw_col], 0) if mw_col else "", str(r.get(f"parcels_within_{within_km:g}km", "")),
                     fmt_num(r.get("best_score"), 1)])
    pw.table([translate("Report", "Site"), translate("Report", "Nearest substation ≥ {kv} kV").format(kv=f"{sub_kv:g}"), "km",
              translate("Report", "Nearest line ≥ {kv} kV").format(kv=f"{line_kv:g}"), "km",
              translate("Report", "MW within {r} km").format(r=f"{radius:g}"),
              translate("Report", "Ranked parcels ≤ {r} km").format(r=f"{within_km:g}"), translate("Report", "Best Score")],
             rows, [2.2, 2.2, 0.6, 2.4, 0.6, 0.9, 0.9, 0.8], size=6.5, align_right={2, 4, 5, 6, 7})
    names = [str(s) for s in table["site"]]
    best = [float(v) for v in table["best_score"]] if "best_score" in table else []
    if best:
        pw.bar_chart(names, best, list(S.score_colours(best)),
                     translate("Report", "Best parcel Score within {r} km of each site (0–100)").format(r=f"{within_km:g}"), vmax=100, height=80)
    if mw_col:
        pw.bar_chart(names, [float(v) for v in table[mw_col]], ["#E8862A"] * len(names),
                     translate("Report", "Generation capacity within {r} km (MW)").format(r=f"{radius:g}"), unit=" MW", digits=0, height=80)
    if scored is not None:
        kept = scored.loc[~scored["excluded"].astype(bool), "score"] if "excluded" in scored else scored["score"]
        pw.histogram(kept.to_numpy(dtype=float), translate("Report", "Score histogram: {n} ranked parcels "
                     "(excluded parcels not shown)").format(n=f"{len(kept):,}"), height=95,
                     note=translate("Report", "Bars coloured with the map's score ramp."))


def site_section(pw: PageWriter, scene, site, row, within_km: float, top: int) -> None:
    from gridscout.gui.export.site_facts import nearest  # noqa: F401 - documented helper

    pw.heading(translate("Report", "Site: {name}").format(name=site.name), 1)
    pw.text(f"{abs(site.lat):.4f}° {'N' if site.lat >= 0 else 'S'}, {abs(site.lon):.4f}° "
            f"{'E' if site.lon >= 0 else 'W'}" + (translate("Report", " · region {region}").format(region=site.region) if site.region else ""),
            8.5, colour=F.MUTED)
    highlights = []
    if site.parcels is not None:
        for k in range(len(site.parcels)):
            highlights.append((site.parcels.geometry.iloc[k], str(k + 1)))
    features = site_features(site, scene.profile)
    draw_map(pw, scene, None, 250, highlights=highlights, max_labels=30, features=features,
             role="site", title=site.name)
    pw.heading(translate("Report", "Grid access"), 2)
    mw_col = next((c for c in row.index if str(c).startswith("mw_within_")), None)
    sub_kv, line_kv = scene.profile.substation_rule[0], scene.profile.line_rule[0]
    yes, no = translate("Report", "yes"), translate("Report", "no")
    rows = [[translate("Report", "substation"), n, fmt_kv(kv), fmt_km(d), yes if kv == kv and kv >= sub_kv else no]
            for n, kv, d in site.substations[:3]]
    rows += [[translate("Report", "line"), n, fmt_kv(kv), fmt_km(d), yes if kv == kv and kv >= line_kv else no]
             for n, kv, d in site.lines[:3]]
    pw.table([translate("Report", "Feature"), translate("Report", "Name"), "kV", translate("Report", "Distance"), translate("Report", "Qualifies")], rows, [1, 4, 1, 1, 1], size=7,
             align_right={3})
    if mw_col:
        pw.text(translate("Report", "Generation within {r} km: {mw} MW.").format(
            r=mw_col.split('_')[-1].removesuffix('km'), mw=fmt_num(row[mw_col], 0)) + "  " + reach_text(site, within_km), 8.5)
    else:
        pw.text(reach_text(site, within_km), 8.5)
    pw.heading(translate("Report", "Top {n} parcels within {r} km (outlined and numbered on the map)").format(n=top, r=f"{within_km:g}"), 2)
    if site.parcels is None or len(site.parcels) == 0:
        pw.text(translate("Report", "No scored parcel within reach of this site."), 8.5, colour=F.MUTED)
    else:
        crit = criterion_columns(scene.profile, site.parcels)
        cols = ["#", translate("Report", "Parcel"), translate("Report", "Score"), "ha", "km"] + [h for _, h in crit]
        rows = []
        for k in range(len(site.parcels)):
            r = site.parcels.iloc[k]
            rows.append([str(k + 1), str(r["parcel_id"]), fmt_num(r["score"], 1),
                         fmt_num(r.get("area_ha"), 1), fmt_num(r["distance_km"], 1)]
                        + [fmt_num(r[c], 1) for c, _ in crit])
        pw.table(cols, rows, [0.3, 1.6, 0.6, 0.6, 0.5] + [0.9] * len(crit), size=6.5,
                 align_right=set(range(2, len(cols))))
        if scene.result is not None:
            best = site.parcels["parcel_id"].iloc[0]
            try:
                lines = scene.result.explain(best)
            except Exception:
                lines = []
            if lines:
                pw.text(translate("Report", "Why #1 scores what it scores:"), 8, bold=True, space_after=1)
                for line in lines:
                    pw.text("•  " + translate_wording(line), 7.5, space_after=1)
                pw.y += pw.pt(4)
    pw.heading(translate("Report", "Field notes near the site"), 2)
    if not site.notes:
        pw.text(translate("Report", "No field notes for parcels within {r} km of this site.").format(r=f"{within_km:g}"), 8.5, colour=F.MUTED)
    else:
        pw.table([translate("Report", "Parcel"), translate("Report", "Status"), translate("Report", "Updated"), "km", translate("Report", "Note")],
                 [[pid, status, upd, fmt_num(d, 1), note] for pid, status, upd, note, d in site.notes[:25]],
                 [1.4, 0.9, 0.9, 0.4, 4], size=7)


def site_features(site, profile) -> list:
    """What a site page's map must show: the site, its top parcels (numbered), its nearest
    substation and line, and the nearest qualifying ones when they are others."""
    from gridscout.gui.export.report_frames import Feature

    out = [Feature(site.name, tuple(site.geometry.bounds))]
    if site.parcels is not None:
        out += [Feature(f"#{k + 1} {site.parcels['parcel_id'].iloc[k]}",
                        tuple(site.parcels.geometry.iloc[k].bounds)) for k in range(len(site.parcels))]
    sub_kv = profile.substation_rule[0] if profile is not None else 0.0
    line_kv = profile.line_rule[0] if profile is not None else 0.0
    for kind, facts, points, kv_min in (("substation", site.substations, site.substation_points, sub_kv),
                                        ("line", site.lines, site.line_points, line_kv)):
        picks = [0] if facts else []
        qualifying = [i for i, (_n, kv, _d) in enumerate(facts) if kv == kv and kv >= kv_min]
        if qualifying and qualifying[0] not in picks:
            picks.append(qualifying[0])
        for i in picks:
            lon, lat = points[i]
            out.append(Feature(f"{kind} {facts[i][0]}", (lon, lat, lon, lat)))
    return out


def reach_text(site, within_km: float) -> str:
    """The parcels within reach of a site, e.g. "Parcels within 10 km: 837 ranked, 1,300 excluded
    (area below the 10 ha minimum)."."""
    if site.excluded_within:
        return translate("Report", "Parcels within {r} km: {ranked} ranked, {excluded} excluded ({why}).").format(
            r=f"{within_km:g}", ranked=f"{site.parcels_within:,}", excluded=f"{site.excluded_within:,}",
            why=translate_wording(site.excluded_why))
    return translate("Report", "Parcels within {r} km: {ranked} ranked.").format(
        r=f"{within_km:g}", ranked=f"{site.parcels_within:,}")


#: the transforms' names and parameters (scoring/transforms.py) as the appendix shows them
TRANSFORM_WORDS = (
    QT_TRANSLATE_NOOP("Report", "linear"),
    QT_TRANSLATE_NOOP("Report", "exponential_decay"),
    QT_TRANSLATE_NOOP("Report", "logistic"),
    QT_TRANSLATE_NOOP("Report", "mssmall"),
    QT_TRANSLATE_NOOP("Report", "mslarge"),
    QT_TRANSLATE_NOOP("Report", "step"),
    QT_TRANSLATE_NOOP("Report", "best"),
    QT_TRANSLATE_NOOP("Report", "worst"),
    QT_TRANSLATE_NOOP("Report", "half_distance"),
    QT_TRANSLATE_NOOP("Report", "scale"),
    QT_TRANSLATE_NOOP("Report", "midpoint"),
    QT_TRANSLATE_NOOP("Report", "steepness"),
    QT_TRANSLATE_NOOP("Report", "direction"),
    QT_TRANSLATE_NOOP("Report", "mean_multiplier"),
    QT_TRANSLATE_NOOP("Report", "std_multiplier"),
    QT_TRANSLATE_NOOP("Report", "breakpoints"),
    QT_TRANSLATE_NOOP("Report", "values"),
)


def transform_text(tr) -> str:
    """"linear(best 20, worst 2)" in the report's language."""
    params = ", ".join(f"{translate('Report', k)} {_number(v)}" for k, v in tr.params.items())
    return translate("Report", "{name}({params})").format(name=translate("Report", tr.name), params=params)


def _number(v) -> str:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return str(v)
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"


def appendix(pw: PageWriter, scene) -> None:
    from gridscout.gui.export.sources import licence_table, project_sources

    p = scene.profile
    pw.heading(translate("Report", "Appendix A — score profile"), 1)
    if p is not None:
        pw.text(f"{p.name}" + (f": {p.description}" if p.description else ""), 9)
        rows = []
        for c in p.criteria:
            settings = translate_wording(criterion_type(c.type).settings_text(c))
            title = translate_wording(c.label or criterion_type(c.type).title or c.id)
            rows.append([title if title == c.id else f"{title} ({c.id})",  # the id the TOML uses
                         f"{c.weight:g} ({c.weight / p.total_weight:.0%})", settings, transform_text(c.transform)])
        pw.table([translate("Report", "Criterion"), translate("Report", "Weight"), translate("Report", "Thresholds"), translate("Report", "Transform")], rows, [1.6, 1, 1.8, 2.6], size=7)
        for e in p.exclusions:
            pw.text(translate("Report", "Exclusion: parcels with more than {share} in {layer}.").format(share=f"{e.max_overlap_share:.0%}", layer=e.layer), 8)
        cost = p.cost
        pw.heading(translate("Report", "Interconnection cost tables ({region}, {year} USD)").format(region=cost.region, year=cost.currency_year), 2)
        rows = [[f"{kv:g} kV", f"{lc:,.0f}", f"{ns:,.0f}", f"{up:,.0f}"]
                for kv, lc, ns, up in zip(cost.kv_classes, cost.line_cost_per_mile_usd,
                                          cost.new_substation_usd, cost.substation_upgrade_usd, strict=True)]
        pw.table([translate("Report", "kV class"), translate("Report", "Line cost per mile"), translate("Report", "New substation"), translate("Report", "Substation upgrade")], rows,
                 [1, 1.5, 1.5, 1.5], size=7.5, align_right={1, 2, 3})
        mult = ", ".join(translate("Report", "×{m} under {b} miles").format(m=f"{m:g}", b=f"{b:g}") for b, m in zip(cost.short_line_below_miles,
                                                                    cost.short_line_multipliers, strict=True))
        pw.text(translate("Report", "Short-line multipliers: {mult}. Source: {source}.").format(mult=mult, source=cost.source), 8)
        for src in p.sources:
            pw.text(translate("Report", "Profile source: {source}").format(source=src), 8)
    pw.heading(translate("Report", "Appendix B — data sources and licences"), 1)
    rows = []
    for ls in project_sources(scene.project):
        lyr = scene.project.layer(ls.layer)
        n = translate("Report", "raster") if lyr.is_raster else f"{len(lyr.data):,}"
        cites = "; ".join(ls.citations[:4]) + ("; " + translate("Report", "… ({n} more)").format(
            n=len(ls.citations) - 4) if len(ls.citations) > 4 else "")
        rows.append([ls.layer, ls.kind, n, cites, "; ".join(f"{a}: {b}" for a, b in ls.licences) or "—"])
    pw.table([translate("Report", "Layer"), translate("Report", "Kind"), translate("Report", "Features"), translate("Report", "Sources"), translate("Report", "Licences")], rows, [1.3, 1, 0.6, 3.4, 2], size=6.3)
    pw.heading(translate("Report", "Licences"), 2)
    used = licence_table(scene.project)
    for provider, licence in used:
        pw.text(f"•  {provider}: {licence}", 8.5, space_after=1)
    pw.y += pw.pt(6)
    pw.text(" ".join(licence_notes(used)), 8, colour=F.MUTED)


def licence_notes(used: list[tuple[str, str]]) -> list[str]:
    """What each licence in ``used`` obliges a reader of the report to do (only those used)."""
    from gridscout.gui.export.sources import UNKNOWN_LICENCE

    providers = {p for p, _ in used}
    notes = []
    if "OpenStreetMap" in providers:
        notes.append(translate("Report", "Maps and reports made from OpenStreetMap-derived data must carry “© OpenStreetMap "
                     "contributors” (ODbL 1.0)."))
    free = [p for p, lic in used if lic.startswith("public domain")]
    if free:
        notes.append(translate("Report", "Public-domain data ({names}) needs no attribution; it is given anyway.").format(names=", ".join(free)))
    if "WRI Global Power Plant Database" in providers:
        notes.append(translate("Report", "WRI data is CC BY 4.0: credit the World Resources Institute."))
    unknown = [p for p, lic in used if lic == UNKNOWN_LICENCE]
    if unknown:
        notes.append(translate("Report", "No licence is recorded for {names}: check its terms before you "
                     "publish.").format(names=", ".join(unknown)))
    return notes
