"""The per-article view of a Doc (whodid.nlp.view): one for all stages, the same values as spaCy's own,
and nothing left on the state once the stages are done."""

from __future__ import annotations

from spacy.language import Language

from whodid.nlp.state import state
from whodid.nlp.view import DocView, view
from whodid.pipeline import Pipeline

TEXT = (
    "The mayor of  Pinebrook, Ont., said on Tuesday that the Dalvish Ministry would reply.\n\n"
    "She  met   Anna Roe in Westhaven ."
)


def test_the_view_gives_what_spacy_gives(nlp: Language) -> None:
    doc = nlp(TEXT)
    v = DocView(doc)
    assert v.text == doc.text
    assert [(e.start, e.end, e.label_) for e in v.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert [(s.start, s.end) for s in v.sents] == [(s.start, s.end) for s in doc.sents]
    assert [t.i for t in v.tokens] == list(range(len(doc)))
    assert v.texts == [t.text for t in doc]
    assert v.lower == [t.lower_ for t in doc]
    assert v.capitalized == [t.text[:1].isupper() for t in doc]
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert v.span_text(start, end) == doc[start:end].text, (start, end)


def test_one_view_while_the_stages_run_none_after(pipeline: Pipeline) -> None:
    doc = pipeline.make_doc(TEXT)
    assert view(doc) is view(doc)  # built once, shared through the article state
    assert state(doc).view is view(doc)
    pipeline.run_stages(doc)
    assert state(doc).view is None  # its Spans point back at the Doc: no cycle outlives the stages


def test_a_doc_without_whodid_state_keeps_one_view_too(nlp: Language) -> None:
    doc = nlp("Rain fell.")
    assert view(doc).text == "Rain fell."
    assert view(doc) is view(doc)  # a finder called on a plain Doc reads its text once
