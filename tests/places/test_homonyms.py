"""A country or city the article is about wins over a same-named town abroad (issue 11, point 5).

Made-up sentences, real model; the actors' countries are passed as the place stage passes them.
"""

from __future__ import annotations

from spacy.language import Language

from whodid.nlp.state import PlaceMention
from whodid.pipeline import Pipeline
from whodid.places import PlaceFinder


def _find(
    nlp: Language, finder: PlaceFinder, text: str, context: dict[str, float] | None = None
) -> dict[str, PlaceMention]:
    doc = nlp(text)
    return {m.text: m for m in finder.find(doc, exclude_tokens=set(), context_countries=context or {})}


def _country(mention: PlaceMention) -> str | None:
    return mention.place.country if mention.place else None


def test_compass_word_makes_a_country_before_a_state_the_country(nlp: Language, finder: PlaceFinder) -> None:
    found = _find(nlp, finder, "Shelling went on in western Syria, Virginia Senator Jane Doe said.")
    assert found["Syria"].place is not None and found["Syria"].place.feature == "country"
    assert _country(found["Syria"]) == "SYR"


def test_country_then_a_country_is_a_list_not_a_town(nlp: Language, finder: PlaceFinder) -> None:
    found = _find(nlp, finder, "Bribery is common in Russia, U.S. investigators told the court.")
    assert _country(found["Russia"]) == "RUS"


def test_country_named_elsewhere_is_not_a_town_of_its_name(nlp: Language, finder: PlaceFinder) -> None:
    text = "Syrian troops shelled Homs on Friday. Fighting spread across Syria, Virginia's governor said."
    found = _find(nlp, finder, text)
    assert _country(found["Syria"]) == "SYR"


def test_town_named_like_a_country_keeps_its_state_in_local_news(nlp: Language, finder: PlaceFinder) -> None:
    found = _find(nlp, finder, "A barn burned down in Syria, Virginia, on Sunday night.")
    assert _country(found["Syria"]) == "USA"
    assert found["Syria"].place is not None and found["Syria"].place.feature == "city"


def test_actor_named_by_its_country_does_not_vouch_for_its_own_reading(pipeline: Pipeline) -> None:
    record = pipeline.code("A barn burned down in Syria, Virginia, on Sunday night.")
    syria = [p for p in record.places if p.text == "Syria"]
    assert syria and syria[0].place is not None and syria[0].place.country == "USA"


def test_city_of_the_article_country_beats_a_town_in_a_state_named_once(
    nlp: Language, finder: PlaceFinder
) -> None:
    text = (
        "The British trade minister spoke at a press conference in Oxford on Monday. "
        "Later in the week she flies to New Jersey."
    )
    found = _find(nlp, finder, text, {"GBR": 2.0})
    assert _country(found["Oxford"]) == "GBR"


def test_town_in_a_named_state_still_wins_in_local_news(nlp: Language, finder: PlaceFinder) -> None:
    text = "Police in Oxford arrested two men on Monday. The mayor said New Jersey would send help."
    found = _find(nlp, finder, text, {"USA": 2.0})
    assert _country(found["Oxford"]) == "USA"


def test_old_name_of_a_capital_abroad_loses_to_the_town_of_a_named_country(
    nlp: Language, finder: PlaceFinder
) -> None:
    text = "British police sealed off a park in Salisbury after the poisoning, officials in London said."
    found = _find(nlp, finder, text, {"GBR": 3.0})
    assert _country(found["Salisbury"]) == "GBR"


def test_one_actor_named_after_the_country_does_not_move_the_town(nlp: Language, finder: PlaceFinder) -> None:
    text = "The Jordan Valley Fiddle Fair brought crowds to Jordan, Minnesota, on Saturday."
    found = _find(nlp, finder, text, {"JOR": 1.0})  # the fair, read as a Jordanian body
    assert _country(found["Jordan"]) == "USA"


def test_a_big_city_abroad_beats_a_village_its_country_favours(nlp: Language, finder: PlaceFinder) -> None:
    text = (
        "The deal was signed in Wilmington, Del., by bankers from New York. "
        "A spokesman for Lavalle, the Montreal maker of paper, said profit would rise."
    )
    assert _country(_find(nlp, finder, text)["Montreal"]) == "CAN"


def test_a_village_of_a_named_state_keeps_its_name(nlp: Language, finder: PlaceFinder) -> None:
    text = "Flooding closed roads across Wisconsin on Monday. In Montreal, the village board met."
    assert _country(_find(nlp, finder, text)["Montreal"]) == "USA"
