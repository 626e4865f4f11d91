"""Event mentions as rows of the GDELT 2.0 Event table: the 61 columns, filled as GDELT fills them.

- Dates: GDELT dates every event to a day. ``SQLDATE`` (and ``MonthYear``, ``Year``,
  ``FractionDate``) is the event's own day when whodid knows it, else the article's publication day,
  as GDELT does for an event whose text gives no day (a month-precise event too). A mention with
  neither cannot be a GDELT row: ``gdelt_row`` returns None and the export counts it as left out.
- Actors: the known-group, ethnic, religion and type columns come from the segments of the CAMEO
  actor code, each looked up by kind (``store/actor_codes.py``): NGOHRIAMN is types NGO and HRI and
  known group AMN.
- Geography: ActionGeo is the event's location; Actor1Geo/Actor2Geo the actor's place (the event's
  location when it is a city or region in the actor's country) or else the actor's country. Types as
  GDELT's, from the location's stored precision (``geo_type``): 1 country, 2 US state, 3 US city,
  4 world city, 5 world state (0: none).

    >>> gdelt_date("2024-03", "2024-03-05")
    [20240305, 202403, 2024, 2024.2603]
"""

from __future__ import annotations

from typing import Any

from whodid.store.actor_codes import SegmentTable
from whodid.store.lookups import (
    country_centroid,
    country_name,
    event_day,
    event_number,
    fips,
    location_level,
)

# The 61 columns of the GDELT 2.0 Event table, in codebook order, named as in GDELT's own header file
# and BigQuery table (the codebook's prose calls the first two GlobalEventID and Day).
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{k}{name}"
        for k in (1, 2)
        for name in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{geo}_{name}"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for name in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ),
    "DATEADDED",
    "SOURCEURL",
)
NO_GEO: list[object] = [0, "", "", "", "", "", "", ""]
_UNTYPED = frozenset({"water", "continent"})  # GDELT has no geo type for a sea or a continent


def gdelt_date(date: str | None, published: str | None) -> list[object] | None:
    """SQLDATE, MonthYear, Year and FractionDate of the event's day, else of the publication day;
    None when neither is known to the day."""
    day = event_day(date, published)
    if day is None:
        return None
    year, month, dom = int(day[:4]), int(day[5:7]), int(day[8:10])
    # GDELT's formula: YYYY + (MONTH * 30 + DAY) / 365
    fraction = round(year + (month * 30 + dom) / 365, 4)
    return [year * 10000 + month * 100 + dom, year * 100 + month, year, fraction]


def _actor(r: dict[str, Any], side: str, segments: SegmentTable) -> list[object]:
    """The 10 actor columns of the source or the target."""
    code = r[f"{side}_code"]
    parts = segments.parse(code, r[f"{side}_country"])
    name = r[f"{side}_name"] or r[f"{side}_text"]
    religions = [*parts.religions, "", ""][:2]
    types = [*parts.types, "", "", ""][:3]
    name_cell = name.upper() if name else ""
    return [code, name_cell, parts.country, parts.known_group, parts.ethnic, *religions, *types]


def geo_type(precision: str | None, feature: str | None, iso3: str | None) -> int:
    """GDELT's geo type of an event location: 1 country, 2 US state, 3 US city, 4 world city, 5 world
    state (a first-level division elsewhere), from the location's stored precision (city, region,
    country); 0 for none, and for a sea or lake, which GDELT has no type for. A location stored
    before whodid kept its precision (migration 0006) is typed by its place's feature instead.

    >>> geo_type("city", "city", "USA"), geo_type("region", None, "NGA"), geo_type(None, "landmark", "FRA")
    (3, 5, 4)
    """
    if feature in _UNTYPED:
        return 0
    level = location_level(precision, feature)
    us = iso3 == "USA"
    return {"country": 1, "region": 2 if us else 5, "city": 3 if us else 4}.get(level or "", 0)


def place_geo(r: dict[str, Any]) -> list[object]:
    """The 8 geography columns of the event's location (ActionGeo)."""
    name, iso3 = r["location_name"], r["location_country"]
    if not name and r["lat"] is None:
        return list(NO_GEO)
    code = fips(iso3)
    kind = geo_type(r["location_precision"], r["location_feature"], iso3)
    full = (name or "") if kind == 1 or not iso3 else f"{name}, {country_name(iso3)}"
    # GDELT gives a country-level match its country code as ADM1Code and (textual) FeatureID
    feature_id = r["location_geonameid"] if kind in (3, 4) else (code if kind == 1 else "")
    return [kind, full, code, code if kind == 1 else "", "", r["lat"], r["lon"], feature_id]


def country_geo(iso3: str | None) -> list[object]:
    """The 8 geography columns of a whole country (type 1, at its centroid)."""
    centroid = country_centroid(iso3)
    if not iso3 or centroid is None:
        return list(NO_GEO)
    code = fips(iso3)
    return [1, country_name(iso3), code, code, "", centroid[0], centroid[1], code]


def actor_geo(r: dict[str, Any], side: str) -> list[object]:
    """Actor1Geo or Actor2Geo: the event's place when it lies in the actor's country, else the
    actor's country; nothing for an actor of no country (an IGO)."""
    iso3 = r[f"{side}_country"]
    if not iso3:
        return list(NO_GEO)
    if r["location_country"] == iso3 and geo_type(r["location_precision"], r["location_feature"], iso3) in (
        2,
        3,
        4,
        5,
    ):
        return place_geo(r)
    return country_geo(iso3)


def gdelt_row(r: dict[str, Any], segments: SegmentTable) -> list[object] | None:
    """One mention as the 61 GDELT 2.0 Event columns; None when it cannot be dated to a day."""
    dates = gdelt_date(r["date"], r["published"])
    if dates is None:
        return None
    cameo = str(r["cameo"])
    has_cluster = r["cluster_mentions"] is not None
    return [
        event_number(r["article_id"], r["event_id"]),
        *dates,
        *_actor(r, "source", segments),
        *_actor(r, "target", segments),
        1 if r["sentence_idx"] == 0 else 0,
        cameo,
        cameo[:3],
        cameo[:2],
        r["quad_class"],
        r["goldstein"],
        r["cluster_mentions"] if has_cluster else 1,
        r["cluster_sources"] if has_cluster else 1,
        r["cluster_stories"] if has_cluster else 1,
        "",
        *actor_geo(r, "source"),
        *actor_geo(r, "target"),
        *place_geo(r),
        "",
        r["url"] or "",
    ]
