"""Items 16, 17, 20: files that used to load quietly wrong now say what is wrong and how to fix it."""

from __future__ import annotations

import geopandas as gpd
from gridscout.layers.io import load_layer
from shapely.geometry import Point


def test_bad_coordinate_names_value_feature_and_row_base(tmp_path):
    gdf = gpd.GeoDataFrame(
        {"plant_name": ["Good Plant", "Lake Plant"], "capacity_mw": [100.0, 500.0]},
        geometry=[Point(-77.5, 39.0), Point(-80.1, 425.246)], crs=None)
    path = tmp_path / "plants.geojson"
    gdf.set_crs(4326).to_file(path)
    layer = load_layer(path, kind="power_plants")
    text = layer.report.to_text()
    assert "row 2 'Lake Plant' has latitude 425.246" in text
    assert "numbered from 1" in text
    assert len(layer.data) == 1


def _write_csv(path, rows, header="name,latitude,longitude"):
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_swapped_lat_lon_out_of_range_is_reported_with_the_fix(tmp_path):
    csv = _write_csv(tmp_path / "sites.csv", ["Ohi,135.65,35.54", "Takahama,135.50,35.52"])
    layer = load_layer(csv, kind="candidate_sites")
    text = layer.report.to_text()
    assert "lat_lon_swapped" in text and "'latitude' and 'longitude' look swapped" in text
    assert "--swap-lat-lon" in text
    fixed = load_layer(csv, kind="candidate_sites", swap_lat_lon=True)
    assert len(fixed.data) == 2 and not fixed.report.by_rule("lat_lon_swapped")
    assert fixed.data.geometry.iloc[0].x == 135.65 and fixed.data.geometry.iloc[0].y == 35.54


def test_swapped_lat_lon_in_antarctica_is_reported(tmp_path):
    csv = _write_csv(tmp_path / "sites.csv", ["Ashburn,-77.49,39.04", "Lordstown,-80.86,41.16"])
    layer = load_layer(csv, kind="candidate_sites")
    assert layer.report.by_rule("lat_lon_swapped")
    assert "Antarctica" in layer.report.to_text()


def test_right_lat_lon_is_not_reported(tmp_path):
    csv = _write_csv(tmp_path / "sites.csv", ["Ashburn,39.04,-77.49", "Ohi,35.54,135.65"])
    assert not load_layer(csv, kind="candidate_sites").report.by_rule("lat_lon_swapped")


def _cp932_shapefile(folder):
    import pyogrio

    names = ["大飯発電所", "高浜発電所", "敦賀変電所"]
    gdf = gpd.GeoDataFrame({"name": names, "capacity_mw": [4710.0, 3392.0, 100.0]},
                           geometry=[Point(135.65, 35.54), Point(135.50, 35.52), Point(136.0, 35.6)],
                           crs=4326)
    path = folder / "plants_jp.shp"
    pyogrio.write_dataframe(gdf, path, encoding="cp932")
    for sidecar in folder.glob("plants_jp.cpg"):
        sidecar.unlink()
    raw = (folder / "plants_jp.dbf").read_bytes()
    assert "大飯発電所".encode("cp932") in raw and raw[29] == 0  # really cp932, undeclared
    return path, names


def test_cp932_shapefile_without_cpg_is_detected_and_reported(tmp_path):
    path, names = _cp932_shapefile(tmp_path)
    layer = load_layer(path, kind="power_plants")
    assert sorted(layer.data["name"]) == sorted(names)
    text = layer.report.to_text()
    assert "Shift-JIS / cp932" in text and "--encoding" in text
    assert "no problems found" not in text


def test_encoding_override(tmp_path):
    path, names = _cp932_shapefile(tmp_path)
    layer = load_layer(path, kind="power_plants", encoding="cp1252")
    assert sorted(layer.data["name"]) != sorted(names)  # the user said so
    assert "Windows-1252" in layer.report.to_text() and "(--encoding)" in layer.report.to_text()
    assert sorted(load_layer(path, kind="power_plants", encoding="cp932").data["name"]) == \
        sorted(names)


def test_unknown_encoding_is_a_named_error(tmp_path):
    import pytest
    from gridscout.layers.errors import DataError

    path, _ = _cp932_shapefile(tmp_path)
    with pytest.raises(DataError, match="--encoding 'klingon'"):
        load_layer(path, kind="power_plants", encoding="klingon")


def test_utf8_shapefile_without_cpg_reads_as_utf8(tmp_path):
    import pyogrio

    gdf = gpd.GeoDataFrame({"name": ["Zürich Umspannwerk", "大飯"]},
                           geometry=[Point(8.5, 47.4), Point(135.6, 35.5)], crs=4326)
    pyogrio.write_dataframe(gdf, tmp_path / "s.shp", encoding="UTF-8")
    (tmp_path / "s.cpg").unlink()
    layer = load_layer(tmp_path / "s.shp", kind="substations")
    assert sorted(layer.data["name"]) == sorted(gdf["name"])


def test_cli_inspect_and_convert_take_encoding_and_swap(tmp_path, capsys):
    from gridscout.cli import main

    path, names = _cp932_shapefile(tmp_path)
    assert main(["inspect", str(path), "--kind", "power_plants"]) == 0
    out = capsys.readouterr().out
    assert "Shift-JIS / cp932" in out
    assert main(["inspect", str(path), "--kind", "power_plants", "--encoding", "cp932"]) == 0
    assert "(--encoding)" in capsys.readouterr().out
    csv = _write_csv(tmp_path / "sites.csv", ["Ohi,135.65,35.54", "Takahama,135.50,35.52"])
    assert main(["convert", str(csv), "--kind", "candidate_sites", "--swap-lat-lon", "-q",
                 "--out", str(tmp_path / "sites.gpkg")]) == 0
    assert "wrote 2 candidate_sites" in capsys.readouterr().out
    assert main(["convert", str(csv), "--kind", "candidate_sites", "--encoding", "nope", "-q",
                 "--out", str(tmp_path / "x.gpkg")]) == 2


def test_swapped_points_far_from_the_other_layers_are_reported(tmp_path):
    from gridscout.layers.io.delimited import check_swapped_against
    from shapely.geometry import box

    # Nairobi-area sites with lat/lon swapped lie in the Indian Ocean: valid coordinates, so
    # only the other layers (the parcels) show that they are wrong
    csv = _write_csv(tmp_path / "sites.csv", ["A,36.8,-1.3", "B,37.0,-1.1"])
    sites = load_layer(csv, kind="candidate_sites")
    assert not sites.report.by_rule("lat_lon_swapped")  # alone, nothing says it is wrong
    parcels = gpd.GeoDataFrame(geometry=[box(36.5, -1.5, 37.2, -0.9)], crs=4326)
    assert check_swapped_against(sites.data, [parcels], sites.report)
    assert "would lie among them" in sites.report.to_text() and "--swap-lat-lon" in sites.report.to_text()
    right = load_layer(_write_csv(tmp_path / "ok.csv", ["A,-1.3,36.8"]), kind="candidate_sites")
    assert not check_swapped_against(right.data, [parcels], right.report)
