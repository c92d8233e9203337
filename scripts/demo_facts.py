"""The facts behind the GridScout demo project, one readable table per layer.

Everything here is a curated handful of *real, named* facilities in four data-center regions, each
with the source of its facts. ``scripts/make_demo.py`` turns these tables into the demo project;
``resources/demo/README.md`` lists them for people.

Positions are approximate (a point near the facility, rounded to 1e-4°, i.e. ~10 m of rounding on
top of the source's own accuracy). Transmission corridors are schematic: a few vertices along the
route shown in the cited source, or — where no route data was available offline — a straight-ish
sketch between the two named ends (say so in ``source``). Nothing here is survey-grade.

Conventions:
- coordinates are (lon, lat) in EPSG:4326;
- ``kv`` is a tuple of the published voltages, highest first (kV); ``None`` = not published;
- capacities are in MW as published by the cited source (net summer capacity for EIA-860M,
  nameplate for OpenStreetMap ``plant:output:electricity``/WRI rows);
- ``note`` says what was inferred rather than read, and known disagreements between sources.
"""

from __future__ import annotations

# fmt: off
# --- sources --------------------------------------------------------------------------------------
OSM_AJG = "OpenStreetMap (© OpenStreetMap contributors, ODbL 1.0) via the All-Japan-Grid extract (2026)"
OSM_GRIDKIT = "OpenStreetMap (© OpenStreetMap contributors, ODbL 1.0) via the GridKit 2016 extract (doi:10.5281/zenodo.250427)"
HIFLD_SUBS = "HIFLD Electric Substations (US DHS, public domain)"
HIFLD_LINES = "HIFLD Electric Power Transmission Lines (US DHS, public domain)"
EIA860M = "EIA-860M December 2025 (US EIA, public domain)"
EIA860_2019 = "EIA-860 2019 plant file (US EIA, public domain)"
WRI = "WRI Global Power Plant Database v1.3 (CC BY 4.0)"
DOMINION = "Dominion Energy transmission project pages (dom.com / dominionenergy.com)"
OPSB = "Ohio Power Siting Board certificate, 5 Oct 2017 (as reported by WKBN and The Business Journal)"
DOM_LOUDOUN = "Dominion Energy: Loudoun County projects and Loudoun–New Road 230 kV pages (dom.com)"
DOM_BRAMBLETON = "Dominion Energy: Loudoun–Brambleton 500 kV rebuild (dom.com); Loudoun Now, 9 Sep 2022; power-grid.com (line #2094)"
DOM_GOOSE = "Dominion Energy: Line 514 and Loudoun–Pleasant View 500 kV projects; FirstEnergy Gore–Doubs–Goose Creek fact sheet; PJM constraint names"
DOM_PV = "Dominion Energy: Loudoun–Pleasant View 500 kV rebuild (dom.com); T&D World (2005); PJM constraint names"
DOM_POLAND = "Dominion SCC application for the Poland Road 230-34.5 kV substation and loop (power-grid.com)"
DOM_ASPEN = "Dominion Aspen–Golden 500/230 kV project (Loudoun Now, 21 Jun 2023; SCC final order 5 Feb 2025)"

REGIONS = {  # code used in parcel ids and the `region` column: title
    "VA": "Ashburn / Loudoun County, Virginia (US)",
    "OH": "Lordstown, Trumbull and Mahoning counties, Ohio (US)",
    "CB": "Inzai / Chiba bay, Chiba (Japan)",
    "FK": "Fukui nuclear coast — Ohi, Takahama, Mihama, Tsuruga (Japan)",
}

# --- substations ----------------------------------------------------------------------------------
# (region, name, operator, kv, lon, lat, source, note)
SUBSTATIONS: list[tuple] = [
    # Virginia: Dominion Energy. No substation geodata for Virginia was available offline;
    # positions are placed from the companies' own descriptions and are rough (± 2–3 km).
    ("VA", "Loudoun", "Dominion Energy Virginia", (500, 230), -77.5480, 38.9280, DOM_LOUDOUN,
     "500 kV per the Loudoun–Brambleton and Loudoun–Pleasant View 500 kV rebuilds; 230 kV per the Loudoun–New Road 230 kV line. Position approximate (Arcola area)."),
    ("VA", "Brambleton", "Dominion Energy Virginia", (500, 230), -77.5330, 38.9520, DOM_BRAMBLETON,
     "500 kV GIS per the Loudoun–Brambleton 500 kV rebuild; 230 kV line #2094. Position: by Evergreen Mills Rd and Arcola Mills Dr (Loudoun Now, 9 Sep 2022)."),
    ("VA", "Goose Creek", "Dominion Energy Virginia", (500, 230), -77.5000, 39.0720, DOM_GOOSE,
     "500/230 kV per the Line 514 corridor project (Potomac River → Goose Creek, ~3.5 mi) and the Gore–Doubs–Goose Creek project; east of Leesburg. Position approximate."),
    ("VA", "Pleasant View", "Dominion Energy Virginia", (500, 230), -77.5200, 39.1000, DOM_PV,
     "500 kV per the Loudoun–Pleasant View 500 kV rebuild; 'east of Leesburg' (T&D World, 2005). Position approximate."),
    ("VA", "Poland Road", "Dominion Energy Virginia", (230, 34.5), -77.5060, 38.8960, DOM_POLAND,
     "Position from the filing: south of Dulles Airport, ~3.3 mi west of Route 28 along Route 50."),
    ("VA", "Aspen (approved)", "Dominion Energy Virginia", (500, 230), -77.5370, 39.0880, DOM_ASPEN,
     "New substation; on the W&OD Trail just east of Crosstrail Blvd. Position approximate."),
    ("VA", "Golden (approved)", "Dominion Energy Virginia", (500, 230), -77.4350, 39.0130, DOM_ASPEN,
     "New substation; east side of Pacific Blvd north of the W&OD Trail. Position approximate."),
    # Ohio: FirstEnergy / American Transmission Systems Inc. (ATSI), Ohio Edison
    ("OH", "Highland", "American Transmission Systems (FirstEnergy)", (345,), -80.8244, 41.1776, OSM_GRIDKIT,
     "345 kV: end of the Sammis–Highland and Hanna–Highland 345 kV lines (OSM)."),
    ("OH", "Hanna", "American Transmission Systems (FirstEnergy)", (345,), -81.2130, 41.1190, f"{HIFLD_LINES}; {OSM_GRIDKIT}",
     "Position is the end vertex of the Hanna–Highland 345 kV line (approximate)."),
    ("OH", "Sammis", "American Transmission Systems (FirstEnergy)", (345, 138), -80.6330, 40.5330, OSM_GRIDKIT,
     "Switchyard of the retired W. H. Sammis plant; end vertex of the 345/138 kV lines."),
    ("OH", "Beaver Valley", "Duquesne Light", (345,), -80.4320, 40.6210, HIFLD_LINES,
     "End of the Beaver Valley–Hanna 345 kV line (HIFLD owner: Duquesne Light Co)."),
    ("OH", "Lordstown (HIFLD 114057)", "", (138,), -80.8587, 41.1698, HIFLD_SUBS,
     "HIFLD publishes this substation without a name (UNKNOWN114057, city Lordstown). Operator not in the source (FirstEnergy/Ohio Edison service area per EIA-860 2019)."),
    ("OH", "Niles Power Plant", "", (138,), -80.7480, 41.1661, HIFLD_SUBS,
     "Operator not in the source (FirstEnergy/Ohio Edison service area per EIA-860 2019)."),
    ("OH", "North Jackson (HIFLD 113175)", "", (138,), -80.8854, 41.0962, HIFLD_SUBS,
     "HIFLD name UNKNOWN113175, city North Jackson. Operator not in the source (FirstEnergy/Ohio Edison service area per EIA-860 2019)."),
    ("OH", "Warren (HIFLD 113212)", "", (138,), -80.8496, 41.2677, HIFLD_SUBS,
     "HIFLD name UNKNOWN113212, city Warren. Operator not in the source (FirstEnergy/Ohio Edison service area per EIA-860 2019)."),
    ("OH", "Boardman", "Ohio Edison (FirstEnergy)", (138,), -80.6559, 41.0330, OSM_GRIDKIT,
     "138 kV inferred from the OSM line 'Sammis - Boardman 138 kV transmission line'."),
    ("OH", "Lowellville", "Ohio Edison (FirstEnergy)", (138,), -80.5242, 41.0313, OSM_GRIDKIT,
     "138 kV inferred from the OSM line 'Lowellville - Sammis 138 kV transmission line'."),
    ("OH", "Pidgeon", "FirstEnergy", (138,), -80.8471, 40.8781, OSM_GRIDKIT,
     "138 kV inferred from the OSM line 'Pidgeon tap 138 kV transmission line'."),
    ("OH", "Crum", "Ohio Edison (FirstEnergy)", None, -80.7165, 41.1191, OSM_GRIDKIT,
     "Voltage not published in the source (kept with unknown voltage)."),
    ("OH", "Masury", "Ohio Edison (FirstEnergy)", None, -80.5333, 41.2073, OSM_GRIDKIT,
     "Voltage not published in the source (kept with unknown voltage)."),
    # Chiba: TEPCO Power Grid (東京電力パワーグリッド)
    ("CB", "Shin-Keiyo (新京葉)", "TEPCO Power Grid", (500, 275, 154, 66), 140.0695, 35.7814, OSM_AJG,
     ""),
    ("CB", "Boso (房総)", "TEPCO Power Grid", (500, 275, 154, 66), 140.1664, 35.4995, OSM_AJG,
     ""),
    ("CB", "Shin-Kisarazu (新木更津)", "TEPCO Power Grid", (500, 275), 140.0277, 35.3438, OSM_AJG,
     ""),
    ("CB", "Nakasode (中袖)", "", (500,), 139.9802, 35.4638, OSM_AJG,
     "Operator not tagged in OSM."),
    ("CB", "Hokuso (北総)", "TEPCO Power Grid", (275, 66), 140.2656, 35.7111, OSM_AJG,
     ""),
    ("CB", "Hanamigawa (花見川)", "TEPCO Power Grid", (275, 66), 140.0718, 35.6687, OSM_AJG,
     ""),
    ("CB", "Chiba-Chuo (千葉中央)", "TEPCO Power Grid", (275, 66), 140.1266, 35.5648, OSM_AJG,
     ""),
    ("CB", "Katsunan (葛南)", "TEPCO Power Grid", (275, 66), 139.9078, 35.6658, OSM_AJG,
     ""),
    ("CB", "Chiba New Town (千葉ニュータウン)", "TEPCO Power Grid", (154,), 140.1306, 35.8048, OSM_AJG,
     ""),
    ("CB", "Tokatsu (東葛)", "TEPCO Power Grid", (154, 66), 139.9356, 35.8567, OSM_AJG,
     ""),
    ("CB", "East Chiba (東千葉)", "TEPCO", (154,), 140.1514, 35.6214, OSM_AJG,
     ""),
    ("CB", "Inzai (印西)", "TEPCO Power Grid", (66,), 140.1407, 35.8271, OSM_AJG,
     ""),
    ("CB", "Shiroi (白井)", "TEPCO Power Grid", (66,), 140.0348, 35.8055, OSM_AJG,
     ""),
    ("CB", "Inba-Nishi (印旛西)", "TEPCO Power Grid", (66,), 140.1786, 35.7968, OSM_AJG,
     ""),
    ("CB", "Funao (船尾)", "TEPCO Power Grid", (66,), 140.1231, 35.7982, OSM_AJG,
     ""),
    ("CB", "Narita (成田)", "TEPCO Power Grid", (66,), 140.3438, 35.7777, OSM_AJG,
     ""),
    # Fukui: Kansai Electric (関西電力, 関西電力送配電), Hokuriku Electric (北陸電力送配電), Japan Atomic Power
    ("FK", "Reinan (嶺南)", "Kansai Electric Power", (500, 275), 135.9730, 35.5564, OSM_AJG,
     ""),
    ("FK", "Irohama (色浜) — Tsuruga NPP switchyard", "Japan Atomic Power", (500,), 136.0173, 35.7535, OSM_AJG,
     "OSM substation=transition at the Tsuruga nuclear plant."),
    ("FK", "Takahama NPP switchyard (田ノ浦)", "Kansai Electric", (500,), 135.5040, 35.5214, OSM_AJG,
     "Voltage not tagged on the OSM substation; 500 kV inferred: the 500 kV Takahama line ends here."),
    ("FK", "Ohi NPP switchyard (おおい町)", "Kansai Electric", (500,), 135.6562, 35.5406, OSM_AJG,
     "Voltage not tagged on the OSM substation; 500 kV inferred: the 500 kV Ohi trunk lines end here."),
    ("FK", "Okunono (奥野々)", "Hokuriku Electric Power Transmission & Distribution", (275, 154), 136.1731, 35.8096, OSM_AJG,
     ""),
    ("FK", "Tsuruga (敦賀)", "Hokuriku Electric Power Transmission & Distribution", None, 136.0818, 35.6472, OSM_AJG,
     "Voltage not published in the source (kept with unknown voltage)."),
    ("FK", "Echizen (越前)", "Hokuriku Electric Power Transmission & Distribution", (500, 275), 136.4160, 35.9950, OSM_AJG,
     "Position is the end vertex of the 500 kV line to Reinan (OSM 'voltage=500000', Hokuriku); approximate."),
    ("FK", "Keihoku switching station (京北開閉所)", "Kansai Transmission and Distribution", (500,), 135.6460, 35.1380, OSM_AJG,
     "Position is the end vertex of the 500 kV lines from Reinan and Ohi; approximate."),
]

# --- power plants ---------------------------------------------------------------------------------
# (region, name, operator, capacity_mw, fuel, status, lon, lat, source, note)
POWER_PLANTS: list[tuple] = [
    # Virginia (EIA-860M Dec 2025, plants >= 50 MW within ~80 km of Ashburn)
    ("VA", "Potomac Energy Center", "Potomac Energy Center LLC", 812.0, "gas", "operating", -77.5450, 39.0581, EIA860M,
     "Natural gas fired combined cycle, Loudoun County."),
    ("VA", "Warren County Power Station", "Virginia Electric & Power Co (Dominion)", 1472.2, "gas", "operating", -78.1772, 38.9717, EIA860M,
     "Natural gas fired combined cycle."),
    ("VA", "Remington", "Virginia Electric & Power Co (Dominion)", 705.5, "gas", "operating", -77.7714, 38.5442, EIA860M,
     "Natural gas fired combustion turbines."),
    ("VA", "Marsh Run Generation Facility", "Old Dominion Electric Coop", 596.7, "gas", "operating", -77.7681, 38.5283, EIA860M,
     "Natural gas fired combustion turbines."),
    ("VA", "Possum Point", "Virginia Electric & Power Co (Dominion)", 709.0, "gas", "operating", -77.2806, 38.5367, EIA860M,
     "Combined-cycle unit; the 1,372.9 MW oil steam units are listed as retooled."),
    ("VA", "Dickerson Power", "Dickerson Power, LLC", 326.0, "gas", "operating", -77.4644, 39.2097, EIA860M,
     "Maryland, across the Potomac; combustion turbines (the coal units retired 2020)."),
    ("VA", "Covanta Fairfax Energy", "Covanta Fairfax Inc", 124.0, "waste", "operating", -77.2411, 38.6950, EIA860M,
     "Municipal solid waste."),
    # Ohio and nearby Pennsylvania
    ("OH", "Lordstown Energy Center", "Clean Energy Future-Lordstown, LLC", 962.0, "gas", "operating", -80.8516, 41.1489, EIA860M,
     "EIA plant name 'Clean Energy Future-Lordstown, LLC'; combined cycle; 345 kV ATSI interconnection (EIA-860 2019)."),
    ("OH", "Trumbull Energy Center", "Clean Energy Future-Trumbull, LLC", 940.0, "gas", "construction", -80.8570, 41.1520, f"{OPSB}; The Business Journal (Youngstown), 2024",
     "940 MW certificated by the OPSB (2017); under construction with expected operation in 2026 (The Business Journal, 2024) — status as of that report. Position approximate (Henn Parkway off SR 45, next to Lordstown Energy Center)."),
    ("OH", "Hickory Run Energy Station", "Hickory Run Energy, LLC", 1033.7, "gas", "operating", -80.4300, 40.9944, EIA860M,
     "Pennsylvania, ~25 km east of Youngstown."),
    ("OH", "South Field Energy", "South Field Energy, LLC", 1210.4, "gas", "operating", -80.6783, 40.6353, EIA860M,
     ""),
    ("OH", "Beaver Valley", "Energy Harbor Nuclear Generation LLC", 1846.8, "nuclear", "operating", -80.4336, 40.6219, EIA860M,
     "Pennsylvania."),
    ("OH", "W H Sammis", "Energy Harbor Generation LLC", 2468.1, "coal", "retired", -80.6319, 40.5317, EIA860M,
     "Retired June 2023 (EIA planned retirement date 2023-06)."),
    ("OH", "Niles Power Plant", "Niles Power, LLC", 27.0, "oil", "operating", -80.7477, 41.1669, WRI,
     "EIA-860M lists the former 265.6 MW coal units as retooled (2012)."),
    # Chiba bay (operator JERA: TEPCO's thermal plants passed to JERA in 2019)
    ("CB", "Futtsu (富津火力)", "JERA", 5040.0, "gas", "operating", 139.8322, 35.3424, f"{OSM_AJG}; {WRI}",
     "OSM and WRI agree on 5,040 MW."),
    ("CB", "Chiba (千葉火力)", "JERA", 4380.0, "gas", "operating", 140.1072, 35.5649, OSM_AJG,
     "OSM 4,380 MW; WRI lists 2,880 MW (an older figure, before a unit was added)."),
    ("CB", "Sodegaura (袖ヶ浦火力)", "JERA", 3600.0, "gas", "operating", 139.9768, 35.4626, f"{OSM_AJG}; {WRI}",
     ""),
    ("CB", "Anegasaki (姉崎火力)", "JERA", 3600.0, "gas", "operating", 140.0174, 35.4850, f"{OSM_AJG}; {WRI}",
     "3,600 MW is the old plant as listed by OSM and WRI; the old units were replaced by new combined-cycle units in 2023 — current capacity not verified offline."),
    ("CB", "Goi (五井火力)", "JERA", 1886.0, "gas", "operating", 140.0724, 35.5470, WRI,
     "WRI value for the old plant; rebuilt as a new combined-cycle plant — current capacity not verified offline."),
    ("CB", "Kimitsu Joint Power (君津共同火力)", "Kimitsu Cooperative Thermal Power", 1152.0, "gas", "operating", 139.8607, 35.3629, OSM_AJG,
     "WRI lists 300 MW (blast-furnace gas); sources disagree."),
    ("CB", "JFE Chiba (Chiba Kawatetsu)", "JFE Steel", 400.0, "other", "operating", 140.0879, 35.5713, WRI,
     "Blast-furnace gas."),
    # Fukui nuclear coast
    ("FK", "Ohi (大飯)", "Kansai Electric", 2360.0, "nuclear", "operating", 135.6547, 35.5411, f"{WRI}; Kansai Electric",
     "Units 3 and 4 (1,180 MW each) operate; units 1-2 (2 × 1,175 MW) are being decommissioned. WRI lists 4,710 MW (all four units), OSM 4,494 MW."),
    ("FK", "Takahama (高浜)", "Kansai Electric", 3392.0, "nuclear", "operating", 135.5040, 35.5230, f"{OSM_AJG}; {WRI}",
     "Four PWR units (2 × 826 MW, 2 × 870 MW)."),
    ("FK", "Mihama (美浜)", "Kansai Electric", 826.0, "nuclear", "operating", 135.9617, 35.7036, f"{OSM_AJG}; {WRI}",
     "Unit 3; units 1-2 are being decommissioned."),
    ("FK", "Tsuruga (敦賀)", "Japan Atomic Power", 1160.0, "nuclear", "inactive", 136.0200, 35.7520, f"{OSM_AJG}; {WRI}",
     "Unit 2; not operating (restart not approved by the regulator)."),
    ("FK", "Tsuruga thermal (敦賀火力)", "Hokuriku Electric Power", 1200.0, "coal", "operating", 136.0800, 35.6723, f"{OSM_AJG}; {WRI}",
     ""),
]

# --- transmission corridors (schematic) ------------------------------------------------------------
# (region, name, operator, kv, circuits, status, [(lon, lat), ...], source, note)
# circuits is None unless the source states it.
LINES: list[tuple] = [
    # Virginia: sketches between the named ends (no route geodata offline)
    ("VA", "Loudoun – Brambleton", "Dominion Energy Virginia", (500, 230), None, "operating",
     [(-77.5480, 38.9280), (-77.5400, 38.9400), (-77.5330, 38.9520)],
     DOM_LOUDOUN, "Schematic sketch between the two substations."),
    ("VA", "Loudoun – Goose Creek – Pleasant View", "Dominion Energy Virginia", (500,), None, "operating",
     [(-77.5480, 38.9280), (-77.5350, 38.9700), (-77.5250, 39.0150), (-77.5000, 39.0720), (-77.5200, 39.1000)],
     DOM_GOOSE, "Schematic; ~13 mi Loudoun–Goose Creek per Dominion."),
    ("VA", "Line 514: Goose Creek – Potomac River", "Dominion Energy Virginia", (500, 230), None, "operating",
     [(-77.5000, 39.0720), (-77.5030, 39.0950), (-77.5060, 39.1180)],
     DOM_GOOSE, "Schematic; ~3.5 mi corridor toward Doubs (MD); landing point of the Gore–Doubs–Goose Creek upgrade."),
    ("VA", "Aspen – Golden (approved)", "Dominion Energy Virginia", (500, 230), 2, "construction",
     [(-77.5370, 39.0880), (-77.5050, 39.0640), (-77.4700, 39.0450), (-77.4350, 39.0130)],
     DOM_ASPEN, "Schematic: ~9.4 mi double circuit along Route 7."),
    ("VA", "Poland Road loop", "Dominion Energy Virginia", (230,), 2, "operating",
     [(-77.5400, 38.9400), (-77.5250, 38.9150), (-77.5060, 38.8960)],
     DOM_POLAND, "Schematic: tap of Loudoun–Brambleton line #2094 to Poland Road, ~4 mi double circuit."),
    # Ohio: GridKit/HIFLD geometry (node-to-node, already schematic)
    ("OH", "Hanna – Highland", "American Transmission Systems (FirstEnergy)", (345,), None, "operating",
     [(-81.2130, 41.1190), (-80.8244, 41.1776)],
     OSM_GRIDKIT, ""),
    ("OH", "Sammis – Highland", "American Transmission Systems (FirstEnergy)", (345,), None, "operating",
     [(-80.8244, 41.1776), (-80.6330, 40.5330)],
     OSM_GRIDKIT, ""),
    ("OH", "Beaver Valley – Hanna", "Duquesne Light", (345,), None, "operating",
     [(-80.4320, 40.6210), (-80.5120, 40.6770), (-80.6770, 40.7060), (-80.7580, 40.8030), (-80.8940, 40.8710), (-81.1100, 41.0030), (-81.2130, 41.1190)],
     HIFLD_LINES, "HIFLD route simplified to 7 vertices."),
    ("OH", "Sammis – Boardman", "Ohio Edison (FirstEnergy)", (138,), None, "operating",
     [(-80.6330, 40.5330), (-80.6560, 41.0330)],
     OSM_GRIDKIT, ""),
    ("OH", "Lowellville – Sammis", "Ohio Edison (FirstEnergy)", (138,), 2, "operating",
     [(-80.6330, 40.5330), (-80.5680, 41.0040), (-80.5240, 41.0310)],
     OSM_GRIDKIT, ""),
    ("OH", "Niles – Crum", "Ohio Edison (FirstEnergy)", (138,), None, "operating",
     [(-80.7480, 41.1661), (-80.7460, 41.1480), (-80.7140, 41.1350)],
     HIFLD_LINES, "HIFLD line NILES POWER PLANT – UNKNOWN113722 (near Crum)."),
    # Chiba: OpenStreetMap routes simplified to a few vertices
    ("CB", "Boso line (房総線): Boso – Shin-Keiyo", "TEPCO Power Grid", (500,), None, "operating",
     [(140.1690, 35.4980), (140.1920, 35.5110), (140.2080, 35.5530), (140.2050, 35.6590), (140.1680, 35.7280), (140.0720, 35.7840)],
     OSM_AJG, ""),
    ("CB", "Shin-Keiyo line (新京葉線)", "TEPCO Power Grid", (500,), None, "operating",
     [(140.0690, 35.7850), (140.0360, 35.8400), (139.9850, 35.8750), (139.9810, 35.8970), (139.9130, 35.9370)],
     OSM_AJG, ""),
    ("CB", "Inba line (印旛線)", "TEPCO Power Grid", (500,), None, "operating",
     [(140.0700, 35.7840), (140.0730, 35.8220), (140.1380, 35.8690), (140.3690, 35.8910), (140.4580, 35.8640)],
     OSM_AJG, ""),
    ("CB", "Shin-Sodegaura line (新袖ヶ浦線)", "TEPCO Power Grid", (500,), None, "operating",
     [(139.9820, 35.4640), (140.0150, 35.4130), (140.0120, 35.3540), (140.0550, 35.3410), (140.1170, 35.4010), (140.2430, 35.5050), (140.4460, 35.6850), (140.4840, 35.8000), (140.4600, 35.8640)],
     OSM_AJG, ""),
    ("CB", "Futtsu thermal line (富津火力線)", "TEPCO Power Grid", (500,), None, "operating",
     [(139.8370, 35.3430), (139.8410, 35.3070), (139.8700, 35.3120), (139.9210, 35.2830), (140.0100, 35.2860), (140.0300, 35.3420)],
     OSM_AJG, ""),
    ("CB", "Kita-Chiba line (北千葉線)", "TEPCO Power Grid", (275,), None, "operating",
     [(140.0710, 35.7800), (140.1490, 35.7260), (140.1850, 35.6560), (140.1660, 35.5020)],
     OSM_AJG, ""),
    ("CB", "Anegasaki line (姉崎線)", "TEPCO Power Grid", (275,), None, "operating",
     [(140.0190, 35.4830), (140.0350, 35.4620), (140.1050, 35.4450), (140.1230, 35.4480), (140.1630, 35.4980)],
     OSM_AJG, ""),
    ("CB", "Koto line (江東線)", "TEPCO Power Grid", (275,), None, "operating",
     [(140.0680, 35.7810), (140.0230, 35.7600), (139.9820, 35.7090), (139.9630, 35.7120), (139.8910, 35.6480), (139.8420, 35.6620)],
     OSM_AJG, ""),
    ("CB", "Kimitsu line (君津線)", "TEPCO Power Grid", (275,), None, "operating",
     [(140.1630, 35.4980), (140.1330, 35.4310), (140.0320, 35.3630), (140.0250, 35.3440)],
     OSM_AJG, ""),
    # Fukui: OpenStreetMap routes simplified; OSM names such as "嶺南変電所~京北開閉所線" are machine-made
    # from the two ends, so these names describe the ends.
    ("FK", "Ohi trunk line (大飯幹線)", "Kansai Transmission and Distribution", (500,), None, "operating",
     [(135.6570, 35.5390), (135.6080, 35.4950), (135.5970, 35.4710), (135.6040, 35.4430), (135.5520, 35.3600), (135.4940, 35.2030), (135.5190, 35.1610), (135.5590, 35.1340), (135.6230, 35.0290), (135.6200, 34.9720)],
     OSM_AJG, ""),
    ("FK", "Second Ohi trunk line (第二大飯幹線)", "Kansai Transmission and Distribution", (500,), None, "operating",
     [(135.6570, 35.5390), (135.5970, 35.4720), (135.6240, 35.3560), (135.6180, 35.1630), (135.6450, 35.1380)],
     OSM_AJG, ""),
    ("FK", "Takahama line (高浜線)", "Kansai Transmission and Distribution", (500,), None, "operating",
     [(135.5050, 35.5200), (135.4520, 35.4370), (135.2680, 35.3510)],
     OSM_AJG, ""),
    ("FK", "Reinan – Keihoku", "Kansai Transmission and Distribution", (500,), None, "operating",
     [(135.9710, 35.5390), (135.9490, 35.5220), (135.9180, 35.4040), (135.8710, 35.3230), (135.8010, 35.2660), (135.7360, 35.1810), (135.6460, 35.1380)],
     OSM_AJG, "OSM name 嶺南変電所~京北開閉所線 (made from its ends)."),
    ("FK", "Tsuruga NPP (Irohama) – Reinan", "Japan Atomic Power / Kansai T&D", (500,), None, "operating",
     [(136.0160, 35.7530), (136.0270, 35.7000), (136.0020, 35.5930), (135.9730, 35.5530)],
     OSM_AJG, "OSM name 色浜変電所~嶺南変電所線."),
    ("FK", "Mihama NPP – Reinan", "Kansai Transmission and Distribution", (500,), None, "operating",
     [(135.9640, 35.7040), (135.9860, 35.7010), (136.0080, 35.6390), (135.9730, 35.5590)],
     OSM_AJG, "OSM name 白木一丁目変電所~嶺南変電所線."),
    ("FK", "Echizen – Reinan", "Hokuriku Electric Power T&D / Kansai T&D", (500,), 2, "operating",
     [(136.4160, 35.9950), (136.3860, 35.9410), (136.3210, 35.8910), (136.2530, 35.7860), (136.2260, 35.6940), (136.1460, 35.5710), (136.0560, 35.5320), (135.9720, 35.5540)],
     OSM_AJG, "Hokuriku–Kansai interconnection; OSM name 越前変電所~疋田変電所線."),
    ("FK", "Reinan – Koto", "Kansai Transmission and Distribution", (275,), None, "operating",
     [(135.9750, 35.5580), (136.0480, 35.5330), (136.1710, 35.5470), (136.2750, 35.5130), (136.3030, 35.4840), (136.3360, 35.3840), (136.3270, 35.3330), (136.3080, 35.3130)],
     OSM_AJG, "OSM name 嶺南変電所~湖東変電所線."),
]

# --- candidate sites (hypothetical; real place names, not real listings) -------------------------
# (region, name, lon, lat): a point near the place named
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
