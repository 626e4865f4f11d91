"""Small token-context helpers shared by the date scanners."""

from __future__ import annotations

from spacy.tokens import Doc

from whodid.dates.lexicon import (
    AMBIGUOUS_MONTHS,
    NUMBER_WORDS,
    PART_NOUNS,
    PARTS_OF_DAY,
    QUALIFIERS,
    SHIFTS,
    TIME_PREPS,
)


def prefix(doc: Doc, i: int, floor: int) -> tuple[int, str]:
    """Extend a span leftwards from token ``i`` over modifiers; never below ``floor``.

    Returns the new start and the explicit shift ("last"/"next"/"this" or "") found, so that
    "late last year", "earlier this month", "this coming Friday" and "mid-March" are one span.
    """
    j = i
    shift = ""
    if j - 1 >= floor and doc[j - 1].lower_ in SHIFTS:
        shift = SHIFTS[doc[j - 1].lower_]
        j -= 1
        # "this past Friday" / "this coming Monday": the second word carries the meaning
        if shift != "this" and j - 1 >= floor and doc[j - 1].lower_ == "this":
            j -= 1
    while j - 1 >= floor:
        prev = doc[j - 1].lower_
        if prev in QUALIFIERS:
            j -= 1
        elif j - 2 >= floor and _two_word_prefix(doc[j - 2].lower_, prev):
            j -= 2
        else:
            break
    return j, shift


def _two_word_prefix(first: str, second: str) -> bool:
    """ "mid-" (tokenized "mid", "-") and "end of" / "start of" / "beginning of"."""
    return (first == "mid" and second == "-") or (first in PART_NOUNS and second == "of")


def skip_part_of_day(doc: Doc, k: int) -> int:
    """Index after an optional "morning"/"night"/... at ``k`` ("Thursday night")."""
    if k < len(doc) and doc[k].lower_ in PARTS_OF_DAY:
        return k + 1
    return k


def count_at(doc: Doc, k: int) -> int | None:
    """A small count written at token ``k`` ("three", "a", "10"), else None."""
    if k < 0:
        return None
    tok = doc[k]
    if tok.lower_ in NUMBER_WORDS:
        return NUMBER_WORDS[tok.lower_]
    if tok.text.isdigit() and len(tok.text) <= 3:
        return int(tok.text)
    return None


def month_in_context(doc: Doc, i: int) -> bool:
    """Whether a bare month name at ``i`` (no day, no year) really is a month.

    "May" and "March" are also a modal verb and a verb/noun: they count only as a proper noun after a
    time preposition ("in May", "since March") or inside a spaCy DATE entity.
    """
    tok = doc[i]
    if tok.lower_ not in AMBIGUOUS_MONTHS:
        return True
    if tok.ent_type_ == "DATE":
        return True
    return tok.tag_ == "NNP" and i > 0 and doc[i - 1].lower_ in TIME_PREPS


def year_in_context(doc: Doc, i: int) -> bool:
    """Whether a four-digit number at ``i`` is a year rather than a count ("2000 troops")."""
    tok = doc[i]
    if tok.ent_type_ == "DATE":
        return True
    if tok.dep_ == "nummod" and tok.head.i > i:
        return False
    return i > 0 and doc[i - 1].lower_ in TIME_PREPS
