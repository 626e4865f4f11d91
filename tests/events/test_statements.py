"""Statements coded by what they say (events/statements.py), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

from whodid.events.statements import StatementReader
from whodid.pipeline import Pipeline

PUB = "2024-05-08"


def statements(pipeline: Pipeline, text: str, verb: str) -> list[dict[str, Any]]:
    rec = pipeline.code(text, published=PUB).to_dict()
    return [e for e in rec["events"] if e["evidence"]["text"] == verb]


def keys(ev: dict[str, Any]) -> tuple[str | None, str | None]:
    return ev["source"]["country"], (ev["target"] or {}).get("country")


def test_criticism_of_an_actor_is_111_aimed_at_it(pipeline: Pipeline) -> None:
    evs = statements(
        pipeline, "The French foreign minister said Brazil's trade policy was reckless and unfair.", "said"
    )
    assert [e["cameo"] for e in evs] == ["111"]
    assert keys(evs[0]) == ("FRA", "BRA")
    assert "content:criticism" in evs[0]["rule"]


def test_an_accusation_of_wrongdoing_is_112(pipeline: Pipeline) -> None:
    evs = statements(
        pipeline, "The Kenyan government said Uganda had illegally interfered in its election.", "said"
    )
    assert [(e["cameo"], keys(e)) for e in evs] == [("112", ("KEN", "UGA"))]


def test_praise_of_an_actor_is_051(pipeline: Pipeline) -> None:
    evs = statements(
        pipeline, "Canada's prime minister said Mexico had been an excellent and generous partner.", "said"
    )
    assert [(e["cameo"], keys(e)) for e in evs] == [("051", ("CAN", "MEX"))]


def test_should_is_an_appeal_to_the_clause_subject(pipeline: Pipeline) -> None:
    evs = statements(
        pipeline, "The Japanese ambassador said South Korea should return to the negotiating table.", "said"
    )
    assert [e["cameo"][:2] for e in evs] == ["02"]
    assert keys(evs[0]) == ("JPN", "KOR")


def test_own_side_act_reported_as_not_done_is_a_denial(pipeline: Pipeline) -> None:
    evs = statements(pipeline, "A Chilean army spokesman said Chile had not fired on the protesters.", "said")
    assert [e["cameo"] for e in evs] == ["016"]
    assert evs[0]["source"]["country"] == "CHL"


def test_a_refusal_to_come_is_no_denial(pipeline: Pipeline) -> None:
    evs = statements(pipeline, "The Peruvian minister said Peru would not negotiate on its borders.", "said")
    assert "016" not in [e["cameo"] for e in evs]


def test_hopeful_words_without_an_actor_are_optimism(pipeline: Pipeline) -> None:
    evs = statements(
        pipeline, "The Egyptian minister said the talks had been very productive and encouraging.", "said"
    )
    assert [(e["cameo"], e["target"]) for e in evs] == [("013", None)]


def test_gloomy_words_without_an_actor_are_pessimism(pipeline: Pipeline) -> None:
    evs = statements(pipeline, "The Iraqi minister said the situation was grim and dangerous.", "said")
    assert [(e["cameo"], e["target"]) for e in evs] == [("012", None)]


def test_harsh_words_about_an_act_are_criticism_though_its_author_is_unnamed(pipeline: Pipeline) -> None:
    # a policy, a decision, a use of power judged harshly is criticism of whoever made it (111), not
    # gloom about a situation (012), even when the sentence does not say whose it is
    evs = statements(pipeline, "The Iraqi minister said the decision was grim and dangerous.", "said")
    assert [(e["cameo"], e["target"]) for e in evs] == [("111", None)]
    evs = statements(
        pipeline, "A former Chilean governor called the use of emergency decrees deeply dangerous.", "called"
    )
    assert [(e["cameo"], e["target"]) for e in evs] == [("111", None)]
    evs = statements(pipeline, "The Iraqi minister said the outlook was grim and dangerous.", "said")
    assert [(e["cameo"], e["target"]) for e in evs] == [("012", None)]


def test_a_neutral_statement_stays_010_and_reporters_are_no_target(pipeline: Pipeline) -> None:
    evs = statements(
        pipeline, "The Indian foreign minister told reporters that the meeting had ended at noon.", "told"
    )
    assert [(e["cameo"], e["target"]) for e in evs] == [("010", None)]


def test_a_plain_echo_gives_way_to_what_was_said(pipeline: Pipeline) -> None:
    rec = pipeline.code(
        "Polish senators repeated the charge, saying Germany's energy plan was dangerous and flawed.",
        published=PUB,
    ).to_dict()
    codes = {(e["cameo"], keys(e)) for e in rec["events"] if e["source"]["country"] == "POL"}
    assert ("111", ("POL", "DEU")) in codes
    assert not [c for c, _ in codes if c in ("010", "019")]


def test_reader_tone_counts_negation_and_judging_words_only() -> None:
    reader = StatementReader.load()
    assert reader.valences["inadequate"] < 0 < reader.valences["excellent"]
    # nouns and verbs count only from whodid's own list of judging words: "war" names a thing
    assert "war" not in reader.evaluative and reader.evaluative["failure"] < 0
    assert "violate" in reader.accusations


def test_another_actor_failing_to_act_is_criticism(pipeline: Pipeline) -> None:
    evs = statements(pipeline, "The Dutch minister said Belgium had failed to protect the border.", "said")
    assert [(e["cameo"], keys(e)) for e in evs] == [("111", ("NLD", "BEL"))]
    assert "content:fault" in evs[0]["rule"]


def test_not_knowing_is_no_fault(pipeline: Pipeline) -> None:
    evs = statements(pipeline, "The Dutch minister said Belgium did not know about the plan.", "said")
    assert "111" not in [e["cameo"] for e in evs]


def test_criticism_of_a_plan_names_who_made_it(pipeline: Pipeline) -> None:
    rec = pipeline.code(
        "Canadian senators criticized the plan the Mexican president announced.", published=PUB
    )
    evs = [e for e in rec.to_dict()["events"] if e["evidence"]["text"] == "criticized"]
    assert [(e["cameo"], keys(e)) for e in evs] == [("111", ("CAN", "MEX"))]


def test_wanting_another_actor_to_act_is_an_appeal_to_it(pipeline: Pipeline) -> None:
    rec = pipeline.code("Canadian senators want Mexico to lower its tariffs.", published=PUB).to_dict()
    assert [(e["cameo"], keys(e)) for e in rec["events"]] == [("020", ("CAN", "MEX"))]
    rec = pipeline.code("Canadian senators want to lower tariffs.", published=PUB).to_dict()
    assert not [e for e in rec["events"] if e["cameo"][:2] == "02"]


def test_a_topic_is_not_a_target(pipeline: Pipeline) -> None:
    rec = pipeline.code("The German minister discussed the Syria plan with France.", published=PUB).to_dict()
    assert [(e["cameo"][:2], keys(e)) for e in rec["events"]] == [("04", ("DEU", "FRA"))]
    rec = pipeline.code("Germany and France discussed Syria on Monday.", published=PUB).to_dict()
    assert {keys(e) for e in rec["events"]} == {("DEU", "FRA"), ("FRA", "DEU")}


def test_a_plain_statement_is_aimed_at_the_actor_it_is_about(pipeline: Pipeline) -> None:
    evs = statements(
        pipeline, "The Swedish foreign minister said Norway would hold its election in the autumn.", "said"
    )
    assert [(e["cameo"], keys(e)) for e in evs] == [("010", ("SWE", "NOR"))]
    # a passive's agent is whom the statement is about
    evs = statements(
        pipeline, "The Swedish foreign minister said the fishing rules were written by Norway.", "said"
    )
    assert [(e["cameo"], keys(e)) for e in evs] == [("010", ("SWE", "NOR"))]
    # whose the object is, or what it is about ("questions about X's rules")
    for text in (
        "The Swedish foreign minister said she had read Norway's fishing rules.",
        "The Swedish foreign minister said she had questions about Norway's fishing rules.",
    ):
        assert [(e["cameo"], keys(e)) for e in statements(pipeline, text, "said")] == [
            ("010", ("SWE", "NOR"))
        ]
    # a statement about the speaker's own side that names another country is about that relation
    evs = statements(
        pipeline,
        "A Kenyan army spokesman said Kenyan troops would stay in the region "
        "until Uganda withdrew its forces.",
        "said",
    )
    assert [(e["cameo"], keys(e)) for e in evs] == [("010", ("KEN", "UGA"))]
    # private people the statement is about are no target
    evs = statements(
        pipeline, "The Swedish foreign minister said farmers would sell their grain in the autumn.", "said"
    )
    assert [(e["cameo"], e["target"]) for e in evs] == [("010", None)]


def test_an_inflection_the_lemmatizer_misses_keeps_its_tone(pipeline: Pipeline) -> None:
    reader = StatementReader.load()
    doc = pipeline.nlp("The governor is overselling the plan.")
    word = next(t for t in doc if t.text == "overselling")
    assert word.lemma_ != "oversell"  # the model's lemma is wrong: the stem is found anyway
    assert reader.valence(word) == reader.evaluative["oversell"] < 0


def test_calling_or_describing_an_actor_is_coded_by_the_label(pipeline: Pipeline) -> None:
    evs = statements(
        pipeline, "The Chilean minister called the Brazilian plan reckless and dangerous.", "called"
    )
    assert [(e["cameo"], keys(e)) for e in evs] == [("111", ("CHL", "BRA"))]
    evs = statements(
        pipeline, "The Chilean senator described the Peruvian treaty as a disaster.", "described"
    )
    assert [(e["cameo"], keys(e)) for e in evs] == [("111", ("CHL", "PER"))]
    # describing with no label, or a label inside another clause ("what he called"), states nothing
    assert statements(pipeline, "The Chilean senator described the meeting.", "described") == []
    text = "The Chilean senator said Chile would resist what he called reckless Peruvian moves."
    assert statements(pipeline, text, "called") == []


def test_what_a_speaker_says_another_should_do_is_an_appeal_not_its_act(pipeline: Pipeline) -> None:
    rec = pipeline.code(
        "The Ohio senator said the United States should send troops to Mexico.", published=PUB
    )
    events = rec.to_dict()["events"]
    assert [(e["cameo"][:2], keys(e)) for e in events] == [("02", ("USA", "USA"))]


def test_not_trusting_another_actor_is_criticism_not_denial(pipeline: Pipeline) -> None:
    text = "The Chilean senator said that he does not completely trust the Peruvian president."
    evs = statements(pipeline, text, "said")
    assert [(e["cameo"], keys(e)) for e in evs] == [("111", ("CHL", "PER"))]
    assert "content:distrust" in evs[0]["rule"]


def test_holding_another_actor_responsible_is_an_accusation(pipeline: Pipeline) -> None:
    for text in (
        "The Kenyan foreign minister said the Ugandan government bears responsibility for the victims.",
        "The Kenyan foreign minister said Uganda was to blame for the attack.",
        "The Kenyan foreign minister said Uganda was responsible for the deaths.",
    ):
        evs = statements(pipeline, text, "said")
        assert [(e["cameo"], keys(e)) for e in evs] == [("112", ("KEN", "UGA"))], text
        assert "content:blame" in evs[0]["rule"]
    # clearing another actor of blame is no accusation
    evs = statements(
        pipeline, "The Kenyan foreign minister said Uganda was not responsible for the deaths.", "said"
    )
    assert [e["cameo"] for e in evs] == ["010"]


def test_a_clause_naming_what_was_said_reports_nothing(pipeline: Pipeline) -> None:
    # "the union leaders she wrote about": the relative clause points at words written before and
    # reports no statement; the attribution of the quotation stays one
    text = (
        '"She was fair," the Kenyan labor minister said. '
        '"That is what earned her the respect of the union leaders she wrote about."'
    )
    rec = pipeline.code(text, published=PUB).to_dict()
    assert [(e["evidence"]["text"], e["cameo"]) for e in rec["events"]] == [("said", "010")]


def test_a_predicate_noun_labels_its_subject(pipeline: Pipeline) -> None:
    # the noun after "be" or "call X" judges X, with the tone the word list gives it
    evs = statements(pipeline, "The Kenyan president called the Ugandan president a liar.", "called")
    assert [(e["cameo"], keys(e)) for e in evs] == [("112", ("KEN", "UGA"))]
    evs = statements(pipeline, "The Kenyan president said the Ugandan president was a friend.", "said")
    assert [(e["cameo"], keys(e)) for e in evs] == [("051", ("KEN", "UGA"))]
    # a noun after an expletive "there" is what exists, no label
    text = '"They are still trying to determine how much damage there is," the Kenyan minister said.'
    assert [e["cameo"] for e in statements(pipeline, text, "said")] == ["010"]


def test_saying_another_caused_harm_is_an_accusation(pipeline: Pipeline) -> None:
    text = "The Kenyan minister said the Ugandan army caused death and destruction."
    evs = statements(pipeline, text, "said")
    assert [(e["cameo"], keys(e)) for e in evs] == [("112", ("KEN", "UGA"))]
    assert "content:harm" in evs[0]["rule"]
    # harm that may come accuses nobody (a warning of it may criticise); nor does harm without an actor
    for text in (
        "The Kenyan minister said the Ugandan plan could cause chaos.",
        "The Kenyan minister said the drought caused death and destruction.",
    ):
        assert [e["cameo"] for e in statements(pipeline, text, "said")] in (["010"], ["012"], ["111"]), text


def test_saying_another_caused_outrage_is_criticism(pipeline: Pipeline) -> None:
    text = "The Turkish president said US policies had caused outrage among the Turkish people."
    evs = statements(pipeline, text, "said")
    assert [(e["cameo"], keys(e)) for e in evs] == [("111", ("TUR", "USA"))]
    assert "content:outrage" in evs[0]["rule"]
    # outrage that may come criticises nobody yet
    text = "The Turkish president said the US plan could cause outrage."
    assert [e["cameo"] for e in statements(pipeline, text, "said")] != ["111"]


def test_what_a_speaker_says_of_its_own_side_judges_nobody_else(pipeline: Pipeline) -> None:
    text = '"We have the perfect plan for the talks with Uganda," the Kenyan president said.'
    assert [(e["cameo"], keys(e)) for e in statements(pipeline, text, "said")] == [("013", ("KEN", None))]
    # a passive first person judges its agent; an attitude to a clause is about that clause
    text = '"We were betrayed by the Ugandan government," the Kenyan president said.'
    assert [(e["cameo"], keys(e)) for e in statements(pipeline, text, "said")] == [("111", ("KEN", "UGA"))]


def test_doing_too_little_is_a_fault(pipeline: Pipeline) -> None:
    text = "The Kenyan minister said the Ugandan government had done too little to stop the attacks."
    evs = statements(pipeline, text, "said")
    assert [(e["cameo"], keys(e)) for e in evs] == [("111", ("KEN", "UGA"))]
    assert "content:fault" in evs[0]["rule"]


def test_a_statement_about_part_of_a_body_is_about_the_body(pipeline: Pipeline) -> None:
    text = '"Members of the Ugandan government are saying different things," said the Kenyan president.'
    assert [keys(e) for e in statements(pipeline, text, "said")] == [("KEN", "UGA")]
    # "the battle of X" is about a battle, not a part of X
    text = '"The battle of the Ugandan government has been won," said the Kenyan president.'
    assert [keys(e) for e in statements(pipeline, text, "said")] == [("KEN", None)]


def test_a_judgment_said_of_someone_is_of_them(pipeline: Pipeline) -> None:
    text = '"He is a disgrace and a liar," the French foreign minister said of the Chilean president.'
    evs = statements(pipeline, text, "said")
    assert [(e["cameo"][:2], keys(e)) for e in evs] == [("11", ("FRA", "CHL"))]
    text = '"It was a terrible and shameful week," the French foreign minister said of the summit.'
    evs = statements(pipeline, text, "said")
    assert evs and all(e["target"] is None for e in evs)  # a summit is no one: gloom, not criticism


def test_another_clause_of_what_is_said_is_read_beside_the_speakers_own_act(pipeline: Pipeline) -> None:
    text = (
        "The Turkish president said the American envoy had made a reckless and terrible mistake "
        "and that Turkey would send more troops to the border."
    )
    evs = statements(pipeline, text, "said")
    assert [(e["cameo"][:2], keys(e)) for e in evs] == [("11", ("TUR", "USA"))]
    # the speaker's own act alone is coded on its verb; the speech adds nothing
    text = "The Turkish president said Turkey would send more troops to the border."
    evs = statements(pipeline, text, "said")
    assert evs == []


def test_you_in_a_quotation_told_to_someone_is_that_listener(pipeline: Pipeline) -> None:
    text = '"You are rude and dishonest," the French foreign minister told the Chilean ambassador.'
    assert [(e["cameo"], keys(e)) for e in statements(pipeline, text, "told")] == [("111", ("FRA", "CHL"))]
    # the press is a stand-in for the public: "you" there is nobody in particular
    text = '"You are rude and dishonest," the French foreign minister told reporters.'
    assert all(e["target"] is None for e in statements(pipeline, text, "told"))


def test_not_going_to_is_the_future_and_no_denial(pipeline: Pipeline) -> None:
    text = '"We are not going to send troops," the French foreign minister said.'
    assert not [e for e in statements(pipeline, text, "said") if e["cameo"] == "016"]
    text = '"We did not send troops," the French foreign minister said.'
    assert [e["cameo"] for e in statements(pipeline, text, "said")] == ["016"]


def test_another_actors_plan_said_to_be_bound_to_fail_is_criticised(pipeline: Pipeline) -> None:
    text = "The French foreign minister said Brazil's plan will not solve the crisis."
    assert [(e["cameo"], keys(e)) for e in statements(pipeline, text, "said")] == [("111", ("FRA", "BRA"))]
    # a plan said to succeed, or one that will not do something neutral, is no criticism
    text = "The French foreign minister said Brazil's plan will not include new taxes."
    assert not [e for e in statements(pipeline, text, "said") if e["cameo"] == "111"]


def test_an_act_in_the_speakers_relative_clause_is_no_part_of_what_is_said(pipeline: Pipeline) -> None:
    text = (
        "The French foreign minister, who says Chile should sign the accord, said Brazil's plan "
        "will not solve the crisis."
    )
    said = statements(pipeline, text, "said")
    assert [(e["cameo"], keys(e)) for e in said] == [("111", ("FRA", "BRA"))]


def test_calling_a_rule_repressive_or_corrupt_criticises_its_holder(pipeline: Pipeline) -> None:
    # words that judge a government (valence.tsv): VADER has "repressive" too mild and lacks "corrupt"
    text = "Kenyan exiles said the country will suffer under the repressive regime of President Museveni."
    assert [(e["cameo"], keys(e)[1]) for e in statements(pipeline, text, "said")] == [("111", "UGA")]
    text = "The Kenyan opposition said the Ugandan government is corrupt."
    assert [(e["cameo"][:2], keys(e)[1]) for e in statements(pipeline, text, "said")] == [("11", "UGA")]


def test_words_of_size_or_certainty_are_no_tone(pipeline: Pipeline) -> None:
    # "strong" and "powerful" say how much, "clear" and "true" how certain, not how good: "a
    # 30,000-strong force" praises nobody, nor does "it is clear that Y is stalling"
    for text, verb in (
        (
            "Kenya announced that it would build a 30,000-strong border force "
            "that would patrol the frontiers.",
            "announced",
        ),
        (
            "Powerful special interests have led to gridlock in the Ugandan parliament, "
            "the Kenyan president said.",
            "said",
        ),
    ):
        assert [e["cameo"] for e in statements(pipeline, text, verb)] == ["010"], text

    reader = StatementReader.load()
    doc = pipeline.nlp("It is clear and true that a strong and powerful army is there.")
    assert {t.text: reader.valence(t) for t in doc if t.pos_ == "ADJ"} == dict.fromkeys(
        ("clear", "true", "strong", "powerful"), 0.0
    )


def test_calling_oneself_something_is_no_statement(pipeline: Pipeline) -> None:
    # "calls himself", "describes itself as": what someone is, not something said to or of anyone
    for text in (
        "The Kenyan senator calls himself a democratic socialist.",
        "The Ugandan party describes itself as the voice of farmers.",
    ):
        evs = pipeline.code(text, published=PUB).to_dict()["events"]
        assert not [e for e in evs if e["cameo"][:2] == "01"], evs
    evs = pipeline.code("The Kenyan president called the Ugandan leader a liar.", published=PUB).to_dict()[
        "events"
    ]
    assert [keys(e) for e in evs if e["cameo"][:2] == "11"] == [("KEN", "UGA")]


def test_must_has_to_and_a_duty_laid_on_another_actor_are_appeals_to_it(pipeline: Pipeline) -> None:
    for text in (
        'Kenya\'s foreign minister spoke in Nairobi. "Uganda has to open the border now," he said.',
        "Kenya's foreign minister said it was the duty of the Ugandan government to open the border.",
    ):
        evs = [
            e
            for e in pipeline.code(text, published=PUB).to_dict()["events"]
            if e["source"]["country"] == "KEN"
        ]
        assert [(e["cameo"][:2], keys(e)) for e in evs] == [("02", ("KEN", "UGA"))], text
    # one appeal, not two, when the demand is coded on the speech verb
    evs = statements(pipeline, '"Uganda must withdraw its troops," the Kenyan minister said.', "said")
    assert [(e["cameo"][:2], keys(e)) for e in evs] == [("10", ("KEN", "UGA"))]


def test_must_have_done_is_an_inference_not_a_demand(pipeline: Pipeline) -> None:
    evs = statements(pipeline, "The Kenyan minister said Uganda must have known about the raid.", "said")
    assert evs and not [e for e in evs if e["cameo"][:2] in ("02", "10")]


def test_allegiance_is_no_praise(pipeline: Pipeline) -> None:
    # "a faction loyal to X" says whom the faction serves, not that the speaker admires it
    evs = statements(
        pipeline, "The Kenyan general said the convoy had been ambushed by a militia loyal to Uganda.", "said"
    )
    assert "051" not in [e["cameo"] for e in evs]


def test_an_inverted_condition_is_no_appeal(pipeline: Pipeline) -> None:
    # "should Y act" put first is "if Y acts": the speaker appeals to nobody
    text = (
        "The Kenyan national security adviser, John Mwangi, recently hinted at a similar response "
        "should Uganda transgress again."
    )
    evs = statements(pipeline, text, "hinted")
    assert evs and "020" not in [e["cameo"] for e in evs]


def test_a_speakers_own_state_is_not_whom_a_plain_statement_is_about(pipeline: Pipeline) -> None:
    evs = statements(
        pipeline, "The Kenyan envoy claimed this week that Kenya possessed lots of evidence.", "claimed"
    )
    assert [(e["cameo"], e["target"]) for e in evs] == [("010", None)]
