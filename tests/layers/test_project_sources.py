"""A project file as a layer source: layers found by title or kind; ``demo`` names the demo."""

from gridscout.layers.io import load_layer
from gridscout.layers.model import Source
from gridscout.resources import DEMO_PROJECT


def test_demo_alias_names_the_shipped_project():
    assert Source.parse("demo").path == str(DEMO_PROJECT)
    src = Source.parse("demo:Substations")
    assert (src.path, src.layer) == (str(DEMO_PROJECT), "Substations")


def test_kind_picks_the_project_layer_of_that_kind_not_a_lookalike():
    sites = load_layer("demo", kind="candidate_sites")
    assert sites.kind == "candidate_sites"
    names = set(sites.data["name"])
    assert len(names) == len(sites.data) == 12  # one row per site, not parcels renamed as sites
    assert any(n.startswith("Inzai") for n in names)


def test_layer_title_resolves_to_its_table():
    subs = load_layer("demo:Substations")
    assert subs.kind == "substations"
    assert (subs.data["voltage_kv"] == 500).any()
