"""Holidays, expressions that refer back to earlier dates, vague stretches of time and tense cues."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from whodid.dates import DateFinder
from whodid.dates.holidays import holiday_date
from whodid.nlp.state import DateMention

OCT = dt.date(2021, 10, 27)  # a Wednesday in the fourth quarter
JAN = dt.date(2022, 1, 12)  # a Wednesday


@pytest.fixture(scope="module")
def finder() -> DateFinder:
    return DateFinder()


def by_text(
    nlp: Language, finder: DateFinder, text: str, pub: dt.date | None = OCT
) -> dict[str, DateMention]:
    return {m.text: m for m in finder.find(nlp(text), pub)}


def timex(m: DateMention) -> str | None:
    return m.timex or m.value


@pytest.mark.parametrize(
    ("rule", "year", "day"),
    [
        ("fixed:12-25", 2021, dt.date(2021, 12, 25)),
        ("nth:11:3:4", 2021, dt.date(2021, 11, 25)),  # Thanksgiving: fourth Thursday of November
        ("nth:5:0:-1", 2021, dt.date(2021, 5, 31)),  # Memorial Day: last Monday of May
        ("easter:0", 2021, dt.date(2021, 4, 4)),
        ("easter:-2", 2022, dt.date(2022, 4, 15)),
        ("election", 2022, dt.date(2022, 11, 8)),  # the Tuesday after the first Monday
    ],
)
def test_holiday_rules(rule: str, year: int, day: dt.date) -> None:
    assert holiday_date(rule, year) == day


@pytest.mark.parametrize(
    ("text", "pub", "span", "value"),
    [
        ("The ferry sank on Thanksgiving Day.", JAN, "Thanksgiving Day", "2021-11-25"),
        ("She moved in last Christmas.", OCT, "last Christmas", "2020-12-25"),
        ("The shop will reopen before Christmas.", OCT, "Christmas", "2021-12-25"),
        ("They married on Christmas Eve 2015.", OCT, "Christmas Eve 2015", "2015-12-24"),
        ("Turnout will be high on Election Day.", OCT, "Election Day", "2021-11-02"),
    ],
)
def test_holidays(nlp: Language, finder: DateFinder, text: str, pub: dt.date, span: str, value: str) -> None:
    found = by_text(nlp, finder, text, pub)
    assert span in found, list(found)
    assert (found[span].value, found[span].precision) == (value, "day")


def test_holiday_week_and_things_named_after_holidays(nlp: Language, finder: DateFinder) -> None:
    found = by_text(nlp, finder, "Pilgrims came as Easter week began.", dt.date(2022, 4, 11))
    assert timex(found["Easter week"]) == "2022-W15"
    shopping = by_text(nlp, finder, "Christmas shopping was slow.")
    assert all(m.value is None and not m.rule.startswith("holiday") for m in shopping.values())


def test_holiday_without_publication_date_has_no_value(nlp: Language, finder: DateFinder) -> None:
    m = by_text(nlp, finder, "The ferry sank on Thanksgiving Day.", None)["Thanksgiving Day"]
    assert (m.value, m.precision) == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mill opened in 1994 and exports rose that year.", "that year", "1994"),
        ("The mill opened in May 1994; the following year it closed.", "the following year", "1995"),
        ("The mill opened in June 2003 and closed later that year.", "later that year", "2003"),
        ("Talks began in March. The following month, the firm was sold.", "The following month", "2021-04"),
        ("The mill opened on June 3, 2003 and closed the next morning.", "the next morning", "2003-06-04"),
    ],
)
def test_references_to_an_earlier_date(
    nlp: Language, finder: DateFinder, text: str, span: str, value: str
) -> None:
    found = by_text(nlp, finder, text)
    assert span in found, list(found)
    assert found[span].value == value


def test_reference_with_nothing_before_it_has_no_value(nlp: Language, finder: DateFinder) -> None:
    m = by_text(nlp, finder, "Exports rose that year.")["that year"]
    assert (m.value, m.precision) == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Costs will be cut by the end of the year.", "the end of the year", "2021"),
        ("Troops will arrive by the end of the month.", "the end of the month", "2021-10"),
        ("Hate groups grew over the past year.", "the past year", "2020"),
        ("Profit will fall in the first two quarters of 2022.", "the first two quarters of 2022", "2022-H1"),
        ("For the week, the index fell 3%.", "the week", "2021-WXX"),
        ("A hearing is set for the week of Nov. 8.", "the week of Nov. 8", "2021-W45"),
        ("The boat left six weeks ago.", "six weeks ago", "2021-W37"),
        ("Support was lower several years ago.", "several years ago", "PAST_REF"),
        ("The economy will slow in coming months.", "coming months", "FUTURE_REF"),
        ("Rates have fallen in the last few months.", "the last few months", "PAST_REF"),
        ("Taxes will be lower in future quarters.", "future quarters", "FUTURE_REF"),
        ("It will seek more money at a later date.", "at a later date", "FUTURE_REF"),
        ("We don't minimize the challenges of the near term.", "the near term", "FUTURE_REF"),
    ],
)
def test_timex_of_periods_and_stretches(
    nlp: Language, finder: DateFinder, text: str, span: str, value: str
) -> None:
    found = by_text(nlp, finder, text)
    assert span in found, list(found)
    assert timex(found[span]) == value


def test_a_stretch_with_a_number_stays_a_duration(nlp: Language, finder: DateFinder) -> None:
    found = by_text(nlp, finder, "Prices rose in the past two weeks.")
    m = found["the past two weeks"]
    assert (m.value, m.timex, m.rule) == (None, None, "duration")


def test_results_for_nine_months_make_a_year_earlier_a_year(nlp: Language, finder: DateFinder) -> None:
    text = (
        "Profit rose in the third quarter from a year earlier. "
        "For the nine months, net income fell from a year earlier."
    )
    mentions = finder.find(nlp(text), OCT)
    earlier = [timex(m) for m in mentions if m.text == "a year earlier"]
    assert earlier == ["2020-Q3", "2020"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # Wednesday 2021-10-27: a weekday under "scheduled" or "postponed until" lies ahead
        ("The mayor has scheduled a news conference Thursday.", "Thursday", "2021-10-28"),
        ("Officials postponed until Tuesday any action on the permit.", "Tuesday", "2021-11-02"),
        ("The firm agreed to buy the plant in February.", "February", "2022-02"),
        # a list out of order is no block of days: each day is its own
        ("Following are statements made Wednesday and Tuesday.", "Wednesday and Tuesday", "2021-10-27"),
    ],
)
def test_tense_cues(nlp: Language, finder: DateFinder, text: str, span: str, value: str) -> None:
    found = by_text(nlp, finder, text)
    assert span in found, list(found)
    assert found[span].value == value
