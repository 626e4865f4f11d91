"""Large regions' points, abbreviated states and provinces after "Town,", and states that share a word
with a run-on person's name (made-up sentences, real model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from whodid.nlp.state import PlaceMention
from whodid.places import Gazetteer, PlaceFinder
from whodid.places.tables import read_region_points, read_regions


def _find(nlp: Language, finder: PlaceFinder, text: str) -> list[PlaceMention]:
    return finder.find(nlp(text), exclude_tokens=set(), context_countries={})


def test_region_points_belong_to_regions_and_stay_near_their_centres() -> None:
    points = read_region_points()
    assert points
    centres = {(r.country, r.admin1): (r.lat, r.lon) for r in read_regions() if r.feature == "region"}
    for key, (lat, lon) in points.items():
        assert key in centres
        c_lat, c_lon = centres[key]
        assert abs(lat - c_lat) < 5 and abs(lon - c_lon) < 8  # moved, never replaced


def test_large_province_takes_its_region_point(gazetteer: Gazetteer) -> None:
    res = gazetteer.resolve_detailed("Queensland")
    assert res is not None and res.place.country == "AUS"
    assert (res.place.lat, res.place.lon) == read_region_points()[("AUS", "04")]


def test_abbreviations(gazetteer: Gazetteer) -> None:
    assert gazetteer.abbreviation("Man") == "Manitoba"
    assert gazetteer.abbreviation("Que.") == "Quebec"
    assert gazetteer.abbreviation("KY") == "Kentucky"
    assert gazetteer.abbreviation("Ky") == "Kentucky"
    assert gazetteer.abbreviation("Bob") is None
    assert gazetteer.abbreviation("XQ") is None


@pytest.mark.parametrize(
    ("text", "town", "abbreviation", "country"),
    [
        ("The pup was born in Lakeview Hospital in Thompson, Man. last spring.", "Thompson", "Man.", "CAN"),
        ("They sold their house in Gatineau, Que., and moved away.", "Gatineau", "Que.", "CAN"),
        ("Visitors from Springfield, IL, filled the hall.", "Springfield", "IL", "USA"),
    ],
)
def test_town_with_abbreviated_region(
    nlp: Language, finder: PlaceFinder, text: str, town: str, abbreviation: str, country: str
) -> None:
    found = {m.text: m for m in _find(nlp, finder, text)}
    assert abbreviation in found and found[abbreviation].place is not None
    assert found[abbreviation].place.feature == "region" and found[abbreviation].place.country == country
    assert found[town].rule == "within" and found[town].place is not None
    assert found[town].place.country == country


def test_no_abbreviation_without_a_town_before_it(nlp: Language, finder: PlaceFinder) -> None:
    found = {m.text for m in _find(nlp, finder, "After the talks, Sask was the word on everyone's lips.")}
    assert not found & {"Sask", "Sask."}


def test_state_after_run_on_person_name(nlp: Language, finder: PlaceFinder) -> None:
    text = (
        "Jane Roe narrowly won in Wisconsin on Tuesday. "
        "The states she won were close calls for Mr Roe - Wisconsin and Ohio among them."
    )
    states = [m for m in _find(nlp, finder, text) if m.text == "Wisconsin"]
    assert states and states[0].place is not None and states[0].place.country == "USA"
