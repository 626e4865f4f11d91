"""Scanners for expressions with no calendar day of their own.

References to the present, past or future ("now", "recently", "in the future"); parts of a year
("the third quarter", "the first half of 1990", "this summer"); decades and centuries ("the 1990s",
"the late '80s", "the 20th century"); years written out ("nineteen ninety-six"); and "a year ago" /
"year-earlier", which in business news means the same period one year before.
Each scanner takes the trigger token index ``i`` and ``floor`` (the first token not yet claimed) and
returns a :class:`Candidate` or None, like those of :mod:`whodid.dates.units`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from whodid.dates.context import prefix
from whodid.dates.lexicon import MONTHS, SHIFTS, UNITS
from whodid.dates.spec import Candidate, Spec
from whodid.dates.tables import CENTURY_WORDS, ORDINALS, REFS, SEASONS, SPELLED, SPELLED_DECADES

PERIOD_NOUNS = frozenset({"quarter", "period", "half"})
BLOCKED = "blocked"  # rule of a candidate that only claims its tokens (e.g. "as soon as")

_YEAR_RE = re.compile(r"1[89]\d\d|2[01]\d\d")
_DECADE_RE = re.compile(r"(?:mid-|early-|late-)?(1[0-9]\d0|20\d0)'?s")
_SHORT_DECADE_RE = re.compile(r"([1-9]0)'?s")
_AFFIXED_YEAR_RE = re.compile(r"(?:mid|early|late|pre|post)-(1[89]\d\d|2[01]\d\d)")
_CENTURY_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})
_DETERMINERS = frozenset({"the", "its", "their", "this", "that"})
_LATEST = frozenset({"latest", "recent", "most"})
_CORRESPONDING = frozenset({"same", "corresponding", "comparable"})
_SHIFT_YEARS = {"last": -1, "next": 1, "this": 0}
# words before a season that show it is one ("in summer", "this fall"), not a verb or a spring of water
_SEASON_CUES = frozenset(
    {
        "this",
        "last",
        "next",
        "past",
        "coming",
        "the",
        "in",
        "during",
        "early",
        "late",
        "mid",
        "since",
        "until",
        "by",
    }
)
# adjective references give way to a unit or period noun after them ("the current quarter")
_UNIT_NOUNS = frozenset({"year", "month", "week", "day", "fiscal"}) | PERIOD_NOUNS


def ref(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "now", "right now", "currently", "recently", "the past", "in the future" (``refs.tsv``)."""
    n = len(doc)
    for entry in REFS.get(doc[i].lower_, ()):
        end = i + len(entry.words)
        if end > n or any(doc[i + k].lower_ != w for k, w in enumerate(entry.words)):
            continue
        if entry.timex == "-":
            return Candidate(i, end, Spec("unresolved", BLOCKED))
        if entry.tag and not doc[i].tag_.startswith(entry.tag):
            continue
        nxt = doc[end] if end < n else None
        if entry.tag == "JJ":
            if nxt is not None and nxt.lower_ in _UNIT_NOUNS:
                return None
        elif doc[end - 1].pos_ in _NOMINAL and nxt is not None and _modifies(nxt):
            # "the past" / "the future" are a time only as a whole noun phrase ("the past week" is not)
            return None
        kind = entry.timex.split("_")[0].lower()
        return Candidate(i, end, Spec("ref", f"ref:{kind}", label=entry.timex))
    return None


def _modifies(nxt: Token) -> bool:
    return nxt.pos_ in _NOMINAL or nxt.lower_ in UNITS or nxt.lower_ in ("few", "several")


def period(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "the third quarter", "third-quarter", "the latest quarter", "the year-ago period",
    "this year's first quarter", "the 1988 second quarter", "the first half of 1990",
    "the quarter ended Sept. 30", "the corresponding period last year"."""
    noun = doc[i].lower_
    n = len(doc)
    if i + 1 < n and doc[i + 1].text == "-":
        return None  # "quarter-point", "half-hour"
    left = _period_left(doc, i, floor)
    if left is None:
        return None
    start, part, year, amount, label, det = left
    end = i + 1
    rel = label == "relative"
    if end + 1 < n and doc[end].lower_ == "of":
        k = end + 1
        if k < n and doc[k].lower_ == "fiscal":
            k += 1
        if k < n and _YEAR_RE.fullmatch(doc[k].text) and year is None:
            year, end = int(doc[k].text), k + 1
        elif k + 1 < n and doc[k].lower_ in SHIFTS and doc[k + 1].lower_ == "year":
            amount, rel, end = _SHIFT_YEARS[SHIFTS[doc[k].lower_]], True, k + 2
    elif end + 1 < n and doc[end].lower_ in SHIFTS and doc[end + 1].lower_ == "year" and not rel:
        amount, rel, end = _SHIFT_YEARS[SHIFTS[doc[end].lower_]], True, end + 2
    elif part == 0 and noun != "half" and _ended_month(doc, end):
        part = (MONTHS[doc[end + 1].lower_] - 1) // 3 + 1  # "the quarter ended Sept. 30"
    if label == "relative":
        label = ""
    if noun == "half":
        if part not in (1, 2):
            return None
        return Candidate(
            start, end, Spec("half", "half", year=year, part=part, amount=amount, shift=_rel(rel))
        )
    if noun == "period" and not (year or label or rel):
        return None  # "the period" alone is any stretch of time
    if noun == "quarter" and not (part or det or label or year or rel):
        return None  # "a quarter of the shares"
    if part > 4:
        return None
    rule = "quarter" if noun == "quarter" else "quarter:period"
    spec = Spec("quarter", rule, year=year, part=part, amount=amount, shift=_rel(rel), label=label)
    return Candidate(start, end, spec)


def two_quarters(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "the first two quarters of 1990" (H1), "the last two quarters" (H2)."""
    if i - 2 < floor or doc[i - 1].lower_ != "two" or doc[i - 2].lower_ not in ("first", "last"):
        return None
    part = 1 if doc[i - 2].lower_ == "first" else 2
    start = i - 3 if i - 3 >= floor and doc[i - 3].lower_ == "the" else i - 2
    year: int | None = None
    end = i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and _YEAR_RE.fullmatch(doc[end + 1].text):
        year, end = int(doc[end + 1].text), end + 2
    elif part == 2:
        return None  # "the last two quarters": the latest two, not the second half
    return Candidate(start, end, Spec("half", "half:quarters", year=year, part=part))


def _ended_month(doc: Doc, k: int) -> bool:
    return k + 1 < len(doc) and doc[k].lower_ in ("ended", "ending") and doc[k + 1].lower_ in MONTHS


def _period_left(doc: Doc, i: int, floor: int) -> tuple[int, int, int | None, int, str, bool] | None:
    """The modifiers left of a period noun: start, ordinal, year, year shift, label, determiner.

    The label is "back" ("year-ago"), "current", "latest", "relative" ("next year's") or "".
    """
    part = 0
    year: int | None = None
    amount = 0
    label = ""
    det = False
    j = i - 1
    while j >= floor:
        tok = doc[j]
        low = tok.lower_
        if low in ("-", "fiscal"):
            pass
        elif low in ORDINALS and part == 0:
            part = ORDINALS[low]
        elif _YEAR_RE.fullmatch(tok.text) and year is None:
            year = int(tok.text)
        elif low in _LATEST:
            label = label or "latest"
        elif low in _CORRESPONDING:
            pass
        elif low == "current":
            label = label or "current"
        elif low in ("year-ago", "year-earlier"):
            label = "back"
        elif (
            low in ("ago", "earlier")
            and j - 2 >= floor
            and doc[j - 1].text == "-"
            and doc[j - 2].lower_ == "year"
        ):
            label = "back"
            j -= 2
        elif low == "'s" and j - 2 >= floor and doc[j - 1].lower_ == "year" and doc[j - 2].lower_ in SHIFTS:
            amount = _SHIFT_YEARS[SHIFTS[doc[j - 2].lower_]]
            label = "relative"
            j -= 2
        elif low in _DETERMINERS:
            det = True
            j -= 1
            break
        else:
            break
        j -= 1
    return j + 1, part, year, amount, label, det


def leads_period(doc: Doc, k: int) -> bool:
    """Whether a year just before ``k`` belongs to a period: "1988 second quarter", "1988 period"."""
    for j in range(k, min(k + 4, len(doc))):
        low = doc[j].lower_
        if low in PERIOD_NOUNS:
            return low != "half" or j > k
        if low not in ORDINALS and low not in ("-", "fiscal"):
            return False
    return False


def _rel(relative_year: bool) -> str:
    return "year" if relative_year else ""


def year_back(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "a year ago", "a year earlier", "year-earlier", "the year-ago" (not before a period noun)."""
    n = len(doc)
    if doc[i].lower_ != "year":
        return None
    nxt = doc[i + 1].lower_ if i + 1 < n else ""
    if nxt in ("ago", "earlier") and i - 1 >= floor and doc[i - 1].lower_ in ("a", "one"):
        return Candidate(i - 1, i + 2, Spec("yearback", f"yearback:{nxt}"))
    if nxt == "-" and i + 2 < n and doc[i + 2].lower_ in ("ago", "earlier"):
        if i + 3 < n and doc[i + 3].lower_ in PERIOD_NOUNS:
            return None  # "the year-ago quarter": the period scanner reads it
        start = i - 1 if i - 1 >= floor and doc[i - 1].lower_ == "the" else i
        return Candidate(start, i + 3, Spec("yearback", f"yearback:{doc[i + 2].lower_}"))
    return None


def season(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "this summer", "last fall", "the summer of 1998", "early summer", "in winter"."""
    tok = doc[i]
    if tok.pos_ != "NOUN" or i - 1 < floor or doc[i - 1].lower_ not in _SEASON_CUES:
        return None
    n = len(doc)
    end = i + 1
    year: int | None = None
    if end + 1 < n and doc[end].lower_ == "of":
        if not _YEAR_RE.fullmatch(doc[end + 1].text):
            return None  # "the fall of the government"
        year, end = int(doc[end + 1].text), end + 2
    elif end < n and _YEAR_RE.fullmatch(doc[end].text):
        year, end = int(doc[end].text), end + 1
    elif end < n and doc[end].pos_ in ("NOUN", "PROPN"):
        return None  # "summer camp", "the spring offensive"
    start, shift = prefix(doc, i, floor)
    spec = Spec("season", "season", year=year, shift=shift, label=SEASONS[tok.lower_])
    return Candidate(start, end, spec)


def decade(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "the 1990s", "the mid-1990s", "early 1980s", "the late '70s", "the nineties"."""
    tok = doc[i]
    m = _DECADE_RE.fullmatch(tok.lower_)
    if m:
        first = int(m.group(1))
    elif tok.lower_ in SPELLED_DECADES:
        if i - 1 < floor or doc[i - 1].lower_ not in ("the", "early", "late", "mid", "-"):
            return None
        first = 1900 + 10 * SPELLED_DECADES[tok.lower_]
    else:
        short = _SHORT_DECADE_RE.fullmatch(tok.lower_)
        # "the '80s"; a bare "30s" after "his"/"her" is an age
        if short is None or i - 1 < floor or doc[i - 1].text not in ("'", "‘", "’"):
            return None
        first = 1900 + int(short.group(1))
    core = i - 1 if i - 1 >= floor and doc[i - 1].text in ("'", "‘", "’") else i
    start, _ = prefix(doc, core, floor)
    if start - 1 >= floor and doc[start - 1].lower_ == "the":
        start -= 1
    return Candidate(start, i + 1, Spec("decade", "decade", year=first))


def affixed_year(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "mid-1996", "late-1989", "post-1959" written as one token."""
    m = _AFFIXED_YEAR_RE.fullmatch(doc[i].lower_)
    if m is None:
        return None
    return Candidate(i, i + 1, Spec("year", "year:affixed", year=int(m.group(1))))


def century(doc: Doc, i: int, floor: int) -> Candidate | None:
    """ "the 20th century", "the nineteenth century" (a point: not "two centuries")."""
    if doc[i].lower_ != "century" or i - 1 < floor:
        return None
    prev = doc[i - 1].lower_
    m = _CENTURY_RE.fullmatch(prev)
    number = int(m.group(1)) if m else CENTURY_WORDS.get(prev)
    if number is None or not 1 <= number <= 21:
        return None
    start = i - 2 if i - 2 >= floor and doc[i - 2].lower_ == "the" else i - 1
    return Candidate(start, i + 1, Spec("century", "century", amount=number))


def spelled_year(doc: Doc, k: int) -> tuple[int, int] | None:
    """A year written in words at ``k``: "nineteen ninety-six", "nineteen eighty", "two thousand".

    Returns the year and the index after it.
    """
    n = len(doc)
    low = doc[k].lower_
    if low == "two" and k + 1 < n and doc[k + 1].lower_ == "thousand":
        end = k + 2
        if end < n and SPELLED.get(doc[end].lower_, 99) < 20:
            return 2000 + SPELLED[doc[end].lower_], end + 1
        return 2000, end
    hundreds = SPELLED.get(low)
    if hundreds not in (18, 19, 20) or k + 1 >= n:
        return None
    tens = SPELLED.get(doc[k + 1].lower_)
    if tens is None or tens < 10:
        return None
    end = k + 2
    if tens >= 20 and tens % 10 == 0 and end + 1 < n and doc[end].text == "-":
        unit = SPELLED.get(doc[end + 1].lower_)
        if unit is not None and unit < 10:
            tens += unit
            end += 2
    return hundreds * 100 + tens, end


def spelled(doc: Doc, i: int, floor: int) -> Candidate | None:
    """A year in words, in a year context ("in nineteen ninety-one", "the year two thousand")."""
    found = spelled_year(doc, i)
    if found is None:
        return None
    year, end = found
    if end < len(doc) and doc[end].tag_ == "NNS":
        return None  # "nineteen ninety dollars"... a count
    if doc[i].lower_ == "two" and (i - 1 < floor or doc[i - 1].lower_ != "year"):
        return None  # "two thousand troops"
    start = i
    if i - 2 >= floor and doc[i - 1].lower_ == "year" and doc[i - 2].lower_ == "the":
        start = i - 2
    return Candidate(start, end, Spec("year", "year:words", year=year))
