"""Word lists for date expressions.

These are read-only lookup tables (frozen after import), not state: every lookup is a single
dict/set membership test on ``Token.lower_`` so that scanning stays linear and cheap.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from whodid.dates.spec import Unit

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Abbreviations are accepted only where they cannot be ordinary words ("Mar" / "Jun" alone are
# left out; with a period they are unambiguous).
_MONTH_ABBREVS = {
    "jan": 1,
    "jan.": 1,
    "feb": 2,
    "feb.": 2,
    "mar.": 3,
    "apr": 4,
    "apr.": 4,
    "jun.": 6,
    "jul.": 7,
    "aug": 8,
    "aug.": 8,
    "sep.": 9,
    "sept": 9,
    "sept.": 9,
    "oct": 10,
    "oct.": 10,
    "nov": 11,
    "nov.": 11,
    "dec": 12,
    "dec.": 12,
}
MONTHS: Final = MappingProxyType({name: i + 1 for i, name in enumerate(_MONTH_NAMES)} | _MONTH_ABBREVS)
# Month names that are also common English words: they need context to count as months.
AMBIGUOUS_MONTHS: Final = frozenset({"may", "march"})
# Words before a bare month or year that show it is a date ("in March", "since 2019").
TIME_PREPS: Final = frozenset(
    {
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "of",
        "before",
        "after",
        "during",
        "through",
        "throughout",
        "to",
        "between",
        "and",
        "early",
        "mid",
        "late",
        "last",
        "next",
        "this",
        "-",
        "around",
        "on",
    }
)

_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS: Final = MappingProxyType(
    {name: i for i, name in enumerate(_WEEKDAY_NAMES)}
    | {"tues.": 1, "wed.": 2, "thu.": 3, "thur.": 3, "thurs.": 3, "fri.": 4}
)

# Day offsets from the publication date.
DEICTIC: Final = MappingProxyType({"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1})
PARTS_OF_DAY: Final = frozenset({"morning", "afternoon", "evening", "night", "overnight"})

_UNITS: dict[str, Unit] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
UNITS: Final[Mapping[str, Unit]] = MappingProxyType(_UNITS)
# Entity tokens that mark a DATE entity as a duration rather than a point in time.
DURATION_WORDS: Final = frozenset(
    set(UNITS) | {"decade", "decades", "century", "centuries", "hours", "minutes", "weekends"}
)

# Explicit shifts written before a weekday, month or unit.
SHIFTS: Final = MappingProxyType(
    {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}
)
# Vague qualifiers that widen a span without changing its value ("early March", "later this year").
QUALIFIERS: Final = frozenset({"early", "late", "mid", "earlier", "later"})
# "the end of March": these nouns followed by "of" also widen a span.
PART_NOUNS: Final = frozenset({"end", "start", "beginning", "middle"})

# Joiners between weekdays or days: the first set makes a list, the second a continuous range.
LIST_JOINERS: Final = frozenset({"and", "or", ","})
RANGE_JOINERS: Final = frozenset({"to", "through", "until", "till", "-", "–", "—", "thru"})

NUMBER_WORDS: Final = MappingProxyType(
    {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "fifteen": 15,
        "twenty": 20,
        "thirty": 30,
    }
)

# Tense cues.
FUTURE_AUX: Final = frozenset({"will", "shall", "would", "'ll", "wo"})
# Heads whose infinitive complement is in the future: "plans to", "expected to", "due to", "going to".
FUTURE_HEADS: Final = frozenset(
    {"go", "due", "plan", "expect", "schedule", "set", "slate", "intend", "aim", "prepare", "poise"}
)
# Heads whose infinitive complement happens after them, whatever their tense: "agreed to buy it in
# February", "promised to meet on Monday", "voted to strike next month".
COMMIT_HEADS: Final = frozenset(
    {"agree", "promise", "pledge", "vow", "decide", "threaten", "offer", "vote", "undertake", "resolve"}
)
# Verbs that put what they govern in the future whatever their tense ("has scheduled a news conference
# Thursday", "the vote was slated for Monday"), and verbs of delay, future with "until" ("postponed
# until Tuesday").
SCHEDULE_VERBS: Final = frozenset({"schedule", "reschedule", "slate"})
DELAY_VERBS: Final = frozenset({"postpone", "delay", "adjourn", "defer", "suspend", "put", "push", "extend"})
# Adjectives on the noun a date modifies that put it in the future ("the upcoming Thursday vote").
FUTURE_ADJ: Final = frozenset({"upcoming", "forthcoming", "coming", "planned", "scheduled", "proposed"})
