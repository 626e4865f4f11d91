"""The dates stage: find every date expression and normalize it against the publication date.

Candidates come from token patterns (:mod:`whodid.dates.scan`) plus spaCy DATE entities the
patterns did not cover. Each is resolved with the tense of the verb that governs it
(:mod:`whodid.dates.tense`) and the conventions documented in :mod:`whodid.dates.resolve`.
Durations ("the past few days", "three years") and entities no rule understands ("the 1990s") are
returned with ``value=None`` and precision ``unknown`` (rules ``duration`` / ``entity``), so that
later stages can tell "a time expression is here" from "a date is here".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from whodid.dates.lexicon import DURATION_WORDS
from whodid.dates.resolve import Focus, resolve
from whodid.dates.scan import Scanner
from whodid.dates.spec import Candidate, Spec
from whodid.dates.tense import Direction, direction
from whodid.nlp.state import DateMention
from whodid.nlp.view import view

_CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM"})
_QUARTER_RE = re.compile(r"(\d{4})-Q([1-4])")


class DateFinder:
    """Finds and normalizes the date expressions of an article (stateless between calls)."""

    def __init__(self) -> None:
        # regexes are compiled once here; the word lists are read-only module constants
        self._scanner = Scanner()

    def find(self, doc: Doc, published: dt.date | None) -> list[DateMention]:
        """Every date mention of ``doc`` in text order, resolved against ``published``.

        Without a publication date only absolute expressions ("March 11, 2020", "December 2018",
        "in 2019") get a value; relative ones get ``value=None`` and precision ``unknown``.
        """
        pub = published.date() if isinstance(published, dt.datetime) else published
        candidates = _with_entities(doc, self._scanner.scan(doc))
        mentions: list[DateMention] = []
        focus = Focus()
        text = view(doc).text  # Doc.text rebuilds the string on every access: read it once
        for cand in candidates:
            mention = _mention(doc, text, cand, pub, focus)
            focus = _refocus(doc, cand, mention, focus)
            mentions.append(mention)
        return mentions


def _mention(doc: Doc, text: str, cand: Candidate, pub: dt.date | None, focus: Focus) -> DateMention:
    span = doc[cand.start : cand.end]
    spec = cand.spec
    tense_based = pub is not None and _needs_tense(spec)
    way: Direction = direction(span) if tense_based else "present"
    res = resolve(spec, pub, way, focus)
    start, end = span.start_char, span.end_char
    return DateMention(
        start=start,
        end=end,
        text=text[start:end],
        value=res.value,
        precision=res.precision,
        token_start=cand.start,
        token_end=cand.end,
        values=res.values,
        rule=_rule(spec, way if tense_based else None, res.value or res.timex),
        timex=res.timex,
    )


def _refocus(doc: Doc, cand: Candidate, mention: DateMention, focus: Focus) -> Focus:
    """The focus after ``mention``."""
    spec = cand.spec
    if mention.precision == "day" and mention.value is not None and mention.timex is None:
        focus = replace(focus, anchor=dt.date.fromisoformat(mention.value))
    if mention.value is not None and mention.precision != "unknown" and spec.kind not in _NOT_LAST:
        focus = replace(focus, last=mention.value)
    q = _QUARTER_RE.fullmatch(mention.timex or "")
    if q is not None and _sets_focus(spec):
        return replace(focus, quarter=(int(q.group(1)), int(q.group(2))), year_focus=False)
    if _sets_year_focus(doc, cand):
        return replace(focus, year_focus=True)
    return focus


# kinds whose value is no date the text talks about ("now" is the publication day)
_NOT_LAST = frozenset({"ref"})


def _sets_focus(spec: Spec) -> bool:
    """A quarter counted from publication ("the third quarter", "the latest quarter") becomes the one
    later references ("the quarter", "a year earlier") mean; "the 1988 quarter" does not."""
    return spec.kind == "quarter" and spec.label != "back" and spec.year is None and spec.shift == ""


def _sets_year_focus(doc: Doc, cand: Candidate) -> bool:
    """Results reported for more than a quarter ("for the nine months", "in the first six months",
    "for the year"): a later "a year earlier" or "the 1988 period" means that whole stretch."""
    spec = cand.spec
    if spec.kind == "relunit" and spec.rule == "year:current":
        return True
    if spec.kind != "duration":
        return False
    words = [t.lower_ for t in doc[cand.start : cand.end]]
    if not words or words[-1] not in ("months", "month") or words[0] not in _DEFINITE:
        return False
    return any(_MONTH_COUNTS.get(w, 0) > 3 for w in words)


_DEFINITE = frozenset({"the", "first", "latest", "its", "their"})
_MONTH_COUNTS = {"six": 6, "nine": 9, "6": 6, "9": 9, "eight": 8, "ten": 10, "eleven": 11, "twelve": 12}


def _needs_tense(spec: Spec) -> bool:
    """Whether the tense decides the value: weekdays, and months/days written without a year."""
    explicit = spec.shift in ("last", "next")
    if spec.kind == "weekday":
        return not explicit and spec.week is None
    if spec.kind == "date":
        return spec.year is None and not explicit
    if spec.kind == "month":
        return spec.year is None and spec.shift == ""
    if spec.kind in ("quarter", "half"):
        return spec.year is None and spec.part > 0 and spec.shift == ""
    if spec.kind in ("season", "holiday"):
        return spec.year is None and spec.shift == ""
    return False


def _rule(spec: Spec, way: Direction | None, value: str | None) -> str:
    """ "weekday:past", "date:future", "month:last", "date" (explicit year), "weekday:no-anchor"."""
    if spec.kind in ("duration", "unresolved", "ref", "decade", "century"):
        return spec.rule
    if value is None:
        return f"{spec.rule}:no-anchor"
    if way is not None:
        return f"{spec.rule}:{way}"
    if spec.shift in ("last", "next") and spec.kind in ("weekday", "date", "month", "holiday"):
        return f"{spec.rule}:{spec.shift}"
    return spec.rule


def _with_entities(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Add the spaCy DATE entities that no pattern covered, in text order."""
    covered = bytearray(len(doc))
    for cand in candidates:
        covered[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    extra: list[Candidate] = []
    for ent in view(doc).ents:
        if ent.label_ != "DATE" or any(covered[ent.start : ent.end]):
            continue
        spec = _entity_spec(ent)
        if spec is not None:
            extra.append(Candidate(ent.start, ent.end, spec))
    if not extra:
        return candidates
    return sorted(candidates + extra, key=lambda c: c.start)


def _entity_spec(ent: Span) -> Spec | None:
    """An uncovered DATE entity: a duration, something unresolvable, or not a date at all."""
    words = {t.lower_ for t in ent}
    # ages ("a 30-year-old") and frequency adjectives ("annual", "daily") are not time points
    if "old" in words or not any(t.pos_ in _CONTENT_POS for t in ent):
        return None
    if all(t.pos_ == "NUM" or t.is_punct for t in ent):
        return None  # a bare number ("Smith, 49", "0735 GMT"): a year would have been scanned
    if words & DURATION_WORDS:
        return Spec("duration", "duration")
    return Spec("unresolved", "entity")
