"""Peoples qualified by a country adjective, "ethnic" groups, and bodies named after a leader."""

from __future__ import annotations

from typing import Any

from whodid.pipeline import Pipeline


def _actors(pipeline: Pipeline, text: str, published: str | None = None) -> dict[str, Any]:
    rec = pipeline.code(text, published=published).to_dict()
    return {a["name"]: a for a in rec["actors"]}


def test_a_people_qualified_by_a_country_adjective_is_of_that_country(pipeline: Pipeline) -> None:
    actors = _actors(pipeline, "Thousands of Nigerian Igbos marched through the streets on Friday.")
    assert actors["Nigerian Igbos"]["country"] == "NGA"
    actors = _actors(pipeline, "Canadian Mohawks blocked a bridge near the border on Monday.")
    assert actors["Canadian Mohawks"]["country"] == "CAN"
    assert all(a["kind"] != "person" for a in actors.values())


def test_ethnic_groups_take_the_country_they_are_in_or_none(pipeline: Pipeline) -> None:
    actors = _actors(pipeline, "Ethnic Hungarians in Romania demanded schools in their own language.")
    assert actors["Ethnic Hungarians"]["country"] == "ROU"
    actors = _actors(pipeline, "Ethnic Hungarians demanded schools in their own language.")
    assert all(a["country"] != "HUN" for a in actors.values())


def test_a_government_named_after_a_listed_leader_is_of_the_leaders_country(pipeline: Pipeline) -> None:
    actors = _actors(pipeline, "The Merkel government rejected the proposal on Monday.", "2012-03-05")
    gov = next(a for a in actors.values() if a["name"].endswith("government"))
    assert gov["code"] == "DEUGOV"


def test_an_appositive_roles_owner_gives_country_and_sector(pipeline: Pipeline) -> None:
    actors = _actors(pipeline, "A member of the Peruvian parliament, Carlos Mendoza, began a hunger strike.")
    assert actors["Carlos Mendoza"]["code"] == "PERLEG"


def test_a_group_based_in_a_country_belongs_to_it(pipeline: Pipeline) -> None:
    actors = _actors(pipeline, "An armed group based in Mali claimed the attack on Tuesday.")
    group = next(a for a in actors.values() if "group" in a["name"])
    assert group["country"] == "MLI"


def test_generic_heads_speak_for_their_organization(pipeline: Pipeline) -> None:
    actors = _actors(pipeline, "A spokesman for the rebels said the talks had failed.")
    spokesman = next(a for a in actors.values() if "spokesman" in a["name"])
    assert spokesman["sector"] == "REB"
    actors = _actors(pipeline, "Leaders of the opposition alliance rejected the offer on Monday.")
    leaders = next(a for a in actors.values() if a["name"].startswith("Leaders"))
    assert leaders["sector"] == "OPP"


def test_bodies_named_with_their_country(pipeline: Pipeline) -> None:
    actors = _actors(pipeline, "The Government of Ghana rejected the report on Monday.")
    assert any(a["code"] == "GHAGOV" for a in actors.values())
    actors = _actors(pipeline, "The Norwegian Development Agency sent tents to Chad.")
    assert any(a["code"] == "NORGOV" and a["kind"] == "organization" for a in actors.values())
    actors = _actors(pipeline, "The Islamic State group claimed the attack on Friday.")
    assert any((a["code"] or "").startswith("IMG") for a in actors.values())


def test_historical_states_and_country_names_the_ner_missed(pipeline: Pipeline) -> None:
    actors = _actors(pipeline, "The Soviet Union sent troops to Afghanistan.")
    assert {a["code"] for a in actors.values()} >= {"USR", "AFG"}  # CAMEO codes: USR
    assert all(a["sector"] != "LAB" for a in actors.values())  # no labour union
    text = "Uzbekistan quietly closed its northern border crossings on Monday."
    assert not [e for e in pipeline.make_doc(text).ents if e.text == "Uzbekistan"]  # the NER misses it
    rec = pipeline.code(text).to_dict()
    assert any(a["code"] == "UZB" for a in rec["actors"])


def test_a_countrys_side_is_its_government_a_bare_side_is_nobody(pipeline: Pipeline) -> None:
    rec = pipeline.code("The Japanese and Korean sides agreed to resume talks in May.").to_dict()
    assert {a["code"] for a in rec["actors"]} >= {"JPNGOV", "KORGOV"}
    actors = _actors(pipeline, "Rebels shelled the eastern side of the city.")
    assert all("side" not in a["name"] for a in actors.values())


def test_a_body_used_as_a_modifier_takes_the_phrases_country(pipeline: Pipeline) -> None:
    rec = pipeline.code("Egyptian army bulldozers razed three houses near the border.").to_dict()
    assert any(a["code"] == "EGYMIL" for a in rec["actors"])


def test_actor_names_do_not_end_in_function_words(pipeline: Pipeline) -> None:
    rec = pipeline.code("A spokesman for the State Department said the talks had failed.").to_dict()
    names = [a["name"] for a in rec["actors"]]
    assert names and all(n.split()[-1].lower() not in ("for", "the", "of", "from") for n in names), names


def test_the_country_that_backs_a_group_is_not_its_own(pipeline: Pipeline) -> None:
    rec = pipeline.code(
        "The Russian-backed separatists shelled the Ukrainian town.", published=None
    ).to_dict()
    shellers = [e["source"] for e in rec["events"] if e["evidence"]["text"] == "shelled"]
    assert shellers and all(s["country"] != "RUS" for s in shellers)
    # a country leading a coalition still names it
    rec = pipeline.code("A Saudi-led coalition bombed the port.", published=None).to_dict()
    assert [e["source"]["country"] for e in rec["events"] if e["evidence"]["text"] == "bombed"] == ["SAU"]


def test_a_lone_demonym_the_ner_calls_a_person_is_its_country(pipeline: Pipeline) -> None:
    # the model tags "Ugandan" here as a PERSON; a lone demonym modifying a noun names its country
    actors = _actors(pipeline, "The Kenyan government remains opposed to the Ugandan plan.")
    assert "Ugandan" not in actors or actors["Ugandan"]["kind"] != "person"
    assert any(a["country"] == "UGA" and a["kind"] == "state" for a in actors.values())


def test_a_people_that_is_no_states_has_its_own_code_and_no_country(pipeline: Pipeline) -> None:
    rec = pipeline.code("Turkish troops shelled Kurdish fighters near the border on Monday.").to_dict()
    kurds = [a for a in rec["actors"] if "Kurdish" in a["name"]]
    assert kurds and kurds[0]["country"] is None and kurds[0]["code"].startswith("KUR")
    rec = pipeline.code("The Kurds say they want autonomy.").to_dict()
    assert [(a["code"], a["kind"]) for a in rec["actors"] if a["name"] == "Kurds"] == [("KUR", "group")]
    # a people qualified by a state keeps it, and "pro-Kurdish" lawmakers are for them, not of them
    rec = pipeline.code("Iraqi Kurds voted on Monday. Police arrested pro-Kurdish lawmakers.").to_dict()
    codes = {a["name"]: a["code"] for a in rec["actors"]}
    assert codes.get("Iraqi Kurds") == "IRQ"
    assert not any((c or "").startswith("KUR") for n, c in codes.items() if "lawmakers" in n)


def test_origin_and_nationality_joined_by_a_hyphen_are_of_the_second_country(pipeline: Pipeline) -> None:
    # "Kenyan-Americans" are Americans of Kenyan origin; "Bosnian Serbs" live in Bosnia
    actors = _actors(pipeline, "Hundreds of Kenyan-Americans marched in Minneapolis on Sunday.")
    assert actors["Kenyan-Americans"]["country"] == "USA"
    actors = _actors(pipeline, "Thousands of Bosnian Serbs marched through the streets on Friday.")
    assert actors["Bosnian Serbs"]["country"] == "BIH"
