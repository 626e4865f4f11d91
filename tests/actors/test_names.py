"""Who a name is: a listed leader's surname inside another person's name, and a spokesman for an
organization no table knows. Sentences written for these tests, real model, the whole pipeline."""

from __future__ import annotations

from typing import Any

from whodid.pipeline import Pipeline

PUB = "2024-05-08"


def _actors(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    actors: list[dict[str, Any]] = pipeline.code(text, published=PUB).to_dict()["actors"]
    return actors


def test_a_leaders_surname_inside_another_persons_name_is_not_the_leader(pipeline: Pipeline) -> None:
    # lower case, as some wires print it: "mubarak" and "gul" are each a listed leader's surname
    text = "ahmed mubarak gul said the police beat him. the party backed mubarak gul on friday."
    names = {a["name"]: a for a in _actors(pipeline, text)}
    assert "Hosni Mubarak" not in names and "Abdullah Gül" not in names, sorted(names)
    # with a title, or with his own first name, the surname is still the leader's
    text = "President Hosni Mubarak met the envoy. Later president mubarak said no."
    leader = [a for a in _actors(pipeline, text) if a["name"] == "Hosni Mubarak"]
    assert leader and len(leader[0]["mentions"]) == 2


def test_a_namesake_with_another_first_name_is_another_person(pipeline: Pipeline) -> None:
    text = "Laura Mubarak, a teacher, said the school would reopen on Monday."
    assert all(a["name"] != "Hosni Mubarak" for a in _actors(pipeline, text))


def test_a_spokesman_for_an_unknown_organization_is_not_a_government(pipeline: Pipeline) -> None:
    text = "Wael Haddad, a spokesman for Jund al-Haqq, said the group would fight on."
    person = [a for a in _actors(pipeline, text) if a["name"] == "Wael Haddad"]
    assert person and person[0]["sector"] is None
    # a spokesman for a ministry, or for a country, speaks for its government
    for text in (
        "Omar Haddad, a spokesman for Syria's foreign ministry, criticized Iran.",
        "A spokesman for Syria criticized Turkey.",
    ):
        speakers = [a for a in _actors(pipeline, text) if "spokesman" in a["name"] or "Haddad" in a["name"]]
        assert speakers and speakers[0]["code"] == "SYRGOV", text


def test_an_unnamed_spokesman_for_an_unknown_organization_is_not_a_government(pipeline: Pipeline) -> None:
    text = "A spokesman for Jund al-Haqq said the group would fight on."
    role = [a for a in _actors(pipeline, text) if a["name"].startswith("A spokesman")]
    assert role and role[0]["sector"] is None


def test_a_peoples_adjective_owns_the_place_it_modifies(pipeline: Pipeline) -> None:
    # as "an Israeli position" is Israel's: fire at "a Kurdish position" is aimed at the Kurds
    rec = pipeline.code("Government jets bombed Kurdish positions near the dam.", published=PUB).to_dict()
    assert [e for e in rec["events"] if e["cameo"][:2] == "19" and (e["target"] or {}).get("code") == "KUR"]


def test_a_surname_alone_after_a_namesake_named_in_full_is_the_namesake(pipeline: Pipeline) -> None:
    text = "Laura Mubarak, a teacher, said the school would reopen. Mubarak said pupils were ready."
    names = {a["name"]: a for a in _actors(pipeline, text)}
    assert "Hosni Mubarak" not in names, sorted(names)
    assert len(names["Laura Mubarak"]["mentions"]) >= 2
