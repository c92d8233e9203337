"""Reading, validating, normalising and writing layers — the one way files become :class:`Layer`s.

``load_layer("parcels.gpkg:lots")`` reads the file, detects the layer kind, validates the
geometries (:mod:`layers.validate`), normalises the attributes (the kind's ``normalise``) and
returns a :class:`~layers.model.Layer` in EPSG:4326 with its :class:`ValidationReport`.
Format-specific reading lives in :mod:`layers.io_read` (with :mod:`layers.io_arrow` for fast WKB
decoding and :mod:`layers.io_csv` for tables with coordinates), writing in
:mod:`layers.io_write`; both are re-exported here.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
from gridscout.layers.errors import DataError
from gridscout.layers.io.read import (
    FORMATS,
    RASTER_EXTS,
    check_file,
    choose_layer,
    extension,
    format_name,
    geometry_types,
    is_raster_path,
    list_layers,
    read_vector,
    read_vector_checked,
)
from gridscout.layers.io.write import WRITE_EXTS, write_vector
from gridscout.layers.kinds.base import LayerKind, SourceInfo
from gridscout.layers.model import Layer, Source
from gridscout.layers.progress import Progress, scaled
from gridscout.layers.validation_report import ValidationReport
from gridscout.layers.wording import QT_TRANSLATE_NOOP

__all__ = [
    "FORMATS",
    "RASTER_EXTS",
    "WRITE_EXTS",
    "detect_kind",
    "format_name",
    "is_raster_path",
    "kind_scores",
    "list_layers",
    "load_layer",
    "read_vector",
    "resolve_mapping",
    "sample_frame",
    "source_info",
    "write_vector",
]

SAMPLE_ROWS = 500
#: layers with more features than this are detected from their first SAMPLE_ROWS_LARGE features
LARGE_LAYER = 200_000
SAMPLE_ROWS_LARGE = 5_000


def source_info(path: str | Path, layer: str | None, gdf: gpd.GeoDataFrame | None = None) -> SourceInfo:
    """What kind detection needs to know; raster files give ``is_raster=True``.

    Without ``gdf`` the layer is read — whole when small, else its first
    :data:`SAMPLE_ROWS_LARGE` features (a million parcels need not be read twice to be detected).
    """
    if gdf is None:
        if is_raster_path(path):
            return SourceInfo(str(path), layer, [], set(), is_raster=True)
        src = Source.parse(path)
        layer = layer or src.layer
        counts = {n: c for n, _, c in list_layers(src.path)}
        chosen = choose_layer(src.path, layer)
        count = counts.get(chosen) if chosen else next(iter(counts.values()), None)
        if count is not None and count > LARGE_LAYER:
            gdf = sample_frame(src.path, chosen, SAMPLE_ROWS_LARGE)
        if gdf is None:
            gdf = read_vector(src.path, chosen)
        path, layer = src.path, chosen
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    return SourceInfo(str(path), layer, columns, geometry_types(gdf), False, gdf.iloc[:SAMPLE_ROWS])


def kind_scores(info: SourceInfo) -> list[tuple[float, str]]:
    """``[(score, kind name)]`` for every kind, best first (a failing plugin scores 0)."""
    from gridscout.layers.registry import all_kinds

    scores = []
    for name, kind in all_kinds().items():
        if kind.is_raster != info.is_raster:
            continue
        try:
            score = float(kind.recognise(info) or 0.0)
        except Exception:
            score = 0.0
        scores.append((score, name))
    return sorted(scores, key=lambda t: -t[0])


def _best_kind(info: SourceInfo, label: str) -> LayerKind:
    from gridscout.layers.registry import all_kinds, get_kind

    scores = kind_scores(info)
    if not scores or scores[0][0] <= 0:
        names = [n for n, k in all_kinds().items() if k.is_raster == info.is_raster]
        raise DataError(f"cannot tell what kind of layer {label} is; pass --kind ({', '.join(names)})")
    return get_kind(scores[0][1])


def sample_frame(path: str | Path, layer: str | None, rows: int = SAMPLE_ROWS) -> gpd.GeoDataFrame | None:
    """The first ``rows`` features of a layer (None for a table without geometry), cheaply."""
    from gridscout.layers.io.read import READ_ERRORS, gdal_path, read_error
    from pyogrio import read_dataframe

    ext = extension(path)
    if ext in (".csv", ".tsv"):
        return read_vector(path)
    if ext in (".parquet", ".geoparquet"):
        import pyarrow as pa
        import pyarrow.parquet as pq
        from gridscout.layers.io.arrow import arrow_to_geodataframe, geoparquet_meta

        meta = geoparquet_meta(path)
        if meta is None or str(meta.get("columns", {}).get(meta.get("primary_column", "geometry"), {})
                               .get("encoding", "WKB")).upper() != "WKB":
            return read_vector(path)
        try:
            batch = next(pq.ParquetFile(path).iter_batches(batch_size=rows), None)
        except READ_ERRORS as exc:
            raise read_error(path, exc) from None
        if batch is None:
            return None
        return arrow_to_geodataframe(pa.Table.from_batches([batch]),
                                     meta.get("primary_column", "geometry"), None)[0]
    try:
        try:
            sample = read_dataframe(gdal_path(path), layer=layer, max_features=rows, use_arrow=False,
                                    on_invalid="ignore")
        except UnicodeError:
            sample = read_dataframe(gdal_path(path), layer=layer, max_features=rows, use_arrow=False,
                                    encoding="latin1", on_invalid="ignore")
    except READ_ERRORS as exc:
        raise read_error(path, exc) from None
    return sample if isinstance(sample, gpd.GeoDataFrame) else None


def _pick_layer_for_kind(path: str | Path, kind: LayerKind) -> str:
    """The layer of a multi-layer file that ``kind`` recognises best (needs a positive score)."""
    best: tuple[float, str] | None = None
    names = [n for n, _, _ in list_layers(path)]
    for name in names:
        sample = sample_frame(path, name)
        if sample is None:
            continue
        try:
            score = float(kind.recognise(source_info(path, name, sample)) or 0.0)
        except Exception:
            score = 0.0
        if score > 0 and (best is None or score > best[0]):
            best = (score, name)
    if best is None:
        raise DataError(f"{Path(path).name} has no layer that looks like {kind.name}; choose one with "
                        f"--layer NAME: {', '.join(names)}")
    return best[1]


def detect_kind(spec: str | Path, layer: str | None = None) -> str:
    """The name of the kind that recognises ``spec`` best (``"file.gpkg:layer"`` allowed)."""
    src = Source.parse(spec)
    layer = layer or src.layer
    check_file(src.path)
    if is_raster_path(src.path):
        return _best_kind(SourceInfo(src.path, None, [], set(), is_raster=True), src.path).name
    layer = choose_layer(src.path, layer)
    info = source_info(src.path, layer)
    return _best_kind(info, _label(src.path, layer)).name


def resolve_mapping(kind: LayerKind, gdf: gpd.GeoDataFrame, mapping: dict[str, str] | None,
                    label: str) -> dict[str, str]:
    """The kind's detected mapping, overridden by ``mapping`` (checked against the columns)."""
    try:
        return dict(kind.resolve_mapping(gdf, mapping) or {})
    except DataError as exc:
        raise DataError(f"{label}: {exc}") from None


def _label(path: str | Path, layer: str | None) -> str:
    """``file.gpkg:layer`` for multi-layer formats, else the file name."""
    name = Path(str(path)).name
    return f"{name}:{layer}" if layer and extension(path) in (".gpkg", ".zip") else name


def _load_raster(src: Source, kind: LayerKind | None, crs, progress: Progress) -> Layer:
    from gridscout.layers.raster import RasterSource

    if kind is None:
        kind = _best_kind(SourceInfo(src.path, None, [], set(), is_raster=True), src.path)
    elif not kind.is_raster:
        raise DataError(f"{Path(src.path).name} is a raster; it cannot be a {kind.name} layer (which "
                        "needs vector data); use --kind raster")
    progress(0.1, f"opening {Path(src.path).name}")
    raster = RasterSource(src.path, crs=crs)
    report = ValidationReport(str(src))
    if crs is not None:
        report.info("crs_set", QT_TRANSLATE_NOOP("Wording", "coordinate reference system set to {crs}").format(crs=crs))
    progress(1.0, "done")
    return Layer(Path(src.path).stem, kind.name, raster, Source(src.path, None),
                 style=kind.default_style(), report=report)


def normalise_frame(gdf: gpd.GeoDataFrame, kind: LayerKind, label: str, report: ValidationReport,
                    *, mapping: dict[str, str] | None = None, crs=None, valid=None,
                    progress: Progress | None = None) -> tuple[gpd.GeoDataFrame, dict[str, str]]:
    """Validate and normalise a frame as read from a file (:func:`load_layer` after reading; the
    Dask engine on each partition): geometries checked and repaired into EPSG:4326, columns
    mapped to the kind's canonical ones. → (data, mapping used). ``valid``: ``shapely.is_valid``
    per geometry when the reader computed it. Raises :class:`DataError` for what the user fixes."""
    from gridscout.layers.validate import validate_geometries

    progress = progress or (lambda f, m="": None)
    if crs is not None:
        report.info("crs_set", QT_TRANSLATE_NOOP("Wording", "source coordinate reference system set to {crs} (--crs)").format(crs=crs))
    gdf = validate_geometries(gdf, report, kind.geometry_types, label, crs=crs, valid=valid)
    progress(0.75, f"normalising {len(gdf):,} {kind.name}")
    used_mapping = resolve_mapping(kind, gdf, mapping, label)
    data = kind.normalise(gdf, used_mapping, report)
    report.rows_kept = len(data)
    return data, used_mapping


def load_layer(
    spec: str | Path,
    kind: str | None = None,
    mapping: dict[str, str] | None = None,
    crs=None,
    progress: Progress | None = None,
    layer: str | None = None,
    encoding: str | None = None,
    swap_lat_lon: bool = False,
) -> Layer:
    """Read, validate and normalise one layer into a :class:`Layer` in EPSG:4326.

    ``spec`` is a path, or ``"file.gpkg:layer"``. ``kind`` (a kind name) skips detection; with
    ``kind`` a multi-layer file without a chosen layer gives the layer the kind recognises best.
    ``mapping`` overrides detected ``{canonical: source column}`` pairs. ``crs`` sets (or
    overrides) the source CRS. ``progress(fraction, message)`` may raise ``Cancelled``.
    Raises :class:`DataError` for anything the user has to fix.
    """
    from gridscout.layers.registry import get_kind

    progress = progress or (lambda f, m="": None)
    src = Source.parse(spec)
    layer = layer or src.layer
    path = check_file(src.path)
    if extension(path) in (".gridscout", ".gpkg"):  # a project's layers by title, or by kind
        from gridscout.layers.project import project_layer_table

        layer = project_layer_table(path, wanted=layer) or project_layer_table(
            path, kind=kind if layer is None else None) or layer
    kind_obj = get_kind(kind) if kind else None
    if is_raster_path(path) or (kind_obj is not None and kind_obj.is_raster):
        return _load_raster(Source(str(path)), kind_obj, crs, progress)

    if layer is None and kind_obj is not None and extension(path) not in (
            ".parquet", ".geoparquet", ".csv", ".tsv"):
        if len(list_layers(path)) > 1:
            layer = _pick_layer_for_kind(path, kind_obj)
    layer = choose_layer(path, layer)
    label = _label(path, layer)
    report = ValidationReport(label)

    progress(0.0, f"reading {label}")
    gdf, valid = read_vector_checked(path, layer, report=report, progress=scaled(progress, 0.0, 0.6),
                                     check_valid=True, encoding=encoding,
                                     swap_lat_lon=swap_lat_lon)
    report.rows_read = len(gdf)
    if len(gdf) == 0:
        raise DataError(f"{label} has no features; choose another layer or file")
    progress(0.6, f"checking {len(gdf):,} features")

    if kind_obj is None:
        kind_obj = _best_kind(source_info(path, layer, gdf), label)
    if kind_obj.is_raster:
        raise DataError(f"{label} is vector data; it cannot be a {kind_obj.name} layer")
    data, used_mapping = normalise_frame(gdf, kind_obj, label, report, mapping=mapping, crs=crs,
                                         valid=valid, progress=progress)
    loaded = Layer(
        name=layer or path.stem,
        kind=kind_obj.name,
        data=data,
        source=Source(str(src.path), layer),
        style=kind_obj.default_style(),
        report=report,
        mapping=used_mapping,
    )
    loaded.lonlat_bounds()  # here, on the loading thread, not when the map first asks
    progress(1.0, "done")
    return loaded
