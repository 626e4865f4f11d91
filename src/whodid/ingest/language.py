"""A cheap "is this English?" check, run on every article before the pipeline.

Two measures over the first :data:`SAMPLE_CHARS` characters:

* the share of letters that are ASCII letters: refused below :data:`MIN_ASCII_SHARE` when there are at
  least :data:`MIN_LETTERS` letters (Chinese, Arabic, Cyrillic, Greek... text);
* the share of words that are common English function words (``the``, ``of``, ``and``, ``with``...,
  listed in ``data/ingest/english_function_words.txt``): refused below :data:`MIN_FUNCTION_SHARE` when
  at least :data:`MIN_WORDS` words are counted. Capitalized words that are not function words (names,
  headline words) are not counted, so English full of names is not refused; English prose scores 30-50%.

The check only refuses text that is clearly not English: short texts always pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from whodid.data_files import data_lines

__all__ = [
    "MIN_ASCII_SHARE",
    "MIN_FUNCTION_SHARE",
    "MIN_LETTERS",
    "MIN_WORDS",
    "SAMPLE_CHARS",
    "LanguageCheck",
    "check_english",
    "english_function_words",
]

SAMPLE_CHARS = 100_000
MIN_LETTERS = 20
MIN_ASCII_SHARE = 0.5
MIN_WORDS = 30
MIN_FUNCTION_SHARE = 0.05

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class LanguageCheck:
    """What :func:`check_english` measured and concluded (``reason`` is empty when English)."""

    letters: int
    ascii_share: float
    words: int
    function_share: float
    reason: str

    @property
    def is_english(self) -> bool:
        """True unless the text is clearly not English."""
        return not self.reason


@cache
def english_function_words() -> frozenset[str]:
    """The English function-word list shipped with whodid (read once)."""
    return frozenset(w.lower() for w in data_lines("ingest", "english_function_words.txt"))


def check_english(text: str) -> LanguageCheck:
    """Measure how English ``text`` looks; see the module docstring for the rule."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    ascii_share = ascii_letters / letters if letters else 1.0
    if letters >= MIN_LETTERS and ascii_share < MIN_ASCII_SHARE:
        reason = (
            f"only {ascii_share:.0%} of its {letters} letters are Latin letters A-Z; "
            f"English text has nearly all, refused below {MIN_ASCII_SHARE:.0%}"
        )
        return LanguageCheck(letters, ascii_share, 0, 0.0, reason)
    vocabulary = english_function_words()
    hits = counted = 0
    for match in _WORD.finditer(sample):
        word = match.group().replace("’", "'").lower()
        if word in vocabulary:
            hits += 1
            counted += 1
        elif not match.group()[0].isupper():
            counted += 1
    share = hits / counted if counted else 1.0
    reason = ""
    if counted >= MIN_WORDS and share < MIN_FUNCTION_SHARE:
        reason = (
            f"only {share:.1%} of its {counted} words (capitalized names aside) are common English "
            f"function words such as 'the', 'of', 'with'; English prose has 30-50%, refused below "
            f"{MIN_FUNCTION_SHARE:.0%}"
        )
    return LanguageCheck(letters, ascii_share, counted, share, reason)
