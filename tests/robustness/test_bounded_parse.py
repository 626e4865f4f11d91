"""Issue 14, items 2 and 3: long articles are parsed in bounded chunks, runs of words without sentence
punctuation in bounded sentences, and every offset stays one into the exact input text.

The parser's memory grows with the text it is given at once, so these tests check what it is given
(a recording stand-in for the spaCy ``Language``), not how much memory a 5 MB article takes:
``bench/bench_scaling.py`` measures that (BENCHMARKS.md).
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from whodid.nlp.chunks import BATCH_CHARS, CHUNK_CHARS, MAX_SENTENCE_TOKENS, ChunkJoin, split_text
from whodid.pipeline import Pipeline

PARAGRAPHS = [
    "CAIRO (Reuters) - Egyptian President Abdel Fattah al-Sisi met Ethiopian Prime Minister Abiy Ahmed "
    "in Cairo on Monday to discuss the Nile dam, officials said.",
    "Police arrested 12 protesters in Addis Ababa on Tuesday after clashes near the parliament.",
    '"We will not accept any threat to our water," Sisi told reporters after the talks.',
    "Sudan's foreign minister criticised both governments and called for new negotiations in Khartoum.",
    "The United Nations urged restraint, and the European Union offered to mediate between the two sides.",
]
ARTICLE = "\n\n".join(PARAGRAPHS * 4)  # about 2,000 characters, 20 paragraphs


class RecordingModel:
    """A spaCy ``Language`` that records the texts it parses, with a lower ``max_length``."""

    def __init__(self, nlp: Language, max_length: int) -> None:
        self._nlp = nlp
        self.max_length = max_length
        self.calls: list[list[int]] = []  # the lengths of the texts of each call

    def __call__(self, text: str) -> Doc:
        self.calls.append([len(text)])
        return self._nlp(text)

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Doc]:
        texts = list(texts)
        self.calls.append([len(t) for t in texts])
        return self._nlp.pipe(texts, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def _offsets_exact(record: dict[str, Any], text: str) -> int:
    """Assert that every stored text is the input at its offsets; the number of spans checked."""
    spans = [(m["start"], m["end"], m["text"]) for a in record["actors"] for m in a["mentions"]]
    spans += [(e["evidence"]["start"], e["evidence"]["end"], e["evidence"]["text"]) for e in record["events"]]
    spans += [(d["start"], d["end"], d["text"]) for d in record["dates"]]
    spans += [(p["start"], p["end"], p["text"]) for p in record["places"]]
    for start, end, surface in spans:
        assert text[start:end] == surface, (start, end, surface)
    return len(spans)


def test_split_text_joins_back_and_bounds_every_piece() -> None:
    for text in (ARTICLE, "word " * 300, "x" * 700, ARTICLE + " " + "word " * 300 + "x" * 700):
        pieces = split_text(text, max_chars=250)
        assert "".join(pieces) == text
        assert all(0 < len(p) <= 250 for p in pieces)
    pieces = split_text(ARTICLE, max_chars=250)[:-1]
    assert all(p.endswith(("\n", " ")) for p in pieces)  # never inside a word
    assert sum(p.endswith("\n") for p in pieces) > len(pieces) // 2  # mostly at line breaks
    assert all(p.endswith(" ") for p in split_text("word " * 300, max_chars=250)[:-1])  # between words
    assert [len(p) for p in split_text("x" * 700, max_chars=250)] == [250, 250, 200]  # else anywhere
    assert split_text("", max_chars=250) == [""]


def test_a_long_article_is_parsed_a_chunk_at_a_time_with_exact_offsets(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = pipeline.code(ARTICLE, published="2024-05-07").to_dict()
    model = RecordingModel(pipeline.nlp, max_length=300)  # spaCy's own limit, below whodid's chunk size
    monkeypatch.setattr(pipeline, "nlp", model)
    chunked = pipeline.code(ARTICLE, published="2024-05-07").to_dict()
    sizes = [n for call in model.calls for n in call]
    assert len(sizes) >= len(ARTICLE) // 300 and max(sizes) <= 300  # never more than max_length at once
    assert all(len(call) == 1 for call in model.calls)  # one chunk per parse, not the article in a batch
    assert _offsets_exact(chunked, ARTICLE) > 50
    # paragraph-aligned chunks: the same events as the whole text parsed at once
    assert [(e["cameo"], e["evidence"]["start"]) for e in chunked["events"]] == [
        (e["cameo"], e["evidence"]["start"]) for e in whole["events"]
    ]
    assert chunked["events"], "no event coded"


def test_short_articles_are_parsed_in_batches_bounded_in_characters(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = RecordingModel(pipeline.nlp, max_length=pipeline.nlp.max_length)
    monkeypatch.setattr(pipeline, "nlp", model)
    monkeypatch.setattr("whodid.pipeline.BATCH_CHARS", 5_000)  # BATCH_CHARS, scaled down for speed
    texts = [ARTICLE] * 8  # a batch of 8 articles of 2,000 characters: 16,000 characters
    records = list(pipeline.code_many(({"text": t} for t in texts), batch_size=8))
    assert len(records) == 8
    assert all(sum(call) <= 5_000 for call in model.calls)
    assert sum(len(call) for call in model.calls) == 8 and len(model.calls) >= 4


def test_a_run_without_sentence_punctuation_is_cut_into_bounded_sentences(pipeline: Pipeline) -> None:
    words = " ".join(p.replace(".", "").replace(",", "") for p in PARAGRAPHS).split()
    # no full stop, no line break: the parser alone makes the first 1,500 tokens one sentence
    text = "Egypt and Ethiopia and Sudan " * 300 + " ".join(words * 10)
    doc = pipeline.make_doc(text)
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= MAX_SENTENCE_TOKENS
    assert len(lengths) >= len(doc) // MAX_SENTENCE_TOKENS
    record = pipeline.run_stages(doc)._.whodid
    assert record is not None


def test_ordinary_sentences_get_no_extra_break(pipeline: Pipeline) -> None:
    doc = pipeline.make_doc(ARTICLE)
    starts = {s.start_char for s in doc.sents}
    for paragraph_start in (0, len(PARAGRAPHS[0]) + 2):
        assert paragraph_start in starts
    assert all(len(s) < MAX_SENTENCE_TOKENS for s in doc.sents)
    assert len(starts) <= 2 * len(PARAGRAPHS) * 4  # the parser's sentences, nothing cut every N tokens


def test_the_chunk_is_far_below_what_would_need_gigabytes() -> None:
    """About 17 KB of parser memory a token, 5 characters a token: a chunk needs well under 100 MB."""
    assert CHUNK_CHARS // 5 * 17_000 < 100_000_000
    assert BATCH_CHARS // 5 * 17_000 < 400_000_000


def _joined_both_ways(docs: list[Doc]) -> tuple[Doc, Doc]:
    join = ChunkJoin()
    for doc in docs:
        join.add(doc)
    # spaCy 3.8 takes ``exclude``; its type stub does not list it
    expected = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    return join.doc(), expected


def test_chunks_are_joined_as_doc_from_docs_joins_them(pipeline: Pipeline) -> None:
    docs = [pipeline.nlp(piece) for piece in split_text(ARTICLE, max_chars=300)]
    joined, expected = _joined_both_ways(docs)
    assert joined.text == ARTICLE and len(docs) > 5
    assert joined.to_bytes(exclude=["tensor"]) == expected.to_bytes(exclude=["tensor"])  # every attribute
    assert [(e.start_char, e.label_) for e in joined.ents] == [
        (e.start_char, e.label_) for e in expected.ents
    ]
    assert [s.start for s in joined.sents] == [s.start for s in expected.sents]


def test_span_groups_and_extension_values_move_with_their_chunk(pipeline: Pipeline) -> None:
    Token.set_extension("chunk_test_mark", default=None)
    try:
        docs = [pipeline.nlp.make_doc(piece) for piece in split_text(ARTICLE, max_chars=300)]
        for n, doc in enumerate(docs):
            doc.spans["firsts"] = [doc[0:2]]
            doc[1]._.chunk_test_mark = n
        joined, expected = _joined_both_ways(docs)
        assert [s.text for s in joined.spans["firsts"]] == [d[0:2].text for d in docs]
        assert [(s.start_char, s.end_char) for s in joined.spans["firsts"]] == [
            (s.start_char, s.end_char) for s in expected.spans["firsts"]
        ]
        marks = [(t.i, t._.chunk_test_mark) for t in joined if t._.chunk_test_mark is not None]
        assert marks == [(t.i, t._.chunk_test_mark) for t in expected if t._.chunk_test_mark is not None]
        assert [m for _, m in marks] == list(range(len(docs)))
    finally:
        Token.remove_extension("chunk_test_mark")


def _peak_bytes(build: Callable[[], Doc]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        doc = build()
        assert len(doc) > 30_000
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_join_keeps_no_chunk_doc(pipeline: Pipeline) -> None:
    """Joining as the chunks come takes half the memory of keeping every chunk's Doc for
    ``Doc.from_docs`` (measured: 353 MB against 699 MB at the peak for a 5 MB article)."""
    pieces = split_text(ARTICLE * 100, max_chars=CHUNK_CHARS)  # 200,000 characters, 10 chunks
    make = pipeline.nlp.make_doc  # the tokenizer alone: the join's memory follows the tokens, not the parse

    def kept_docs() -> Doc:
        docs = [make(p) for p in pieces]
        return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]

    def as_they_come() -> Doc:
        join = ChunkJoin()
        for p in pieces:
            join.add(make(p))
        return join.doc()

    assert _peak_bytes(as_they_come) < 0.6 * _peak_bytes(kept_docs)
