"""The places stage on parsed sentences (made-up news sentences, real spaCy model)."""

from __future__ import annotations

from spacy.language import Language

from whodid.nlp.state import PlaceMention
from whodid.places import PlaceFinder


def _find(
    nlp: Language,
    finder: PlaceFinder,
    text: str,
    *,
    exclude: set[int] | None = None,
    context: dict[str, float] | None = None,
) -> list[PlaceMention]:
    return finder.find(nlp(text), exclude_tokens=exclude or set(), context_countries=context or {})


def _by_text(mentions: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {m.text: m for m in mentions}


def test_ottawa_with_canada_context(nlp: Language, finder: PlaceFinder) -> None:
    found = _by_text(
        _find(nlp, finder, "Officials in Ottawa said the deal would be signed soon.", context={"CAN": 1})
    )
    ottawa = found["Ottawa"]
    assert ottawa.place is not None and ottawa.place.country == "CAN"
    assert ottawa.rule == "capital" and ottawa.confidence > 0.5


def test_washington_as_an_actor_is_the_capital(nlp: Language, finder: PlaceFinder) -> None:
    found = _by_text(_find(nlp, finder, "Washington imposed new sanctions on Tuesday, the Treasury said."))
    place = found["Washington"].place
    assert place is not None and (place.feature, place.country) == ("city", "USA")
    assert place.lon > -80  # the capital, not the state on the Pacific


def test_paris_texas_vs_paris(nlp: Language, finder: PlaceFinder) -> None:
    texas = _by_text(_find(nlp, finder, "The company moved its offices from Paris, Texas, to Dallas."))
    france = _by_text(_find(nlp, finder, "The minister will fly to Paris next week."))
    assert texas["Paris"].place is not None and texas["Paris"].place.country == "USA"
    assert texas["Paris"].rule == "within"
    assert texas["Texas"].rule == "container"
    assert france["Paris"].place is not None and france["Paris"].place.country == "FRA"


def test_georgia_country_and_georgia_state(nlp: Language, finder: PlaceFinder) -> None:
    caucasus = _by_text(_find(nlp, finder, "Georgia and Armenia signed a border agreement in Tbilisi."))
    us = _by_text(_find(nlp, finder, "Voters in Georgia lined up for hours in Atlanta and Savannah."))
    with_context = _by_text(_find(nlp, finder, "Georgia will hold a runoff.", context={"USA": 1}))
    assert caucasus["Georgia"].place is not None and caucasus["Georgia"].place.country == "GEO"
    # no context given: Atlanta and Savannah in the same article point to the state
    assert us["Georgia"].place is not None and us["Georgia"].place.country == "USA"
    assert with_context["Georgia"].place is not None and with_context["Georgia"].place.feature == "region"


def test_number_swallowing_a_toponym(nlp: Language, finder: PlaceFinder) -> None:
    text = "Shares rose 24 Hong Kong dollars as protests spread."
    doc = nlp(text)
    assert not any(e.label_ == "GPE" and "Hong" in e.text for e in doc.ents)  # the model's mistake
    found = _by_text(finder.find(doc, exclude_tokens=set(), context_countries={}))
    hong_kong = found["Hong Kong"]
    assert hong_kong.place is not None and hong_kong.place.country == "HKG"
    assert text[hong_kong.start : hong_kong.end] == "Hong Kong"


def test_seas_and_straits_without_the(nlp: Language, finder: PlaceFinder) -> None:
    text = "Tankers crossed the Strait of Hormuz into the Persian Gulf as tensions rose in the Red Sea."
    found = _by_text(_find(nlp, finder, text))
    assert set(found) == {"Strait of Hormuz", "Persian Gulf", "Red Sea"}
    assert all(m.place is not None and m.place.feature == "water" for m in found.values())


def test_region_of_a_country(nlp: Language, finder: PlaceFinder) -> None:
    found = _by_text(_find(nlp, finder, "Protests spread across Xinjiang and the Crimean Peninsula."))
    assert found["Xinjiang"].place is not None and found["Xinjiang"].place.country == "CHN"
    crimea = found["Crimean Peninsula"].place
    assert crimea is not None and (crimea.feature, crimea.country) == ("region", "UKR")


def test_excluded_tokens_are_not_places(nlp: Language, finder: PlaceFinder) -> None:
    text = "Jordan met officials in Amman on Monday."
    included = _by_text(_find(nlp, finder, text))
    excluded = _by_text(_find(nlp, finder, text, exclude={0}))
    assert "Jordan" in included  # a country name the model tagged PERSON
    assert "Jordan" not in excluded
    assert "Amman" in excluded


def test_organizations_and_people_are_not_places(nlp: Language, finder: PlaceFinder) -> None:
    assert _find(nlp, finder, "The Washington Post reported that the Jordan Times disagreed.") == []
    # national adjectives are mentions of their country (as in the LGL and TR-News gold standards)
    found = _find(nlp, finder, "Chinese and Russian diplomats met on Friday.")
    assert [(m.text, m.rule) for m in found] == [("Chinese", "demonym"), ("Russian", "demonym")]
    text = 'Coach Darren Ripley praised the team. "They worked hard," said coach Ripley.'
    assert _find(nlp, finder, text) == []


def test_offsets_round_trip(nlp: Language, finder: PlaceFinder) -> None:
    text = (
        "Ministers from France and Germany met in Brussels.\n"
        "Later, in the Gulf of Aden, the navy escorted ships bound for Mombasa, Kenya."
    )
    doc = nlp(text)
    mentions = finder.find(doc, exclude_tokens=set(), context_countries={})
    assert [m.text for m in mentions] == ["France", "Germany", "Brussels", "Gulf of Aden", "Mombasa", "Kenya"]
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert doc[m.token_start : m.token_end].text == m.text
    assert mentions == sorted(mentions, key=lambda m: m.start)


def test_unresolved_toponym_keeps_place_none(nlp: Language, finder: PlaceFinder) -> None:
    mentions = _find(nlp, finder, "Rebels seized Bokoloma, a town north of the capital, on Sunday.")
    assert [(m.text, m.place, m.rule) for m in mentions] == [("Bokoloma", None, "unresolved")]


def test_small_town_found_by_its_state(nlp: Language, finder: PlaceFinder) -> None:
    found = _by_text(_find(nlp, finder, "The fire started in Springfield, Ill., late on Friday."))
    springfield = found["Springfield"].place
    assert springfield is not None and springfield.country == "USA"
    assert abs(springfield.lat - 39.8) < 0.1  # Illinois, not the larger Springfield in Missouri
    assert found["Springfield"].rule == "within"
