"""What a user's actor argument stands for: a stored actor code, or a country named in words.

An actor code matches itself and the codes that extend it by whole three-letter segments (SYR:
SYR, SYRREB, SYRGOV); a code that is no whole number of segments matches only itself (SYRR is not
SYRREB), and a trailing ``*`` asks for any prefix (SYRR*). A country name is read as its code. An
argument that matches no stored event's code is answered with the nearest stored codes, so a typo
is never an empty table:

    whodid dyad USA SYR                  USA->SYR, SYR->USA, with SYRREB, USAGOV... inside
    whodid dyad "United States" Syria    the same ("United States is USA", "Syria is SYR")
    whodid dyad USA SYRR                 error E419: ... 'SYRR' ... (did you mean SYR or SYRREB?)

    >>> code_pattern("SYR"), code_pattern("SYRR"), code_pattern("syrr*")
    ('SYR%', 'SYRR', 'SYRR%')
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

from whodid.errors import Errors
from whodid.store.db import Store

SEGMENT = 3  # letters in a segment of a CAMEO actor code


@dataclass(frozen=True)
class Resolved:
    """The code an argument stands for, and a note when it was read from a country name."""

    code: str
    note: str = ""


def code_pattern(value: str) -> str:
    """The SQL LIKE pattern of an actor code argument: a whole number of segments or a trailing
    ``*`` matches the codes beginning with it, any other code only itself."""
    code = value.strip().upper()
    if code.endswith("*"):
        return code.rstrip("*") + "%"
    return code + "%" if code and len(code) % SEGMENT == 0 else code


def matches(pattern: str, code: str) -> bool:
    """Whether a stored ``code`` matches the ``code_pattern`` ``pattern``."""
    return code.startswith(pattern[:-1]) if pattern.endswith("%") else code == pattern


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Every name of every country (lower case) -> its ISO alpha-3 code."""
    from whodid.places.tables import read_countries

    names: dict[str, str] = {}
    for row in read_countries():
        for name in (*row.names, row.iso3):
            names.setdefault(name.lower(), row.iso3)
    return names


def country_code(name: str) -> str | None:
    """The ISO alpha-3 code of a country named in words ("United States", "Syria") or by that code,
    None if none."""
    return _country_names().get(" ".join(name.split()).lower())


def resolve(store: Store, value: str) -> Resolved:
    """The actor code ``value`` stands for: itself when some stored event's source or target code
    matches it, else the code of the country it names (or is the ISO code of); E419 with the nearest
    stored codes for an upper-case code that is neither, E420 for words that name no country."""
    text = " ".join(value.split())
    one_word = bool(text) and text.rstrip("*").isalpha()
    if one_word and _stored(store, code_pattern(text)):
        return Resolved(text.upper())
    iso3 = country_code(text.rstrip("*"))
    if iso3 is not None:
        return Resolved(iso3, "" if iso3 == text.upper() else f"{text} is {iso3}")
    if one_word and text.rstrip("*").isupper():
        code = text.rstrip("*")
        raise Errors.E419.error(code=text, hint=_hint(_nearest_codes(store, code)))
    raise Errors.E420.error(name=text, hint=_hint(_nearest_countries(text)))


def upper_bound(prefix: str) -> str:
    """A string above every string that begins with ``prefix`` (for ``col >= prefix AND col < bound``,
    which an index serves): its last character's successor; a last character that has none (U+10FFFF)
    is dropped and the one before it raised instead."""
    low = prefix.rstrip("\U0010ffff")
    return low[:-1] + chr(ord(low[-1]) + 1) if low else "\U0010ffff"


def _nearest_countries(text: str, most: int = 3) -> list[str]:
    """Country names spelt like ``text``, one a country: "Syria (SYR)"."""
    names = {n: iso3 for n, iso3 in _country_names().items() if n != iso3.lower()}
    near: dict[str, str] = {}
    for name in difflib.get_close_matches(text.lower(), list(names), n=3 * most, cutoff=0.75):
        near.setdefault(names[name], " ".join(w[:1].upper() + w[1:] for w in name.split()))
    return [f"{name} ({iso3})" for iso3, name in list(near.items())[:most]]


def _stored(store: Store, pattern: str) -> bool:
    """Whether some stored event has a source or target code matching ``pattern``."""
    for column in ("source_code", "target_code"):
        if pattern.endswith("%"):
            low = pattern[:-1]
            high = upper_bound(low)
            sql = f"SELECT 1 FROM events WHERE {column} >= ? AND {column} < ? AND {column} LIKE ? LIMIT 1"
            args: list[str] = [low, high, pattern]
        else:
            sql, args = f"SELECT 1 FROM events WHERE {column} = ? LIMIT 1", [pattern]
        if store.conn.execute(sql, args).fetchone() is not None:
            return True
    return False


def _nearest_codes(store: Store, code: str, most: int = 4) -> list[str]:
    """Stored codes near ``code``: the closest spellings, then codes that begin with it."""
    stored = {
        str(row[0])
        for column in ("source_code", "target_code")
        for row in store.conn.execute(f"SELECT DISTINCT {column} FROM events WHERE {column} IS NOT NULL")
    }
    near = difflib.get_close_matches(code, sorted(stored), n=most, cutoff=0.6)
    longer = sorted(c for c in stored if c.startswith(code) and c not in near)
    return (near + longer)[:most]


def _hint(options: list[str]) -> str:
    """ " (did you mean A, B or C?)" (nothing without options)."""
    if not options:
        return ""
    listed = options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]
    return f" (did you mean {listed}?)"
