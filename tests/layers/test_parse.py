"""Normalisation rules for power attributes (layers.parse) and the style helpers (layers.style)."""

import math

import numpy as np
import pandas as pd
import pytest
from gridscout.layers import parse, style


def voltage(value, **kw) -> dict:
    return parse.parse_voltage(pd.Series([value], dtype=object), **kw).iloc[0].to_dict()


# --- voltage ---------------------------------------------------------------------------------


def test_osm_volts_per_circuit_give_highest_and_all_values():
    v = voltage("500000;275000;154000;66000")
    assert v["voltage_kv"] == 500
    assert v["voltages_kv"] == "500;275;154;66"
    assert v["dc"] is False or v["dc"] == False  # noqa: E712
    assert v["issue"] == "" and v["rule"] == ""


def test_distinct_values_high_to_low_and_decimals_kept():
    assert voltage("66000;6600")["voltages_kv"] == "66;6.6"
    assert voltage("154000;154000;66000")["voltages_kv"] == "154;66"
    assert voltage("66000;500000")["voltage_kv"] == 500


def test_kv_values_with_and_without_unit():
    assert voltage("500;230")["voltages_kv"] == "500;230"
    assert voltage("500 kV")["voltage_kv"] == 500
    assert voltage("345kV")["voltage_kv"] == 345
    assert voltage("66000 V")["voltage_kv"] == 66
    assert voltage("275/154 kV")["voltages_kv"] == "275;154"


def test_dc_prefix_means_dc_and_volts():
    v = voltage("dc1500")
    assert v["voltage_kv"] == 1.5 and bool(v["dc"]) and v["issue"] == ""
    assert bool(voltage("±500 kV")["dc"])
    assert not bool(voltage("66000;dc1500")["dc"])  # dc describes the highest voltage


def test_hifld_volt_class_takes_highest_of_range():
    assert voltage("220-287")["voltage_kv"] == 287
    assert voltage("100-161")["voltage_kv"] == 161
    assert voltage("345")["voltage_kv"] == 345
    assert voltage("735 AND ABOVE")["voltage_kv"] == 735


@pytest.mark.parametrize(
    "value", ["NOT AVAILABLE", "UNDER 100", "", None, np.nan, "-999999", -999999, "n/a;n/a"]
)
def test_unknown_voltages_are_nan_without_a_flag(value):
    v = voltage(value)
    assert math.isnan(v["voltage_kv"])
    assert v["voltages_kv"] == ""
    assert v["issue"] == "" and v["rule"] == ""


@pytest.mark.parametrize("value", [15400066.0, 770006.6, "15400066", 5_000_000])
def test_run_together_values_are_unknown_and_flagged(value):
    v = voltage(value)
    assert math.isnan(v["voltage_kv"])
    assert v["rule"] == "voltage_implausible"
    assert "implausible" in v["issue"]


def test_kv_column_flags_anything_over_1200():
    out = parse.parse_voltage(pd.Series([15400066.0, 770006.6, 500.0, 1.5]), column="_voltage_kv")
    assert out["rule"].tolist() == ["voltage_implausible", "voltage_implausible", "", ""]
    assert out["voltage_kv"].iloc[2:].tolist() == [500.0, 1.5]
    assert "'15400066'" in out["issue"].iloc[0] and "'770006.6'" in out["issue"].iloc[1]


def test_numeric_volt_column_small_is_kv_large_is_volts():
    out = parse.parse_voltage(pd.Series([138.0, 345000.0, np.nan, -999999.0]), column="MAX_VOLT")
    assert out["voltage_kv"].iloc[:2].tolist() == [138.0, 345.0]
    assert out["voltage_kv"].iloc[2:].isna().all()
    assert (out["issue"] == "").all()


def test_implausible_part_dropped_and_others_kept():
    v = voltage("500000;15400066")
    assert v["voltage_kv"] == 500 and v["rule"] == "voltage_implausible"
    assert "ignored" in v["issue"]


def test_unreadable_and_negative_voltages_flagged():
    assert voltage("high")["rule"] == "voltage_unreadable"
    assert voltage("-230")["rule"] == "voltage_negative"


def test_parse_voltage_keeps_index_and_parses_each_distinct_value_once():
    s = pd.Series(["66000"] * 5 + ["dc1500"], index=[3, 5, 8, 9, 11, 40])
    out = parse.parse_voltage(s)
    assert list(out.index) == [3, 5, 8, 9, 11, 40]
    assert out["voltage_kv"].tolist() == [66.0] * 5 + [1.5]
    assert out["dc"].dtype == bool and out["voltage_kv"].dtype == "float64"


# --- capacity --------------------------------------------------------------------------------


def capacity(value, **kw) -> dict:
    return parse.parse_capacity(pd.Series([value], dtype=object), **kw).iloc[0].to_dict()


@pytest.mark.parametrize(
    "value, mw",
    [("2,360 MW", 2360), ("2.36 GW", 2360), ("900 kW", 0.9), ("1.2 MWp", 1.2), ("3.818MW", 3.818)],
)
def test_capacity_with_units(value, mw):
    c = capacity(value)
    assert c["capacity_mw"] == pytest.approx(mw)
    assert c["issue"] == ""


def test_bare_number_without_known_unit_is_mw_and_flagged():
    for value in ("350", 350.0):
        c = capacity(value)
        assert c["capacity_mw"] == 350
        assert c["rule"] == "capacity_no_unit"
        assert "no unit; taken as MW" in c["issue"]


def test_numbers_in_a_mw_column_pass_silently():
    for column in ("total_capacity_mw", "capacity_mw", "nameplate_capacity_mw", "Capacity (MW)"):
        out = parse.parse_capacity(pd.Series([962.0, 53.9]), column=column)
        assert out["capacity_mw"].tolist() == [962.0, 53.9]
        assert (out["issue"] == "").all()
    assert (
        parse.parse_capacity(pd.Series([900.0]), column="capacity_kw")["capacity_mw"].iloc[0] == 0.9
    )


@pytest.mark.parametrize(
    "value, rule",
    [
        (-1.0, "capacity_invalid"),
        (0, "capacity_invalid"),
        ("lots", "capacity_unreadable"),
        ("50 GW", "capacity_implausible"),
    ],
)
def test_nonsense_capacity_unknown_and_flagged(value, rule):
    c = capacity(value, column="capacity_mw")
    assert math.isnan(c["capacity_mw"])
    assert c["rule"] == rule and c["issue"]


def test_capacity_blanks_are_silent():
    out = parse.parse_capacity(pd.Series(["", None, "yes", "n/a;n/a"], dtype=object))
    assert out["capacity_mw"].isna().all() and (out["issue"] == "").all()


def test_several_capacities_summed_and_flagged():
    c = capacity("10.00 MW;15.20 MW")
    assert c["capacity_mw"] == pytest.approx(25.2) and c["rule"] == "capacity_summed"


# --- fuel, status, booleans, circuits --------------------------------------------------------


@pytest.mark.parametrize(
    "raw, fuel",
    [
        ("nuclear", "nuclear"),
        ("gas;coal", "gas"),
        ("NG", "gas"),
        ("SUN", "solar"),
        ("WND", "wind"),
        ("NUC", "nuclear"),
        ("BIT", "coal"),
        ("SUB", "coal"),
        ("WAT", "hydro"),
        ("MWH", "battery"),
        ("Natural Gas Fired Combined Cycle", "gas"),
        ("Hydroelectric Pumped Storage", "hydro"),
        ("Wood/Wood Waste Biomass", "biomass"),
        ("Municipal Solid Waste", "waste"),
        ("Conventional Steam Coal", "coal"),
        ("Solar Photovoltaic", "solar"),
        ("Onshore Wind Turbine", "wind"),
        ("Petroleum Liquids", "oil"),
        ("Batteries", "battery"),
        ("Landfill Gas", "biomass"),
        ("All Other", "other"),
        ("Gas", "gas"),
        ("Storage", "battery"),
        ("Geothermal", "geothermal"),
        ("Blast Furnace Gas", "gas"),
    ],
)
def test_fuel_vocabulary(raw, fuel):
    out = parse.normalise_fuel(pd.Series([raw]))
    assert out["fuel"].iloc[0] == fuel
    assert out["issue"].iloc[0] == ""
    assert fuel in parse.FUELS


def test_unknown_fuel_keeps_raw_value_in_flag_and_blank_is_silent():
    out = parse.normalise_fuel(
        pd.Series(["https://example.jp/x.html", "", None, "unknown"], dtype=object)
    )
    assert out["fuel"].tolist() == ["unknown"] * 4
    assert "https://example.jp/x.html" in out["issue"].iloc[0]
    assert out["rule"].tolist() == ["fuel_unrecognised", "", "", ""]


def test_status_normalised():
    out = parse.normalise_status(
        pd.Series(["IN SERVICE", "Operational", "retiring", None, "NOT AVAILABLE"])
    )
    assert out.iloc[:3].tolist() == ["operating", "operating", "retiring"]
    assert out.iloc[3:].isna().all()


def test_underground_from_location_power_and_yes():
    values = pd.Series(
        ["underground", "overhead", "cable", "line", None, "AC; UNDERGROUND", "yes", "true", 1, 0],
        dtype=object,
    )
    assert parse.parse_underground(values).tolist() == [
        True,
        False,
        True,
        False,
        False,
        True,
        True,
        True,
        True,
        False,
    ]


def test_dc_from_frequency_and_hifld_type():
    assert parse.parse_dc(pd.Series(["0", "50", "50;0", None]), column="frequency").tolist() == [
        True,
        False,
        False,
        False,
    ]
    assert parse.parse_dc(pd.Series(["DC; OVERHEAD", "AC; OVERHEAD"]), column="TYPE").tolist() == [
        True,
        False,
    ]


def test_circuits_and_cables():
    out = parse.parse_circuits(pd.Series(["2", "1;2", "two", "0", None], dtype=object))
    assert out["circuits"].iloc[:2].tolist() == [2.0, 2.0]
    assert out["circuits"].iloc[2:].isna().all()
    assert out["rule"].tolist() == ["", "", "circuits_unreadable", "circuits_unreadable", ""]
    derived = parse.circuits_from_cables(pd.Series(["6", "3", "6;6", "4", None], dtype=object))
    np.testing.assert_array_equal(derived, [2, 1, 2, np.nan, np.nan])


def test_clean_text_placeholders_missing():
    out = parse.clean_text(pd.Series(["  Hanna  ", "NOT AVAILABLE", None, 12.0], dtype=object))
    assert out.iloc[0] == "Hanna" and out.iloc[3] == "12"
    assert out.iloc[1:3].isna().all()


def test_distinct_values_parsed_once_on_a_million_rows():
    s = pd.Series(
        np.tile(
            np.array(["500000;230000", "66000", "dc1500", None, "345 kV"], dtype=object), 200_000
        )
    )
    out = parse.parse_voltage(s)
    assert len(out) == 1_000_000
    assert out["voltage_kv"].iloc[:5].tolist()[:3] == [500.0, 66.0, 1.5]


# --- style -----------------------------------------------------------------------------------


def test_voltage_colours_follow_openinframap():
    assert style.voltage_colour(5) == "#7A7A85"
    assert style.voltage_colour(10) == "#6E97B8"
    assert style.voltage_colour(66) == "#B59F10"
    assert style.voltage_colour(154) == "#B55D00"
    assert style.voltage_colour(275) == "#C73030"
    assert style.voltage_colour(500) == "#B54EB2"
    assert style.voltage_colour(765) == "#00C1CF"
    assert style.voltage_colour(500, dc=True) == style.HVDC_COLOUR == "#4E01B5"
    assert style.voltage_colour(float("nan")) == style.UNKNOWN_VOLTAGE_COLOUR


def test_voltage_class_index_vectorised():
    idx = style.voltage_class_index([np.nan, 5, 10, 24.9, 25, 52, 132, 220, 310, 550, 1100])
    assert idx.tolist() == [-1, 0, 1, 1, 2, 3, 4, 5, 6, 7, 7]
    colours = style.voltage_colours([500, np.nan, 500], dc=[False, False, True])
    assert colours.tolist() == ["#B54EB2", style.UNKNOWN_VOLTAGE_COLOUR, "#4E01B5"]


def test_substation_sizes_grow_with_voltage_and_score_ramp():
    sizes = style.substation_sizes([np.nan, 66, 154, 500, 765])
    assert sizes[0] == style.UNKNOWN_SUBSTATION_SIZE and list(sizes[1:]) == sorted(sizes[1:])
    assert style.score_class_index([0, 19.9, 20, 55, 100, np.nan]).tolist() == [0, 0, 1, 2, 4, -1]
    assert style.fuel_colour("nuclear") == style.FUEL_COLOURS["nuclear"]
