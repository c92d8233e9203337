"""Help › About and Help › How to load real data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

HOWTO_HTML = """
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
site); convert them with <code>gridscout import-osm REGION.osm.pbf</code>, then add the GeoPackage.
US: HIFLD electric substations and transmission lines.</li>
<li><b>Power plants</b>: EIA-860 / EIA-860M (US), WRI Global Power Plant Database (world).</li>
<li><b>Parcels</b>: county or broker files (Shapefile, GeoPackage, CSV with WKT).</li>
<li><b>Rasters</b>: elevation, slope or flood zones as GeoTIFF.</li>
</ul>
<h3>Without the app</h3>
<p><code>gridscout inspect FILE</code> shows what GridScout sees in a file,
<code>gridscout convert</code> normalises it, <code>gridscout score</code> scores a project and
<code>gridscout compare-sites</code> compares candidate sites. Run <code>gridscout --help</code>
for the full list.</p>
<p>Maps made from OpenStreetMap data carry “© OpenStreetMap contributors”.</p>
"""


def show_about(parent: QWidget | None) -> None:
    import gridscout

    QMessageBox.about(
        parent,
        "About GridScout",
        f"<h3>GridScout {gridscout.__version__}</h3>"
        "<p>Scores land parcels for power proximity — distance to high-voltage substations and lines, "
        "nearby generation and the estimated interconnection cost — for data-center site scouting.</p>"
        "<p>Distances are geodesic on WGS84; the map is drawn in Web Mercator for display only.</p>"
        "<p>Basemap and OpenStreetMap-derived data © OpenStreetMap contributors (ODbL).</p>",
    )


class HowToDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How to load real data")
        self.resize(640, 560)
        lay = QVBoxLayout(self)
        text = QTextBrowser()
        text.setHtml(HOWTO_HTML)
        text.setOpenExternalLinks(True)
        lay.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
