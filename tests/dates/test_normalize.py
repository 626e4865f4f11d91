"""Tests for the dates stage: candidates, tense-aware resolution and offsets."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from whodid.dates import DateFinder
from whodid.nlp.state import DateMention

WED = dt.date(2021, 3, 17)  # a Wednesday
JAN = dt.date(2022, 1, 10)  # a Monday in January


@pytest.fixture(scope="module")
def finder() -> DateFinder:
    return DateFinder()


def dates(nlp: Language, finder: DateFinder, text: str, pub: dt.date | None = WED) -> list[DateMention]:
    return finder.find(nlp(text), pub)


def only(nlp: Language, finder: DateFinder, text: str, pub: dt.date | None = WED) -> DateMention:
    found = dates(nlp, finder, text, pub)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def by_text(mentions: list[DateMention]) -> dict[str, DateMention]:
    return {m.text: m for m in mentions}


@pytest.mark.parametrize(
    ("text", "pub", "span", "value", "precision"),
    [
        # tense-aware weekdays around Wednesday 2021-03-17
        (
            "Speaking Wednesday in the port city, she told reporters the plan had failed.",
            WED,
            "Wednesday",
            "2021-03-17",
            "day",
        ),
        ("The minister said on Thursday that the border was closed.", WED, "Thursday", "2021-03-11", "day"),
        (
            "Thursday's meeting between the two sides is due to take place in the capital.",
            WED,
            "Thursday",
            "2021-03-18",
            "day",
        ),
        ("The summit is going to open on Monday.", WED, "Monday", "2021-03-22", "day"),
        ("The vote is expected on Sunday.", WED, "Sunday", "2021-03-21", "day"),
        (
            "Asked about the deal on Tuesday, the spokesman declined to comment.",
            WED,
            "Tuesday",
            "2021-03-16",
            "day",
        ),
        ("Rebels attacked the village last Friday.", WED, "last Friday", "2021-03-12", "day"),
        # month-day without a year: year chosen in the tense's direction
        ("The minister said on March 11 that the plan was dead.", WED, "March 11", "2021-03-11", "day"),
        ("Parliament will vote on March 11 on the new budget.", WED, "March 11", "2022-03-11", "day"),
        ("The court ruled on Jan. 3 that the law was void.", JAN, "Jan. 3", "2022-01-03", "day"),
        ("The envoy arrived on December 28 for talks.", JAN, "December 28", "2021-12-28", "day"),
        # absolute dates
        (
            "The treaty was signed on March 11, 2020, in a small town.",
            WED,
            "March 11, 2020",
            "2020-03-11",
            "day",
        ),
        (
            "The army withdrew on 7 January 2021 after a long siege.",
            WED,
            "7 January 2021",
            "2021-01-07",
            "day",
        ),
        ("The report was published on 2019-06-30 by the agency.", WED, "2019-06-30", "2019-06-30", "day"),
        ("He has lived in exile since December 2018.", WED, "December 2018", "2018-12", "month"),
        ("The party was founded in 2019 by students.", WED, "2019", "2019", "year"),
        # months without a year
        ("Protesters gathered in the square in March.", JAN, "March", "2021-03", "month"),
        ("Elections are due in May.", JAN, "May", "2022-05", "month"),
        ("Earlier this month, the army moved north.", WED, "Earlier this month", "2021-03", "month"),
        ("Talks collapsed last month.", WED, "last month", "2021-02", "month"),
        ("The law takes effect next year.", WED, "next year", "2022", "year"),
        # "today" words and "ago"
        ("Rebels shelled the town yesterday.", WED, "yesterday", "2021-03-16", "day"),
        ("The talks resume tomorrow morning.", WED, "tomorrow morning", "2021-03-18", "day"),
        ("The streets were quiet last night.", WED, "last night", "2021-03-16", "day"),
        ("Three days ago, rebels attacked a convoy.", WED, "Three days ago", "2021-03-14", "day"),
        ("Two months ago, the army withdrew.", WED, "Two months ago", "2021-01", "month"),
    ],
)
def test_single_mentions(
    nlp: Language, finder: DateFinder, text: str, pub: dt.date, span: str, value: str, precision: str
) -> None:
    m = only(nlp, finder, text, pub)
    assert (m.text, m.value, m.precision) == (span, value, precision)
    assert m.values == [value]
    assert m.rule


def test_weekday_rule_names_the_tense(nlp: Language, finder: DateFinder) -> None:
    said = only(nlp, finder, "The minister said on Thursday that the border was closed.")
    will = only(nlp, finder, "The minister will travel on Thursday to the border.")
    assert said.rule == "weekday:past" and said.value == "2021-03-11"
    assert will.rule == "weekday:future" and will.value == "2021-03-18"


@pytest.mark.parametrize(
    "text",
    [
        "The president is to visit the region on Friday.",
        "The union plans to strike on Friday.",
        "He said the envoy would arrive on Friday.",
        "The union said the upcoming Friday strike is legal.",
    ],
)
def test_future_cues(nlp: Language, finder: DateFinder, text: str) -> None:
    m = only(nlp, finder, text)
    assert (m.text, m.value, m.rule) == ("Friday", "2021-03-19", "weekday:future")


def test_future_weekday_list_gives_every_day(nlp: Language, finder: DateFinder) -> None:
    m = only(nlp, finder, "The ministers will meet on Thursday and Friday in the capital.")
    assert m.text == "Thursday and Friday"
    assert m.value == "2021-03-18"
    assert m.values == ["2021-03-18", "2021-03-19"]


def test_past_weekday_list_stays_in_order(nlp: Language, finder: DateFinder) -> None:
    m = only(nlp, finder, "The ministers met on Thursday and Friday in the capital.")
    assert m.values == ["2021-03-11", "2021-03-12"]


def test_ranges_are_filled(nlp: Language, finder: DateFinder) -> None:
    found = by_text(
        dates(nlp, finder, "Talks ran from Monday to Wednesday last week. A fair was held on March 3-5.")
    )
    assert found["Monday to Wednesday last week"].values == ["2021-03-08", "2021-03-09", "2021-03-10"]
    assert found["March 3-5"].values == ["2021-03-03", "2021-03-04", "2021-03-05"]


def test_said_past_and_will_next_in_one_sentence(nlp: Language, finder: DateFinder) -> None:
    found = dates(nlp, finder, "The minister said on Tuesday that talks will resume next Monday.")
    assert [(m.text, m.value) for m in found] == [("Tuesday", "2021-03-16"), ("next Monday", "2021-03-22")]


def test_weekday_with_explicit_date(nlp: Language, finder: DateFinder) -> None:
    m = only(nlp, finder, "The vote will be held on Friday, March 19, officials said.")
    assert (m.text, m.value) == ("Friday, March 19", "2021-03-19")


def test_week_is_its_monday_with_unknown_precision(nlp: Language, finder: DateFinder) -> None:
    m = only(nlp, finder, "The talks began last week in the capital.")
    assert (m.value, m.precision) == ("2021-03-08", "unknown")
    assert m.values[0] == "2021-03-08" and m.values[-1] == "2021-03-14" and len(m.values) == 7


def test_the_same_day_follows_the_previous_date(nlp: Language, finder: DateFinder) -> None:
    text = "The army took the town on Monday. The same day, rebels fled. Two days later they returned."
    found = dates(nlp, finder, text)
    assert [(m.text, m.value) for m in found] == [
        ("Monday", "2021-03-15"),
        ("The same day", "2021-03-15"),
        ("Two days later", "2021-03-17"),
    ]


def test_the_same_day_without_earlier_date_is_publication(nlp: Language, finder: DateFinder) -> None:
    m = only(nlp, finder, "Rebels fled the town that day, witnesses said.")
    assert (m.text, m.value, m.precision) == ("that day", "2021-03-17", "day")


@pytest.mark.parametrize("text", ["The strikes over the past few days hurt.", "He served three years."])
def test_durations_are_not_dated(nlp: Language, finder: DateFinder, text: str) -> None:
    found = dates(nlp, finder, text)
    assert all(m.value is None and m.precision == "unknown" for m in found)
    assert all(m.values == [] for m in found)


def test_counts_and_modals_are_not_dates(nlp: Language, finder: DateFinder) -> None:
    assert dates(nlp, finder, "Some 2000 soldiers may leave the base soon.") == []


def test_names_and_habits_are_not_days(nlp: Language, finder: DateFinder) -> None:
    assert dates(nlp, finder, "May the talks succeed, said April Smith of the Sunday Times.") == []
    m = only(nlp, finder, "The group has met every Monday for a long time.")
    assert (m.text, m.value, m.rule) == ("every Monday", None, "habitual")


def test_no_state_between_calls(nlp: Language, finder: DateFinder) -> None:
    dates(nlp, finder, "The army took the town on Monday.")
    m = only(nlp, finder, "Rebels fled that day.")
    assert m.value == "2021-03-17"  # the publication date, not the Monday of the previous article


def test_no_publication_date_never_guesses(nlp: Language, finder: DateFinder) -> None:
    text = (
        "The minister said on Thursday that talks, paused since December 2018, resume on "
        "March 11, 2020. Yesterday, on May 5 and last week, rebels moved."
    )
    found = by_text(dates(nlp, finder, text, None))
    assert found["December 2018"].value == "2018-12"
    assert found["March 11, 2020"].value == "2020-03-11"
    for relative in ("Thursday", "Yesterday", "May 5", "last week"):
        assert found[relative].value is None
        assert found[relative].precision == "unknown"


def test_ambiguous_numeric_date_is_unresolved(nlp: Language, finder: DateFinder) -> None:
    found = by_text(dates(nlp, finder, "It was filed on 17/03/2021 and revised on 03/04/2021."))
    assert found["17/03/2021"].value == "2021-03-17"
    assert found["03/04/2021"].value is None


def test_datetime_publication_is_accepted(nlp: Language, finder: DateFinder) -> None:
    m = only(nlp, finder, "Rebels shelled the town yesterday.", dt.datetime(2021, 3, 17, 23, 5))
    assert m.value == "2021-03-16"


def test_offsets_round_trip(nlp: Language, finder: DateFinder) -> None:
    text = (
        "On Monday, March 15, the envoy arrived.  Earlier this month, talks stalled; "
        "they resume tomorrow and run through Friday, weeks after a pause since mid-2019."
    )
    doc = nlp(text)
    found = finder.find(doc, WED)
    assert len(found) >= 4
    last_end = -1
    for m in found:
        assert doc.text[m.start : m.end] == m.text
        assert doc[m.token_start : m.token_end].text == m.text
        assert m.start >= last_end  # text order, no overlap
        last_end = m.end
