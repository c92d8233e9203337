"""Map, report and data export: print-quality maps (PNG, vector SVG/PDF), the multi-page site report.

``map_export.export_map`` and ``report.export_report`` are what the CLI (``gridscout export-map``,
``gridscout report``) and the GUI (File › Export Map…, File › Export Report…) call. The map is drawn
by :mod:`gui.export.vector_painter` straight from the layers' GeoDataFrames (Web Mercator display,
shifted to the page so no coordinate is large), with the styles of :mod:`layers.style`.
"""
