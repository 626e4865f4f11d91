"""Places found and resolved with the help of the whole article (made-up sentences, real model)."""

from __future__ import annotations

from spacy.language import Language

from whodid.nlp.state import PlaceMention
from whodid.places import Gazetteer, PlaceFinder


def _find(
    nlp: Language, finder: PlaceFinder, text: str, exclude: set[int] | None = None
) -> list[PlaceMention]:
    return finder.find(nlp(text), exclude_tokens=exclude or set(), context_countries={})


def test_national_adjective_is_a_mention_of_its_country(nlp: Language, finder: PlaceFinder) -> None:
    mentions = _find(nlp, finder, "A Norwegian ship and two Peruvian planes joined the search.")
    found = {m.text: m for m in mentions}
    assert found["Norwegian"].place is not None and found["Norwegian"].place.country == "NOR"
    assert found["Norwegian"].rule == "demonym"
    assert found["Peruvian"].place is not None and found["Peruvian"].place.country == "PER"


def test_plural_demonyms_are_the_people_not_a_place(nlp: Language, finder: PlaceFinder) -> None:
    mentions = _find(nlp, finder, "Thousands of Norwegians voted on Sunday.")
    assert [m.text for m in mentions if m.rule == "demonym"] == []


def test_state_inside_an_organization_name(nlp: Language, finder: PlaceFinder) -> None:
    mentions = _find(nlp, finder, "The Nebraska Farm Bureau Federation opposed the bill.")
    nebraska = [m for m in mentions if m.text == "Nebraska"]
    assert nebraska and nebraska[0].place is not None and nebraska[0].place.country == "USA"


def test_country_in_an_actor_mention_is_still_a_place(nlp: Language, finder: PlaceFinder) -> None:
    text = "Peru's ambassador met the minister on Friday."
    doc = nlp(text)
    excluded = set(range(0, 3))  # the actor stage marks "Peru's ambassador" as a person
    mentions = finder.find(doc, exclude_tokens=excluded, context_countries={})
    assert [(m.text, m.place and m.place.country) for m in mentions] == [("Peru", "PER")]


def test_town_and_state_named_apart_explain_each_other(nlp: Language, finder: PlaceFinder) -> None:
    text = "The mayor of Gainesville spoke on Monday. Georgia lawmakers will vote on the plan next week."
    found = {m.text: m for m in _find(nlp, finder, text)}
    town, state = found["Gainesville"].place, found["Georgia"].place
    assert town is not None and town.country == "USA" and 33.5 < town.lat < 35  # Georgia's, not Florida's
    assert state is not None and (state.country, state.feature) == ("USA", "region")
    assert found["Gainesville"].rule == "article-area"


def test_us_county_placed_at_its_own_point(nlp: Language, finder: PlaceFinder) -> None:
    text = "Deputies in Kaufman County said the crash happened near Terrell, Texas, on Sunday."
    found = {m.text: m for m in _find(nlp, finder, text)}
    county = found["Kaufman County"]
    assert county.place is not None and county.place.country == "USA"
    assert county.rule == "county"  # one state has a Kaufman County
    assert abs(county.place.lat - 32.6) < 0.3 and abs(county.place.lon + 96.3) < 0.3


def test_county_gazetteer(gazetteer: Gazetteer) -> None:
    assert gazetteer.us_county_states("Rapides Parish") == ("LA",)
    assert "TX" in gazetteer.us_county_states("kaufman county")
    assert "county" in gazetteer.kinds("Kaufman County")
    texas = gazetteer.area("USA.TX")
    assert texas is not None and texas.name == "Texas"


def test_country_point_is_the_geonames_one(gazetteer: Gazetteer) -> None:
    usa = gazetteer.country("USA")
    assert usa is not None and abs(usa.lat - 39.76) < 0.01 and abs(usa.lon + 98.5) < 0.01
