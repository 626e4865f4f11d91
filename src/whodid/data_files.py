"""whodid's packaged data files (``whodid/data/``), read one way, and the two lookup keys of names.

Every table and word list ships inside the package, under ``DATA_DIR``; a module reads its file with
``data_text`` (the whole text), ``data_lines`` (the lines that hold data) or ``read_word_list`` (a
list of words, one a line) instead of building the path itself. Data files are UTF-8; ``#`` at the
start of a line is a comment, and in a word list ``#`` starts a comment anywhere on the line.

Names are looked up by a folded key, and whodid has two, which differ on purpose:

- ``fold_name`` (gazetteer and place names) folds case, accents, curly quotes and spaces, and keeps
  periods and hyphens: ``St. Louis`` and ``Guinea-Bissau`` stay told apart from ``St Louis`` and
  ``Guinea Bissau`` only by what the tables list;
- ``fold_alias`` (actor aliases, roles and bodies, on text ``actors.knowledge.clean`` has already
  unified) folds case and accents, drops periods and reads hyphens as spaces, so ``U.S.-backed``
  and ``US backed`` are one key.

    >>> fold_name("  Zürich ‘Old’  Town"), fold_name("St. Louis")
    ("zurich 'old' town", 'st. louis')
    >>> fold_alias("U.S.-backed"), fold_alias("Côte d'Ivoire")
    ('us backed', "cote d'ivoire")
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_text(*parts: str) -> str:
    """The text of the packaged data file ``DATA_DIR/parts...`` (``data_text("dates", "refs.tsv")``)."""
    return DATA_DIR.joinpath(*parts).read_text(encoding="utf-8")


def data_lines(*parts: str) -> list[str]:
    """The lines of a packaged data file that hold data, stripped: no blank lines, no ``#`` comments."""
    lines = (line.strip() for line in data_text(*parts).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def read_word_list(text: str) -> frozenset[str]:
    """The words of a word list's ``text``: one a line, ``#`` starts a comment anywhere on a line."""
    return frozenset(w for w in (line.split("#", 1)[0].strip() for line in text.splitlines()) if w)


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_name(name: str) -> str:
    """The lookup key of a place's name: case-folded, accents removed, curly quotes straight, single
    spaces; periods and hyphens kept."""
    key = " ".join(name.replace("’", "'").replace("‘", "'").split()).casefold()
    return key if key.isascii() else _without_accents(key)


def fold_alias(text: str) -> str:
    """The lookup key of an actor's alias, already cleaned (``actors.knowledge.clean``): accents
    removed, case-folded, periods dropped, hyphens read as spaces, single spaces."""
    base = text if text.isascii() else _without_accents(text)  # ASCII, the common case, kept cheap
    base = base.casefold().replace("-", " ").replace(".", "")
    return " ".join(base.split())
