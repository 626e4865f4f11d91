"""Countries from the article around an actor (actors/context.py), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

from whodid.pipeline import Pipeline

PUB = "2024-05-08"


def actor(pipeline: Pipeline, text: str, name: str) -> dict[str, Any]:
    rec = pipeline.code(text, published=PUB).to_dict()
    found = [a for a in rec["actors"] if name in a["name"]]
    assert found, [a["name"] for a in rec["actors"]]
    return found[0]


def test_a_state_in_front_of_a_title_names_the_country(pipeline: Pipeline) -> None:
    a = actor(pipeline, "The Ohio senator criticized the new tax.", "senator")
    assert (a["country"], a["country_rule"]) == ("USA", "country:region")


def test_party_and_state_after_a_name_name_the_country(pipeline: Pipeline) -> None:
    a = actor(pipeline, "Sen. Dana Whitlock, D-Ore., criticized the new tax on Monday.", "Whitlock")
    assert a["country"] == "USA"


def test_a_first_name_that_is_a_state_is_no_evidence(pipeline: Pipeline) -> None:
    rec = pipeline.code("Georgia Whitlock said the bakery would open in June.", published=PUB).to_dict()
    assert all(a.get("country_rule") != "country:region" for a in rec["actors"])


STORY = (
    "Brazil's government announced new limits on logging in the Amazon on Tuesday. "
    "Brazilian officials said the rules would take effect in July. "
    "Critics in Brazil said the plan came too late. "
    "The environment minister said the ministry would hire more inspectors. "
    "Marta Quintela, who runs a sawmill, said she would close it."
)


def test_the_story_country_keys_titled_and_plain_people(pipeline: Pipeline) -> None:
    minister = actor(pipeline, STORY, "environment minister")
    assert (minister["country"], minister["country_rule"]) == ("BRA", "country:focus")
    person = actor(pipeline, STORY, "Quintela")
    assert person["country"] == "BRA"


def test_no_focus_when_two_countries_are_even(pipeline: Pipeline) -> None:
    text = "Chile and Peru signed a fishing accord. Chile and Peru will meet again. The minister said so."
    rec = pipeline.code(text, published=PUB).to_dict()
    assert all(a.get("country_rule") != "country:focus" for a in rec["actors"])


def test_a_counterpart_is_not_given_the_story_country(pipeline: Pipeline) -> None:
    text = STORY + " The Brazilian president thanked his counterpart for the visit."
    rec = pipeline.code(text, published=PUB).to_dict()
    counterpart = [a for a in rec["actors"] if "counterpart" in a["name"]]
    assert counterpart and counterpart[0]["country"] != "BRA"


def test_an_apposition_says_where_a_person_works(pipeline: Pipeline) -> None:
    a = actor(
        pipeline, "Maria Lopez, an attorney for the family in Chicago, said the ruling was unfair.", "Lopez"
    )
    assert (a["country"], a["country_rule"]) == ("USA", "country:apposition")


def test_an_acronym_refers_to_the_organization_named_before(pipeline: Pipeline) -> None:
    text = (
        "The Nigerian Civil Aviation Authority said on Monday that flights had resumed. "
        "The NCAA also said it would inspect more planes."
    )
    rec = pipeline.code(text, published=PUB).to_dict()
    body = [a for a in rec["actors"] if "Aviation" in a["name"]]
    assert body and body[0]["kind"] == "organization" and body[0]["country"] == "NGA"
    assert any(m["text"] == "NCAA" and m["rule"] == "organization:acronym" for m in body[0]["mentions"])
    assert not [a for a in rec["actors"] if a["kind"] == "person"]  # neither name is a person


def test_an_organization_before_a_title_gives_the_country(pipeline: Pipeline) -> None:
    text = (
        "The Nigerian Civil Aviation Authority said on Monday that flights had resumed. "
        "NCAA director Amani Odhiambo said the agency would hire more inspectors."
    )
    a = actor(pipeline, text, "Odhiambo")
    assert (a["country"], a["country_rule"]) == ("NGA", "country:affiliation")


def test_his_country_is_the_country_of_whom_his_refers_to(pipeline: Pipeline) -> None:
    rec = pipeline.code(
        "The Kuwaiti ambassador said his country would never accept the deal.", published=PUB
    ).to_dict()
    kuwait = [a for a in rec["actors"] if a["code"] == "KWT"]
    assert kuwait and any(m["rule"] == "state:possessed" for m in kuwait[0]["mentions"])
    assert [e for e in rec["events"] if e["source"]["code"] == "KWT" and e["cameo"][:2] == "12"]


def test_a_company_spokesman_and_a_chief_technology_officer_are_business(pipeline: Pipeline) -> None:
    assert (
        actor(pipeline, "A spokesman for Acme Corp said the plant would close.", "spokesman")["sector"]
        == "BUS"
    )
    assert (
        actor(pipeline, "An Acme Corp spokesman said the plant would close.", "spokesman")["sector"] == "BUS"
    )
    reed = actor(
        pipeline, "Nimbus Technologies chief technology officer Dana Reed said it was hacked.", "Reed"
    )
    assert reed["sector"] == "BUS"
    police = actor(pipeline, "A spokesman for the Kenyan police said the road would close.", "spokesman")
    assert police["code"] == "KENCOP"  # a state body's spokesman stays with the state


def test_protesters_and_residents_are_of_the_story_country(pipeline: Pipeline) -> None:
    protesters = actor(pipeline, STORY + " Police arrested twelve protesters in Manaus.", "protesters")
    assert (protesters["country"], protesters["country_rule"]) == ("BRA", "country:focus")


def test_an_apposition_naming_a_company_makes_a_spokesman_business(pipeline: Pipeline) -> None:
    reed = actor(pipeline, "Dana Reed, a spokesman for Acme Bank, said the branch would close.", "Reed")
    assert reed["sector"] == "BUS"


def test_a_place_in_the_mention_names_the_country_of_its_people(pipeline: Pipeline) -> None:
    text = STORY + " Farmers in Lyon said the new limits would hurt their trade."
    a = actor(pipeline, text, "Farmers")
    assert (a["country"], a["country_rule"]) == ("FRA", "country:place")
    # an envoy's post is abroad: the city of the post is not the envoy's country
    text = STORY + " The ambassador in Lyon said the new limits would hurt trade."
    a = actor(pipeline, text, "ambassador")
    assert a.get("country_rule") != "country:place"


def test_a_person_of_the_story_place_is_of_the_story_country(pipeline: Pipeline) -> None:
    text = STORY + " A local pastor said the new rules were unfair."
    a = actor(pipeline, text, "pastor")
    assert (a["country"], a["country_rule"]) == ("BRA", "country:focus")


def test_a_state_whose_name_holds_a_country_name_is_that_state(pipeline: Pipeline) -> None:
    # "New Mexico" and "New Jersey" are US states, not Mexico or Jersey
    a = actor(pipeline, "New Mexico Gov. Dana Whitlock criticized the new tax.", "Whitlock")
    assert (a["country"], a["sector"]) == ("USA", "GOV")
    b = actor(pipeline, "The New Jersey governor criticized the new tax.", "governor")
    assert b["country"] == "USA"


def test_a_country_name_alone_is_still_the_country(pipeline: Pipeline) -> None:
    a = actor(pipeline, "Mexico's president criticized the new tax.", "president")
    assert a["country"] == "MEX"


def test_a_possessor_of_two_words_is_the_country_they_name_together(pipeline: Pipeline) -> None:
    # "North Korea's", "South Sudan's": the whole name, not its last word (Korea, Sudan)
    a = actor(pipeline, "North Korea's foreign ministry criticized the drills.", "ministry")
    assert (a["country"], a["code"]) == ("PRK", "PRKGOV")
    b = actor(pipeline, "South Sudan's army attacked a rebel camp.", "army")
    assert b["country"] == "SSD"


def test_a_country_the_tagger_took_for_a_person_is_the_country_but_a_surname_stays_a_person(
    pipeline: Pipeline,
) -> None:
    rec = pipeline.code(
        "Ghana said it would retaliate if Nigeria closed the border.", published=PUB
    ).to_dict()
    assert "NGA" in {a["code"] for a in rec["actors"]}
    text = "Michael Jordan praised the team. Jordan said the coach was great."
    rec = pipeline.code(text, published=PUB).to_dict()
    assert "JOR" not in {a["country"] for a in rec["actors"]}


def test_abbreviated_titles_give_the_sector(pipeline: Pipeline) -> None:
    for text, sector in (
        ("Sen. Dana Whitlock criticized the new tax.", "LEG"),
        ("Rep. Dana Whitlock criticized the new tax.", "LEG"),
        ("Gov. Dana Whitlock criticized the new tax.", "GOV"),
        ("Gen. Dana Whitlock criticized the new tax.", "MIL"),
    ):
        assert actor(pipeline, text, "Whitlock")["sector"] == sector, text


def test_pronouns_do_not_weigh_in_the_story_country(pipeline: Pipeline) -> None:
    # Peru is named four times, Chile and the Chilean minister three; her pronouns repeat one mention
    text = (
        "Peru and Chile met in Lima. Peru asked Chile for the files. Peru said they were late. "
        "Chilean minister Ana Rojas said she would send them, that she had read them, "
        "that she would sign them and that she hoped Peru would agree. The mayor said so."
    )
    mayor = actor(pipeline, text, "mayor")
    assert mayor["country"] == "PER"


def test_a_country_named_before_a_noun_of_expertise_is_the_subject_not_the_country(
    pipeline: Pipeline,
) -> None:
    # "Kenya experts" know about Kenya; "Kenyan experts" and "U.S. experts" are of their country
    assert actor(pipeline, "Kenya experts said the election was fair.", "experts")["country"] is None
    assert (
        actor(pipeline, "Somalia analysts in Nairobi said the vote was fair.", "analysts")["country"] == "KEN"
    )
    text = "The vote was fair, said Amina Odhiambo, a former State Department Kenya adviser."
    assert actor(pipeline, text, "Amina Odhiambo")["country"] == "USA"
    assert actor(pipeline, "Kenyan experts said the election was fair.", "experts")["country"] == "KEN"
    assert actor(pipeline, "U.S. experts said the election was fair.", "experts")["country"] == "USA"


def test_a_shared_institution_name_is_of_the_story_country(pipeline: Pipeline) -> None:
    # "Congress" alone means the US Congress, unless the story is another country's and names no
    # other US actor; a person described by it goes with it
    text = (
        "New Delhi: The Congress on Monday attacked Prime Minister Atal Bihari Vajpayee. Congress "
        "spokesman Jaipal Reddy said the BJP government in India had failed."
    )
    assert actor(pipeline, text, "Congress")["code"] == "INDLEG"
    assert actor(pipeline, text, "Jaipal Reddy")["code"] == "INDLEG"
    assert actor(pipeline, text, "Congress")["country_rule"] == "country:shared-name"
    for text in (
        "Beijing: China's foreign ministry criticized Congress on Monday. President Xi Jinping met Premier "
        "Li Keqiang in Beijing. US President Donald Trump signed the bill.",
        "Congress passed the bill on Monday. Senator Chuck Grassley voted for it.",
        "Santiago: Chile's foreign minister criticized the US Congress. Chilean President Sebastian Pinera "
        "spoke in Santiago.",
    ):
        assert actor(pipeline, text, "Congress")["code"] == "USALEG", text
    # a lower-case word the tables do not know says no country of its own
    text = (
        "new delhi: the trinamul congress is distancing itself from the nda. prime minister vajpayee spoke."
    )
    assert actor(pipeline, text, "congress")["code"] == "INDLEG"


def test_govt_is_the_government(pipeline: Pipeline) -> None:
    # the headline abbreviation names the government, of the country in front of it
    assert actor(pipeline, "The Kenyan govt rejected the Ugandan proposal.", "govt")["code"] == "KENGOV"


LOWER_CASE_STORY = (
    "twelve men were arrested in a village of gujarat on monday. the police said the men had attacked "
    "a shop near vadodara. the district magistrate visited vadodara and the rest of gujarat on tuesday."
)


def test_a_lower_case_story_keys_its_officials_to_the_country_of_its_places(pipeline: Pipeline) -> None:
    # no capitals: the NER finds no name, so no actor names a country, but the towns are known
    rec = pipeline.code(LOWER_CASE_STORY, published=PUB).to_dict()
    by_name = {a["name"]: a for a in rec["actors"]}
    assert (by_name["the police"]["country"], by_name["the police"]["country_rule"]) == (
        "IND",
        "country:places",
    )
    assert by_name["the district magistrate"]["country"] == "IND"
    # private people are not given the country of the places
    assert by_name["twelve men"]["country"] is None
    # with capitals the fallback is not used: the NER sees the names there
    capitals = ". ".join(s.strip().capitalize() for s in LOWER_CASE_STORY.split(". "))
    rec = pipeline.code(capitals.replace("gujarat", "Gujarat").replace("vadodara", "Vadodara"), published=PUB)
    assert all(a.get("country_rule") != "country:places" for a in rec.to_dict()["actors"])


def test_a_pronoun_does_not_stop_a_shared_name_from_taking_the_story_country(pipeline: Pipeline) -> None:
    # "its" repeats "the Congress"; the story is about India and names no US actor
    text = (
        "Indian Prime Minister Vajpayee spoke in Delhi. The Indian government met on Monday. "
        "The Congress is insisting on its discretion in the matter, Indian officials said."
    )
    congress = actor(pipeline, text, "Congress")
    assert (congress["country"], congress["country_rule"]) == ("IND", "country:shared-name")


def test_a_country_the_tagger_calls_a_person_is_the_state(pipeline: Pipeline) -> None:
    # the model tags "Sri Lanka" PERSON; its two words are no person's name written in full
    a = actor(pipeline, "Sri Lanka said on Monday that it would open an embassy in Kenya.", "Sri Lanka")
    assert (a["kind"], a["country"]) == ("state", "LKA")
