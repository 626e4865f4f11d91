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
