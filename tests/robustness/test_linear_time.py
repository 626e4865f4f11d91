"""Issue 14, item 1: coding time grows linearly with the article, not with its square.

The quadratic costs were per-mention rebuilds of the whole text (``Doc.text`` joins every token on each
access) and per-name scans of every name or area of the article. These tests count what the stages
do, so they fail when such a cost comes back, without timing anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from whodid.nlp.boilerplate import text_head
from whodid.places import Gazetteer, PlaceFinder
from whodid.places.finder import _others_evidence

# a paragraph naming places (towns named in several US states among them), repeated to make an article
PARAGRAPH = (
    "Officials in Springfield, Illinois, met farmers from Kansas and Missouri on Monday. "
    "Protesters marched in Paris, Berlin and Madrid, while talks in Ankara stalled.\n\n"
)


class CountingDoc:
    """A ``Doc`` that counts how often its whole text is read; everything else is the real ``Doc``."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self.text_reads = 0

    @property
    def text(self) -> str:
        self.text_reads += 1
        return self._doc.text

    def __getattr__(self, name: str) -> Any:
        return getattr(self._doc, name)

    def __getitem__(self, key: Any) -> Any:
        return self._doc[key]

    def __len__(self) -> int:
        return len(self._doc)

    def __iter__(self) -> Iterator[Token]:
        return iter(self._doc)


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return PlaceFinder(Gazetteer.shared())


def test_place_finder_reads_the_whole_text_at_most_once(nlp: Language, finder: PlaceFinder) -> None:
    doc = CountingDoc(nlp(PARAGRAPH * 8))
    mentions = finder.find(doc, exclude_tokens=set(), context_countries={})  # type: ignore[arg-type]
    assert len(mentions) >= 8 * 6  # every repetition's places were found ...
    assert doc.text_reads <= 1  # ... reading the article's text once, not once per mention


def test_article_areas_look_only_at_the_areas_holding_a_name(
    nlp: Language, finder: PlaceFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A town name is tried in the states that have a town of that name, not in every state named."""
    gazetteer = Gazetteer.shared()
    states = ["Alabama", "Arizona", "Colorado", "Delaware", "Idaho", "Maine", "Montana", "Nevada", "Utah"]
    text = "Officials in Springfield met. " + " ".join(f"Voters in {s} waited." for s in states)
    real = gazetteer.resolve_detailed
    within_calls: list[str] = []

    def counting(name: str, **kwargs: Any) -> Any:
        if kwargs.get("within"):
            within_calls.append(kwargs["within"])
        return real(name, **kwargs)

    monkeypatch.setattr(gazetteer, "resolve_detailed", counting)
    finder.find(nlp(text), exclude_tokens=set(), context_countries={})
    holding = gazetteer.areas_holding("Springfield")
    assert within_calls, "the article's areas were not consulted at all"
    assert set(within_calls) <= holding  # never a state without a Springfield (was: all nine)


@pytest.mark.parametrize("name", ["Springfield", "Paris", "Georgia", "Kansas City", "Alexandria"])
def test_areas_holding_is_exactly_where_within_can_answer(name: str) -> None:
    """The shortcut changes no result: outside ``areas_holding`` no area can answer "within"."""
    gazetteer = Gazetteer.shared()
    holding = gazetteer.areas_holding(name)
    for code in ["USA.IL", "USA.MO", "USA.TX", "USA.GA", "USA.VA", "USA.KS", "CAN.08", "FRA.11", "EGY.11"]:
        res = gazetteer.resolve_detailed(name, within=code)
        assert (res is not None and res.rule == "within") == (code in holding), code


def test_evidence_of_the_others_is_the_totals_less_ones_own() -> None:
    evidence = {"paris": {"FRA": 1.0, "USA": 0.5}, "texas": {"USA": 1.0, "USA.TX": 1.0}, "lyon": {"FRA": 0.5}}
    totals = {"FRA": 1.5, "USA": 1.5, "USA.TX": 1.0}
    assert _others_evidence(totals, evidence["paris"]) == {"FRA": 0.5, "USA": 1.0, "USA.TX": 1.0}
    assert _others_evidence(totals, evidence["texas"]) == {"FRA": 1.5, "USA": 0.5}  # no zero left in
    assert _others_evidence(totals, {}) == totals


def test_text_head_is_the_start_of_the_text_without_reading_it_all(nlp: Language) -> None:
    doc = nlp("LAHORE: The provincial government said on Monday.\n\n" + PARAGRAPH * 4)
    assert text_head(doc) == doc.text[:300]
    assert text_head(doc, 7) == "LAHORE:"
    assert text_head(nlp("")) == ""
