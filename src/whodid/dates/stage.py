"""The date stage: ``DateFinder`` over a parsed ``Doc``, with the publication date on its state."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from whodid.dates import DateFinder
from whodid.nlp.state import DateMention, state


class DateStage:
    """Pipeline stage: every date expression of the article, resolved against its publication date."""

    name = "dates"
    requires: tuple[str, ...] = ("parser", "ner", "published")
    assigns: tuple[str, ...] = ("dates",)

    def __init__(self, finder: DateFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        st.dates = [week_as_month(d) for d in self.finder.find(doc, st.published) if not unreadable_entity(d)]
        return doc


def week_as_month(d: DateMention) -> DateMention:
    """A week ("next week") has no precision of its own: report its month when it lies in one, so a
    value always comes with a precision (the days stay in ``values``)."""
    if d.precision != "unknown" or d.value is None:
        return d
    months = {v[:7] for v in (d.values or [d.value])}
    if len(months) == 1:
        return replace(d, value=months.pop(), precision="month", rule=d.rule + ">month")
    return replace(d, value=None, rule=d.rule + ">spans-months")


def unreadable_entity(d: DateMention) -> bool:
    """A DATE entity no rule understood and with no number in it ("a good day") is no date."""
    return d.value is None and d.rule == "entity" and not any(ch.isdigit() for ch in d.text)
