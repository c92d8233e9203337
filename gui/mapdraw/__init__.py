"""What the map canvas and the exporter both draw with: the display projection and scale bar
(:mod:`.projection`, no Qt), map symbols and paths (:mod:`.symbols`), labels (:mod:`.labels`).

Nothing here imports Qt widgets: :mod:`.symbols` and :mod:`.labels` use QtGui only (QPainter,
QPainterPath, QFont), so they work on a render thread and in headless exports.
"""
