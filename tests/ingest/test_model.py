"""parse_date, article_id and the input records."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from spacy.language import Language

from whodid.errors import InputError
from whodid.ingest import ArticleInput, article_id, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-15", dt.date(2024, 3, 15)),
        (" 2024-03-15\n", dt.date(2024, 3, 15)),
        ("2024-03-15T23:30:00Z", dt.date(2024, 3, 15)),
        ("2024-03-15T23:30:00-05:00", dt.date(2024, 3, 15)),  # the date as written, no time-zone shift
        ("2024-03-15 08:00", dt.date(2024, 3, 15)),
    ],
)
def test_parse_date_accepts_iso(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["15/03/2024", "March 15, 2024", "2024-3-15", "20240315", "2024-02-30", "2024-03-15Tnoon", ""]
)
def test_parse_date_refuses_the_rest(value: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(value, origin="--published")
    assert info.value.code == "E120"
    assert info.value.problem.startswith("--published: ")
    assert repr(value) in info.value.problem


def test_article_id_is_a_content_hash() -> None:
    first = article_id("Troops crossed the river.")
    assert re.fullmatch(r"sha256-[0-9a-f]{16}", first)
    assert article_id("Troops crossed the river.") == first
    assert article_id("Troops crossed the river!") != first


def test_article_id_known_value() -> None:
    # sha256("") is well known: e3b0c442 98fc1c14 ...
    assert article_id("") == "sha256-e3b0c44298fc1c14"


def test_article_input_is_frozen() -> None:
    item = ArticleInput(text="Text.")
    assert item.id is None and item.origin == ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.text = "Other."  # type: ignore[misc]


def test_an_attribution_after_a_quoted_question_stays_in_its_sentence(nlp: Language) -> None:
    from whodid.nlp.model import with_paragraph_rule

    nlp = with_paragraph_rule(nlp)  # the session's model, as whodid.load() sets it up
    doc = nlp('"Will they ever pay?" the minister said. Then the senator left.')
    assert [s.text for s in doc.sents] == [
        '"Will they ever pay?" the minister said.',
        "Then the senator left.",
    ]
    doc = nlp('The talks ended. "Will you go?" She asked the minister what he would do about the border.')
    assert len(list(doc.sents)) == 3  # a long sentence after the quotation is a sentence of its own
