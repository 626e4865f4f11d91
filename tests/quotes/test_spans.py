"""Quotation spans and kinds, on text written for these tests (no model needed)."""

from __future__ import annotations

from whodid.pipeline import Pipeline
from whodid.quotes.finder import _is_direct, find_quote_spans


def test_curly_and_straight_quotes_give_content_offsets() -> None:
    text = 'He said the plan was “dead on arrival.” Later: "We are done here," she added.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["dead on arrival.", "We are done here,"]


def test_unclosed_straight_quote_does_not_run_across_paragraphs() -> None:
    text = 'The "minister said\n\nNothing more was "heard" today.'
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["heard"]


def test_direct_versus_partial() -> None:
    text = "“We will not retreat from this position,” she said, calling it “a red line.”"
    first, second = find_quote_spans(text)
    assert _is_direct(text, first)
    assert not _is_direct(text, second)


def test_signed_and_colon_quotations_name_their_speaker(pipeline: Pipeline) -> None:
    text = (
        "Voters told us what they thought.\n"
        "“The campaign ignored our town.” — Maria Lopez\n"
        "Daniel Okafor: “I will vote for change this time.”\n"
        "“Nothing will change.”"
    )
    rec = pipeline.code(text).to_dict()
    speakers = [
        (q["text"], (q["speaker"] or {}).get("text")) for q in rec["quotes"] if q["kind"] != "indirect"
    ]
    assert speakers[0] == ("The campaign ignored our town.", "Maria Lopez")
    assert speakers[1] == ("I will vote for change this time.", "Daniel Okafor")
    assert speakers[2][1] == "Daniel Okafor"  # no cue: continues the previous speaker
