"""Scanners for expressions built on "today"-words and time units.

"yesterday", "last night", "this week", "last month", "three days ago", "the same day",
"two days later", and the durations that must not be read as dates ("the past week").
Each scanner takes the trigger token index ``i`` and ``floor`` (the first token not yet claimed by
an earlier span) and returns a :class:`Candidate` or None.
"""

from __future__ import annotations

from spacy.tokens import Doc

from whodid.dates.context import count_at, prefix, skip_part_of_day
from whodid.dates.lexicon import DEICTIC, PART_NOUNS, SHIFTS, UNITS
from whodid.dates.periods import leads_period
from whodid.dates.spec import Candidate, Spec, Unit

_DAY_ANAPHORS = frozenset({"same", "that", "next", "following", "previous", "preceding"})
_SHIFT_AMOUNT = {"last": -1, "next": 1, "this": 0}
_VAGUE_COUNTS = frozenset({"few", "several", "many", "some", "couple"})


def deictic(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "today", "late yesterday", "tomorrow morning", "last night", "this morning"."""
    low = doc[i].lower_
    if low in DEICTIC:
        start, _ = prefix(doc, i, floor)
        end = skip_part_of_day(doc, i + 1)
        return Candidate(start, end, Spec("deictic", low, amount=DEICTIC[low]))
    if i - 1 < floor:
        return None
    prev = doc[i - 1].lower_
    if prev in _DAY_ANAPHORS:
        return _same_day(doc, i, floor)  # "the next morning", "that night"
    if prev == "last" and low == "night":
        amount = -1
    elif prev == "this" and low in ("morning", "afternoon", "evening"):
        amount = 0
    else:
        return None
    start, _ = prefix(doc, i, floor)
    return Candidate(start, i + 1, Spec("deictic", f"{prev}-{low}", amount=amount))


def unit_expression(doc: Doc, i: int, floor: int) -> Candidate | None:
    """Expressions around a unit word at ``i`` ("week", "days", ...)."""
    unit = UNITS[doc[i].lower_]
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if nxt == "ago":
        return _ago(doc, i, floor, unit)
    if nxt in ("later", "earlier") and unit in ("day", "week", "fortnight"):
        return _offset(doc, i, floor, unit, nxt)
    if unit == "day":
        return _same_day(doc, i, floor) or vague_stretch(doc, i, floor)
    if unit in ("month", "year"):
        cand = _same_unit(doc, i, floor, unit) or _part_of_unit(doc, i, floor, unit)
        if cand is not None:
            return cand
    if doc[i].lower_ == "year":
        cand = _the_year(doc, i, floor)
        if cand is not None:
            return cand
    if doc[i].lower_ == "week":
        cand = _the_week(doc, i, floor)
        if cand is not None:
            return cand
    return _relative_unit(doc, i, floor, unit)


def _the_week(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "for the week", "the week's most active session": a week of the publication year that the text
    does not pin down (TIMEX3 "1989-WXX")."""
    if i - 1 < floor or doc[i - 1].lower_ != "the":
        return None
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if nxt in _WEEK_AFTER:
        return None  # "the week of March 6", "the week before", "the week-long"
    before = doc[i - 2].lower_ if i - 2 >= floor else ""
    if nxt != "'s" and before not in ("for", "during"):
        return None
    return Candidate(i - 1, i + 1, Spec("relunit", "week:unspecified", unit="week", label="XX"))


_WEEK_AFTER = frozenset({"of", "before", "after", "earlier", "later", "ending", "ended", "-", "following"})


def _ago(doc: Doc, i: int, floor: int, unit: Unit) -> Candidate:
    """ "three days ago", "a year ago"; "years ago" / "a few days ago" are the past (PAST_REF)."""
    count = count_at(doc, i - 1) if i - 1 >= floor else None
    if count is None:
        start = i - 1 if i - 1 >= floor and doc[i - 1].lower_ in _VAGUE_COUNTS else i
        return Candidate(start, i + 2, Spec("ref", "ago:vague", label="PAST_REF"))
    if unit == "fortnight":
        unit, count = "day", count * 14
    if unit == "week" and count >= _WEEKS_AS_WEEK:
        # "six weeks ago" names a week; "two weeks ago" is read as a day
        return Candidate(i - 1, i + 2, Spec("relunit", "ago:week", unit="week", amount=-count))
    return Candidate(i - 1, i + 2, Spec("ago", f"ago:{unit}", unit=unit, amount=-count))


_WEEKS_AS_WEEK = 3


def _offset(doc: Doc, i: int, floor: int, unit: Unit, direction: str) -> Candidate | None:
    """ "two days later", "a week earlier": an offset from the previous date in the text."""
    count = count_at(doc, i - 1) if i - 1 >= floor else None
    if count is None:
        return None
    days = count * {"day": 1, "week": 7, "fortnight": 14}[unit]
    amount = days if direction == "later" else -days
    return Candidate(i - 1, i + 2, Spec("anaphor", f"anaphor:{direction}", amount=amount))


def _same_day(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "the same day", "that day", "the next day", "the previous day"."""
    if i - 1 < floor:
        return None
    prev = doc[i - 1]
    word = prev.lower_
    if word == "same" or (word == "that" and prev.dep_ == "det"):
        amount, rule = 0, "anaphor:same-day"
    elif word in ("next", "following"):
        amount, rule = 1, "anaphor:next-day"
    elif word in ("previous", "preceding"):
        amount, rule = -1, "anaphor:previous-day"
    else:
        return None
    start = i - 1
    before = doc[start - 1].lower_ if start - 1 >= floor else ""
    if before == "the" or (word == "same" and before == "that"):
        start -= 1
    return Candidate(start, i + 1, Spec("anaphor", rule, amount=amount))


def _same_unit(doc: Doc, i: int, floor: int, unit: Unit) -> Candidate | None:
    """ "that year", "later that year", "the same month", "the following year", "the previous month":
    the month or year of the previous date in the text, or the one after or before it."""
    if i - 1 < floor or (i + 1 < len(doc) and doc[i + 1].text in ("-", "'s")):
        return None
    prev = doc[i - 1]
    word = prev.lower_
    if word == "that" and prev.dep_ == "det":
        amount, start = 0, i - 1
    elif word == "same" and i - 2 >= floor and doc[i - 2].lower_ in ("the", "that"):
        amount, start = 0, i - 2
    elif word in _AFTER_WORDS and i - 2 >= floor and doc[i - 2].lower_ == "the":
        amount, start = _AFTER_WORDS[word], i - 2
    else:
        return None
    start, _ = prefix(doc, start, floor)
    return Candidate(start, i + 1, Spec("anaphor", f"anaphor:{unit}", unit=unit, amount=amount))


def _part_of_unit(doc: Doc, i: int, floor: int, unit: Unit) -> Candidate | None:
    """ "by the end of the year", "at the beginning of the month": the publication's year or month."""
    if i - 3 < floor or doc[i - 1].lower_ != "the" or doc[i - 2].lower_ != "of":
        return None
    if doc[i - 3].lower_ not in PART_NOUNS or doc[i].lower_ != unit:
        return None
    if i + 1 < len(doc) and doc[i + 1].lower_ in _YEAR_AFTER:
        return None  # "the end of the year before"
    start = i - 4 if i - 4 >= floor and doc[i - 4].lower_ == "the" else i - 3
    return Candidate(start, i + 1, Spec("relunit", f"{unit}:part", unit=unit, amount=0))


_AFTER_WORDS = {"following": 1, "previous": -1, "preceding": -1, "prior": -1}


def _the_year(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "for the year", "the full year", "the current fiscal year", "year end", "year's end": the
    publication year (a year the article reports on, not a span of twelve months)."""
    n = len(doc)
    k = i + 1
    if k < n and doc[k].text in ("-", "'s"):
        k += 1
    if k < n and doc[k].lower_ == "end":
        start = i - 1 if i - 1 >= floor and doc[i - 1].lower_ == "the" else i
        return Candidate(start, k + 1, Spec("relunit", "year:end", unit="year", amount=0))
    j = i - 1
    mods: set[str] = set()
    while j >= floor and doc[j].lower_ in _YEAR_MODIFIERS:
        mods.add(doc[j].lower_)
        j -= 1
    if j < floor or doc[j].lower_ != "the" or i + 1 >= n:
        return None
    if "fiscal" in mods and "current" not in mods:
        return None  # "the fiscal year": any company's twelve months
    nxt = doc[i + 1]
    if nxt.lower_ in _YEAR_AFTER or nxt.like_num or nxt.text == "-":
        return None  # "the year before", "the year 2000", "the year-ago quarter"
    if not mods and (j - 1 < floor or doc[j - 1].lower_ not in _YEAR_PREPS):
        return None  # "person of the year", "over the year"
    return Candidate(j, i + 1, Spec("relunit", "year:current", unit="year", amount=0))


_YEAR_MODIFIERS = frozenset({"full", "current", "fiscal", "entire", "whole"})
_YEAR_AFTER = frozenset({"before", "earlier", "after", "later", "ago", "'s", "of"})
_YEAR_PREPS = frozenset({"in", "for", "during", "throughout"})


def vague_stretch(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "in coming months", "the next few weeks", "the last few months", "in past years": FUTURE_REF or
    PAST_REF (a plural unit with no number)."""
    if not doc[i].lower_.endswith("s"):
        return None
    j = i - 1
    if j >= floor and doc[j].lower_ in ("few", "several"):
        j -= 1
    if j < floor or doc[j].lower_ not in _STRETCH_WORDS:
        return None
    label = _STRETCH_WORDS[doc[j].lower_]
    if doc[j].lower_ in ("next", "last") and j == i - 1:
        return None  # "next years" / "last days" are no stretch of time
    start = j - 1 if j - 1 >= floor and doc[j - 1].lower_ == "the" else j
    return Candidate(start, i + 1, Spec("ref", f"ref:{label.split('_')[0].lower()}", label=label))


_STRETCH_WORDS = {
    "coming": "FUTURE_REF",
    "next": "FUTURE_REF",
    "future": "FUTURE_REF",
    "past": "PAST_REF",
    "last": "PAST_REF",
}


def _relative_unit(doc: Doc, i: int, floor: int, unit: Unit) -> Candidate | None:
    """ "this week", "earlier this month", "late last year", "next year"; "the past week" is a
    duration (it spans up to now, it is not a point in time); "coming months", "the last few weeks"
    name the future or the past as a whole (like "recent months")."""
    vague = vague_stretch(doc, i, floor)
    if vague is not None:
        return vague
    if i - 1 < floor or doc[i - 1].lower_ not in SHIFTS:
        return None
    if i + 1 < len(doc) and doc[i + 1].lower_ == "'s" and leads_period(doc, i + 2):
        return None  # "next year's first quarter": the period scanner reads it
    word = doc[i - 1].lower_
    shift = SHIFTS[word]
    has_article = i - 2 >= floor and doc[i - 2].lower_ in ("the", "a", "every")
    plural = doc[i].lower_.endswith("s")
    if word == "past" and unit == "year" and not plural and i - 2 >= floor and doc[i - 2].lower_ == "the":
        # "over the past year": TimeBank dates it to the previous calendar year
        return Candidate(i - 2, i + 1, Spec("relunit", "past-year", unit="year", amount=-1))
    if plural or has_article or word == "past" or unit == "fortnight":
        start = i - 2 if has_article else i - 1
        return Candidate(start, i + 1, Spec("duration", "duration"))
    start, _ = prefix(doc, i, floor)
    spec = Spec("relunit", f"{shift}-{unit}", unit=unit, amount=_SHIFT_AMOUNT[shift])
    return Candidate(start, i + 1, spec)
