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

:class:`ChunkJoin` joins the parsed chunks as ``Doc.from_docs`` would, but keeps of each chunk only
what the joined ``Doc`` is made of (its words and attribute array), not the chunk's ``Doc``: joining a
5 MB article with ``Doc.from_docs`` took about 700 MB at its peak (the chunks' ``Doc``s, the words as
strings, the attribute arrays and their concatenation, the joined ``Doc``), the whole article's largest
use of memory.

A text with no sentence punctuation and no line break would otherwise be one sentence for every stage
that walks a token's sentence: :func:`break_long_runs` (the ``whodid_run_breaks`` component, before the
parser) starts a new sentence every :data:`MAX_SENTENCE_TOKENS` tokens of such a run.
"""

from __future__ import annotations

import copy
import re
import warnings
from typing import Any

import numpy
from spacy.errors import Warnings
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


class ChunkJoin:
    """One ``Doc`` from parsed chunks of a text, the same as ``Doc.from_docs(chunks,
    ensure_whitespace=False, exclude=["tensor"])`` (spaCy 3.8), but built as the chunks come: of each
    chunk it keeps its words (one string object for each distinct word), its spaces and its attribute
    array, so the caller can drop the chunk's ``Doc`` before parsing the next.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> join = ChunkJoin()
    >>> for piece in split_text("One two. Three four.", max_chars=10):
    ...     join.add(nlp(piece))
    >>> [t.text for t in join.doc()]
    ['One', 'two', '.', 'Three', 'four', '.']
    """

    def __init__(self) -> None:
        self._attrs = list(Doc._get_array_attrs())  # what Doc.from_docs copies when given no attrs
        self._vocab: Any = None
        self._words: list[str] = []
        self._spaces: list[bool] = []
        self._arrays: list[numpy.ndarray[Any, Any]] = []
        self._strings: dict[str, str] = {}
        self._user_data: dict[Any, Any] = {}
        self._spans: dict[str, list[tuple[Any, ...]]] = {}
        self._offset = 0

    def add(self, doc: Doc) -> None:
        """Take in the next chunk (its text follows the previous chunk's)."""
        if self._vocab is None:
            self._vocab = doc.vocab
        elif doc.vocab is not self._vocab:
            raise ValueError("the chunks of one text must share one vocabulary")
        strings = self._strings
        self._words.extend(strings.setdefault(t.text, t.text) for t in doc)
        self._spaces.extend(bool(t.whitespace_) for t in doc)
        for key, value in doc.user_data.items():  # as Doc.from_docs moves (or drops) extension values
            if isinstance(key, tuple) and len(key) == 4 and key[0] == "._.":
                data_type, name, start, end = key
                if start is not None or end is not None:
                    end = end + self._offset if end is not None else None
                    self._user_data[(data_type, name, start + self._offset, end)] = copy.copy(value)
                else:
                    warnings.warn(Warnings.W101.format(name=name), stacklevel=2)
            else:
                warnings.warn(Warnings.W102.format(key=key, value=value), stacklevel=2)
        for key in doc.spans:
            self._spans.setdefault(key, []).extend(
                (s.start_char + self._offset, s.end_char + self._offset, s.label, s.kb_id, s.id, s.text)
                for s in doc.spans[key]
            )
        self._arrays.append(doc.to_array(self._attrs))
        self._offset += len(doc.text)

    def doc(self) -> Doc:
        """The joined ``Doc``; its text is the chunks' texts end to end."""
        array: Any = numpy.concatenate(self._arrays)  # uint64 rows, as Doc.to_array gives them
        self._arrays.clear()
        joined = Doc(self._vocab, words=self._words, spaces=self._spaces, user_data=self._user_data)
        self._words, self._spaces, self._strings = [], [], {}
        joined.from_array(self._attrs, array)
        del array
        for key, spans in self._spans.items():
            group = []  # the joined Doc is new: it has no span group yet
            for start, end, label, kb_id, span_id, text in spans:
                span = joined.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id)
                if span is None or span.text != text:
                    raise ValueError(f"span {text!r} of group {key!r} is not where it was in its chunk")
                group.append(span)
            joined.spans[key] = group
        return joined
