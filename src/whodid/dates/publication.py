"""Publication dates as feeds and scrapers write them, read into a day.

Feeds rarely write ISO dates. Read here: ISO dates and timestamps (``2012-10-09``,
``2012-10-09T14:00Z``), RFC 822 feed dates (``Tue, 09 Oct 2012 14:00:00 GMT``), day and month names
(``9 Oct 2012``, ``October 9, 2012``, ``Tuesday, 9 October 2012``, ``Oct. 9 2012``), and numeric dates
with slashes, dots or hyphens (``11/28/2016``, ``28.11.2016``, ``2016/11/28``). A numeric date whose
first two numbers could each be the month (``03/04/2016``) is read in ``order`` (``mdy``, the
default, or ``dmy``) and marked ``ambiguous``; one that can only be read one way (``28/11/2016``) is
read that way. The date part of a timestamp is kept as written, without converting time zones.

    >>> read_publication_date("9 Oct 2012").day
    datetime.date(2012, 10, 9)
    >>> read_publication_date("03/04/2016", order="dmy")
    PublicationDate(day=datetime.date(2016, 4, 3), ambiguous=True)
    >>> read_publication_date("sometime in 2012") is None
    True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_tz
from typing import Literal

Order = Literal["mdy", "dmy"]
ORDERS: tuple[Order, ...] = ("mdy", "dmy")

_MONTHS = {
    **{name.lower(): k for k, name in enumerate(calendar.month_name) if name},
    **{name.lower(): k for k, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}.*)?"
_NAMED = (
    re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TIME}$"),  # 9 Oct 2012
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}$"),  # October 9, 2012
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[t ].*)?$")  # lower-cased: 2012-10-09t14:00z
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})" + _TIME + "$")


@dataclass(frozen=True)
class PublicationDate:
    """The day read, and whether its day and month could have been read the other way round."""

    day: dt.date
    ambiguous: bool = False


def read_publication_date(value: str, *, order: Order = "mdy") -> PublicationDate | None:
    """The day ``value`` writes (see the module's formats), None when it is none of them or no
    real day (``31/02/2016``)."""
    text = " ".join(value.split()).strip().lower()
    try:
        return _read(text, order)
    except ValueError:  # a day that does not exist: 2016-02-31
        return None


def _read(text: str, order: Order) -> PublicationDate | None:
    if match := _ISO.match(text):
        return PublicationDate(dt.date(int(match[1]), int(match[2]), int(match[3])))
    if match := _YEAR_FIRST.match(text):
        return PublicationDate(dt.date(int(match[1]), int(match[2]), int(match[3])))
    for pattern in _NAMED:
        if (match := pattern.match(text)) and match["month"] in _MONTHS:
            return PublicationDate(dt.date(int(match["year"]), _MONTHS[match["month"]], int(match["day"])))
    if match := _NUMERIC.match(text):
        return _numeric(int(match[1]), int(match[3]), int(match[4]), order)
    if (rfc := parsedate_tz(text)) is not None:  # Tue, 09 Oct 2012 14:00:00 GMT
        return PublicationDate(dt.date(rfc[0], rfc[1], rfc[2]))
    return None


def _numeric(first: int, second: int, year: int, order: Order) -> PublicationDate:
    """A day-month or month-day date: the only reading when one number cannot be a month."""
    if first > 12 >= second:
        return PublicationDate(dt.date(year, second, first))
    if second > 12 >= first:
        return PublicationDate(dt.date(year, first, second))
    ambiguous = first != second
    month, day = (first, second) if order == "mdy" else (second, first)
    return PublicationDate(dt.date(year, month, day), ambiguous=ambiguous)
