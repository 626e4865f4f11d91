"""Quotation marks of every style, scare quotes and titles, speakers after colons and cues (invented text)."""

from __future__ import annotations

from typing import Any

from whodid.pipeline import Pipeline
from whodid.quotes.finder import _is_title, find_quote_spans, load_cues


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def quotes(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    return [q for q in pipeline.code(text).to_dict()["quotes"] if q["kind"] != "indirect"]


def test_mixed_curly_and_straight_marks_pair_up() -> None:
    text = '“We will fight on," he said. "Nobody doubts it.”'
    assert contents(text) == ["We will fight on,", "Nobody doubts it."]


def test_a_curly_pair_does_not_run_into_the_next_paragraph() -> None:
    text = "He called it “a farce.\n\nThe vote went ahead. “It is over,” she said."
    assert contents(text) == ["It is over,"]


def test_a_quotation_continued_over_paragraphs_ends_with_each_paragraph() -> None:
    text = "“The first part of my answer.\n\n“The second part,” she said."
    assert contents(text) == ["The first part of my answer.", "The second part,"]


def test_marks_inside_markup_are_not_quotations() -> None:
    text = '<tweet id="12345" author="someone">Hello there</tweet> He said "no deal" again.'
    assert contents(text) == ["no deal"]


def test_titles_are_recognized() -> None:
    small = load_cues("title_words.txt")
    assert _is_title("State of the Union", small)
    assert _is_title("Balanced Rebellion,", small)
    assert not _is_title("reckless provocation", small)
    assert not _is_title("We will not give up", small)


def test_scare_quotes_and_titles_are_not_quotations(pipeline: Pipeline) -> None:
    text = (
        "The “experts” disagreed about the plan. "
        "Senator Ana Ruiz said on “Morning Report” that the plan was “a disgrace to the city.”"
    )
    found = [q["text"] for q in quotes(pipeline, text)]
    assert found == ["a disgrace to the city."]


def test_inverted_cue_and_manner_verb(pipeline: Pipeline) -> None:
    text = "“This is a great day for the farmers,” beamed Carlos Mendez, the union leader."
    (q,) = quotes(pipeline, text)
    assert q["speaker"] and q["speaker"]["text"].endswith("Mendez")


def test_speaker_of_a_clause_ending_in_a_colon(pipeline: Pipeline) -> None:
    text = (
        "Senator Ana Ruiz hit back hard: “The governor has failed every family in this state.”\n\n"
        "The ministry of health issued a statement:\n\n"
        "“We are reviewing the figures and will publish them next week.”"
    )
    first, second = quotes(pipeline, text)
    assert first["speaker"] and first["speaker"]["text"].endswith("Ruiz")
    assert second["speaker"] and "ministry" in second["speaker"]["text"]


def test_continuation_across_a_blank_line_keeps_the_speaker_offsets(pipeline: Pipeline) -> None:
    text = (
        "“We will not give up on this bill,” said Senator Ana Ruiz.\n\n"
        "“The families who wrote to us deserve an answer.”"
    )
    first, second = quotes(pipeline, text)
    assert second["rule"] == "quote:continuation"
    assert second["speaker"]["start"] == first["speaker"]["start"]
    assert text[second["speaker"]["start"] : second["speaker"]["end"]].endswith("Ruiz")


def test_a_quotation_inside_a_quotation_is_part_of_it() -> None:
    text = "“I would rather live in what he calls “hell” than give in,” she said."
    assert contents(text) == ["I would rather live in what he calls “hell” than give in,"]
    stray = "He called it “a farce. The vote went ahead. “It is over,” she said."
    assert contents(stray) == ["It is over,"]


def test_quotation_marks_mis_decoded_as_windows_1252_still_mark_quotations(pipeline: Pipeline) -> None:
    # UTF-8 “ and ” read as Windows-1252 (a common fault of scraped feeds) come out as three characters
    # each; the model reads them as the marks they were, and every offset still indexes the text given
    opening, closing = "\u201c".encode().decode("cp1252"), "\u201d".encode().decode("cp1252", "replace")
    text = f"{opening}The Kenyan government must open the border now,{closing} the Ugandan minister said."
    rec = pipeline.code(text, published="2024-05-08").to_dict()
    found = [q for q in rec["quotes"] if q["kind"] != "indirect"]
    assert [q["text"] for q in found] == ["The Kenyan government must open the border now,"]
    assert all(text[q["start"] : q["end"]] == q["text"] for q in found)
    said = [e for e in rec["events"] if e["evidence"]["text"] == "said"]
    assert said and said[0]["source"]["country"] == "UGA" and said[0]["cameo"][:2] in ("02", "10")
