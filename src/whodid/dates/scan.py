"""Token patterns that find date expressions.

The small spaCy model misses some dates and mis-bounds others, so the scanner works on tokens
directly: it triggers on a core word (weekday, month, number, "today"-word, unit) and extends the
span both ways. Spans never overlap: ``floor`` is the first token not yet claimed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from whodid.dates.context import month_in_context, prefix, skip_part_of_day, year_in_context
from whodid.dates.holidays import holiday
from whodid.dates.lexicon import (
    DEICTIC,
    LIST_JOINERS,
    MONTHS,
    PARTS_OF_DAY,
    RANGE_JOINERS,
    SHIFTS,
    UNITS,
    WEEKDAYS,
)
from whodid.dates.periods import (
    BLOCKED,
    PERIOD_NOUNS,
    affixed_year,
    century,
    decade,
    leads_period,
    period,
    ref,
    season,
    spelled,
    spelled_year,
    two_quarters,
    year_back,
)
from whodid.dates.spec import Candidate, Kind, Spec
from whodid.dates.tables import HOLIDAYS, REFS, SEASONS, SPELLED, SPELLED_DECADES
from whodid.dates.units import deictic, unit_expression, vague_stretch

_DAY_JOINERS = (LIST_JOINERS - {","}) | RANGE_JOINERS
_WEEK_SHIFT = {"last": -1, "next": 1, "this": 0}
# A weekday or month inside one of these entities is a name ("April Smith", "the Sunday Times").
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "LOC", "NORP", "LAW"})


class Scanner:
    """Finds date-expression candidates in a parsed ``Doc``; patterns are compiled once here."""

    def __init__(self) -> None:
        self._day_re = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
        self._day_range_re = re.compile(r"(\d{1,2})[-–](\d{1,2})")
        self._year_re = re.compile(r"1[89]\d\d|2[01]\d\d")
        self._iso_re = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
        self._slash_re = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")

    def scan(self, doc: Doc) -> list[Candidate]:
        """Every candidate in text order; spans never overlap."""
        found: list[Candidate] = []
        i = floor = 0
        n = len(doc)
        while i < n:
            cand = self._at(doc, i, floor)
            if cand is None:
                i += 1
                continue
            if cand.spec.rule != BLOCKED:
                found.append(cand)
            i = floor = cand.end
        return found

    def _at(self, doc: Doc, i: int, floor: int) -> Candidate | None:
        tok = doc[i]
        low = tok.lower_
        if low in WEEKDAYS or low in MONTHS or low == "weekend":
            if tok.ent_type_ in _NAME_ENTITIES:
                return None
            if low in MONTHS:
                return self._month_first(doc, i, floor)
            return self._weekday(doc, i, floor)
        if low in HOLIDAYS:
            cand = holiday(doc, i, floor)
            if cand is not None:
                return cand
        if low in REFS:
            cand = ref(doc, i, floor)
            if cand is not None:
                return cand
        if tok.text[:1].isdigit():
            return decade(doc, i, floor) or self._numeric(doc, i, floor)
        if low in DEICTIC or low in PARTS_OF_DAY:
            return deictic(doc, i, floor)
        if low == "year":
            cand = year_back(doc, i, floor)
            if cand is not None:
                return cand
        if low == "week":
            cand = self._week_of(doc, i, floor)
            if cand is not None:
                return cand
        if low in UNITS:
            return unit_expression(doc, i, floor)
        if low in PERIOD_NOUNS:
            return period(doc, i, floor)
        if low == "quarters":
            return two_quarters(doc, i, floor) or vague_stretch(doc, i, floor)
        if low in SEASONS:
            return season(doc, i, floor)
        if low in SPELLED_DECADES:
            return decade(doc, i, floor)
        if low in SPELLED:
            return spelled(doc, i, floor)
        if low == "century":
            return century(doc, i, floor)
        if "-" in low and any(ch.isdigit() for ch in low):
            return decade(doc, i, floor) or affixed_year(doc, i, floor)
        return None

    # -- weekdays -------------------------------------------------------------------------------

    def _weekday(self, doc: Doc, i: int, floor: int) -> Candidate:
        """ "Thursday", "last Friday", "Thursday and Friday", "Friday, March 19", "the weekend"."""
        start, shift = prefix(doc, i, floor)
        if start == i and i - 1 >= floor and doc[i - 1].lower_ in ("every", "each"):
            # "every Monday" is a habit, not a day
            return Candidate(i - 1, i + 1, Spec("unresolved", "habitual"))
        if doc[i].lower_ == "weekend":
            return Candidate(
                start, i + 1, Spec("weekday", "weekend", weekdays=(5, 6), fill=True, shift=shift)
            )
        end = skip_part_of_day(doc, i + 1)
        dated = self._date_after_weekday(doc, end)
        if dated is not None:
            # the explicit date wins; the weekday only helps to choose its year
            spec = replace(dated.spec, weekdays=(WEEKDAYS[doc[i].lower_],))
            return Candidate(start, dated.end, spec)
        weekdays, fill, end = _weekday_series(doc, i, end)
        week, end = _pinned_week(doc, end)
        spec = Spec("weekday", "weekday", weekdays=weekdays, fill=fill, shift=shift, week=week)
        return Candidate(start, end, spec)

    def _date_after_weekday(self, doc: Doc, k: int) -> Candidate | None:
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k >= len(doc):
            return None
        tok = doc[k]
        cand = None
        if tok.lower_ in MONTHS:
            cand = self._month_first(doc, k, k)
        elif tok.text[:1].isdigit():
            cand = self._day_first(doc, k, k)
        return cand if cand is not None and cand.spec.kind == "date" else None

    def _week_of(self, doc: Doc, i: int, floor: int) -> Candidate | None:
        """ "the week of March 6": the week that holds the date."""
        k = i + 2
        if k >= len(doc) or doc[i + 1].lower_ != "of":
            return None
        if doc[k].lower_ in MONTHS:
            dated = self._month_first(doc, k, k)
        elif doc[k].text[:1].isdigit():
            dated = self._day_first(doc, k, k)
        else:
            return None
        if dated is None or dated.spec.kind != "date":
            return None
        start = i - 1 if i - 1 >= floor and doc[i - 1].lower_ == "the" else i
        return Candidate(start, dated.end, replace(dated.spec, unit="week", rule="date:week-of"))

    # -- months and numbers ---------------------------------------------------------------------

    def _month_first(self, doc: Doc, i: int, floor: int) -> Candidate | None:
        """ "March 11", "March 11, 2020", "March 3-5", "December 2018", "in March", "mid-March"."""
        tok = doc[i]
        if not tok.text[:1].isupper():
            return None
        days, fill, end = self._days(doc, i + 1)
        year, end = self._year_after(doc, end, comma=bool(days))
        if not days and year is None and not month_in_context(doc, i):
            return None
        start, shift = prefix(doc, i, floor)
        kind: Kind = "date" if days else "month"
        spec = Spec(kind, kind, year=year, month=MONTHS[tok.lower_], days=days, fill=fill, shift=shift)
        return Candidate(start, end, spec)

    def _numeric(self, doc: Doc, i: int, floor: int) -> Candidate | None:
        """Years, ISO dates, numeric dates and day-first dates ("5 March 2021")."""
        text = doc[i].text
        if self._year_re.fullmatch(text):
            if leads_period(doc, i + 1):
                return None  # "the 1988 second quarter": the period scanner reads the year
            return self._iso_tokens(doc, i) or self._bare_year(doc, i, floor)
        iso = self._iso_re.fullmatch(text)
        if iso:
            y, m, d = (int(g) for g in iso.groups())
            return Candidate(i, i + 1, Spec("date", "iso", year=y, month=m, days=(d,)))
        slash = self._slash_re.fullmatch(text)
        if slash:
            return Candidate(i, i + 1, _slash_spec(*(int(g) for g in slash.groups())))
        return self._day_first(doc, i, floor)

    def _iso_tokens(self, doc: Doc, i: int) -> Candidate | None:
        """ "2021-03-17" when the tokenizer split it into five tokens."""
        if i + 5 > len(doc) or doc[i + 1].text != "-":
            return None
        iso = self._iso_re.fullmatch(doc[i : i + 5].text)
        if iso is None:
            return None
        y, m, d = (int(g) for g in iso.groups())
        return Candidate(i, i + 5, Spec("date", "iso", year=y, month=m, days=(d,)))

    def _bare_year(self, doc: Doc, i: int, floor: int) -> Candidate | None:
        if not year_in_context(doc, i):
            return None
        start, _ = prefix(doc, i, floor)
        return Candidate(start, i + 1, Spec("year", "year", year=int(doc[i].text)))

    def _day_first(self, doc: Doc, i: int, floor: int) -> Candidate | None:
        """ "5 March", "the 5th of March", "3-5 March 2021"."""
        days, fill, end = self._days(doc, i)
        if not days:
            return None
        if end < len(doc) and doc[end].lower_ == "of":
            end += 1
        if end >= len(doc) or doc[end].lower_ not in MONTHS or not doc[end].text[:1].isupper():
            return None
        month = MONTHS[doc[end].lower_]
        year, end = self._year_after(doc, end + 1, comma=True)
        start, shift = prefix(doc, i, floor)
        spec = Spec("date", "date", year=year, month=month, days=days, fill=fill, shift=shift)
        return Candidate(start, end, spec)

    def _day(self, tok: Token) -> int | None:
        m = self._day_re.fullmatch(tok.lower_)
        if m is None:
            return None
        day = int(m.group(1))
        return day if 1 <= day <= 31 else None

    def _days(self, doc: Doc, k: int) -> tuple[tuple[int, ...], bool, int]:
        """Day(s) of the month at ``k``: "5", "5th", "3-5", "3 to 5", "3 and 4"."""
        n = len(doc)
        if k >= n:
            return (), False, k
        rng = self._day_range_re.fullmatch(doc[k].text)
        if rng:
            a, b = int(rng.group(1)), int(rng.group(2))
            return ((a, b), True, k + 1) if 1 <= a < b <= 31 else ((), False, k)
        first = self._day(doc[k])
        if first is None:
            return (), False, k
        k += 1
        if k + 1 < n and doc[k].lower_ in _DAY_JOINERS:
            second = self._day(doc[k + 1])
            nxt = doc[k + 1]
            # "March 3 and 5 people": a count of something to its right is not a day
            counts_noun = nxt.dep_ == "nummod" and nxt.head.i > nxt.i and nxt.head.lower_ not in MONTHS
            if second is not None and second > first and not counts_noun:
                return (first, second), doc[k].lower_ in RANGE_JOINERS, k + 2
        return (first,), False, k

    def _year_after(self, doc: Doc, k: int, comma: bool) -> tuple[int | None, int]:
        n = len(doc)
        if k < n and self._year_re.fullmatch(doc[k].text):
            return int(doc[k].text), k + 1
        if k < n and doc[k].lower_ in SPELLED:
            words = spelled_year(doc, k)
            if words is not None:
                return words
        if comma and k + 1 < n and doc[k].text == "," and self._year_re.fullmatch(doc[k + 1].text):
            return int(doc[k + 1].text), k + 2
        return None, k


def _weekday_series(doc: Doc, i: int, end: int) -> tuple[tuple[int, ...], bool, int]:
    """The weekday at ``i`` plus any joined ones: "Monday, Tuesday and Wednesday", "Monday to Friday"."""
    days = [WEEKDAYS[doc[i].lower_]]
    fill = False
    n = len(doc)
    while end + 1 < n:
        joiner = doc[end].lower_
        k = end + 1
        if joiner == "," and doc[k].lower_ in ("and", "or"):
            k += 1  # serial comma
        if k >= n or doc[k].lower_ not in WEEKDAYS:
            break
        if joiner in RANGE_JOINERS:
            fill = True
        elif joiner not in LIST_JOINERS:
            break
        days.append(WEEKDAYS[doc[k].lower_])
        end = skip_part_of_day(doc, k + 1)
    return tuple(days), fill, end


def _pinned_week(doc: Doc, end: int) -> tuple[int | None, int]:
    """ "Friday last week" / "Monday next week": the weekday of a given week."""
    if end + 1 < len(doc) and doc[end].lower_ in SHIFTS and doc[end + 1].lower_ == "week":
        shift = SHIFTS[doc[end].lower_]
        return _WEEK_SHIFT[shift], end + 2
    return None, end


def _slash_spec(a: int, b: int, year: int) -> Spec:
    """ "17/03/2021": day-first and month-first both exist, so only unambiguous ones resolve."""
    if a > 12 >= b:
        return Spec("date", "numeric", year=year, month=b, days=(a,))
    if b > 12 >= a:
        return Spec("date", "numeric", year=year, month=a, days=(b,))
    if a == b:
        return Spec("date", "numeric", year=year, month=a, days=(a,))
    return Spec("unresolved", "numeric:ambiguous")
