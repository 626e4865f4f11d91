"""Where an event happened, with precision and rule (issue 11, point 5). Made-up articles, real model.

The trigger is given as the event coder would give it: the token of the event's verb or noun.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from whodid.pipeline import Pipeline
from whodid.places import Gazetteer
from whodid.places.event_location import EventLocation, EventLocator


def _article(pipeline: Pipeline, text: str) -> tuple[Doc, EventLocator]:
    doc = pipeline.run_stages(pipeline.make_doc(text))
    return doc, EventLocator(doc, gazetteer=Gazetteer.shared())


def _token(doc: Doc, word: str, nth: int = 0) -> Token:
    return [t for t in doc if t.text == word][nth]


def _locate(pipeline: Pipeline, text: str, trigger: str) -> EventLocation | None:
    doc, locator = _article(pipeline, text)
    return locator.locate(_token(doc, trigger))


def test_place_of_the_clause_at_city_precision(pipeline: Pipeline) -> None:
    loc = _locate(pipeline, "Police arrested four students in Nairobi on Tuesday.", "arrested")
    assert loc is not None
    assert (loc.place.name, loc.place.country, loc.precision, loc.rule) == (
        "Nairobi",
        "KEN",
        "city",
        "clause",
    )
    assert loc.text == "Nairobi"


def test_compass_word_before_a_country_is_part_of_the_country(pipeline: Pipeline) -> None:
    loc = _locate(pipeline, "Government troops shelled rebel positions in eastern Syria.", "shelled")
    assert loc is not None
    assert (loc.place.country, loc.place.feature, loc.precision) == ("SYR", "country", "country")
    assert loc.rule == "clause:part-of"


def test_direction_of_a_city_is_the_area_around_it(pipeline: Pipeline) -> None:
    text = "Iraqi soldiers clashed with gunmen 30 kilometres south of Baghdad on Sunday."
    loc = _locate(pipeline, text, "clashed")
    assert loc is not None
    assert loc.rule.endswith(":direction-of")
    assert loc.place.country == "IRQ" and loc.precision in ("region", "country")
    assert loc.place.name != "Baghdad" or loc.precision != "city"


def test_place_of_the_object_places_the_act(pipeline: Pipeline) -> None:
    loc = _locate(pipeline, "Turkish jets bombed Kurdish camps in northern Iraq.", "bombed")
    assert loc is not None and loc.place.country == "IRQ" and loc.precision == "country"


def test_occasion_noun_places_the_event(pipeline: Pipeline) -> None:
    text = "The Kenyan minister criticized the police at a rally in Mombasa."
    loc = _locate(pipeline, text, "criticized")
    assert loc is not None and loc.place.name == "Mombasa"


def test_place_of_a_relative_clause_describes_the_person(pipeline: Pipeline) -> None:
    text = "Two farmers who live in Nakuru accused the governor of corruption."
    assert _locate(pipeline, text, "accused") is None


def test_place_of_a_subject_does_not_place_the_act(pipeline: Pipeline) -> None:
    text = "An analyst at a think tank in Geneva criticized the new sanctions."
    assert _locate(pipeline, text, "criticized") is None


def test_place_of_the_sentence_before_is_not_carried_over(pipeline: Pipeline) -> None:
    text = (
        "Police arrested ten protesters in Kisumu on Friday. "
        "The opposition condemned the arrests on Saturday.\n"
        "Talks resumed on Monday."
    )
    doc, locator = _article(pipeline, text)
    assert locator.locate(_token(doc, "condemned")) is None


def test_verbal_act_about_an_occasion_is_not_placed_there(pipeline: Pipeline) -> None:
    text = "The Kenyan president condemned the violence in Kisumu."
    assert _locate(pipeline, text, "condemned") is None


def test_occasion_deep_in_an_object_places_only_itself(pipeline: Pipeline) -> None:
    text = "The general opposed the staging of a parade in Nairobi."
    doc, locator = _article(pipeline, text)
    assert locator.locate(_token(doc, "opposed")) is None
    parade = locator.locate(_token(doc, "parade"))
    assert parade is not None and parade.place.name == "Nairobi"


def test_topic_is_no_place(pipeline: Pipeline) -> None:
    text = "The Kenyan envoy briefed the Security Council on Somalia on Monday."
    assert _locate(pipeline, text, "briefed") is None


def test_hosting_an_occasion_places_the_act(pipeline: Pipeline) -> None:
    text = "The Kenyan foreign minister held talks in Mombasa with his Ugandan counterpart."
    loc = _locate(pipeline, text, "held")
    assert loc is not None and loc.place.name == "Mombasa" and loc.rule == "clause"


def test_dateline_places_events_the_sentence_does_not(pipeline: Pipeline) -> None:
    text = "NAIROBI, Kenya (AP) -- Police fired tear gas at opposition supporters on Monday."
    doc, locator = _article(pipeline, text)
    loc = locator.locate(_token(doc, "fired"))
    assert loc is not None
    assert (loc.place.name, loc.rule, loc.precision) == ("Nairobi", "dateline", "city")


def test_dateline_is_not_used_for_a_sentence_naming_another_place(pipeline: Pipeline) -> None:
    text = "NAIROBI, Kenya (AP) -- Police fired tear gas at opposition supporters in Mombasa on Monday."
    doc, locator = _article(pipeline, text)
    loc = locator.locate(_token(doc, "fired"))
    assert loc is not None and loc.place.name == "Mombasa" and loc.rule == "clause"
    text = "NAIROBI, Kenya (AP) -- Kisumu police said on Monday they had arrested four men."
    doc, locator = _article(pipeline, text)
    loc = locator.locate(_token(doc, "arrested"))  # not the dateline: the police of Kisumu did it
    assert loc is not None and (loc.place.name, loc.rule) == ("Kisumu", "subject")


def test_no_place_no_location_and_no_capital_default(pipeline: Pipeline) -> None:
    text = "The Kenyan government criticized the opposition on Monday."
    assert _locate(pipeline, text, "criticized") is None  # an actor's country is no location


def test_clause_place_given_by_the_coder_is_kept(pipeline: Pipeline) -> None:
    text = "Speaking in Mombasa, the minister criticized the police."
    doc, locator = _article(pipeline, text)
    mombasa = next(p for p in doc._.whodid.places if p.text == "Mombasa")
    loc = locator.locate(_token(doc, "criticized"), clause=mombasa)
    assert loc is not None and loc.rule == "clause" and loc.place.name == "Mombasa"


def test_purpose_takes_the_place_of_the_act_it_serves(pipeline: Pipeline) -> None:
    text = "Kenyan investigators arrived in Kisumu on Monday to question the police chief."
    doc, locator = _article(pipeline, text)
    loc = locator.locate(_token(doc, "question"))
    assert loc is not None and loc.place.name == "Kisumu" and loc.rule == "sentence"


def test_act_does_not_take_the_place_of_its_purpose(pipeline: Pipeline) -> None:
    text = "The Kenyan president urged Uganda to deploy troops in Somalia."
    assert _locate(pipeline, text, "urged") is None
