"""GridScout: a desktop GIS for scouting data-center sites by power proximity."""

__version__ = "0.1.0"
