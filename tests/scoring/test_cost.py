"""Interconnection cost, reVX style, with worked examples computed by hand."""

import numpy as np
import pytest
from gridscout.layers.errors import ProfileError
from gridscout.scoring.cost import (
    KM_PER_MILE,
    OPTION_LINE,
    OPTION_NONE,
    OPTION_SUBSTATION,
    CostTable,
    interconnection_cost,
)

MILE_M = 1609.344


def test_worked_example_substation_beats_line():
    # (a) substation tie-in: 2.0 miles to a 230 kV substation → 230 kV class.
    #     upgrade 5,500,000 + 1,579,572 USD/mile × 2.0 miles × 1.5 (under 3 miles)
    #     = 5,500,000 + 4,738,716 = 10,238,716 USD
    # (b) line tap: a 345 kV line 12 km away → next class up, 500 kV.
    #     12 km = 12 / 1.609344 = 7.456454 miles → × 1.2 (under 10 miles)
    #     3,052,857 × 7.456454 = 22,763,488.7; × 1.2 = 27,316,186.5
    #     new substation 15,489,000 + 27,316,186.5 = 42,805,186.5 USD
    # → the substation option, 10,238,716 USD.
    est = interconnection_cost(
        np.array([2.0 * MILE_M]), np.array([230.0]), np.array([12_000.0]), np.array([345.0])
    )
    assert est.substation_option_usd[0] == pytest.approx(10_238_716.0, abs=0.01)
    assert est.line_option_usd[0] == pytest.approx(
        15_489_000 + 3_052_857 * (12 / KM_PER_MILE) * 1.2, abs=0.01
    )
    assert est.line_option_usd[0] == pytest.approx(42_805_186.5, abs=0.1)
    assert est.cost_usd[0] == pytest.approx(10_238_716.0, abs=0.01)
    assert est.option[0] == OPTION_SUBSTATION
    assert est.option_names[0] == "substation"


def test_worked_example_line_beats_far_substation():
    # (a) 138 kV substation 20 miles away (no multiplier):
    #     2,198,000 + 1,180,083 × 20 = 25,799,660 USD
    # (b) 115 kV line (→ 138 kV class) 0.5 miles away (× 1.5):
    #     5,541,000 + 1,180,083 × 0.5 × 1.5 = 5,541,000 + 885,062.25 = 6,426,062.25 USD
    est = interconnection_cost(
        np.array([20 * MILE_M]), np.array([138.0]), np.array([0.5 * MILE_M]), np.array([115.0])
    )
    assert est.substation_option_usd[0] == pytest.approx(25_799_660.0, abs=0.01)
    assert est.cost_usd[0] == pytest.approx(6_426_062.25, abs=0.01)
    assert est.option[0] == OPTION_LINE


def test_voltage_classes_next_class_up_and_capped():
    table = CostTable()
    idx = table.class_index(np.array([33, 69, 70, 115, 138, 161, 230, 275, 345, 500, 765]))
    assert [table.kv_classes[i] for i in idx] == [
        69,
        69,
        138,
        138,
        138,
        230,
        230,
        500,
        500,
        500,
        500,
    ]


def test_short_line_multipliers_at_the_edges():
    table = CostTable()
    km = np.array([0.0, 2.999, 3.0, 9.999, 10.0, 50.0]) * KM_PER_MILE
    np.testing.assert_allclose(table.short_line_multiplier(km), [1.5, 1.5, 1.2, 1.2, 1.0, 1.0])


def test_per_mile_converted_exactly_to_per_km():
    table = CostTable()
    assert table.line_cost_per_km_usd[2] == pytest.approx(1_579_572 / 1.609344)


def test_touching_costs_only_the_station_and_none_found_is_inf():
    est = interconnection_cost(
        np.array([0.0, np.inf]),
        np.array([500.0, np.nan]),
        np.array([np.inf, np.inf]),
        np.array([np.nan, np.nan]),
    )
    assert est.cost_usd[0] == 10_236_000
    assert est.cost_usd[1] == np.inf and est.option[1] == OPTION_NONE


def test_bad_tables_are_refused():
    with pytest.raises(ProfileError, match="needs 4 values"):
        CostTable(new_substation_usd=(1.0, 2.0))
    with pytest.raises(ProfileError, match="strictly increasing"):
        CostTable(kv_classes=(138.0, 69.0, 230.0, 500.0))
