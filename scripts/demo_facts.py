"""The hand-made facts behind the GridScout demo project: its four regions and the
*hypothetical* candidate sites (place names real, sites invented).

The grid itself (substations, lines, plants) is no longer curated here: ``scripts/make_demo.py``
reads it from the real OpenStreetMap, HIFLD and EIA files in ``../shared/data``.
Coordinates are (lon, lat) in EPSG:4326.
"""

from __future__ import annotations

# fmt: off
REGIONS = {  # code used in parcel ids and the `region` column: title
    "VA": "Ashburn / Loudoun County, Virginia (US)",
    "OH": "Lordstown, Trumbull and Mahoning counties, Ohio (US)",
    "CB": "Inzai / Chiba bay, Chiba (Japan)",
    "FK": "Fukui nuclear coast — Ohi, Takahama, Mihama, Tsuruga (Japan)",
}

# --- candidate sites (hypothetical) ------------------------------------------------------------
# (region, name, lon, lat)
CANDIDATE_SITES: list[tuple] = [
    ("VA", "Ashburn – Loudoun Gateway", -77.4650, 38.9930),
    ("VA", "Ashburn – Beaumeade", -77.4720, 39.0330),
    ("VA", "Arcola – Brambleton south", -77.5450, 38.9420),
    ("OH", "Lordstown – Ultium corridor", -80.8720, 41.1380),
    ("OH", "Lordstown industrial park", -80.8440, 41.1600),
    ("OH", "North Jackson – I-80 interchange", -80.8700, 41.1040),
    ("CB", "Inzai – Makinohara", 140.1850, 35.7880),
    ("CB", "Shiroi – Chiba New Town west", 140.0700, 35.8000),
    ("CB", "Sodegaura – bay front", 139.9950, 35.4480),
    ("FK", "Fukui – Tsuruga coast", 136.0700, 35.6380),
    ("FK", "Fukui – Mihama / Reinan", 135.9620, 35.5700),
    ("FK", "Fukui – Ohi / Wakasa-Hongo", 135.7000, 35.4780),
]
SITE_SOURCE = "Hypothetical demo site (GridScout); place name real, site invented"
# fmt: on
