"""Mark bylines, credits and page furniture so that no stage codes them."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from whodid.data_files import data_lines
from whodid.nlp.state import state
from whodid.nlp.view import view

# "KYIV, Ukraine (AP) — ", "LONDON (Reuters) - ", "NAIROBI, Kenya — ": where the story was filed
DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'\u2019-]{2,40}"  # the city in capitals
    r"(?:,\s*[A-Z][\w .'\u2019-]{1,40})?"  # its country or state
    r"\s*(?:\([\w .&-]{2,30}\))?"  # the agency
    r"\s*[\u2014\u2013-]{1,2}\s"
)
# "LAHORE: The provincial government ...", "lucknow: yet another ...", "ahmedabad : in a ...": a place
# and a colon opening one of the first paragraphs (the style of many South Asian and African papers)
COLON_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Za-z][A-Za-z.'\u2019-]*(?: [A-Za-z][A-Za-z.'\u2019-]*){0,2}) ?:[ \t]"
)
DATELINE_REACH = 300  # characters from the start of the text in which a dateline is looked for
_LINE_START = re.compile(r"(?m)^[ \t]*(?=\S)")  # where a line's first word is


def find_dateline(head: str) -> tuple[int, int] | None:
    """Where the dash dateline of ``head`` is: opening the text, or opening a later line of the head,
    as after a headline ("Talks stall\n\nLONDON (Reuters) - ..."), the first one found."""
    for line in _LINE_START.finditer(head):
        match = DATELINE.match(head, line.end())
        if match:
            return line.end(), match.end()
    return None


def text_head(doc: Doc, chars: int = DATELINE_REACH) -> str:
    """The first ``chars`` characters of the text, from the first tokens only (``Doc.text`` would join
    every token of the article)."""
    parts: list[str] = []
    for token in doc:
        if token.idx >= chars:
            break
        parts.append(token.text_with_ws)
    return "".join(parts)[:chars]


def load_patterns() -> list[re.Pattern[str]]:
    """The expressions of ``data/text/boilerplate.txt``, compiled once."""
    return [re.compile(ln, re.IGNORECASE) for ln in data_lines("text", "boilerplate.txt")]


class BoilerplateMarker:
    """Pipeline stage: fills ``boilerplate_sentences`` and ``dateline_tokens``."""

    name = "boilerplate"
    requires: tuple[str, ...] = ("parser",)
    assigns: tuple[str, ...] = ("boilerplate_sentences", "dateline_tokens")

    def __init__(self, patterns: list[re.Pattern[str]] | None = None) -> None:
        self.patterns = patterns if patterns is not None else load_patterns()

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        v = view(doc)
        for k, sent in enumerate(v.sents):
            text = v.text[sent.start_char : sent.end_char].strip()  # sent.text, without its Tokens
            if any(p.search(text) for p in self.patterns):
                st.boilerplate_sentences.add(k)
        head = text_head(doc)
        dateline = find_dateline(head)
        if dateline:
            span = doc.char_span(*dateline, alignment_mode="contract")
        else:
            colon = COLON_DATELINE.search(head)
            span = doc.char_span(colon.start(1), colon.end(1), alignment_mode="contract") if colon else None
        if span is not None:
            st.dateline_tokens.update(range(span.start, span.end))
        return doc
