"""Event rules on short invented sentences: demands, threats, negated conflict, failed acts, owners."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from whodid.events.lexicon import EventLexicon

if TYPE_CHECKING:
    from whodid.nlp.state import Event
    from whodid.pipeline import Pipeline


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


def events(pipeline: Pipeline, text: str) -> list[Event]:
    return list(pipeline.code(text).events)


def primary(evs: list[Event]) -> Event:
    return min(evs, key=lambda e: (-e.confidence, e.evidence_start))


def test_lexicon_tables(lexicon: EventLexicon) -> None:
    assert lexicon.match_noun("effort", ["mediation"]) == "045"  # a generic head takes its modifier's code
    assert lexicon.match_noun("effort", ["big"]) is None
    assert lexicon.negate("190") == "190"  # conflict not done stays the same event (modality negated)
    assert lexicon.negate("010") is None
    assert lexicon.negate("057") == "127"
    assert lexicon.threat("163") == "1312"
    assert lexicon.threat("1723") == "1323"
    assert lexicon.threat("036") is None


def test_obligation_in_reported_speech_is_a_demand(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Russia says Israel must end attacks on Syria.")
    top = primary(evs)
    assert top.cameo.startswith("10") and top.evidence_text == "says"
    assert top.source.text == "Russia" and top.target is not None and top.target.text == "Israel"


def test_self_obligation_demands_nothing(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Germany said it must cut spending.")
    assert not any(e.cameo.startswith("10") for e in evs)


def test_negated_conflict_is_kept_as_negated(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Police said they did not attack the protesters.")
    attack = next(e for e in evs if e.evidence_text == "attack")
    assert attack.cameo == "190" and attack.modality == "negated"
    assert attack.confidence < 0.75


def test_planned_conflict_is_a_threat(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The army plans to impose a curfew on the city.")
    # the threat is made now; the curfew is to come
    assert [(e.cameo, e.modality) for e in evs] == [("1323", "asserted"), ("1723", "future")]
    assert ">threat" in primary(evs).rule


def test_threatening_to_act_is_one_threat(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Norway threatened to impose sanctions on Chile.")
    assert [e.cameo for e in evs] == ["1312"]  # neither the bare 130 of 'threatened' nor the sanctions


def test_an_act_begun_is_no_threat(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The army began to shell the town of Ruritania.")
    assert evs and not any(e.cameo.startswith("13") for e in evs)


def test_what_is_refused_or_asked_for_is_no_event(pipeline: Pipeline) -> None:
    declined = events(pipeline, "The Ruritanian president declined to resign.")
    assert [e.cameo[:2] for e in declined] == ["12"]
    urged = events(pipeline, "Norway urged Chile to release the prisoners.")
    assert [e.cameo[:2] for e in urged] == ["02"]
    refused = events(pipeline, "Norway refused to meet the Chilean president.")
    assert len(refused) == 1 and refused[0].cameo.startswith("12")
    assert refused[0].target is not None and refused[0].target.country == "CHL"  # aimed at whom


def test_what_a_protest_demands_is_part_of_the_protest(pipeline: Pipeline) -> None:
    evs = events(
        pipeline, "Chilean students staged demonstrations to demand the resignation of the president."
    )
    assert [e.cameo for e in evs] == ["1411"]  # demonstrate for a change in leadership


def test_predicate_adjectives_are_comments(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Chilean minister said he was pessimistic about the talks.")
    assert [e.cameo for e in evs] == ["012"]
    assert not events(pipeline, "The Chilean minister was in Oslo.")


def test_object_heads_stand_for_their_of_phrase(pipeline: Pipeline) -> None:
    (ev,) = events(pipeline, "Norway delivered 700 tons of food to Chile.")
    assert ev.cameo == "073"
    (allow,) = events(pipeline, "Chile allowed the return of UN inspectors.")
    assert allow.cameo == "0862"


def test_allowing_refugees_home_is_a_concession(pipeline: Pipeline) -> None:
    (ev,) = events(pipeline, "Chile allowed thousands of refugees to return home.")
    assert ev.cameo.startswith("08")


def test_violence_takes_the_code_of_how_it_was_done(pipeline: Pipeline) -> None:
    (ev,) = events(pipeline, "Chilean rebels wounded two Norwegian soldiers in a bomb attack.")
    assert ev.cameo == "183"
    evs = events(pipeline, "A roadside bombing killed two Norwegian soldiers, the Chilean army said.")
    violent = [e for e in evs if e.cameo[:2] in ("18", "19")]
    assert not any(e.source.country == "CHL" for e in violent)  # the speaker did not plant the bomb


def test_a_fronted_phrase_is_no_particle(pipeline: Pipeline) -> None:
    evs = events(pipeline, "With the signing of the accord, Chile and Peru agreed to allow aid convoys.")
    assert not any(e.cameo == "019" for e in evs)  # not 'agreed with'
    assert evs and all(e.cameo.startswith("03") for e in evs)


def test_attempted_conflict_is_no_threat(pipeline: Pipeline) -> None:
    evs = events(pipeline, "China tried to hack the computers of Japanese officials.")
    assert not any(e.cameo.startswith("13") for e in evs)


def test_failing_to_agree_is_a_rejection(pipeline: Pipeline) -> None:
    evs = events(pipeline, "France and Italy failed to reach a deal.")
    assert evs and all(e.cameo.startswith("12") for e in evs)


def test_money_given_is_economic_aid(pipeline: Pipeline) -> None:
    (ev,) = events(pipeline, "Japan gave $2 million to Nigeria.")
    assert ev.cameo == "071" and ev.target is not None and ev.target.text == "Nigeria"


def test_generic_head_with_event_modifier(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Egypt launched a mediation effort between Qatar and Saudi Arabia.")
    assert [e.cameo for e in evs] == ["045"]


def test_head_of_a_body_acts_for_it(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The head of the UN agency urged Israel to release the prisoners.")
    urge = next(e for e in evs if e.evidence_text == "urged")
    assert urge.source.code == "IGOUNO"


def test_direct_object_beats_a_time_phrase(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Israel ended its attacks on Gaza after the strikes.")
    assert evs[0].cameo.startswith("087")


def test_a_decided_act_is_not_also_a_threat(pipeline: Pipeline) -> None:
    planned = {e.cameo[:2] for e in events(pipeline, "Norway plans to impose sanctions on Chile.")}
    assert "13" in planned  # announced, planned conflict: a threat and the act itself
    decided = events(pipeline, "Norway announced a decision to impose sanctions on Chile.")
    assert decided and all(not e.cameo.startswith("13") for e in decided)


def test_an_events_date_prefers_a_calendar_date_over_a_vague_one(pipeline: Pipeline) -> None:
    rec = pipeline.code("Norway recently expelled two Chilean diplomats on March 3.", published="2024-03-10")
    expel = next(e for e in rec.events if e.cameo.startswith("16") or e.cameo.startswith("17"))
    assert (expel.date, expel.date_precision, expel.date_source) == ("2024-03-03", "day", "text")


def test_sending_inspectors_is_an_investigation(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The African Union sent election monitors to Malawi.")
    assert any(e.cameo == "090" for e in evs)
    evs = events(pipeline, "The African Union sent troops to Malawi.")
    assert not any(e.cameo == "090" for e in evs)


def test_an_agentless_act_of_authority_in_a_country_is_that_states(pipeline: Pipeline) -> None:
    detained = events(pipeline, "Two Kenyan journalists were detained in Uganda on Monday.")
    assert [(e.cameo[:2], e.source.country) for e in detained] == [("17", "UGA")]
    # a killing in a country says nothing about who killed
    killed = events(pipeline, "Two Kenyan journalists were killed in Uganda on Monday.")
    assert not [e for e in killed if e.source.country == "UGA"]


def test_the_participle_of_an_object_names_its_target(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Security Council said it will not lift the sanctions imposed on Iraq.")
    lift = [e for e in evs if e.evidence_text == "lift"]
    assert [(e.cameo[:2], e.target.country if e.target else None) for e in lift] == [("12", "IRQ")]


def test_a_colon_dateline_is_not_the_subject_and_a_title_names_a_lowercase_name(pipeline: Pipeline) -> None:
    # lower-case wire copy: the parser takes "nairobi" for the subject and the name for its apposition,
    # and the NER does not see the name; the title in front of it says who acts
    evs = events(
        pipeline, "nairobi: interior minister j kamau ouko on monday appealed to the citizens to remain calm."
    )
    assert [(e.cameo[:2], e.source.code, e.target.code if e.target else None) for e in evs] == [
        ("02", "KENGOV", "KENCVL")
    ]


def test_backing_of_or_by_an_armed_force_is_military_cooperation(pipeline: Pipeline) -> None:
    def backing(text: str) -> list[str]:
        return [e.cameo for e in events(pipeline, text) if e.evidence_text == "backed"]

    assert backing("The Kenyan army, backed by fighters from Uganda, said it had retaken the town.") == [
        "062"
    ]
    assert backing("The Ugandan army backed the Kenyan rebels with weapons.") == ["062"]
    # backing a state's bid is words of support
    assert backing("Uganda has backed Kenya's bid for a seat on the council.") == ["051"]


def test_support_given_is_diplomatic_support_not_aid(lexicon: EventLexicon, pipeline: Pipeline) -> None:
    for verb in ("give", "provide", "lend"):
        entry = lexicon.match_verb(verb, (), {"support"})
        assert entry is not None and entry.cameo == "051", verb
    assert lexicon.match_verb("give", (), {"aid"}).cameo == "070"  # type: ignore[union-attr]
    evs = events(pipeline, "Uganda gave tacit support to Kenya's military operation.")
    assert [(e.cameo, e.target.country if e.target else None) for e in evs if e.evidence_text == "gave"] == [
        ("051", "KEN")
    ]


def side(ev: Event) -> tuple[str | None, str | None]:
    return ev.source.country, ev.target.country if ev.target else None


def test_who_is_angered_disapproves_of_its_cause(pipeline: Pipeline) -> None:
    # a verb of feeling: the one who feels (object or passive subject) is the source, the cause (or
    # its owner) the target, in either voice
    for text in (
        "The German chancellor was angered by Poland's decision.",
        "Poland's decision angered the German chancellor.",
        "The German government was frustrated by the Polish government's refusal to negotiate.",
    ):
        evs = [e for e in events(pipeline, text) if e.cameo.startswith("11")]
        assert [(e.cameo, side(e), e.source_rule) for e in evs] == [("110", ("DEU", "POL"), "experiencer")], (
            text
        )
    # without a cause the feeling is a state, no disapproval of anyone
    assert not [
        e for e in events(pipeline, "The German army has been troubled for years.") if e.cameo == "110"
    ]


def test_a_predicate_of_feeling_needs_what_it_is_about(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The French president is unhappy with the British government's stance.")
    assert [(e.cameo, side(e), e.trigger_rule) for e in evs] == [("110", ("FRA", "GBR"), "verb:be+unhappy")]
    evs = events(pipeline, "The Brazilian minister was angry that Argentina had left the talks.")
    assert [(e.cameo, side(e)) for e in evs] == [("110", ("BRA", "ARG"))]
    # "so upset he fell ill" says how someone felt, not what they disapprove of
    assert not events(pipeline, "The Brazilian minister was so upset he fell ill.")
    # the comments of pessimism name what they are about as the target
    evs = events(pipeline, "The Kenyan government is deeply concerned about Uganda's troop movements.")
    assert [(e.cameo, side(e)) for e in evs] == [("012", ("KEN", "UGA"))]


def test_legal_action_against_a_ruling_is_a_lawsuit(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Kenyan government said it would appeal the ruling.")
    assert "115" in [e.cameo for e in evs]
    # the target of a claim against a decision is whoever made it ("by" names a noun's owner)
    evs = events(
        pipeline, "The Kenyan government has lodged a claim against a decision by the Ugandan government."
    )
    assert [(e.cameo, side(e)) for e in evs] == [("115", ("KEN", "UGA"))]
    # an appeal to someone stays an appeal
    evs = events(pipeline, "The Kenyan president appealed to Uganda for calm.")
    assert [e.cameo[:2] for e in evs] == ["02"]


def test_a_stance_participle_is_no_passive(pipeline: Pipeline) -> None:
    # "is opposed to": the subject opposes; "was opposed by": the agent does
    evs = events(pipeline, "Turkey is opposed to any Syrian offensive.")
    assert [(e.cameo, side(e)) for e in evs] == [("110", ("TUR", "SYR"))]
    evs = events(pipeline, "The Syrian plan was opposed by Turkey.")
    assert [(e.cameo, e.source.country, e.source_rule) for e in evs] == [("110", "TUR", "agent")]


def test_contradicting_or_showing_irritation_is_disapproval(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Turkish foreign minister contradicted the US president.")
    assert [(e.cameo, side(e)) for e in evs] == [("110", ("TUR", "USA"))]
    evs = events(pipeline, "The Cuban president expressed irritation at the American decision.")
    assert [e.cameo for e in evs] == ["110"]


def test_whom_a_promised_act_is_for_is_its_target(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Iraq agreed to give the UN inspectors full access to the sites.")
    assert [(e.cameo, e.source.country, e.target.code if e.target else None) for e in evs] == [
        ("0355", "IRQ", "IGOUNO")
    ]


def test_a_passive_participle_acts_on_the_noun_it_modifies(pipeline: Pipeline) -> None:
    # "sanctions imposed on Iraq by the UN": the noun is the object the lexicon entry needs, the
    # "on" phrase the target, the "by" agent the source
    evs = events(pipeline, "The sanctions imposed on Iraq by the United Nations hurt its economy.")
    assert [(e.cameo, e.source.code, e.target.country if e.target else None) for e in evs] == [
        ("163", "IGOUNO", "IRQ")
    ]


def test_a_group_loyal_to_an_actor_is_of_its_country(pipeline: Pipeline) -> None:
    rec = pipeline.code("Militias allied with Iran attacked the Kurdish town.")
    militias = next(a for a in rec.actors if a.name == "Militias")
    assert (militias.country, militias.country_rule) == ("IRN", "country:affiliation")
    text = "Civilians live under a blockade imposed by forces loyal to the Syrian president, Bashar al-Assad."
    evs = [e for e in events(pipeline, text) if e.cameo == "191"]
    assert [e.source.code for e in evs] == ["SYRMIL"]


def test_a_warning_that_foretells_what_a_thing_will_do_is_pessimism(pipeline: Pipeline) -> None:
    text = "Kenyan critics warned the new rule could put Uganda's trade in jeopardy."
    evs = [e for e in events(pipeline, text) if e.evidence_text == "warned"]
    assert [(e.cameo, e.target.country if e.target else None) for e in evs] == [("012", "UGA")]
    assert "content:forecast" in evs[0].rule
    # what the speaker's side will do, or a warning made to an actor, stays a threat
    for text in (
        "The Iranian foreign minister warned that Tehran would retaliate.",
        "The Kenyan president warned the Ugandan president that the threat of force is real.",
    ):
        assert [e.cameo for e in events(pipeline, text) if e.evidence_text == "warned"] == ["130"], text


def test_a_warning_that_reports_how_things_are_is_pessimism_not_a_threat(pipeline: Pipeline) -> None:
    # a threat holds out what is to come; a warning in the past or present tense reports a state
    text = "The World Health Organization warned on Monday that 300 refugees were in urgent need of food."
    evs = [e for e in events(pipeline, text) if e.evidence_text == "warned"]
    assert [(e.cameo, e.target) for e in evs] == [("012", None)]
    assert "content:state" in evs[0].rule
    text = "Aid groups warned the Kenyan government was trying to push the refugees across the border."
    evs = [e for e in events(pipeline, text) if e.evidence_text == "warned"]
    assert [(e.cameo, e.target.country if e.target else None) for e in evs] == [("012", "KEN")]
    # to come, or made to an actor: a threat
    for text in (
        "Uganda warned that Kenya is going to close the border.",
        "The Kenyan president warned the Ugandan president that the Kenyan army is ready.",
    ):
        assert [e.cameo for e in events(pipeline, text) if e.evidence_text == "warned"] == ["130"], text


def test_a_dateline_the_parser_takes_for_a_subject_gives_way_to_the_true_one(pipeline: Pipeline) -> None:
    evs = events(pipeline, "NAIROBI, Kenya (AP) -- Kenyan police on Monday arrested two Ugandan officials.")
    assert [(e.cameo, e.source.code, e.target.country if e.target else None) for e in evs] == [
        ("173", "KENCOP", "UGA")
    ]


def test_events_say_where_they_happened_how_precisely_and_why(pipeline: Pipeline) -> None:
    rec = pipeline.code(
        "Rebels shelled a convoy in eastern Syria on Monday.", published="2024-05-08"
    ).to_dict()
    assert [
        (e["location"]["country"], e["location"]["precision"], e["location"]["rule"]) for e in rec["events"]
    ] == [("SYR", "country", "clause:part-of")]
    text = "LUCKNOW: The Indian police arrested 200 people on Monday."
    rec = pipeline.code(text, published="2024-05-08").to_dict()
    assert [(e["location"]["name"], e["location"]["rule"]) for e in rec["events"]] == [
        ("Lucknow", "dateline")
    ]
    # no place in the text, no location: never the capital or an actor's country
    rec = pipeline.code("The Indian police arrested 200 people on Monday.", published="2024-05-08").to_dict()
    assert [e["location"] for e in rec["events"]] == [None]


def test_a_surveys_figures_are_no_acts(pipeline: Pipeline) -> None:
    for text in (
        "In the poll, Kenyan soldiers backed the president, 57 percent to 22 percent.",
        "The survey showed that 54 percent of Kenyan soldiers said they would vote for the president.",
    ):
        assert not events(pipeline, text), text
    # a share that is no survey's split keeps its act
    evs = events(pipeline, "The Kenyan army backed the Ugandan rebels, officials said.")
    assert "062" in [e.cameo for e in evs]


def test_an_event_noun_between_two_sides_has_one_act_on_the_other(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Fresh clashes between Armenia and Azerbaijan broke out on the border.")
    clash = [e for e in evs if e.cameo[:2] == "19"]
    assert [(e.source.country, e.target.country if e.target else None) for e in clash] == [("ARM", "AZE")]
    said = events(pipeline, "Talks between Peru and Chile resumed in Lima.")
    talks = [e for e in said if e.cameo[:2] == "04"]
    assert [(e.source.country, e.target.country if e.target else None) for e in talks] == [("PER", "CHL")]


def test_at_the_hands_of_names_the_doer(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The governor was killed at the hands of Somali militants.")
    killed = [e for e in evs if e.cameo[:2] in ("18", "19")]
    assert killed and killed[0].source.country == "SOM"


def test_a_gerund_after_a_preposition_of_time_is_done_by_the_clause_subject(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Peruvian minister left Lima after meeting Chilean officials.")
    met = [e for e in evs if e.evidence_text == "meeting"]
    assert [(e.source.country, e.target.country if e.target else None) for e in met] == [("PER", "CHL")]
    # other prepositions keep their gerunds out: "accused Chile of attacking" is no attack by Peru
    evs = events(pipeline, "The Peruvian minister accused Chile of attacking the border posts.")
    assert not [e for e in evs if e.evidence_text == "attacking" and e.source.country == "PER"]


def test_freeing_someone_from_a_burden_is_no_release(pipeline: Pipeline) -> None:
    text = "Uganda freed the Kenyan ministry from the burden of running the prisons."
    assert not [e for e in events(pipeline, text) if e.cameo.startswith("08")]
    freed = events(pipeline, "Uganda freed the Kenyan journalists from prison.")
    assert [(e.cameo, e.source.country, e.target.country if e.target else None) for e in freed] == [
        ("0841", "UGA", "KEN")
    ]


def test_ending_support_for_someone_stops_aid_to_them(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The European Union ended its support for the Ugandan government.")
    assert [(e.cameo, e.target.country if e.target else None) for e in evs] == [("162", "UGA")]
    evs = events(pipeline, "Norway suspended aid for Uganda on Monday.")
    assert [(e.cameo, e.target.country if e.target else None) for e in evs] == [("162", "UGA")]


def test_taking_a_status_away_is_an_administrative_sanction(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Kenyan government revoked the licence of the Ugandan newspaper.")
    assert [(e.cameo, e.source.country, e.target.country if e.target else None) for e in evs] == [
        ("172", "KEN", "UGA")
    ]
    evs = events(pipeline, "The two Ugandan men were stripped of their citizenship by the Kenyan government.")
    assert [(e.cameo, e.source.country) for e in evs] == [("172", "KEN")]
    assert not events(pipeline, "The Kenyan government revoked its earlier statement.")


def test_violence_done_to_a_place_is_done_to_its_state(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Syria protested. Israeli jets bombed the city of Aleppo on Monday.")
    bombed = [e for e in evs if e.evidence_text == "bombed"]
    assert [(e.source.country, e.target.country if e.target else None) for e in bombed] == [("ISR", "SYR")]
    assert "tgt:place" in bombed[0].rule
    # a place the article names no state for stays no target; cooperation is not aimed at a place
    evs = events(pipeline, "Israeli jets bombed the city of Aleppo on Monday.")
    assert all(e.target is None for e in evs if e.evidence_text == "bombed")
    evs = events(pipeline, "Syria protested. Israeli officials visited the city of Aleppo on Monday.")
    assert all(e.target is None or e.target.country != "SYR" for e in evs if e.evidence_text == "visited")


def test_forces_deployed_are_sent_by_their_own_side(pipeline: Pipeline) -> None:
    evs = events(pipeline, "Peruvian troops were deployed to the border on Monday.")
    assert [(e.cameo[:2], e.source.country) for e in evs] == [("15", "PER")]
    evs = events(pipeline, "A Peruvian destroyer was deployed to the Pacific coast on Monday.")
    assert [(e.cameo[:2], e.source.country) for e in evs] == [("15", "PER")]
    # people who are no state's forces are not deployed by anyone the sentence names
    assert not events(pipeline, "Volunteers were deployed to the border on Monday.")


def test_the_subject_of_a_passive_is_the_subject_of_its_infinitive(pipeline: Pipeline) -> None:
    # "X was ordered to attack", "X is poised to storm": X is who would act
    evs = events(pipeline, "Ugandan troops are poised to storm the Kenyan border town of Busia.")
    assert {(e.source.code, e.modality) for e in evs if e.cameo[:2] in ("13", "19")} >= {("UGAMIL", "future")}
    evs = events(pipeline, "The Kenyan envoy was scheduled to meet Ugandan officials on Monday.")
    assert [(e.source.code, e.modality) for e in evs if e.evidence_text == "meet"] == [("KENGOV", "future")]
    # nobody acts in what is not authorized
    evs = events(pipeline, "Kenyan officials are not authorized to speak with Ugandan reporters.")
    assert not [e for e in evs if e.evidence_text == "speak"]


def test_would_like_another_actor_to_act_is_an_appeal(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The Kenyan president would like Uganda to explain its stance.")
    assert [(e.cameo, e.modality, e.target.code if e.target else None) for e in evs if e.cameo == "020"] == [
        ("020", "asserted", "UGA")
    ]
    # a wish the parser reads as the verb's object and an infinitive
    evs = events(pipeline, "Odhiambo said she would like Museveni to further explain his stance.")
    assert [e.cameo for e in evs if e.evidence_text == "like"] == ["020"]
    # need + object + infinitive is a purpose
    assert not [e for e in events(pipeline, "Kenya needs 67 delegates to win.") if e.cameo == "020"]


def test_a_threat_announced_is_made_now(pipeline: Pipeline) -> None:
    # the threatened act is hypothetical or future; the threat itself is an act of today
    evs = events(pipeline, "The Ugandan general said that if Kenya struck Uganda, Uganda would strike back.")
    threats = [e for e in evs if e.cameo[:2] == "13"]
    assert [(t.source.code, t.modality) for t in threats] == [("UGA", "asserted")]
    # what an actor could do, or would have done, is no threat it made
    for text in (
        "Analysts said Uganda could attack Kenya.",
        "The new rules would have restricted Kenyan traders.",
    ):
        assert not [e for e in events(pipeline, text) if e.cameo[:2] == "13" and e.modality == "asserted"], (
            text
        )


def test_a_relative_pronoun_object_is_the_noun_it_stands_for(pipeline: Pipeline) -> None:
    # "whom" is the object of its clause's verb, and stands for the noun the clause follows
    evs = events(pipeline, "Iran freed the two British sailors, whom it had accused of spying.")
    assert [e.target.code if e.target else None for e in evs if e.evidence_text == "accused"] == ["GBRMIL"]
    # "all of whom": the parser may hang the clause on the quantifier; the noun is the one before it
    text = "Erdogan attacked the Kurdish militias in Syria, all of whom he denounces as terrorists."
    denounce = [e for e in events(pipeline, text) if e.evidence_text == "denounces"]
    assert [(e.cameo, e.target.text if e.target else None) for e in denounce] == [
        ("111", "the Kurdish militias")
    ]
    # a relative subject is no actor of the acts of the clauses below it
    evs = events(pipeline, "Kenyan President Kibaki, who has struggled while talking about the issue, left.")
    assert not [e for e in evs if e.evidence_text == "talking"]


def test_regret_at_anothers_act_deplores_it(pipeline: Pipeline) -> None:
    evs = events(pipeline, "The French president expressed regret at Russia's use of its veto.")
    assert [(e.cameo, e.target.code if e.target else None) for e in evs] == [("111", "RUS")]
    # regret for a harm, or over what one's own side did, is still an apology
    for text in (
        "The Kenyan government expressed regret for the deaths of the Ugandan traders.",
        "Kenya expressed regret over the killing of Ugandan civilians by its police.",
    ):
        assert [e.cameo for e in events(pipeline, text)] == ["055"], text


def test_what_a_warning_is_of_names_its_target(pipeline: Pipeline) -> None:
    for text, target in (
        ("Netanyahu has warned of an impending war with Iran.", "IRN"),
        ("The Kenyan president warned of sanctions against Uganda.", "UGA"),
    ):
        assert [(e.cameo, e.target.code if e.target else None) for e in events(pipeline, text)] == [
            ("130", target)
        ], text


def test_an_opportunity_is_no_act_until_it_is_taken(pipeline: Pipeline) -> None:
    for text in (
        "Kenya saw an opportunity to attack Uganda.",
        "Kenya missed a chance to sign a deal with Uganda.",
        "Kenya has a chance to sign a deal with Uganda.",
    ):
        assert events(pipeline, text) == [], text
    # a chance used, or had, is the act done; seizing a chance confiscates nothing
    for text, cameo in (
        ("Kenya used the opportunity to criticize Uganda.", "111"),
        ("Kenya seized the chance to attack Uganda.", "190"),
        ("The Kenyan minister had the opportunity to meet Ugandan officials.", "040"),
    ):
        assert [(e.cameo, e.modality) for e in events(pipeline, text)] == [(cameo, "asserted")], text


def test_targeting_in_words_is_criticism(pipeline: Pipeline) -> None:
    # a party, critics or an official aiming at an unarmed actor, with no weapon, attack in words
    for text, target in (
        ("Trump has consistently targeted Mexico, calling Mexican migrants criminals.", "MEX"),
        ("Critics of the Kenyan academy are targeting its owner, the Ugandan government.", "UGAGOV"),
    ):
        evs = events(pipeline, text)
        assert [(e.cameo, e.target.code if e.target else None) for e in evs] == [("111", target)], text
    # a campaign targeting voters courts them
    assert events(pipeline, "The Kenyan senator is targeting young voters in Nairobi.") == []
    # forces, a weapon, or a killing beside it keep the attack
    for text in (
        "Kenyan troops targeted Ugandan rebels with artillery.",
        "Kenyan police targeted protesters in Nairobi.",
        "The Kenyan senator was targeting Ugandan journalists and killing them.",
    ):
        assert [e.cameo for e in events(pipeline, text) if e.evidence_text.startswith("target")] == ["190"], (
            text
        )


def test_a_reported_clause_is_the_speakers_act_only_when_its_subject_is_the_speakers_side(
    pipeline: Pipeline,
) -> None:
    # "the agency" in its spokeswoman's words is her side; "the ship" is not the government speaking
    rec = pipeline.code(
        "A spokeswoman for the Kenyan immigration agency said the agency would revoke the Ugandan "
        "trader's permit.",
        published="2024-05-08",
    ).to_dict()
    revoked = [e for e in rec["events"] if e["evidence"]["text"] == "revoke"]
    assert [(e["source"]["country"], e["rule"].split()[-1]) for e in revoked] == [("KEN", "src:speaker")]
    rec = pipeline.code(
        "The Cypriot government says the ship breached a United Nations ban on arms exports.",
        published="2024-05-08",
    ).to_dict()
    assert not [e for e in rec["events"] if e["evidence"]["text"] == "breached"]


def test_a_source_asking_not_to_be_named_is_no_appeal(pipeline: Pipeline) -> None:
    # anonymity is a reporting convention: the statement is coded, the request for anonymity is not
    for text in (
        '"Supplies are very low," said one Kenyan aid official, who requested anonymity.',
        '"There is no evidence," said a Kenyan Foreign Office spokesman, speaking with customary anonymity.',
        "A Kenyan official, who asked not to be named, said the talks would resume in June.",
    ):
        rec = pipeline.code(text, published="2024-05-08").to_dict()
        assert [e["cameo"][:2] for e in rec["events"]] == ["01"], text


def test_what_one_receives_from_another_is_the_givers_act(pipeline: Pipeline) -> None:
    def coded(text: str) -> list[tuple[str, str | None, str | None]]:
        rec = pipeline.code(text, published="2024-05-08").to_dict()
        return [
            (e["cameo"], e["source"]["country"], (e["target"] or {}).get("country")) for e in rec["events"]
        ]

    assert coded("The Kenyan minister received a warning from Uganda.") == [("130", "UGA", "KEN")]
    # accepting demands from another is yielding to them: the acceptor's act
    assert [c[:2] for c in coded("The Kenyan government accepted demands from Ugandan rebels.")] == [
        ("083", "KEN")
    ]
    assert coded("The Kenyan president won the backing of the ruling Ugandan party.") == [
        ("051", "UGA", "KEN")
    ]
    # nothing received is nothing given
    assert not [
        c for c in coded("The Kenyan minister has not received any warning from Uganda.") if c[0] == "130"
    ]
    # receiving a visitor is hosting him: the verb's own reading stays
    assert coded("The Kenyan president received a Ugandan delegation on Monday.") == [("043", "KEN", "UGA")]


def test_force_used_on_a_place_is_used_on_its_country(pipeline: Pipeline) -> None:
    # the article names Syria as an actor; Idlib is a place in it
    rec = pipeline.code(
        "Syria protested on Monday. Russian jets carried out airstrikes on Idlib on Tuesday.",
        published="2024-05-08",
    ).to_dict()
    strikes = [e for e in rec["events"] if e["cameo"].startswith("19")]
    assert [(e["source"]["country"], (e["target"] or {}).get("country")) for e in strikes] == [("RUS", "SYR")]


def test_offering_views_is_no_cooperation(pipeline: Pipeline) -> None:
    rec = pipeline.code(
        "Kenyan candidates offered Ugandan voters different approaches to the presidency.",
        published="2024-05-08",
    ).to_dict()
    assert not [e for e in rec["events"] if e["cameo"].startswith("03")]
    rec = pipeline.code("Kenya offered Uganda a new plan for the border.", published="2024-05-08").to_dict()
    assert [e["cameo"][:2] for e in rec["events"]] == ["03"]


def test_what_cooperation_is_against_is_not_its_target(pipeline: Pipeline) -> None:
    rec = pipeline.code(
        "The Kenyan minister said the network he envisaged could also help protect against "
        "Russia's worrying actions.",
        published="2024-05-08",
    ).to_dict()
    assert not [e for e in rec["events"] if (e["target"] or {}).get("country") == "RUS" and e["cameo"] < "09"]
    rec = pipeline.code(
        "Kenyan officials agreed to cooperate against Somalia's militants.", published="2024-05-08"
    )
    assert [(e["cameo"][:2], e["target"]) for e in rec.to_dict()["events"]] == [("03", None)]


def test_partners_in_support_are_not_each_others_target(pipeline: Pipeline) -> None:
    # "backed by Kenya and Tanzania" is support of a third party, not of one another ("A and B met"
    # and "signed an agreement" stay mutual)
    rec = pipeline.code(
        "Uganda is moving towards a settlement with the rebels' regime, backed by Kenya and Tanzania, "
        "retaining the momentum.",
        published="2024-05-08",
    ).to_dict()
    pairs = {(e["source"]["country"], (e["target"] or {}).get("country")) for e in rec["events"]}
    assert ("KEN", "TZA") not in pairs and ("TZA", "KEN") not in pairs
    rec = pipeline.code("Kenya and Tanzania signed a trade agreement on Monday.", published="2024-05-08")
    pairs = {(e["source"]["country"], (e["target"] or {}).get("country")) for e in rec.to_dict()["events"]}
    assert {("KEN", "TZA"), ("TZA", "KEN")} <= pairs


def test_attacking_positions_is_force_and_attacking_a_stance_is_words(pipeline: Pipeline) -> None:
    rec = pipeline.code("Turkish troops attacked Kurdish positions near the border.", published="2024-05-08")
    assert [e["cameo"][:2] for e in rec.to_dict()["events"]] == ["19"]
    rec = pipeline.code("The Kenyan senator attacked Uganda's stance on the border.", published="2024-05-08")
    assert [e["cameo"] for e in rec.to_dict()["events"]] == ["111"]


def test_a_statement_from_a_body_is_the_bodys_statement(pipeline: Pipeline) -> None:
    rec = pipeline.code(
        "A statement from the Kenyan foreign ministry said Uganda should withdraw its troops.",
        published="2024-05-08",
    ).to_dict()
    assert [(e["cameo"][:2], e["source"]["country"]) for e in rec["events"]] == [("02", "KEN")]
    # a document received from someone is not that someone's act
    rec = pipeline.code("The Kenyan senator released a letter from his doctor.", published="2024-05-08")
    assert not [e for e in rec.to_dict()["events"] if e["cameo"].startswith("084")]
