"""One bad article is reported and skipped; the rest of the batch is coded."""

from __future__ import annotations

from spacy.tokens import Doc

from whodid.ingest.reader import BadInput
from whodid.pipeline import Pipeline


def test_bad_records_are_reported_and_the_batch_goes_on(pipeline: Pipeline) -> None:
    bad: list[BadInput] = []
    records = [
        {"id": "ok-1", "text": "Chile condemned the attack.", "published": "2024-05-08"},
        {"id": "no-text", "title": "missing body"},
        {"id": "bad-date", "text": "Peru praised the deal.", "published": "May 8th"},
        {"id": "ok-2", "text": "Bolivia rejected the proposal."},
    ]
    coded = [r.article_id for r in pipeline.code_many(records, on_error=bad.append)]
    assert coded == ["ok-1", "ok-2"]
    assert [(b.origin, b.error.code) for b in bad] == [("no-text", "E112"), ("bad-date", "E120")]


class _BrokenOnMarker:
    """A stage with a bug that shows on one article only."""

    name = "broken"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        if "MARKER" in doc.text:
            raise IndexError("list index out of range")
        return doc


def test_a_bug_on_one_article_does_not_end_the_batch(pipeline: Pipeline) -> None:
    broken = Pipeline(pipeline.nlp, [*pipeline.stages, _BrokenOnMarker()])
    bad: list[BadInput] = []
    texts = ["Chile condemned the attack.", "MARKER Peru praised the deal.", "Bolivia rejected it."]
    coded = list(
        broken.code_many([{"id": str(k), "text": t} for k, t in enumerate(texts)], on_error=bad.append)
    )
    assert [r.article_id for r in coded] == ["0", "2"]
    assert [(b.origin, b.error.code) for b in bad] == [("1", "E501")]
    assert "IndexError" in bad[0].error.message
