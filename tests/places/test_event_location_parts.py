"""Where an event happened when the place only names or owns the site (issue 11, point 5): a town
or region that owns or modifies the object of a locative preposition ("in Kampala's main square",
"at a Denver rally", "outside the Nairobi courthouse"), and a part of a place or its surroundings
("in the heart of Nairobi", "on the outskirts of Mogadishu", "in front of the parliament in Accra").
A country owning or naming the site locates nothing ("outside Israel's embassy", "at the Iraq
talks"): an embassy is not in its country, talks about Iraq are not held there. Made-up sentences,
real model.
"""

from __future__ import annotations

import pytest

from tests.places.test_event_location import _article, _locate, _token
from whodid.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "trigger", "place", "rule"),
    [
        (
            "Riot police fired tear gas at protesters in Kampala's main square on Monday.",
            "fired",
            "Kampala",
            "clause",
        ),
        (
            "The senator criticized the decision at a Denver rally on Friday.",
            "criticized",
            "Denver",
            "clause",
        ),
        (
            "Protesters gathered outside the Nairobi courthouse on Tuesday.",
            "gathered",
            "Nairobi",
            "clause:near",
        ),
        ("Police arrested 14 people in the Nairobi area on Friday.", "arrested", "Nairobi", "clause"),
    ],
    ids=["possessive", "modifier-of-an-occasion", "modifier-of-a-venue", "modifier-of-an-area"],
)
def test_a_town_that_owns_or_names_the_site_places_the_act(
    pipeline: Pipeline, text: str, trigger: str, place: str, rule: str
) -> None:
    loc = _locate(pipeline, text, trigger)
    assert loc is not None
    assert (loc.place.name, loc.precision, loc.rule) == (place, "city", rule)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Protesters gathered outside Israel's embassy on Tuesday.", "gathered"),
        ("Ministers met at the Iraq talks on Monday.", "met"),
        ("Protesters gathered outside the Iranian embassy on Tuesday.", "gathered"),
    ],
    ids=["country-possessive", "country-modifier", "demonym"],
)
def test_a_country_that_owns_or_names_the_site_places_nothing(
    pipeline: Pipeline, text: str, trigger: str
) -> None:
    assert _locate(pipeline, text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Thousands of people protested in the heart of Nairobi.", "protested", "Nairobi"),
        ("Rebels attacked an army base on the outskirts of Mogadishu on Sunday.", "attacked", "Mogadishu"),
        ("About 200 students marched in front of the parliament building in Accra.", "marched", "Accra"),
    ],
    ids=["heart-of", "outskirts-of-the-target", "in-front-of"],
)
def test_a_part_of_a_place_places_the_act_there(
    pipeline: Pipeline, text: str, trigger: str, place: str
) -> None:
    loc = _locate(pipeline, text, trigger)
    assert loc is not None
    assert (loc.place.name, loc.precision, loc.rule) == (place, "city", "clause")


def test_an_act_in_a_matter_is_not_placed_where_the_matter_was(pipeline: Pipeline) -> None:
    text = "Police arrested a man in the killing of a shopkeeper in Kisumu."
    assert _locate(pipeline, text, "arrested") is None  # "killing" is no part of a place
    assert _locate(pipeline, "Two men were charged in the Nairobi bombing.", "charged") is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The governor lashed out at his Nairobi critics on Sunday.", "lashed"),
        ("Kenyan officials expressed impatience at Nairobi's failure to act.", "expressed"),
        ("Police found a rifle in the Seattle suburb of Bellevue.", "found"),
    ],
    ids=["people-it-names", "metonymy", "a-site-of-another-place"],
)
def test_a_town_that_names_no_site_places_nothing(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert _locate(pipeline, text, trigger) is None


def test_a_site_named_by_its_town_keeps_the_act_from_the_dateline(pipeline: Pipeline) -> None:
    text = "NAIROBI, Kenya (AP) -- The opposition leader criticized the police at a Mombasa rally on Monday."
    doc, locator = _article(pipeline, text)
    loc = locator.locate(_token(doc, "criticized"))
    assert loc is not None and (loc.place.name, loc.rule) == ("Mombasa", "clause")


@pytest.mark.parametrize(
    ("text", "trigger", "place", "precision"),
    [
        ("Iraqi troops invaded Kuwait in August.", "invaded", "Kuwait", "country"),
        ("Serbian forces shelled Sarajevo overnight.", "shelled", "Sarajevo", "city"),
        ("He condemned Israel's occupation of the West Bank.", "occupation", "West Bank", "region"),
    ],
    ids=["invaded", "shelled", "occupation-of"],
)
def test_ground_taken_by_force_is_where_the_act_happened(
    pipeline: Pipeline, text: str, trigger: str, place: str, precision: str
) -> None:
    loc = _locate(pipeline, text, trigger)
    assert loc is not None
    assert (loc.place.name, loc.precision, loc.rule) == (place, precision, "clause")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("He condemned Israel's occupation of the West Bank.", "condemned"),
        ("Iraq threatened Kuwait on Monday.", "threatened"),
        ("Iran attacked Israel's policy on Monday.", "attacked"),
    ],
    ids=["the-act-about-it", "no-force-over-ground", "words-of-words"],
)
def test_a_country_named_by_another_act_places_nothing(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert _locate(pipeline, text, trigger) is None


def test_a_compass_word_inside_a_name_is_the_names_own(pipeline: Pipeline) -> None:
    loc = _locate(pipeline, "Troops shelled villages in North Korea on Monday.", "shelled")
    assert loc is not None and (loc.place.name, loc.rule) == ("North Korea", "clause")  # not "part-of"
    loc = _locate(pipeline, "Troops shelled villages in northern Syria on Monday.", "shelled")
    assert loc is not None and (loc.place.name, loc.rule) == ("Syria", "clause:part-of")
