"""The map canvas (PySide6 + pyqtgraph): Web Mercator display, level-of-detail rendering off the
GUI thread, voltage styling, labels, picking and tools. See ``canvas.MapCanvas``."""

from gridscout.gui.canvas.canvas import MapCanvas

__all__ = ["MapCanvas"]
