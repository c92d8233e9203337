"""Criterion types as plugins: the contract (:mod:`.base`), the registry (:mod:`.registry`) and
one module per built-in type. Third-party types register through the ``gridscout.criteria``
entry-point group."""

from gridscout.scoring.criteria.base import (
    REQUIRED,
    Criterion,
    CriterionType,
    MeasureInputs,
    Setting,
    SettingError,
    Threshold,
)
from gridscout.scoring.criteria.registry import (
    ENTRY_POINT_GROUP,
    all_criterion_types,
    criterion_type,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "REQUIRED",
    "Criterion",
    "CriterionType",
    "MeasureInputs",
    "Setting",
    "SettingError",
    "Threshold",
    "all_criterion_types",
    "criterion_type",
]
