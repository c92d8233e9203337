"""Normalisation rules for power attributes: voltage, capacity, fuel, status, circuits, booleans.

Pure and vectorised: each function takes a pandas Series and returns arrays or a DataFrame aligned
to the Series' index. Distinct values are parsed once and mapped back, so a million rows with a few
hundred distinct values cost little. Parsers that can find problems return two extra columns:
``issue`` (text for the row's ``issues`` column, ``""`` when fine) and ``rule`` (the report rule
that fired, ``""`` when fine); :data:`RULE_MESSAGES` says what each rule means.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pandas as pd
from gridscout.layers.wording import QT_TRANSLATE_NOOP

#: the highest plausible voltage; the largest line in service is 1,150 kV AC / 1,100 kV DC
MAX_KV = 1200.0
#: the largest plant on Earth is ~22.5 GW
MAX_MW = 30000.0

RULE_MESSAGES = {
    "voltage_unreadable": QT_TRANSLATE_NOOP("Wording", "voltage not understood; set to unknown"),
    "voltage_implausible": QT_TRANSLATE_NOOP("Wording", "voltage over 1,200 kV or not a whole number of volts (two values run together?); that value ignored"),
    "voltage_negative": QT_TRANSLATE_NOOP("Wording", "negative voltage; set to unknown"),
    "capacity_no_unit": QT_TRANSLATE_NOOP("Wording", "capacity has no unit; taken as MW"),
    "capacity_unreadable": QT_TRANSLATE_NOOP("Wording", "capacity not understood; set to unknown"),
    "capacity_invalid": QT_TRANSLATE_NOOP("Wording", "capacity zero or negative; set to unknown"),
    "capacity_implausible": QT_TRANSLATE_NOOP("Wording", "capacity over 30,000 MW; set to unknown"),
    "capacity_summed": QT_TRANSLATE_NOOP("Wording", "several capacities in one value; summed"),
    "fuel_unrecognised": QT_TRANSLATE_NOOP("Wording", "fuel not recognised; set to unknown"),
    "circuits_unreadable": QT_TRANSLATE_NOOP("Wording", "circuits not a positive whole number; set to unknown"),
}

#: texts that mean "no value" (compared lower-case, stripped); never flagged
BLANKS = frozenset(
    {"", "nan", "none", "null", "n/a", "na", "not available", "unknown", "unk", "-", "--", "?"}
    | {"yes", "tbd", "various", "<null>", "not applicable"}
)
#: numbers used as "no value" by HIFLD, ArcGIS exports and others; never flagged
SENTINELS = frozenset({0.0, -1.0, -9.0, -99.0, -999.0, -9999.0, -99999.0, -999999.0})

_NUM = r"\d+(?:\.\d+)?"
_V_PART = re.compile(
    rf"^(?P<pre>hvdc|dc|±|\+/-|\+-)?\s*(?P<sign>-)?(?P<num>{_NUM})\s*(?P<unit>kv|v)?\s*(?P<post>hvdc|dc)?$"
)
_V_RANGE = re.compile(rf"^(?P<a>{_NUM})\s*(?:kv)?\s*(?:-|–|to)\s*(?P<b>{_NUM})\s*(?P<unit>kv|v)?$")
_V_ABOVE = re.compile(rf"^(?P<num>{_NUM})\s*(?P<unit>kv|v)?\s*(?:and above|and over|or more|\+)$")
_V_BELOW = re.compile(rf"^(?:under|below|less than|<)\s*{_NUM}\s*(?:kv|v)?$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_CAP_PART = re.compile(r"^(?P<num>[\d.,]+)\s*(?P<unit>gw|mw|kw|w)?(?:p|e|el|ac|dc|peak)?$")
_CAP_SCALE = {"gw": 1000.0, "mw": 1.0, "kw": 0.001, "w": 0.000001}
_UNIT_IN_NAME = re.compile(r"(?<![a-z])(gw|mw|kw)(?:p|e|ac)?(?![a-z])")


def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _is_number(value) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(
        value, bool | np.bool_
    )


def _as_float(value) -> float:
    """``float(value)``, with integers beyond float range (a 400-digit number) as ±inf rather than
    an OverflowError; the callers' plausibility rules then report them."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _show(value) -> str:
    """A raw value as the user would write it: 15400066.0 → '15400066'."""
    if isinstance(value, int) and abs(value) > 10**15:
        text = str(value)
        return text if len(text) <= 20 else f"{text[:12]}… ({len(text)} digits)"
    if _is_number(value):
        f = _as_float(value)
        return str(int(f)) if f.is_integer() and abs(f) < 1e15 else repr(f)
    return str(value).strip()


def format_kv(kv: float) -> str:
    """500.0 → '500', 6.6 → '6.6', 12.47 → '12.47'."""
    return f"{round(float(kv), 3):g}"


def _map_unique(values: pd.Series, parse_one: Callable, columns: list[str]) -> pd.DataFrame:
    """Apply ``parse_one(value) -> tuple`` once per distinct value; a DataFrame aligned to values."""
    values = pd.Series(values)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = [parse_one(u) for u in uniques] + [parse_one(None)]  # code -1 → the last (missing)
    out = {}
    for i, name in enumerate(columns):
        table = np.empty(len(parsed), dtype=object)
        table[:] = [p[i] for p in parsed]
        out[name] = table[codes]
    return pd.DataFrame(out, index=values.index)


def _text_parts(value) -> list[str]:
    """'500000;230000' → ['500000', '230000']; keeps '2,360' and 'n/a' whole, splits '275/154'."""
    parts = []
    for piece in re.split(r"[;|]", str(value).strip().lower()):
        piece = piece.strip()
        for part in [piece] if piece in BLANKS else piece.split("/"):
            part = part.strip()
            m = _THOUSANDS.match(part)
            if m:
                parts.append(m.group(0).replace(",", "") + part[m.end() :])
            else:
                parts.extend(p.strip() for p in part.split(","))
    return parts


# --- voltage ---------------------------------------------------------------------------------


def voltage_unit_from_name(column: str | None) -> str | None:
    """'kv' when a column name says its values are kV (``_voltage_kv``, ``Grid Voltage (kV)``)."""
    if column and re.search(r"(?<![a-z])kv(?![a-z])|voltagekv|voltkv", str(column).lower()):
        return "kv"
    return None


def _voltage_number(x: float, unit: str | None, explicit: str | None) -> tuple[float, str]:
    """A number and its unit → (kV, rule). Without a unit, values up to 1,200 are kV, larger volts."""
    if x < 0:
        return math.nan, ("" if x in SENTINELS else "voltage_negative")
    if x == 0:
        return math.nan, ""
    unit = explicit or unit
    in_volts = unit == "v" or (unit is None and x > MAX_KV)
    if in_volts and not float(x).is_integer():
        return math.nan, "voltage_implausible"  # volts are whole numbers; 770006.6 is two values
    kv = x / 1000.0 if in_volts else x
    return (math.nan, "voltage_implausible") if kv > MAX_KV else (kv, "")


def _parse_voltage_one(value, unit: str | None):
    """One raw value → (voltage_kv, voltages_kv, dc, issue, rule)."""
    if _is_missing(value):
        return math.nan, "", False, "", ""
    found: list[tuple[float, bool]] = []
    rules: list[str] = []
    dc_without_value = False
    if _is_number(value):
        kv, rule = _voltage_number(_as_float(value), unit, None)
        found, rules = ([(kv, False)] if not math.isnan(kv) else []), [rule]
    else:
        for part in _text_parts(value):
            if part in BLANKS or _V_BELOW.match(part) or part == "ac":
                continue
            if part in ("dc", "hvdc"):
                dc_without_value = True
                continue
            m = _V_PART.match(part)
            if m:
                x = -float(m["num"]) if m["sign"] else float(m["num"])
                kv, rule = _voltage_number(x, unit, m["unit"])
                dc = bool(m["pre"] or m["post"])
            elif (m := _V_RANGE.match(part) or _V_ABOVE.match(part)) is not None:
                x = float(m["b"] if "b" in m.groupdict() else m["num"])
                kv, rule, dc = *_voltage_number(x, unit, m["unit"]), False
            else:
                kv, rule, dc = math.nan, "voltage_unreadable", False
            rules.append(rule)
            if not math.isnan(kv):
                found.append((round(kv, 3), dc))
    rule = next((r for r in rules if r), "")
    issue = ""
    if rule:
        done = "that value ignored" if found else "set to unknown"
        what = {
            "voltage_unreadable": "not understood",
            "voltage_implausible": "implausible (over 1,200 kV or two values run together?)",
            "voltage_negative": "negative",
        }[rule]
        issue = f"voltage {_show(value)!r} {what}; {done}"
    if not found:
        return math.nan, "", dc_without_value, issue, rule
    kvs = sorted({kv for kv, _ in found}, reverse=True)
    top = kvs[0]
    dc = any(d for kv, d in found if kv == top)  # dc describes the highest voltage
    return top, ";".join(format_kv(k) for k in kvs), dc, issue, rule


def parse_voltage(
    values: pd.Series, unit: str | None = None, column: str | None = None
) -> pd.DataFrame:
    """Voltages (OSM volts with ';' per circuit, kV, HIFLD classes, numbers) → one row per value.

    Columns: ``voltage_kv`` (float, highest; NaN unknown), ``voltages_kv`` (distinct values high to
    low, ``"500;230"``; ``""`` unknown), ``dc`` (bool: the highest voltage is DC), ``issue``, ``rule``.
    ``unit`` ("kv" or "v") fixes the unit of bare numbers; by default it comes from the ``column``
    name (``*_kv`` → kV), else numbers up to 1,200 are kV and larger ones volts.
    """
    unit = unit or voltage_unit_from_name(column)
    cols = ["voltage_kv", "voltages_kv", "dc", "issue", "rule"]
    out = _map_unique(values, lambda v: _parse_voltage_one(v, unit), cols)
    out["voltage_kv"] = out["voltage_kv"].astype("float64")
    out["dc"] = out["dc"].astype(bool)
    for c in ("voltages_kv", "issue", "rule"):
        out[c] = out[c].astype("str")
    return out


# --- capacity --------------------------------------------------------------------------------


def capacity_unit_from_name(column: str | None) -> str | None:
    """'mw' for ``capacity_mw`` / ``Capacity (MW)``, 'kw' for ``capacity_kw``, else None."""
    m = _UNIT_IN_NAME.search(str(column or "").lower())
    return m.group(1) if m else None


def _cap_number(text: str) -> float | None:
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    elif "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")  # decimal comma: "1,5 MW"
    try:
        return float(text)
    except ValueError:
        return None


_CAP_ISSUES = {
    "capacity_unreadable": "not understood; set to unknown",
    "capacity_invalid": "is zero or negative; set to unknown",
    "capacity_implausible": "is over 30,000 MW; set to unknown",
    "capacity_no_unit": "has no unit; taken as MW",
    "capacity_summed": "has several values; summed",
}


def _parse_capacity_one(value, unit: str | None):
    """One raw value → (capacity_mw, issue, rule)."""
    if _is_missing(value):
        return math.nan, "", ""
    rule, total, n_parts = "", 0.0, 0
    parts = [value] if _is_number(value) else str(value).strip().lower().split(";")
    for part in parts:
        if _is_number(part):
            num, part_unit = _as_float(part), unit
        elif (part := part.replace(" ", "")) in BLANKS:
            continue
        else:
            m = _CAP_PART.match(part)
            num, part_unit = (_cap_number(m["num"]), m["unit"] or unit) if m else (None, None)
        if num is None:
            rule = "capacity_unreadable"
            break
        if part_unit is None:
            rule = "capacity_no_unit"
        total += num * _CAP_SCALE[part_unit or "mw"]
        n_parts += 1
    if rule != "capacity_unreadable":
        if n_parts == 0:
            return math.nan, "", ""
        if total <= 0:
            rule = "capacity_invalid"
        elif total > MAX_MW:
            rule = "capacity_implausible"
        elif n_parts > 1 and not rule:
            rule = "capacity_summed"
    if not rule:
        return total, "", ""
    mw = total if rule in ("capacity_no_unit", "capacity_summed") else math.nan
    return mw, f"capacity {_show(value)!r} {_CAP_ISSUES[rule]}", rule


def parse_capacity(
    values: pd.Series, unit: str | None = None, column: str | None = None
) -> pd.DataFrame:
    """Capacities ("2,360 MW", "2.36 GW", "900 kW", "1.2 MWp", numbers) → ``capacity_mw``, ``issue``, ``rule``.

    ``unit`` ("mw", "kw", "gw") is the unit of bare numbers; by default it comes from the ``column``
    name (``total_capacity_mw`` → MW). A bare number with no known unit is taken as MW and flagged.
    Zero, negative and over-30-GW values become unknown (NaN) and are flagged.
    """
    unit = unit or capacity_unit_from_name(column)
    out = _map_unique(
        values, lambda v: _parse_capacity_one(v, unit), ["capacity_mw", "issue", "rule"]
    )
    out["capacity_mw"] = out["capacity_mw"].astype("float64")
    out["issue"] = out["issue"].astype("str")
    out["rule"] = out["rule"].astype("str")
    return out


# --- fuel ------------------------------------------------------------------------------------

FUELS = ("nuclear", "coal", "gas", "oil", "hydro", "wind", "solar", "biomass", "geothermal")
FUELS += ("battery", "waste", "other", "unknown")

#: exact values (lower-case): OSM plant:source, EIA energy-source codes, WRI primary_fuel
_FUEL_CODES = {
    fuel: code
    for code, fuels in {
        "nuclear": "nuclear nuc uranium",
        "coal": "coal lignite ant bit lig sub rc wc sc sgc col",
        "gas": "gas ng og bfg pg lng",
        "oil": "oil diesel gasoline dfo rfo jf ker pc wo sgp petcoke",
        "hydro": "hydro wat water",
        "wind": "wind wnd",
        "solar": "solar sun pv",
        "biomass": "biomass biofuel biogas ab blq lfg msb obg obl obs slw wdl wds bio wood",
        "geothermal": "geothermal geo",
        "battery": "battery batteries mwh storage",
        "waste": "waste msw msn tdf",
        "other": "other oth pur wh tidal wave cogeneration h2 hydrogen",
    }.items()
    for fuel in fuels.split()
}
#: keywords for longer names ("Natural Gas Fired Combined Cycle", "Hydroelectric Pumped Storage");
#: the order matters: the first match wins
_FUEL_WORDS = [
    ("hydro", r"pumped"),
    ("nuclear", r"nuclear|uranium|原子力"),
    ("geothermal", r"geotherm|地熱"),
    ("solar", r"solar|photovoltaic|\bpv\b|太陽"),
    ("wind", r"wind|風力"),
    ("biomass", r"landfill|biomass|biogas|biofuel|wood|bagasse|black liquor|バイオ"),
    ("waste", r"waste|refuse|garbage|\bmsw\b|\btires?\b|廃棄物|ごみ"),
    ("coal", r"coal|lignite|anthracite|石炭"),
    ("oil", r"\boil\b|diesel|petrol|kerosene|石油|重油"),
    ("gas", r"\bgas(es)?\b|\blng\b|ガス"),
    ("battery", r"batter|storage|蓄電"),
    ("hydro", r"hydro|\bwater\b|水力"),
    ("other", r"\bother\b|tidal|wave|cogeneration|\bthermal\b|火力"),
]
_FUEL_RES = [(fuel, re.compile(pattern)) for fuel, pattern in _FUEL_WORDS]


def fuel_of(text: str) -> str | None:
    """One fuel name or code → a fuel of :data:`FUELS`, or None when not recognised."""
    s = " ".join(str(text).strip().lower().replace("_", " ").split())
    if s in _FUEL_CODES:
        return _FUEL_CODES[s]
    for part in re.split(r"[;,]", s):  # "gas;coal" → the first recognised
        if part.strip() in _FUEL_CODES:
            return _FUEL_CODES[part.strip()]
    for fuel, pattern in _FUEL_RES:
        if pattern.search(s):
            return fuel
    return None


def _parse_fuel_one(value):
    if _is_missing(value) or str(value).strip().lower() in BLANKS:
        return "unknown", "", ""
    fuel = fuel_of(str(value))
    if fuel is None:
        return (
            "unknown",
            f"fuel {_show(value)!r} not recognised; set to unknown",
            "fuel_unrecognised",
        )
    return fuel, "", ""


def normalise_fuel(values: pd.Series) -> pd.DataFrame:
    """OSM ``plant:source``, EIA codes / technologies, WRI fuels → ``fuel`` (one of :data:`FUELS`),
    ``issue``, ``rule``. Pumped storage is ``hydro``; blanks are ``unknown`` without a flag."""
    out = _map_unique(values, _parse_fuel_one, ["fuel", "issue", "rule"])
    return out.astype("str")


# --- status, text, booleans, circuits --------------------------------------------------------

#: normalised status ← raw values (lower-case); other values are kept lower-cased
_STATUS = {
    raw: status
    for status, raws in {
        "operating": "operating|operational|in service|in operation|active|existing|op",
        "construction": "under construction|under const|construction",
        "planned": "planned|proposed|announced|permitted",
        "retired": "retired|decommissioned|closed|shutdown",
        "inactive": "inactive|out of service",
    }.items()
    for raw in raws.split("|")
}


def normalise_status(values: pd.Series) -> pd.Series:
    """'IN SERVICE' / 'Operational' → 'operating'; 'UNDER CONST' → 'construction'; others lower-case."""

    def one(v):
        if _is_missing(v) or str(v).strip().lower() in BLANKS:
            return (None,)
        s = " ".join(str(v).strip().lower().replace("_", " ").split())
        return (_STATUS.get(s, s),)

    return _map_unique(values, one, ["status"])["status"].astype("str")


_TEXT_BLANKS = sorted(BLANKS - {"yes"})


def clean_text(values: pd.Series) -> pd.Series:
    """Strip text; blanks and placeholders ('NOT AVAILABLE', 'n/a') become missing; 12.0 → '12'."""
    values = pd.Series(values)
    if pd.api.types.is_string_dtype(values) and not pd.api.types.is_object_dtype(values):
        text = values.str.strip()  # vectorised for pandas' string dtype
        return text.where(text.notna() & ~text.str.lower().isin(_TEXT_BLANKS))

    def one(v):
        if _is_missing(v):
            return (None,)
        s = _show(v)
        return (None if s.lower() in _TEXT_BLANKS else s,)

    return _map_unique(values, one, ["text"])["text"].astype("str").rename(values.name)


_TRUE = frozenset({"yes", "true", "1", "y", "t", "underground", "underwater", "submarine", "cable"})


def parse_underground(values: pd.Series) -> np.ndarray:
    """``location=underground``/``underwater``, ``power=cable``, HIFLD "AC; UNDERGROUND", yes/true/1
    → True; anything else (overhead, blank, 'line') → False."""

    def one(v):
        if _is_missing(v):
            return (False,)
        if _is_number(v):
            return (_as_float(v) == 1.0,)
        s = str(v).strip().lower()
        return (s in _TRUE or any(w in s for w in ("underground", "underwater", "submarine")),)

    return _map_unique(values, one, ["b"])["b"].to_numpy(dtype=bool)


def parse_dc(values: pd.Series, column: str | None = None) -> np.ndarray:
    """DC from OSM ``frequency`` (0 Hz is DC; a ``column`` named *freq*), HIFLD ``TYPE``
    ("DC; OVERHEAD") or a yes/true/1 column."""
    frequency = "freq" in str(column or "").lower()

    def one(v):
        if _is_missing(v):
            return (False,)
        parts = [_show(v)] if _is_number(v) else _text_parts(v)
        parts = [p for p in parts if p not in BLANKS - {"yes"}]
        if not parts:
            return (False,)
        if frequency:
            return (all(p in ("0", "0.0") for p in parts),)
        if any(p in ("yes", "true", "1", "y") for p in parts):
            return (True,)
        return (bool(re.search(r"(?<![a-z])(hv)?dc(?![a-z])", str(v).lower())),)

    return _map_unique(values, one, ["b"])["b"].to_numpy(dtype=bool)


def _parse_count_one(value, what: str):
    if _is_missing(value):
        return math.nan, "", ""
    parts = [value] if _is_number(value) else [p for p in _text_parts(value) if p not in BLANKS]
    nums = []
    for p in parts:
        try:
            x = _as_float(p)
        except ValueError:
            x = math.nan
        if not (x > 0 and float(x).is_integer()):
            return (
                math.nan,
                f"{what} {_show(value)!r} not a positive whole number; set to unknown",
                "bad",
            )
        nums.append(x)
    return (max(nums) if nums else math.nan), "", ""


def parse_circuits(values: pd.Series) -> pd.DataFrame:
    """OSM ``circuits`` → ``circuits`` (float holding whole numbers; NaN unknown), ``issue``, ``rule``.
    Lists ("2;2", from merged ways) give their largest value."""
    out = _map_unique(
        values, lambda v: _parse_count_one(v, "circuits"), ["circuits", "issue", "rule"]
    )
    out["circuits"] = out["circuits"].astype("float64")
    out["rule"] = np.where(out["rule"] == "bad", "circuits_unreadable", "")
    return out.astype({"issue": "str", "rule": "str"})


def circuits_from_cables(values: pd.Series) -> np.ndarray:
    """OSM ``cables`` → circuits by the OSM convention (3 cables per AC circuit); NaN otherwise."""
    counts = _map_unique(values, lambda v: _parse_count_one(v, "cables"), ["n", "i", "r"])["n"]
    n = counts.to_numpy(dtype="float64")
    with np.errstate(invalid="ignore"):
        return np.where((n > 0) & (n % 3 == 0), n / 3, np.nan)
