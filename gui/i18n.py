"""The one place that knows GridScout's languages: which one to use, and installing its
translators (GridScout's compiled catalogues plus Qt's own, so standard dialogs follow)."""

from __future__ import annotations

import functools
import logging
import re
import xml.etree.ElementTree as ET

from gridscout.layers.errors import GridScoutError
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from gridscout.operations.translations import build_catalogues, ts_sources

log = logging.getLogger(__name__)

#: language code → its name in that language (as the Settings dialog lists it)
LANGUAGES = {"en": "English", "ja": "日本語"}
DEFAULT_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []  # kept alive while installed
_ORIGINAL_LOCALE = QLocale()


def system_language() -> str:
    """"ja" when the system locale is Japanese, else "en"."""
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else DEFAULT_LANGUAGE


def saved_language(settings: QSettings | None = None) -> str | None:
    """The language stored by the Settings dialog, or None."""
    value = (settings or QSettings("GridScout", "GridScout")).value(SETTINGS_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_language(lang: str, settings: QSettings | None = None) -> None:
    """Store ``lang`` as the interface language (used from the next start)."""
    if lang not in LANGUAGES:
        raise GridScoutError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    (settings or QSettings("GridScout", "GridScout")).setValue(SETTINGS_KEY, lang)


def chosen_language(cli_lang: str | None = None, settings: QSettings | None = None) -> str:
    """The language to use: the CLI flag, else the saved choice, else the system locale."""
    if cli_lang:
        if cli_lang not in LANGUAGES:
            raise GridScoutError(f"unknown language {cli_lang!r}; use --lang {'|'.join(LANGUAGES)}")
        return cli_lang
    return saved_language(settings) or system_language()


def current_language() -> str:
    """The language installed by :func:`install_language` (English before any)."""
    return getattr(current_language, "lang", DEFAULT_LANGUAGE)


def local_name(row, lang: str | None = None) -> object:
    """A feature's name in ``lang`` (default: the installed one): ``name:<lang>`` when the data has
    it for this feature, else ``name``."""
    lang = lang or current_language()
    value = row.get(f"name:{lang}") if hasattr(row, "get") else None
    if isinstance(value, str) and value.strip():
        return value
    return row.get("name") if hasattr(row, "get") else None


def local_names(data, lang: str | None = None):
    """The ``name`` column of a layer in ``lang`` (an array; None when there is no name column):
    ``name:<lang>`` where the data has it, else ``name`` (OSM's convention, as QGIS users know it)."""
    import numpy as np

    columns = getattr(data, "columns", ())
    base = data["name"].to_numpy(dtype=object) if "name" in columns else None
    local = f"name:{lang or current_language()}"
    if local not in columns:
        return base
    values = data[local].to_numpy(dtype=object)
    given = np.array([isinstance(v, str) and bool(v.strip()) for v in values], dtype=bool)
    if base is None:
        base = np.full(len(values), None, dtype=object)
    return np.where(given, values, base)


def remove_translators(app: QCoreApplication) -> None:
    """Remove the translators :func:`install_language` installed."""
    while _installed:
        app.removeTranslator(_installed.pop())
    if current_language() != DEFAULT_LANGUAGE:
        QLocale.setDefault(_ORIGINAL_LOCALE)
    current_language.lang = DEFAULT_LANGUAGE


def install_catalogue(app: QCoreApplication, qm_path: str) -> bool:
    """Install one compiled catalogue file; False when Qt cannot load it."""
    translator = QTranslator(app)
    if not translator.load(str(qm_path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install_language(app: QCoreApplication, lang: str) -> None:
    """Use ``lang`` for the interface: one translator per GridScout catalogue
    ``gridscout_*_<lang>.qm`` (compiled on demand when missing or compiled from other ``.ts`` content) and Qt's
    own ``qtbase_<lang>.qm``. English needs none. Replaces what an earlier call installed."""
    if lang not in LANGUAGES:
        raise GridScoutError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    remove_translators(app)
    current_language.lang = lang
    if lang == DEFAULT_LANGUAGE:
        return
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    for qm in build_catalogues(lang):
        if not install_catalogue(app, str(qm)):
            log.warning("could not load the translation catalogue %s", qm)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{lang}", qt_folder):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    else:
        log.info("Qt's own %s catalogue is not in %s; standard dialogs stay English", lang, qt_folder)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``: ``text`` in the installed language."""
    return QCoreApplication.translate(context, text, disambiguation, n)


# --- messages from Qt-free code ------------------------------------------------------------------
#: the context of texts marked with QT_TRANSLATE_NOOP("Wording", …) in scoring/ and layers/
WORDING = "Wording"
_FIELD = re.compile(r"\{(\w+)(?::[^{}]*)?\}")


_NUMBER = r"[-+]?(?:\d[\d,]*)?\.?\d+(?:e[-+]?\d+)?%?"
#: what the value of a field can be, by the field's name (else any text, possibly empty)
_VALUES = {"kv": r"(?:[\d.]+ kV|unknown voltage).*?"}


def _value_pattern(field: str) -> str:
    """The regex of what ``{name}`` / ``{name:spec}`` was filled with: a number for a numeric
    format spec, a voltage for ``{kv}``, else any text (so "the {kv} {name} line" does not read
    "the 230 kV 230kV transmission line" as kv="230")."""
    name, _, spec = field.strip("{}").partition(":")
    if spec and spec[-1] in "dfgeE%n,":
        return _NUMBER
    return _VALUES.get(name, ".*?")


@functools.cache
def _templates(context: str) -> tuple[tuple[re.Pattern, str], ...]:
    """The ``context`` sources with ``{name}`` fields of every catalogue, as (pattern, source),
    most literal text first: how a finished message is traced back to the template it was formatted from."""
    sources = set()
    for ts in ts_sources():
        for ctx in ET.parse(ts).getroot().iter("context"):
            if ctx.findtext("name") == context:
                sources.update(m.findtext("source") for m in ctx.iter("message"))
    found = []
    # most literal text first: "radius {radius} km" before "{criterion} {radius:g} km"
    for source in sorted((s for s in sources if s and _FIELD.search(s)),
                         key=lambda s: (len(_FIELD.sub("", s)), len(s)), reverse=True):
        parts, pos = [], 0
        for match in _FIELD.finditer(source):
            parts.append(re.escape(source[pos:match.start()]))
            parts.append(f"(?P<{match.group(1)}>{_value_pattern(match.group(0))})"
                         if f"(?P<{match.group(1)}>" not in "".join(parts) else f"(?P={match.group(1)})")
            pos = match.end()
        parts.append(re.escape(source[pos:]))
        found.append((re.compile("".join(parts), re.DOTALL), source))
    return tuple(found)


def translate_wording(text: str, context: str = WORDING) -> str:
    """A message built by Qt-free code (scoring explanations, validation messages) in the
    interface language: the code marks its texts and templates with
    ``QT_TRANSLATE_NOOP("Wording", "… {name} …")``; a finished message is matched to its template,
    the template translated and the values put back (themselves translated when they are marked)."""
    if not text or not _installed:
        return text
    whole = translate(context, text)
    if whole != text:
        return whole
    for pattern, source in _templates(context):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        target = translate(context, source)
        if target == source:
            continue
        values = {k: translate_wording(v, context) for k, v in match.groupdict().items()}
        return _FIELD.sub(lambda m, v=values: v.get(m.group(1), m.group(0)), target)
    return text


_SEVERITY = {"info": QT_TRANSLATE_NOOP("ValidationReport", "info"),
             "warning": QT_TRANSLATE_NOOP("ValidationReport", "warning"),
             "error": QT_TRANSLATE_NOOP("ValidationReport", "error")}


def report_text(report) -> str:
    """A :class:`~gridscout.layers.validation_report.ValidationReport` as text in the interface
    language (its ``to_text()`` is English, for the CLI and the files): the frame translated, each
    message traced back to its marked template (:func:`translate_wording`); rule ids stay as they
    are, as the CLI and the docs name them."""
    from gridscout.layers.validation_report import MAX_ROWS_IN_TEXT

    head = translate("ValidationReport", "{source}: {read:,} rows read, {kept:,} kept, {dropped:,} dropped").format(
        source=report.source, read=report.rows_read, kept=report.rows_kept, dropped=report.rows_dropped)
    if not report.items:
        return translate("ValidationReport", "{head}; no problems found").format(head=head)
    lines = [head]
    for item in report.items:
        text = translate("ValidationReport", "[{severity}] {rule}: {message}").format(
            severity=translate("ValidationReport", _SEVERITY.get(item.severity, item.severity)),
            rule=item.rule, message=translate_wording(item.message))
        if item.count:
            text += translate("ValidationReport", " ({n:,} rows)").format(n=item.count)
        if item.rows:
            shown = ", ".join(str(r) for r in item.rows[:MAX_ROWS_IN_TEXT])
            if len(item.rows) > MAX_ROWS_IN_TEXT:
                shown = translate("ValidationReport", "{shown}, … {more:,} more").format(
                    shown=shown, more=len(item.rows) - MAX_ROWS_IN_TEXT)
            text += translate("ValidationReport", "; rows {rows} (numbered from 1 = first feature, header "
                              "not counted)").format(rows=shown)
        lines.append("  " + text)
    return "\n".join(lines)


def osm_summary_text(summary) -> str:
    """An OSM import summary (:class:`~gridscout.layers.osm.import_summary.OsmImportSummary`) in
    the interface language, as its English ``to_text()`` lays it out: counts, then each rule with
    its translated message, count and example ids."""
    from gridscout.layers.osm.import_summary import KINDS

    read = ", ".join(translate("OsmSummary", _OSM_TYPES.get(t, "{n:,} " + t + "s")).format(n=n)
                     for t, n in summary.objects_read.items()) or translate("OsmSummary", "nothing")
    kept = ", ".join(f"{summary.features.get(k, 0):,} {kind_title(k)}" for k in KINDS)
    lines = [translate("OsmSummary", "{source}: power objects read: {read}; imported: {kept} ({seconds:.1f} s)").format(
        source=summary.source, read=read, kept=kept, seconds=summary.seconds)]
    if not summary.items:
        lines.append("  " + translate("OsmSummary", "no problems found"))
    order = {"error": 0, "warning": 1, "info": 2}
    for item in sorted(summary.items.values(), key=lambda i: (order[i.severity], i.kind or "", i.rule)):
        text = translate("ValidationReport", "[{severity}] {rule}: {message}").format(
            severity=translate("ValidationReport", _SEVERITY.get(item.severity, item.severity)),
            rule=item.rule, message=translate_wording(item.message)) + f" ({item.count:,})"
        if item.examples:
            text += translate("OsmSummary", "; e.g. {examples}").format(
                examples=", ".join(item.examples) + (", …" if item.count > len(item.examples) else ""))
        where = f"{kind_title(item.kind)}: " if item.kind else ""
        lines.append("  " + where + text)
    return "\n".join(lines)


_OSM_TYPES = {"node": QT_TRANSLATE_NOOP("OsmSummary", "{n:,} nodes"),
              "way": QT_TRANSLATE_NOOP("OsmSummary", "{n:,} ways"),
              "relation": QT_TRANSLATE_NOOP("OsmSummary", "{n:,} relations")}
# the built-in kinds' titles (layers/kinds/*.py, Qt-free) for lupdate; a plugin kind's title is
# shown as its plugin gives it
KIND_TITLES = (
    QT_TRANSLATE_NOOP("LayerKind", "Parcels"), QT_TRANSLATE_NOOP("LayerKind", "Substations"),
    QT_TRANSLATE_NOOP("LayerKind", "Transmission lines"), QT_TRANSLATE_NOOP("LayerKind", "Power plants"),
    QT_TRANSLATE_NOOP("LayerKind", "Candidate sites"), QT_TRANSLATE_NOOP("LayerKind", "Basemap"),
    QT_TRANSLATE_NOOP("LayerKind", "Raster"),
)


def kind_title(kind: str) -> str:
    try:
        from gridscout.layers.registry import get_kind

        return translate("LayerKind", get_kind(kind).title or kind)
    except Exception:
        return kind
