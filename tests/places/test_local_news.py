"""Local news: small towns, counties, datelines and the state an article's places agree on
(made-up sentences, real model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from whodid.nlp.state import PlaceMention
from whodid.places import Gazetteer, PlaceFinder
from whodid.places.ranking import Candidate, Context, choose
from whodid.places.tables import read_towns, read_us_county_points


def _find(nlp: Language, finder: PlaceFinder, text: str) -> dict[str, PlaceMention]:
    return {m.text: m for m in finder.find(nlp(text), exclude_tokens=set(), context_countries={})}


def test_small_town_with_its_state(gazetteer: Gazetteer) -> None:
    res = gazetteer.resolve_detailed("Chiefland", within="USA.FL")
    assert res is not None and res.rule == "within" and res.place.population < 5000
    assert res.place.lat == pytest.approx(29.5, abs=0.2)


def test_us_county_has_its_own_point(gazetteer: Gazetteer) -> None:
    point = gazetteer.us_county_point("Clarke County", "GA")
    assert point is not None
    assert point[0] == pytest.approx(33.95, abs=0.3) and point[1] == pytest.approx(-83.37, abs=0.3)
    assert gazetteer.us_county_point("Clarke County", "ZZ") is None


def test_town_and_county_tables_are_well_formed() -> None:
    towns = read_towns()
    assert len(towns) > 10_000
    assert all(-90 <= t.lat <= 90 and -180 <= t.lon <= 180 and t.population < 5000 for t in towns)
    assert {t.country for t in towns} <= {"USA", "GBR", "IRL", "CAN", "AUS", "NZL"}
    counties = read_us_county_points()
    assert len(counties) > 3000


def test_county_sets_the_home_state_of_a_capitals_namesake(nlp: Language, finder: PlaceFinder) -> None:
    found = _find(nlp, finder, "The Paris school board met Monday. Edgar County deputies closed the road.")
    paris = found["Paris"].place
    assert paris is not None and paris.country == "USA" and found["Paris"].rule == "home-area"
    county = found["Edgar County"].place
    assert county is not None and county.feature == "region" and found["Edgar County"].rule == "county"


def test_named_country_keeps_its_capital(nlp: Language, finder: PlaceFinder) -> None:
    text = "Edgar County farmers flew to Paris for a trade fair. French buyers were there."
    paris = _find(nlp, finder, text)["Paris"].place
    assert paris is not None and paris.country == "FRA"


def _city(country: str, admin1: str, population: int, *, capital: bool = False) -> Candidate:
    return Candidate("city", population, country, admin1, population, capital, True, 0)


def test_home_area_prefers_its_town_but_not_over_a_much_bigger_city() -> None:
    small, big = _city("USA", "GA", 3_000), _city("USA", "MA", 650_000)
    ctx = Context({"USA": 1.0}, home="USA.GA")
    choice = choose([big, small], ctx, None)
    assert choice is not None and choice.candidate is big  # 200 times larger: still itself
    medium = _city("USA", "OH", 40_000)
    choice = choose([medium, small], ctx, None)
    assert choice is not None and choice.candidate is small and choice.rule == "home-area"


def test_home_state_beats_the_country_of_the_same_name() -> None:
    country = Candidate("country", 0, "GEO", "", 3_700_000, False, True, 0)
    state = Candidate("region", 1, "USA", "GA", 0, False, True, 1)
    alone = choose([country, state], Context({}, home="USA.GA"), None)
    assert alone is not None and alone.candidate is state
    named = choose([country, state], Context({}, home="USA.GA", named={"GEO"}), None)
    assert named is not None and named.candidate is country


def test_dateline_in_capitals(nlp: Language, finder: PlaceFinder) -> None:
    found = _find(nlp, finder, "MINNEAPOLIS -- A judge dismissed the claims on Friday.")
    assert "MINNEAPOLIS" in found
    place = found["MINNEAPOLIS"].place
    assert place is not None and place.country == "USA"


def test_untagged_small_towns_after_cues(nlp: Language, finder: PlaceFinder) -> None:
    text = (
        "Officers said Jane Miller, 38, of Meadow Grove was arrested. The fire station in Cookville closed."
    )
    found = _find(nlp, finder, text)
    assert found["Meadow Grove"].place is not None and found["Meadow Grove"].place.country == "USA"
    assert found["Cookville"].place is not None


def test_institutions_after_cues_are_not_towns(nlp: Language, finder: PlaceFinder) -> None:
    found = _find(nlp, finder, "The bill stalled in Congress. He said it at Church on Sunday.")
    assert "Congress" not in found and "Church" not in found


def test_dotted_country_initials_inside_a_name(nlp: Language, finder: PlaceFinder) -> None:
    found = _find(nlp, finder, "The U.S. Department of Agriculture released the figures.")
    assert found["U.S."].place is not None and found["U.S."].place.country == "USA"
