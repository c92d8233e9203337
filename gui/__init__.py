"""The desktop app: the only package that imports Qt (main window, map canvas, panels, dialogs)."""
