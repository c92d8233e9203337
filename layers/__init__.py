"""GridScout's data model: layer kinds, reading, validating and normalising GIS files. No Qt here."""

import warnings

from gridscout.layers.errors import Cancelled, DataError, GridScoutError
from gridscout.layers.model import Layer, Source
from gridscout.layers.validation_report import ValidationReport

# A project file (*.gridscout) is a GeoPackage by another name; GDAL warns about the extension on
# every open. The warning says nothing the user can act on.
warnings.filterwarnings("ignore", message=".*non conformant file extension.*")
warnings.filterwarnings("ignore", message=".*filename extension should be 'gpkg'.*")

__all__ = ["Cancelled", "DataError", "GridScoutError", "Layer", "Source", "ValidationReport"]
