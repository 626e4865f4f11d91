"""Issue 11, problem 7: publication dates as feeds write them ("9 Oct 2012", "11/28/2016") were
stored as no date. ``read_publication_date`` reads the common formats into a day, says when a numeric
date could be read either way, and returns None (to be reported) for what it cannot read."""

from __future__ import annotations

import datetime as dt

import pytest

from whodid.dates.publication import PublicationDate, read_publication_date

DAY = dt.date(2012, 10, 9)


@pytest.mark.parametrize(
    "value",
    [
        "9 Oct 2012",
        "9 October 2012",
        "9th October 2012",
        "Tuesday, 9 October 2012",
        "October 9, 2012",
        "Oct. 9, 2012",
        "October 9 2012 at 14:00",
        "2012-10-09",
        "2012-10-09T14:00Z",
        "2012-10-09 23:30:00-05:00",  # the date as written, no time-zone conversion
        "Tue, 09 Oct 2012 14:00:00 GMT",  # RFC 822, as RSS feeds write it
        "Tue, 9 Oct 2012 14:00:00 +0200",
        "10/09/2012",  # month first by default
        "2012/10/09",
        "  9   Oct   2012 ",
    ],
)
def test_common_formats_are_read(value: str) -> None:
    found = read_publication_date(value)
    assert found is not None and found.day == DAY


def test_the_order_decides_only_what_could_be_either() -> None:
    assert read_publication_date("11/28/2016") == PublicationDate(dt.date(2016, 11, 28))
    assert read_publication_date("28/11/2016") == PublicationDate(dt.date(2016, 11, 28))  # 28 is no month
    assert read_publication_date("28.11.2016", order="mdy") == PublicationDate(dt.date(2016, 11, 28))
    assert read_publication_date("03/04/2016") == PublicationDate(dt.date(2016, 3, 4), ambiguous=True)
    assert read_publication_date("03/04/2016", order="dmy") == PublicationDate(
        dt.date(2016, 4, 3), ambiguous=True
    )
    assert read_publication_date("05/05/2016") == PublicationDate(dt.date(2016, 5, 5))  # either way the same


@pytest.mark.parametrize(
    "value", ["", "sometime in 2012", "9 Foo 2012", "31/02/2016", "2016-02-30", "13/13/2016"]
)
def test_what_is_no_day_is_none(value: str) -> None:
    assert read_publication_date(value) is None
