"""Issue 11, problem 8: "who is quoted most" without SQL. ``whodid quotes`` listed the words before
the quote, so the top speakers were "he" and "she"; quotations now carry their resolved speaker,
``whodid speakers`` counts per resolved actor, ``--speaker`` takes a name or an actor code, and the
same from Python. On both back-ends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

import whodid
from tests.inprocess import whodid as run
from whodid.evaluate.base import empty_prediction
from whodid.record import ArticleRecord
from whodid.store.db import Store, open_store
from whodid.store.speakers import quotes, speakers, unresolved_quotes

TEXT = "He said: we talk. She said: we listen. A witness said: we saw it."


def _quote(qid: str, actor: str | None, words: str) -> dict[str, Any]:
    return {
        "id": qid,
        "text": "we talk",
        "start": 9,
        "end": 16,
        "kind": "direct",
        "cue": "said",
        # the record gives the speaker its actor's country (the actors of ``_article``)
        "speaker": {"actor": actor, "country": {"a1": "USA", "a2": "CHN"}.get(actor or ""), "text": words},
        "rule": "quote:cue",
        "confidence": 0.8,
    }


def _article(aid: str, published: str, quoted: list[dict[str, Any]]) -> dict[str, Any]:
    record = empty_prediction(aid)
    record["article"]["published"] = published
    record["actors"] = [
        {"id": "a1", "name": "Dana Whitlock", "kind": "person", "country": "USA", "sector": "GOV",
         "code": "USAGOV", "mentions": [{"start": 0, "end": 0}]},
        {"id": "a2", "name": "Li Mei", "kind": "person", "country": "CHN", "sector": "GOV", "code": "CHNGOV",
         "mentions": [{"start": 0, "end": 0}]},
    ]  # fmt: skip
    record["quotes"] = quoted
    return record


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    first = _article(
        "sha256-00000000000000f1",
        "2024-05-01",
        [_quote("q1", "a1", "He"), _quote("q2", "a2", "She"), _quote("q3", None, "A witness")],
    )
    second = _article(
        "sha256-00000000000000f2", "2024-05-02", [_quote("q1", "a1", "he"), _quote("q2", "a1", "Whitlock")]
    )
    s.add(
        [
            (ArticleRecord.from_dict(first), TEXT, "test", None),
            (ArticleRecord.from_dict(second), TEXT + " ", "test", None),
        ]
    )
    with s:
        yield s


def test_speakers_are_counted_by_resolved_actor(store: Store) -> None:
    rows = speakers(store)
    assert [(r["speaker"], r["code"], r["quotes"], r["articles"]) for r in rows] == [
        ("Dana Whitlock", "USAGOV", 3, 2),
        ("Li Mei", "CHNGOV", 1, 1),
    ]
    assert unresolved_quotes(store) == 1
    assert [r["speaker"] for r in speakers(store, country="chn")] == ["Li Mei"]
    assert [r["speaker"] for r in speakers(store, limit=1)] == ["Dana Whitlock"]


def test_quotes_by_speaker_name_or_code(store: Store) -> None:
    by_code = quotes(store, speaker="USAGOV")
    assert len(by_code) == 3 and {q["speaker"] for q in by_code} == {"Dana Whitlock"}
    assert sorted(q["speaker_words"] for q in by_code) == ["He", "Whitlock", "he"]
    assert len(quotes(store, speaker="USA")) == 3  # a code matches the codes that extend it
    assert len(quotes(store, speaker="whitlock")) == 3
    assert [q["speaker"] for q in quotes(store, speaker="witness")] == ["A witness"]  # unresolved: words
    assert quotes(store, speaker="Zenda") == []
    newest = quotes(store)[0]
    assert newest["published"] == "2024-05-02" and newest["speaker_code"] == "USAGOV"


def test_the_command_line_and_the_python_api(store: Store) -> None:
    url = store.url
    store.close()
    proc = run("speakers", "--db", url)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:2] == ["speaker", "code"] and "Dana Whitlock" in lines[1]
    assert lines[-1] == "(1 quotation has no resolved speaker: not counted)"  # not "1 quotations have"
    proc = run("quotes", "--speaker", "CHNGOV", "--db", url, "--format", "json")
    assert [q["speaker"] for q in json.loads(proc.stdout)] == ["Li Mei"]
    with whodid.open(url) as db:
        top = db.speakers(limit=5)
        assert top["speaker"].tolist() == ["Dana Whitlock", "Li Mei"] and top["quotes"].tolist() == [3, 1]
        frame = db.quotes(speaker="USAGOV")
        assert len(frame) == 3 and set(frame["speaker_code"]) == {"USAGOV"}
