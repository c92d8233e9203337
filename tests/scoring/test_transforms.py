"""Transforms: raw values → utilities in [0, 1]."""

import math

import numpy as np
import pytest
from gridscout.layers.errors import ProfileError
from gridscout.scoring.transforms import Transform, apply_transform


def test_linear_both_directions_and_clipping():
    x = np.array([-5.0, 0.0, 5.0, 10.0, 20.0])
    np.testing.assert_allclose(apply_transform("linear", x, best=0, worst=10), [1, 1, 0.5, 0, 0])
    np.testing.assert_allclose(apply_transform("linear", x, best=10, worst=0), [0, 0, 0.5, 1, 1])


def test_missing_values_get_zero_utility():
    x = np.array([np.nan, np.inf])
    assert apply_transform("linear", x, best=0, worst=10).tolist() == [0, 0]
    assert apply_transform("exponential_decay", x, half_distance=3).tolist() == [0, 0]
    assert apply_transform("logistic", x, midpoint=5, steepness=1).tolist() == [0, 0]
    assert apply_transform("step", x, breakpoints=[1], values=[1, 0.5]).tolist() == [0, 0.5]


def test_linear_is_better_for_more_when_best_is_larger():
    x = np.array([0.0, 1000.0, 2000.0, 3000.0])
    np.testing.assert_allclose(apply_transform("linear", x, best=2000, worst=0), [0, 0.5, 1, 1])


def test_exponential_decay_half_distance_and_scale():
    x = np.array([0.0, 3.0, 6.0])
    np.testing.assert_allclose(
        apply_transform("exponential_decay", x, half_distance=3), [1, 0.5, 0.25]
    )
    np.testing.assert_allclose(
        apply_transform("exponential_decay", x, scale=3), [1, math.exp(-1), math.exp(-2)]
    )


def test_logistic_midpoint_and_direction():
    x = np.array([0.0, 5.0, 10.0])
    dec = apply_transform("logistic", x, midpoint=5, steepness=2)
    inc = apply_transform("logistic", x, midpoint=5, steepness=2, direction="increasing")
    assert dec[1] == pytest.approx(0.5) and inc[1] == pytest.approx(0.5)
    assert dec[0] > 0.99 and dec[2] < 0.01
    np.testing.assert_allclose(dec + inc, 1.0)


def test_mssmall_mslarge_follow_esri_formulas():
    x = np.array([1.0, 2.0, 3.0, 4.0, 10.0])
    m, s = x.mean(), x.std()  # 4.0, 3.162...
    a, b = 0.5, 1.0
    small = apply_transform("mssmall", x, mean_multiplier=a, std_multiplier=b)
    large = apply_transform("mslarge", x, mean_multiplier=a, std_multiplier=b)
    for xi, su, lu in zip(x, small, large, strict=True):
        if xi > a * m:
            assert su == pytest.approx(b * s / (xi - a * m + b * s))
            assert lu == pytest.approx(1 - b * s / (xi - a * m + b * s))
        else:
            assert su == 1.0 and lu == 0.0
    assert np.all(np.diff(small) <= 0) and np.all(np.diff(large) >= 0)


def test_step_breakpoints():
    x = np.array([0.0, 0.99, 1.0, 4.0, 5.0, 100.0])
    u = apply_transform("step", x, breakpoints=[1, 5], values=[1.0, 0.6, 0.0])
    assert u.tolist() == [1.0, 1.0, 0.6, 0.6, 0.0, 0.0]


def test_vectorised_on_large_arrays():
    x = np.linspace(0, 100, 1_000_000)
    u = Transform("exponential_decay", {"half_distance": 5})(x)
    assert u.shape == x.shape and u.min() >= 0 and u.max() <= 1


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("linear", {"best": 1, "worst": 1}, "best != worst"),
        ("linear", {"best": 1}, "missing parameter 'worst'"),
        ("linear", {"best": "near", "worst": 1}, "'best' must be a finite number"),
        ("exponential_decay", {}, "exactly one of 'half_distance' or 'scale'"),
        ("exponential_decay", {"half_distance": 1, "scale": 2}, "exactly one"),
        ("exponential_decay", {"half_distance": -3}, "'half_distance' must be greater than 0"),
        ("logistic", {"midpoint": 1, "steepness": 0}, "'steepness' must be greater than 0"),
        ("logistic", {"midpoint": 1, "steepness": 1, "direction": "up"}, "'direction' must be"),
        ("mssmall", {"std_multiplier": 0}, "'std_multiplier' must be greater than 0"),
        ("step", {"breakpoints": [1, 2], "values": [1, 0]}, "one more value than breakpoints"),
        ("step", {"breakpoints": [2, 1], "values": [1, 0.5, 0]}, "strictly increasing"),
        ("step", {"breakpoints": [1], "values": [2, 0]}, "between 0 and 1"),
        ("linear", {"best": 0, "worst": 1, "slope": 3}, "no parameter 'slope'"),
        ("sigmoid", {}, "unknown transform 'sigmoid'"),
    ],
)
def test_bad_parameters_are_refused_with_a_clear_message(name, params, message):
    with pytest.raises(ProfileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Transform(name, params)
