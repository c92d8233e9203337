"""Dialogs of the desktop app: adding layers, layer style and properties, project questions."""
