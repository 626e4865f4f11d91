"""Quotation spans and kinds, on text written for these tests (no model needed)."""

from __future__ import annotations

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
