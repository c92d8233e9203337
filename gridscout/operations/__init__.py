"""GridScout's operations: one Qt-free function per job, with plain inputs and outputs, a
``progress(fraction, message)`` callback and ``cancelled()`` — called alike by the CLI (which parses
arguments and prints), the GUI (which runs them on a worker with a progress dialog) and Python::

    from gridscout.operations import open_project, project_inputs, score_parcels, compare_sites
    project = open_project("demo")
    result = score_parcels(project_inputs(project), load_profile("hyperscale"))

This layer sits above :mod:`gridscout.scoring` and :mod:`gridscout.layers` and below the GUI and
the CLI (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from gridscout.operations.compare import (
    compare_project_sites,
    compare_sites,
    comparison_heading,
    markdown_table,
)
from gridscout.operations.convert import convert_layer
from gridscout.operations.export_data import export_data, scored_parcels_frame
from gridscout.operations.feedback import checked
from gridscout.operations.inputs import Inputs, project_inputs, read_inputs, unused_inputs
from gridscout.operations.inspect import inspect_file
from gridscout.operations.osm import import_osm
from gridscout.operations.partition import PartitionSummary, partition_parcels
from gridscout.operations.projects import open_project, resolve_project
from gridscout.operations.score import (
    load_profile,
    score_parcels,
    score_partitions,
    score_project,
    scored_frame,
    write_scores,
)
from gridscout.operations.summary import describe_project, find_sites, parse_extent, site_points

__all__ = [
    "Inputs",
    "PartitionSummary",
    "checked",
    "compare_project_sites",
    "compare_sites",
    "comparison_heading",
    "convert_layer",
    "describe_project",
    "export_data",
    "find_sites",
    "import_osm",
    "inspect_file",
    "load_profile",
    "markdown_table",
    "open_project",
    "parse_extent",
    "partition_parcels",
    "project_inputs",
    "read_inputs",
    "resolve_project",
    "score_parcels",
    "score_partitions",
    "score_project",
    "scored_frame",
    "scored_parcels_frame",
    "site_points",
    "unused_inputs",
    "write_scores",
]
