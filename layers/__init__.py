"""GridScout's data model: layer kinds, reading, validating and normalising GIS files. No Qt here."""

from layers.errors import Cancelled, DataError, GridScoutError
from layers.model import Layer, Source
from layers.report import ValidationReport

__all__ = ["Cancelled", "DataError", "GridScoutError", "Layer", "Source", "ValidationReport"]
