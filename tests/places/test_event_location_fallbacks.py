"""Where an event happened when its own clause says little (issue 11, point 5): towns with their
state, visits, venues, the subject's participle, the dateline beside places that are not the act's,
and the place of the act's subject. Made-up sentences, real model.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from whodid.pipeline import Pipeline
from whodid.places import Gazetteer
from whodid.places.event_location import EventLocation, EventLocator


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _locate(pipeline: Pipeline, text: str, trigger: str) -> EventLocation | None:
    doc = pipeline.run_stages(pipeline.make_doc(text))
    return EventLocator(doc, gazetteer=Gazetteer.shared()).locate(_token(doc, trigger))


def _where(loc: EventLocation | None) -> tuple[str, str, str] | None:
    return None if loc is None else (loc.place.name, loc.place.country or "", loc.rule)


# ---------------------------------------------------------------- the clause and the sentence


def test_town_with_its_state_is_the_town(pipeline: Pipeline) -> None:
    text = "The carmaker's finance chief spoke at a news conference yesterday in Dearborn, Mich."
    loc = _locate(pipeline, text, "spoke")
    assert loc is not None and (loc.place.name, loc.precision) == ("Dearborn", "city")


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("The Kenyan foreign minister visited Kampala on Tuesday.", "visited", "Kampala"),
        ("The minister, on an official visit to Mexico, asked the police for help.", "asked", "Mexico"),
    ],
)
def test_a_visit_is_where_it_goes(pipeline: Pipeline, text: str, trigger: str, place: str) -> None:
    loc = _locate(pipeline, text, trigger)
    assert loc is not None and loc.place.name == place and loc.rule == "clause"


def test_a_venue_of_the_act_places_it(pipeline: Pipeline) -> None:
    text = "The senator criticized the plan outside a restaurant in Milwaukee on Monday."
    assert _where(_locate(pipeline, text, "criticized")) == ("Milwaukee", "USA", "clause")
    text = "Prices are still too high, the broker said from his office in Orlando."
    assert _where(_locate(pipeline, text, "said")) == ("Orlando", "USA", "clause")


def test_the_subjects_participle_places_the_act(pipeline: Pipeline) -> None:
    text = "The governor, campaigning in Ohio on Sunday, accused the president of lying."
    loc = _locate(pipeline, text, "accused")
    assert loc is not None and loc.place.name == "Ohio"


# ---------------------------------------------------------------- the dateline


def test_dateline_beside_a_country_the_act_is_about(pipeline: Pipeline) -> None:
    text = "LONDON (Reuters) -- The foreign secretary said on Monday that Russia must answer for the attack."
    assert _where(_locate(pipeline, text, "said")) == ("London", "GBR", "dateline")


def test_no_dateline_for_a_subject_of_another_country(pipeline: Pipeline) -> None:
    text = "LONDON (Reuters) -- Russian officials denied the claims on Monday."
    assert _locate(pipeline, text, "denied") is None  # nor Russia: an actor's country is no location


def test_no_dateline_for_a_town_in_a_phrase_of_the_act(pipeline: Pipeline) -> None:
    text = "DENVER (AP) -- The sheriff pushed for a new jail in Pueblo on Monday."
    loc = _locate(pipeline, text, "pushed")
    assert loc is None or loc.place.name != "Denver"


# ---------------------------------------------------------------- the subject's place


def test_police_of_a_town_act_in_it(pipeline: Pipeline) -> None:
    text = "Fargo police arrested three men on Monday."
    loc = _locate(pipeline, text, "arrested")
    assert loc is not None and (loc.place.name, loc.precision, loc.rule) == ("Fargo", "city", "subject")


def test_people_in_a_country_act_in_it(pipeline: Pipeline) -> None:
    text = "Thousands of people in Germany protested against the new law on Saturday."
    loc = _locate(pipeline, text, "protested")
    assert loc is not None and (loc.place.name, loc.precision, loc.rule) == ("Germany", "country", "subject")


@pytest.mark.parametrize(
    "text",
    [
        "Syria accused Turkey of shelling its villages on Monday.",
        "Syrian police arrested three men on Monday.",
        "Kenya's foreign minister criticized the report on Monday.",
    ],
)
def test_an_actors_country_is_no_location(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.run_stages(pipeline.make_doc(text))
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert EventLocator(doc, gazetteer=Gazetteer.shared()).locate(verb) is None


def test_no_subject_place_when_the_act_names_another_country(pipeline: Pipeline) -> None:
    text = "Police in Kisumu arrested two Ugandan traders on Monday."
    assert _locate(pipeline, text, "arrested") is None


def test_a_speaker_speaks_where_the_subject_puts_them(pipeline: Pipeline) -> None:
    text = "Officials in Riyadh said on Monday that Iraqi troops had crossed the border."
    assert _where(_locate(pipeline, text, "said")) == ("Riyadh", "SAU", "subject")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Cuban exiles in Miami said the boy should stay with his relatives.", ("Miami", "USA", "subject")),
        ("Syrian soldiers in Lebanon said they had been attacked.", ("Lebanon", "LBN", "subject")),
        ("Cuban officials said the boy should stay in Miami.", None),  # what they said is no place of theirs
    ],
    ids=["exiles-in-a-town", "soldiers-in-a-country", "nationality-alone"],
)
def test_speakers_are_where_the_subject_puts_them_not_where_their_nation_is(
    pipeline: Pipeline, text: str, where: tuple[str, str, str] | None
) -> None:
    assert _where(_locate(pipeline, text, "said")) == where


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A Gaza researcher at the charity said the siege had worsened.", "said"),
        ("An expert on Tehran criticized the new sanctions on Monday.", "criticized"),
        ("Officials of the Cairo embassy condemned the bombings on Monday.", "condemned"),
        ("The former Ohio governor criticized the plan on Monday.", "criticized"),
        ("Sen. Jane Miller of Vermont criticized the plan on Monday.", "criticized"),
        ("Havana exiles criticized the decision on Monday.", "criticized"),
        ("Many Texas-born voters criticized the decision on Monday.", "criticized"),
        ("Maria Lopez, who left Havana in 1962, criticized the decision on Monday.", "criticized"),
    ],
)
def test_places_that_are_not_where_the_subject_acts(pipeline: Pipeline, text: str, trigger: str) -> None:
    assert _locate(pipeline, text, trigger) is None


def test_a_speech_tag_is_not_placed_by_what_was_said(pipeline: Pipeline) -> None:
    text = "The only story on Havana television is the boy, she said."
    assert _locate(pipeline, text, "said") is None


# ---------------------------------------------------------------- the article decides the name


def test_eastern_syria_in_a_syrian_story_beside_virginia(pipeline: Pipeline) -> None:
    text = (
        "In a speech in Richmond, the Virginia governor praised farmers. "
        "Syrian rebels meanwhile attacked a checkpoint in eastern Syria."
    )
    loc = _locate(pipeline, text, "attacked")
    assert loc is not None
    assert (loc.place.country, loc.place.feature, loc.rule) == ("SYR", "country", "clause:part-of")


def test_a_british_ministers_oxford_is_in_england(pipeline: Pipeline) -> None:
    text = (
        "The British health secretary told a press conference in Oxford on Monday that the trial "
        "would grow. A New Jersey company makes the vaccine."
    )
    loc = _locate(pipeline, text, "told")
    assert loc is not None and (loc.place.name, loc.place.country, loc.rule) == ("Oxford", "GBR", "clause")


def test_a_dateline_places_only_the_acts_of_the_days_the_story_was_filed(pipeline: Pipeline) -> None:
    # the dateline is where the story was filed: earlier acts ("in August", "had met ... last year")
    # were somewhere the text does not say
    text = (
        "NAIROBI, Kenya (AP) -- The Kenyan president met Ugandan officials on Monday. "
        "In August, the Kenyan president met Ugandan officials. "
        "The Kenyan president had met Ugandan officials last year."
    )
    rec = pipeline.code(text, published="2024-05-08").to_dict()
    meetings = [e for e in rec["events"] if e["evidence"]["text"] == "met"]
    where = [(e["date"], (e["location"] or {}).get("rule")) for e in meetings]
    assert where == [("2024-05-06", "dateline"), ("2023-08", None), ("2023", None)]
