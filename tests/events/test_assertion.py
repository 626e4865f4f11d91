"""Cancelled acts and denied plans (events/assertion.py), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

from whodid.pipeline import Pipeline

PUB = "2024-05-08"


def events(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    return list(pipeline.code(text, published=PUB).to_dict()["events"])


def test_a_cancelled_visit_is_a_reduction_of_relations_not_a_visit(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Kenyan president cancelled his visit to Uganda on Monday.")
    assert [e["cameo"][:2] for e in evs] == ["16"]


def test_a_postponed_trip_is_kept_as_cancelled(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Kenyan president postponed his trip to Uganda.")
    trips = [e for e in evs if e["evidence"]["text"] == "trip"]
    assert trips and all(e["modality"] == "cancelled" for e in trips)


def test_no_plans_to_meet_is_no_intent_to_meet(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Egypt had no plans to meet Ethiopian officials.")
    assert not [e for e in evs if e["cameo"][:2] in ("03", "04")]


def test_plans_to_meet_are_an_intent(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Egypt plans to meet Ethiopian officials next week.")
    assert [e for e in evs if e["cameo"][:2] in ("03", "04") and e["source"]["country"] == "EGY"]


def test_an_attack_asked_about_is_no_attack(pipeline: Pipeline) -> None:
    assert not [
        e for e in events(pipeline, "Will Russia attack Ukraine this winter?") if e["cameo"][:2] == "19"
    ]
    assert [e for e in events(pipeline, "Russia attacked Ukraine this winter.") if e["cameo"][:2] == "19"]


def test_a_conditional_attack_is_no_attack(pipeline: Pipeline) -> None:
    evs = events(
        pipeline, "If the United States attacks Iran, Iran will retaliate, the Iranian minister warned."
    )
    assert not [e for e in evs if e["cameo"][:2] == "19" and e["source"]["country"] == "USA"]
    assert not [e for e in evs if e["cameo"][:2] == "13" and e["source"]["country"] == "USA"]


def test_a_conditional_threat_is_aimed_at_whoever_must_meet_the_condition(pipeline: Pipeline) -> None:
    text = "Ghana said it would retaliate if Nigeria closed the border again."
    threats = [e for e in events(pipeline, text) if e["cameo"][:2] == "13"]
    assert [(e["source"]["country"], e["target"]["country"]) for e in threats] == [("GHA", "NGA")]
    text = "Peru will take countermeasures unless Chile lifts the tariffs, the Peruvian minister said."
    threats = [e for e in events(pipeline, text) if e["cameo"][:2] == "13"]
    assert {(e["source"]["country"], e["target"]["country"]) for e in threats} == {("PER", "CHL")}


def test_an_act_named_as_a_condition_is_no_act(pipeline: Pipeline) -> None:
    # "until" or "once" before a clause still to come is a condition, as "if" is
    text = "Kenyan troops will stay on the border until Uganda releases the prisoners."
    assert not [e for e in events(pipeline, text) if e["source"]["country"] == "UGA"]
    text = "Kenyan troops stayed on the border until Uganda released the prisoners."
    assert [e for e in events(pipeline, text) if e["source"]["country"] == "UGA" and e["cameo"][:2] == "08"]
    text = "If Uganda releases the prisoners, Kenya will reopen the border."
    assert not [e for e in events(pipeline, text) if e["source"]["country"] == "UGA"]


def test_as_long_as_states_a_condition(pipeline: Pipeline) -> None:
    text = "As long as Uganda attacks the border posts, Kenya will keep its troops there."
    assert not [e for e in events(pipeline, text) if e["source"]["country"] == "UGA"]
    text = "Uganda attacked the border posts for as long as the rains lasted."
    assert [e for e in events(pipeline, text) if e["source"]["country"] == "UGA" and e["cameo"][:2] == "19"]


def test_declining_to_act_is_not_acting(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Danish prime minister declined to threaten Norway.")
    assert not [e for e in evs if e["cameo"][:2] == "13"]


def test_reinforcing_a_view_is_no_mobilization_but_reinforcing_troops_is(pipeline: Pipeline) -> None:
    assert not [
        e for e in events(pipeline, "The Danish vote reinforced the view of Norway.") if e["cameo"] == "154"
    ]
    evs = events(pipeline, "Russia reinforced its troops on the Ukrainian border.")
    assert [e for e in evs if e["cameo"] == "154" and e["source"]["country"] == "RUS"]


def test_seeking_to_act_or_holding_a_post_is_no_event(pipeline: Pipeline) -> None:
    assert not events(pipeline, "The Danish prime minister sought to distance himself from the scandal.")
    assert not [
        e
        for e in events(pipeline, "He has occupied the post of Danish foreign minister.")
        if e["cameo"] == "192"
    ]
    assert [e for e in events(pipeline, "Denmark sought aid from Norway.") if e["cameo"][:2] == "02"]


def test_an_act_the_speaker_denies_is_the_denial_only(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Syria denied that its forces had attacked the town.")
    assert [e["cameo"] for e in evs] == ["016"]
    evs = events(pipeline, "The Turkish official denied that the American president had expressed concern.")
    assert [(e["cameo"], e["source"]["country"]) for e in evs] == [("016", "TUR")]


def test_an_act_awaited_is_neither_done_nor_refused(pipeline: Pipeline) -> None:
    text = "Kenya still had not signed an agreement to hand the prisoners over to Uganda."
    assert events(pipeline, text) == []
    assert events(pipeline, "Kenya has not yet agreed to the plan of Uganda.") == []
    # without "yet" or "still" not signing is a refusal, and signing an agreement is an act
    refused = events(pipeline, "Kenya has not signed the agreement with Uganda.")
    assert [e["cameo"][:2] for e in refused] == ["12"]
    assert [e for e in events(pipeline, "Kenya signed the agreement with Uganda.") if e["cameo"][:2] == "05"]


def test_an_act_someone_calls_for_another_to_do_is_not_done(pipeline: Pipeline) -> None:
    # "for X to do": an infinitive with a subject of its own names an act wanted or planned
    for text in (
        "Some lawmakers have called for Kenya to send troops to Somalia.",
        "The plan is for Ethiopia to withdraw its soldiers from the border by June.",
    ):
        acts = [e for e in events(pipeline, text) if e["evidence"]["text"] in ("send", "withdraw")]
        assert acts and all(e["modality"] in ("hypothetical", "future") for e in acts), text
    # after an adjective of judgment it may well be done: left as the clause says
    evs = events(pipeline, "It was wrong for Kenya to expel the Ugandan diplomats.")
    assert [e["modality"] for e in evs if e["evidence"]["text"] == "expel"] == ["asserted"]


def test_an_act_of_recurring_times_is_a_generic_condition_not_an_act(pipeline: Pipeline) -> None:
    # "whenever", "every time", "at times when": a habit or a rule, no meeting that took place
    for text in (
        "Kenyan police detain journalists whenever the Ugandan president meets Kenyan officials.",
        "Every time Egypt meets Ethiopian officials, the dam talks stall.",
        "Turkey often shells Kurdish positions at times when Arab ministers meet to discuss Iraq.",
    ):
        assert not [e for e in events(pipeline, text) if e["cameo"][:2] == "04"], text
    # one time is a time of an act: "at a time when", "when"
    text = "Turkey shelled Kurdish positions at a time when Arab ministers met to discuss Iraq."
    assert [e for e in events(pipeline, text) if e["cameo"][:2] == "04"]
    # acts done every day are acts done
    text = "Kenyan police met Ugandan officials every day this week."
    assert [e for e in events(pipeline, text) if e["cameo"][:2] == "04"]
