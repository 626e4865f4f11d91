"""Bounded pieces for the parser: long texts in chunks, long runs of words in bounded sentences.

The parser's time is linear in the text but its memory is about 17 KB a token of the text parsed at once
(its activations), so a whole 5 MB article parsed in one go (or several long ones in one batch) would
need gigabytes. Whodid parses at most :data:`CHUNK_CHARS` characters at a time and joins the chunks into
one ``Doc`` whose text is exactly the input (offsets kept; see ``whodid.pipeline``).

>>> split_text("One.\\nTwo.\\nThree.", max_chars=11)
['One.\\nTwo.\\n', 'Three.']
>>> split_text("one two three four five six", max_chars=10)
['one two ', 'three ', 'four five ', 'six']
>>> split_text("abcdefghijklmnopqrstuvwxyz", max_chars=10)
['abcdefghij', 'klmnopqrst', 'uvwxyz']

A text with no sentence punctuation and no line break would otherwise be one sentence for every stage
that walks a token's sentence: :func:`break_long_runs` (the ``whodid_run_breaks`` component, before the
parser) starts a new sentence every :data:`MAX_SENTENCE_TOKENS` tokens of such a run.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

CHUNK_CHARS = 20_000  # at most this many characters are parsed at once (about 70 MB of parser memory)
BATCH_CHARS = 100_000  # short articles are parsed in batches of at most this many characters in all
MAX_SENTENCE_TOKENS = 200  # a run of words without a sentence end is cut into sentences this long
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
SENTENCE_END_TOKENS = frozenset({".", "!", "?"})
RUN_BREAKS = "whodid_run_breaks"


def split_text(text: str, *, max_chars: int = CHUNK_CHARS) -> list[str]:
    """``text`` in consecutive pieces of at most ``max_chars`` characters that join back into it.

    Each piece ends, by preference, after the last line break in its second half, else after the last
    sentence end there, else after the last space, else at ``max_chars`` exactly (a word longer than
    that is cut).
    """
    if max_chars <= 0:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        pieces.append(text[start:end])
        start = end
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece starting at ``start`` ends, at most at ``limit``."""
    floor = start + (limit - start) // 2
    newline = text.rfind("\n", floor, limit)
    if newline >= 0:
        return newline + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, limit)]
    if ends:
        return ends[-1]
    space = max(text.rfind(" ", floor, limit), text.rfind("\t", floor, limit))
    return space + 1 if space >= 0 else limit


@Language.component(RUN_BREAKS)
def break_long_runs(doc: Doc) -> Doc:
    """Start a sentence after every ``MAX_SENTENCE_TOKENS`` tokens without a sentence end or a line
    break, so that no sentence the parser makes is longer (the parser keeps boundaries set before it)."""
    run = 0
    for tok in doc:
        if tok.is_sent_start and tok.i > 0:
            run = 0
        if run >= MAX_SENTENCE_TOKENS:
            tok.is_sent_start = True
            run = 0
        run += 1
        if tok.text in SENTENCE_END_TOKENS or "\n" in tok.text or "\n" in tok.whitespace_:
            run = 0
    return doc
