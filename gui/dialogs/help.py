"""Help › About and Help › How to load real data."""

from __future__ import annotations

from collections.abc import Sequence

from gridscout.gui.i18n import translate
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

_SOURCES_HTML = QT_TRANSLATE_NOOP("HowToDialog", """
<h2>How to load real data</h2>
<p>Use <b>File › Add Layer…</b> (Ctrl+Shift+A) or drop files on the window. GridScout reads
GeoPackage, Shapefile (.shp or zipped), GeoJSON, FlatGeobuf, GeoParquet, CSV with coordinates or
WKT, and GeoTIFF rasters. It detects what each layer holds (parcels, substations, transmission lines,
power plants, candidate sites, raster) and which columns feed its fields; you confirm or change both
before loading. Every problem found (missing CRS, broken geometries, voltages such as
<code>500000;230000</code> or <code>dc1500</code>, plant outputs such as <code>2.36 GW</code>) is listed
in the layer's validation report: Layers panel › Properties.</p>
<h3>Where to get the data</h3>
<ul>
<li><b>Substations and lines</b>: OpenStreetMap extracts (<code>.osm.pbf</code> from an extract
site){osm}. US: HIFLD electric substations and transmission lines.</li>
<li><b>Power plants</b>: EIA-860 / EIA-860M (US), WRI Global Power Plant Database (world).</li>
<li><b>Parcels</b>: county or broker files (Shapefile, GeoPackage, CSV with WKT).</li>
<li><b>Rasters</b>: elevation, slope or flood zones as GeoTIFF.</li>
</ul>
<p>Maps made from OpenStreetMap data carry “© OpenStreetMap contributors”.</p>
<h3>Without the app</h3>
<p>These commands work without a display:</p>
<ul>{commands}</ul>
<p><code>gridscout SUBCOMMAND --help</code> tells the details.</p>
""")


def howto_html(commands: Sequence[tuple[str, str]] = ()) -> str:
    """The help text, naming the ``(name, help)`` subcommands this installation has (the CLI hands
    them to :func:`gui.app.run_app`); without them it points to ``gridscout --help``."""
    from html import escape

    names = {name for name, _ in commands}
    osm = (translate("HowToDialog", ", converted with <code>gridscout import-osm REGION.osm.pbf</code>")
           if "import-osm" in names else "")
    items = "".join(f"<li><code>gridscout {escape(n)}</code> — {escape(h)}</li>" for n, h in commands)
    items = items or translate("HowToDialog", "<li><code>gridscout --help</code> lists them</li>")
    return translate("HowToDialog", _SOURCES_HTML).format(osm=osm, commands=items)


def show_about(parent: QWidget | None) -> None:
    import gridscout

    QMessageBox.about(
        parent,
        translate("HowToDialog", "About GridScout"),
        f"<h3>GridScout {gridscout.__version__}</h3>"
        + translate("HowToDialog", "<p>Scores land parcels for power proximity — distance to high-voltage substations and lines, nearby generation and the estimated interconnection cost — for data-center site scouting.</p><p>Distances are geodesic on WGS84; the map is drawn in Web Mercator for display only.</p><p>Basemap and OpenStreetMap-derived data © OpenStreetMap contributors (ODbL).</p>"),
    )


class HowToDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, commands: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("HowToDialog", "How to load real data"))
        self.resize(640, 560)
        lay = QVBoxLayout(self)
        text = QTextBrowser()
        text.setHtml(howto_html(commands))
        text.setOpenExternalLinks(True)
        lay.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
