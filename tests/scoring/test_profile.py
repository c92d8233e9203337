"""Score profiles: shipped profiles load, round-trip, and every refusal names the line and problem."""

import re
from dataclasses import replace

import pytest
from gridscout.layers.errors import ProfileError
from gridscout.scoring.profile import load_profile, save_profile
from gridscout.scoring.profile_reader import parse_profile

GOOD = """\
name = "t"
description = "test"

[[criteria]]
type = "substation_distance"
weight = 4
min_kv = 115
transform = "exponential_decay"
half_distance = 3

[[criteria]]
type = "parcel_area"
weight = 1
min_area_ha = 10
transform = "linear"
worst = 10
best = 50
"""


def refusal(text: str) -> str:
    with pytest.raises(ProfileError) as info:
        parse_profile(text, "my.toml")
    return str(info.value)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[nth - 1]


def test_good_profile_parses():
    p = parse_profile(GOOD, "my.toml")
    assert [c.type for c in p.criteria] == ["substation_distance", "parcel_area"]
    assert p.criteria[0].min_kv == 115 and p.criteria[0].line == 4
    assert p.min_area_ha == 10 and p.total_weight == 5


def test_toml_syntax_error_names_line():
    text = GOOD.replace("weight = 4", "weight = = 4")
    msg = refusal(text)
    assert msg.startswith(f"profile my.toml, line {line_of(text, 'weight = = 4')}")
    assert "TOML syntax error" in msg


def test_unknown_criterion_type_names_line():
    text = GOOD.replace('"substation_distance"', '"substation_dist"')
    msg = refusal(text)
    assert f"line {line_of(text, 'substation_dist')}:" in msg
    assert "unknown criterion type 'substation_dist'" in msg and "line_distance" in msg


def test_unknown_key_names_line():
    text = GOOD.replace("min_area_ha = 10", "min_area_ha = 10\nmin_areaha = 12")
    msg = refusal(text)
    assert f"line {line_of(text, 'min_areaha')}:" in msg
    assert "[[criteria]] #2 (parcel_area): unknown key 'min_areaha'" in msg


def test_unknown_top_level_key_names_line():
    text = 'nmae = "x"\n' + GOOD
    assert "line 1: unknown key 'nmae' at the top level" in refusal(text)


def test_negative_weight_names_line():
    text = GOOD.replace("weight = 1", "weight = -1")
    msg = refusal(text)
    assert f"line {line_of(text, 'weight = -1')}:" in msg and "'weight' must be >= 0" in msg


def test_all_weights_zero_names_first_criterion():
    text = GOOD.replace("weight = 4", "weight = 0").replace("weight = 1", "weight = 0")
    msg = refusal(text)
    assert f"line {line_of(text, '[[criteria]]')}:" in msg and "all criteria weights are 0" in msg


def test_bad_transform_parameter_names_its_line():
    text = GOOD.replace("half_distance = 3", "half_distance = -3")
    msg = refusal(text)
    assert f"line {line_of(text, 'half_distance')}:" in msg
    assert "'half_distance' must be greater than 0" in msg


def test_transform_parameter_of_other_transform_is_unknown_key():
    text = GOOD.replace("half_distance = 3", "half_distance = 3\nbest = 0")
    msg = refusal(text)
    assert f"line {line_of(text, 'best = 0')}:" in msg and "unknown key 'best'" in msg


def test_unknown_transform_names_line():
    text = GOOD.replace('"exponential_decay"', '"gaussian"')
    msg = refusal(text)
    assert f"line {line_of(text, 'gaussian')}:" in msg and "unknown transform 'gaussian'" in msg


def test_missing_transform_names_block():
    text = GOOD.replace('transform = "linear"\n', "")
    msg = refusal(text)
    assert f"line {line_of(text, '[[criteria]]', 2)}:" in msg and "has no 'transform'" in msg


def test_bad_setting_value_names_line():
    text = GOOD.replace("min_kv = 115", 'min_kv = "115 kV"')
    msg = refusal(text)
    assert f"line {line_of(text, 'min_kv')}:" in msg and "'min_kv' must be a number" in msg


def test_raster_share_needs_classes():
    text = (
        GOOD
        + '\n[[criteria]]\ntype = "raster_class_share"\nlayer = "flood"\ntransform = "linear"\nbest = 0\nworst = 1\n'
    )
    msg = refusal(text)
    assert f"line {line_of(text, '[[criteria]]', 3)}:" in msg and "needs 'classes'" in msg


def test_second_substation_criterion_refused():
    first = GOOD.index("[[criteria]]")
    text = GOOD + "\n" + GOOD[first : GOOD.index("[[criteria]]", first + 1)]
    msg = refusal(text)
    assert f"line {line_of(text, '[[criteria]]', 3)}:" in msg
    assert "only one substation_distance criterion per profile (the other is at line 4)" in msg


def test_duplicate_ids_refused():
    gen = '[[criteria]]\ntype = "generation_within"\ntransform = "linear"\nbest = 1000\nworst = 0\n'
    text = GOOD + "\n" + gen + "\n" + gen.replace("best = 1000", "best = 1000\nradius_km = 20")
    msg = refusal(text)
    assert (
        f"line {line_of(text, '[[criteria]]', 4)}:" in msg
        and "two criteria have the id 'generation_within'" in msg
    )
    ok = text.replace("radius_km = 20", 'radius_km = 20\nid = "generation_20km"')
    assert [c.id for c in parse_profile(ok, "x").criteria][-2:] == [
        "generation_within",
        "generation_20km",
    ]


def test_exclusion_share_out_of_range_names_line():
    text = GOOD + '\n[[exclusions]]\nlayer = "flood"\nmax_overlap_share = 1.5\n'
    msg = refusal(text)
    assert f"line {line_of(text, 'max_overlap_share')}:" in msg and "max_overlap_share" in msg


def test_cost_table_length_mismatch_names_key_line():
    text = GOOD + "\n[cost]\nkv_classes = [69, 138, 230, 500]\nnew_substation_usd = [1, 2]\n"
    msg = refusal(text)
    assert f"line {line_of(text, 'new_substation_usd')}:" in msg and "needs 4 values" in msg


def test_empty_profile_refused():
    assert "no [[criteria]]" in refusal('name = "x"\n')


@pytest.mark.parametrize("name", ["hyperscale", "enterprise", "edge"])
def test_shipped_profiles_load_and_cite_sources(name):
    p = load_profile(name)
    assert p.name == name and p.sources and "reVX" in p.cost.source
    assert p.cost.line_cost_per_mile_usd == (983_701, 1_180_083, 1_579_572, 3_052_857)
    text = open(p.path, encoding="utf-8").read()
    assert text.count("#") > 5  # commented choices


def test_shipped_thresholds():
    hyper, ent, edge = (load_profile(n) for n in ("hyperscale", "enterprise", "edge"))
    assert hyper.substation_rule[0] >= 230 and hyper.line_rule[0] >= 230 and hyper.min_area_ha == 8
    assert any(
        c.type == "generation_within" and c.radius_km == 50 and c.weight > 0 for c in hyper.criteria
    )
    assert ent.substation_rule[0] == 115 and ent.min_area_ha == 2
    assert edge.substation_rule[0] == 69 and edge.min_area_ha == 0.4


def test_unknown_profile_name_lists_shipped():
    with pytest.raises(
        ProfileError,
        match=r"no shipped profile named 'megascale' \(shipped: edge, enterprise, hyperscale",
    ):
        load_profile("megascale")


def test_save_load_round_trip(tmp_path):
    p = load_profile("hyperscale")
    out = save_profile(p, tmp_path / "mine.toml")
    again = load_profile(out)
    assert replace(again, path=None) == replace(p, path=None)
    assert [f.name for f in tmp_path.iterdir()] == ["mine.toml"]  # no temp files left


def test_geometry_key_ignores_weights_transforms_area_but_not_thresholds():
    p = parse_profile(GOOD, "a.toml")
    same = parse_profile(
        GOOD.replace("weight = 4", "weight = 9")
        .replace("half_distance = 3", "half_distance = 7")
        .replace("min_area_ha = 10", "min_area_ha = 50"),
        "b.toml",
    )
    assert p.geometry_key() == same.geometry_key()
    for change in (
        ("min_kv = 115", "min_kv = 230"),
        ("min_kv = 115", "min_kv = 115\ninclude_unknown_voltage = true"),
    ):
        other = parse_profile(GOOD.replace(*change), "c.toml")
        assert other.geometry_key() != p.geometry_key()
    gen = (
        GOOD
        + '\n[[criteria]]\ntype = "generation_within"\nradius_km = 50\ntransform = "linear"\nbest = 1000\nworst = 0\n'
    )
    assert (
        parse_profile(gen, "d").geometry_key()
        != parse_profile(gen.replace("radius_km = 50", "radius_km = 30"), "e").geometry_key()
    )
    assert (
        parse_profile(gen, "d").geometry_key()
        != parse_profile(
            gen.replace("radius_km = 50", 'radius_km = 50\nfuels = ["gas"]'), "f"
        ).geometry_key()
    )


def test_with_weights_validates():
    p = parse_profile(GOOD, "a.toml")
    assert p.with_weights({"parcel_area": 3}).total_weight == 7
    with pytest.raises(ProfileError, match="all criteria weights are 0"):
        p.with_weights({"parcel_area": 0, "substation_distance": 0})
    with pytest.raises(ProfileError, match=re.escape("no criterion 'slope'")):
        p.with_weights({"slope": 1})


def test_with_criterion_changes_transform_or_threshold():
    from gridscout.scoring.transforms import Transform

    p = parse_profile(GOOD, "a.toml")
    q = p.with_criterion(
        "substation_distance", transform=Transform("linear", {"best": 0, "worst": 10})
    )
    assert q.criteria[0].transform.name == "linear" and q.geometry_key() == p.geometry_key()
    assert p.with_criterion("substation_distance", min_kv=230).geometry_key() != p.geometry_key()
    with pytest.raises(ProfileError, match="negative weight"):
        p.with_criterion("parcel_area", weight=-1)
