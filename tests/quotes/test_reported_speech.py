"""Reported speech without quotation marks, "X said (that) ..." and "A, X said, B" (invented text)."""

from __future__ import annotations

from typing import Any

import pytest

from whodid.pipeline import Pipeline


def reported(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    return [q for q in pipeline.code(text).to_dict()["quotes"] if q["kind"] == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The new bridge, the mayor said, would open to traffic before the winter.",
            "mayor",
            "The new bridge, the mayor said, would open to traffic before the winter",
        ),
        (
            "Fishing quotas were never the real problem, Minister Halvorsen said on Tuesday.",
            "Halvorsen",  # sentence-final "X said" is the other rule's (ccomp) or none: not this one
            None,
        ),
        (
            "The harvest, the farmers' union told reporters, was the worst in twenty years.",
            "union",
            "The harvest, the farmers' union told reporters, was the worst in twenty years",
        ),
    ],
)
def test_a_speech_verb_set_off_by_commas_reports_the_sentence_around_it(
    pipeline: Pipeline, text: str, speaker: str, content: str | None
) -> None:
    found = [q for q in reported(pipeline, text) if q["rule"] == "quote:parenthetical-speech"]
    if content is None:
        assert found == []
        return
    (quote,) = found
    assert quote["text"] == content and text[quote["start"] : quote["end"]] == content
    assert speaker in quote["speaker"]["text"].split() and quote["cue"] in ("said", "told")


def test_a_parenthetical_inside_a_relative_clause_reports_no_sentence(pipeline: Pipeline) -> None:
    text = "The market is next to the old harbour, which, the guide said, is busy every morning."
    assert [q for q in reported(pipeline, text) if q["rule"] == "quote:parenthetical-speech"] == []


def test_a_parenthetical_beside_a_quotation_is_not_repeated(pipeline: Pipeline) -> None:
    text = "“We are ready,” the coach said, “and we will win.”"
    assert [q for q in reported(pipeline, text) if q["rule"] == "quote:parenthetical-speech"] == []
