"""``inspect`` and ``convert`` on every layer of the real sample data in ../shared/data.

Skipped when ../shared/data is absent (a fresh clone). Runs the CLI in-process
(``gridscout.cli.main``) to keep 30 layers x 2 commands quick; exit codes and stderr of the real
process are covered in test_cli_inspect_convert.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyogrio
import pytest
from gridscout.layers.io import read_vector
from gridscout.layers.registry import get_kind
from gridscout.layers.validate import DROP_RULES

from gridscout.cli import main

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
EIA = DATA / "eia860m_dec2025_plants_ge50mw.geojson"

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not present"),
]


def _specs() -> list[str]:
    if not DATA.is_dir():
        return []
    specs = [f"{gpkg}:{name}" for gpkg in sorted(DATA.glob("*.gpkg")) for name, _ in pyogrio.list_layers(gpkg)]
    return specs + [str(EIA)]


def _ids(spec: str) -> str:
    if ".gpkg:" in spec:
        file, layer = spec.split(".gpkg:")
        return f"{Path(file).name}:{layer}"
    return Path(spec).name


def _run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_sample_file_is_covered():
    specs = _specs()
    assert len(specs) >= 28  # 9 + 10 + 8 GeoPackage layers and the EIA GeoJSON
    assert any(s.endswith("eia860m_dec2025_plants_ge50mw.geojson") for s in specs)


@pytest.mark.parametrize("spec", _specs(), ids=_ids)
def test_inspect_and_convert(spec, tmp_path, capsys):
    code, out, err = _run(capsys, "inspect", spec, "--json")
    assert code == 0, err
    info = json.loads(out)
    details = info["details"]
    kind = details["kind"]
    report = details["report"]
    assert report["rows_read"] == details["features"] > 0
    assert details["features_kept"] == report["rows_kept"]
    layer_counts = {lay["name"]: lay["features"] for lay in info["layers"]}
    assert report["rows_read"] in layer_counts.values()

    target = tmp_path / "out.gpkg"
    code, out, err = _run(capsys, "convert", spec, "--kind", kind, "--out", target, "--json", "-q")
    assert code == 0, err
    conv = json.loads(out)["report"]
    written = read_vector(target)
    canonical = list(get_kind(kind).canonical_columns) + ["issues"]
    assert list(written.columns[: len(canonical)]) == canonical
    assert written.crs.to_epsg() == 4326
    assert len(written) == conv["rows_kept"]

    # nothing dropped silently: every dropped row is listed under a drop rule, once
    dropped = {r for item in conv["items"] if item["rule"] in DROP_RULES for r in item["rows"]}
    assert conv["rows_read"] == conv["rows_kept"] + len(dropped)
    assert all(1 <= r <= conv["rows_read"] for r in dropped)
    assert conv["rows_read"] == report["rows_read"] and conv["rows_kept"] == report["rows_kept"]
