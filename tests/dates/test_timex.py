"""TIMEX3 values beyond calendar dates: references, weeks, quarters, seasons, decades, spelled years."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from whodid.dates import DateFinder
from whodid.nlp.state import DateMention

OCT = dt.date(2021, 10, 27)  # a Wednesday in the fourth quarter
JAN = dt.date(2022, 1, 12)  # a Wednesday in the first quarter


@pytest.fixture(scope="module")
def finder() -> DateFinder:
    return DateFinder()


def by_text(nlp: Language, finder: DateFinder, text: str, pub: dt.date = OCT) -> dict[str, DateMention]:
    return {m.text: m for m in finder.find(nlp(text), pub)}


@pytest.mark.parametrize(
    ("text", "span", "value", "timex"),
    [
        ("The firm now owns a stake in the mill.", "now", "2021-10-27", "PRESENT_REF"),
        ("The firm currently owns a stake.", "currently", "2021-10-27", "PRESENT_REF"),
        ("The firm recently sold its stake.", "recently", None, "PAST_REF"),
        ("In the past, the firm sold goods abroad.", "In the past", None, "PAST_REF"),
        ("The plant will reopen in the future.", "in the future", None, "FUTURE_REF"),
        ("Profit rose in the third quarter.", "the third quarter", "2021", "2021-Q3"),
        ("Third-quarter profit rose.", "Third-quarter", "2021", "2021-Q3"),
        ("Sales fell in the first half of 2019.", "the first half of 2019", "2019", "2019-H1"),
        ("Output grew in the 2020 second quarter.", "the 2020 second quarter", "2020", "2020-Q2"),
        ("Output will grow in next year's first quarter.", "next year's first quarter", "2022", "2022-Q1"),
        ("The current quarter began well.", "The current quarter", "2021", "2021-Q4"),
        ("The plant closed this summer.", "this summer", "2021", "2021-SU"),
        ("The strike began last winter.", "last winter", "2020", "2020-WI"),
        ("The party grew in the 1990s.", "the 1990s", None, "199"),
        ("The party grew in the late '80s.", "the late '80s", None, "198"),
        ("The church dates from the 12th century.", "the 12th century", None, "11"),
        ("The law passed in nineteen ninety-six.", "nineteen ninety-six", "1996", "1996"),
        ("Prices peaked in mid-1996.", "mid-1996", "1996", "1996"),
        ("Sales for the full year rose.", "the full year", "2021", "2021"),
        ("The talks ended last week.", "last week", "2021-10-18", "2021-W42"),
        ("The talks ended over the weekend.", "weekend", "2021-10-23", "2021-W42-WE"),
    ],
)
def test_timex_values(
    nlp: Language, finder: DateFinder, text: str, span: str, value: str | None, timex: str
) -> None:
    found = by_text(nlp, finder, text)
    assert span in found, list(found)
    m = found[span]
    assert (m.value, m.timex or m.value) == (value, timex)


def test_a_quarter_not_started_is_last_years_in_the_past(nlp: Language, finder: DateFinder) -> None:
    m = by_text(nlp, finder, "Fourth-quarter profit rose sharply.", pub=JAN)["Fourth-quarter"]
    assert m.timex == "2021-Q4"


def test_later_references_follow_the_quarter_in_focus(nlp: Language, finder: DateFinder) -> None:
    text = "Net income rose in the second quarter. Sales in the quarter fell from a year earlier."
    found = by_text(nlp, finder, text)
    assert found["the second quarter"].timex == "2021-Q2"
    assert found["the quarter"].timex == "2021-Q2"
    assert found["a year earlier"].timex == "2020-Q2"


def test_a_year_ago_without_a_quarter_is_the_previous_year(nlp: Language, finder: DateFinder) -> None:
    m = by_text(nlp, finder, "The town was flooded a year ago.")["a year ago"]
    assert (m.value, m.timex) == ("2020", None)


@pytest.mark.parametrize(
    "text",
    [
        "A quarter of the shares were sold.",
        "Smith, 49, was charged.",
        "The past week was calm.",
        "The current account improved.",
        "The leaves fall in the wind.",
    ],
)
def test_not_these(nlp: Language, finder: DateFinder, text: str) -> None:
    found = by_text(nlp, finder, text)
    assert all(m.timex not in ("PRESENT_REF", "PAST_REF") for m in found.values())
    assert not any(m.timex and "Q" in m.timex for m in found.values())
    assert "49" not in found and "fall" not in found


def test_past_verb_with_a_date_in_the_coming_weeks(nlp: Language, finder: DateFinder) -> None:
    m = by_text(nlp, finder, "The company set Nov. 10 as the deadline for bids.")["Nov. 10"]
    assert m.value == "2021-11-10"
