"""The actor knowledge base: countries, role words, government bodies and international organisations.

The facts live in tab-separated files under ``whodid/data/actors`` (see the comment block at the top of
each file). ``ActorKnowledge.load`` reads them once into dictionaries; every lookup after that is a dict
access on a normalized key. Normalization unifies curly and straight apostrophes, dashes, whitespace,
accents, case, periods and hyphens, and drops a leading "the". Alternatives with no lowercase letters
(``US``, ``U.K.``) and alternatives written with a leading ``=`` match only in their exact case, so the
country "US" is never the pronoun "us".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from whodid.data_files import DATA_DIR, fold_alias, read_word_list
from whodid.errors import Errors
from whodid.ontology import DataFileError

DEFAULT_DATA_DIR = DATA_DIR / "actors"
fold = fold_alias  # the key of an alias (whodid.data_files): periods dropped, hyphens as spaces

_ROLE_KINDS = frozenset({"person", "group"})
_BODY_KINDS = frozenset({"organization", "group"})
_ISO3 = re.compile(r"[A-Z]{3}")
_SECTOR = re.compile(r"[A-Z]{3}")
_IGO_CODE = re.compile(r"(?:IGO|NGO|NGM|IMG|MNC|INT|UIS)(?:[A-Z]{3})*")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'"})
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"})
_EDGE_PUNCTUATION = ' ,;:"“”()[]{}'
_MAX_MODIFIER_WORDS = 4  # "Democratic Republic of the Congo" is the longest country modifier worth trying


@dataclass(frozen=True)
class CountryInfo:
    """A country or territory with the words that name it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True)
class RoleInfo:
    """A title or role word and the CAMEO sector it implies; ``role`` is the matched phrase, lowercased."""

    role: str
    sector: str
    kind: str  # "person" or "group"


@dataclass(frozen=True)
class BodyInfo:
    """A government body or institution; ``country`` is None for generic bodies ("Foreign Ministry")."""

    name: str
    country: str | None
    sector: str
    kind: str  # "organization" or "group"


@dataclass(frozen=True)
class IgoInfo:
    """An international organisation and its CAMEO actor code (``IGOUNO``, ``NGOHRIAMN``)."""

    name: str
    code: str


V = TypeVar("V")
MEMO_LIMIT = 200_000  # entries per lookup table before the memo starts afresh


class Memo(dict[str, V]):
    """A bounded memo of one lookup: the same few thousand phrases are asked for again and again.

    ``memo[text]`` is a plain dict access when ``text`` was seen (no Python call: this is on the
    actor stage's hottest path); ``memo(text)`` does the same."""

    def __init__(self, compute: Callable[[str], V]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, text: str) -> V:
        if len(self) > MEMO_LIMIT:
            self.clear()
        value = self[text] = self._compute(text)
        return value

    def __call__(self, text: str) -> V:
        return self[text]


def read_words(name: str, data_dir: Path | None = None) -> frozenset[str]:
    """A word list of ``data/actors/`` (one lower-case word a line; ``#`` starts a comment)."""
    return read_word_list(((data_dir or DEFAULT_DATA_DIR) / name).read_text(encoding="utf-8"))


def clean(text: str) -> str:
    """Unify apostrophes, dashes and whitespace, trim edge punctuation and drop a leading "the"."""
    if text.isascii():  # the common case: NFC changes nothing, "`" is the one ASCII apostrophe to unify
        text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).translate(_DASHES)
    text = " ".join(text.split()).strip(_EDGE_PUNCTUATION)
    if text[:3].isascii() and text[:3].lower() != "the":
        return text  # no leading "the" to drop (the regex costs more than this test)
    return _LEADING_THE.sub("", text)


def _strip_possessive(text: str) -> str:
    """``China's`` -> ``China``, ``Hamas'`` -> ``Hamas``; other texts unchanged."""
    if text.endswith("'s"):
        return text[:-2]
    if text.endswith("s'"):
        return text[:-1]
    return text


def _alias_key(alias: str) -> tuple[bool, str]:
    """(exact-case?, key) for an alternative as written in a data file."""
    if alias.startswith("="):
        return True, clean(alias[1:])
    cleaned = clean(alias)
    if not any(ch.islower() for ch in cleaned):
        return True, cleaned
    return False, fold(cleaned)


def _role_key(text: str) -> str:
    """Lowercase role phrase with possessives dropped from every word ("president's" -> "president")."""
    return " ".join(_strip_possessive(word) for word in fold(clean(text)).split())


def _display(alias: str) -> str:
    """An alternative without its exact-case marker."""
    return alias[1:] if alias.startswith("=") else alias


def _alternatives(cell: str) -> tuple[str, ...]:
    """The non-empty ``|``-separated alternatives of a cell."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


T = TypeVar("T")


class _Index(Generic[T]):
    """Alias lookup: exact-case keys for acronyms and ``=`` entries, folded keys for everything else."""

    def __init__(self, what: str, identity: Callable[[T], Hashable] = lambda value: value) -> None:
        self._what = what
        self._identity = identity
        self._exact: dict[str, T] = {}
        self._folded: dict[str, T] = {}
        self._memo: Memo[T | None] = Memo(self._lookup)

    def add(self, alias: str, value: T, where: str) -> None:
        """Register ``alias``; a key that already means something else is a data error."""
        exact, key = _alias_key(alias)
        if not key:
            raise _data_error(where, f"empty {self._what} {alias!r}")
        table = self._exact if exact else self._folded
        old = table.get(key)
        if old is not None and self._identity(old) != self._identity(value):
            raise _data_error(
                where,
                f"{self._what} {alias!r} already means {old!r}; "
                "give the word to one entry only (or make it exact-case with a leading '=')",
            )
        table.setdefault(key, value)

    def folded_keys(self) -> Iterator[str]:
        """Every key, folded (an exact-case key folded as a lookup folds the text it matches)."""
        yield from self._folded
        yield from (fold(key) for key in self._exact)

    def get(self, text: str) -> T | None:
        """The value for ``text``, trying it as given and without a possessive ending."""
        return self._memo[text]

    def _lookup(self, text: str) -> T | None:
        for candidate, folded in _lookup_keys(text):
            hit = self._exact.get(candidate)
            if hit is None:
                hit = self._folded.get(folded)
            if hit is not None:
                return hit
        return None


@lru_cache(maxsize=MEMO_LIMIT)
def _lookup_keys(text: str) -> tuple[tuple[str, str], ...]:
    """The keys ``_Index`` tries for ``text``: (cleaned, folded) as given, then without a possessive
    ending. Shared by every index (one phrase is asked of the country, demonym, capital, body,
    organisation and people tables in turn), so each phrase is cleaned and folded once."""
    cleaned = clean(text)
    return tuple((c, fold(c)) for c in dict.fromkeys((cleaned, _strip_possessive(cleaned))) if c)


@dataclass(frozen=True)
class _Row:
    """One data line of a table file."""

    file: str
    line: int
    cells: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"{self.file} line {self.line}"

    def fail(self, message: str) -> DataFileError:
        """A catalogued data error (E307, also a ``ValueError``) naming this row."""
        return _data_error(self.where, message)


def _data_error(where: str, detail: str) -> DataFileError:
    """A malformed-data error (E307) at ``where`` ("roles.tsv line 12")."""
    return DataFileError(Errors.E307, where=where, detail=detail)


def _read_table(path: Path, columns: Sequence[str], required: Sequence[str]) -> Iterator[_Row]:
    """Data rows of a TSV file with a header line; ``#`` lines and blank lines are skipped.

    The ``required`` columns must be filled; missing trailing cells count as empty.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(Errors.E305, path=str(path), detail=str(exc)) from exc
    expected_header = "\t".join(columns)
    needed = [columns.index(name) for name in required]
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            if cells != list(columns):
                raise _data_error(f"{path.name} line {number}", f"expected the header {expected_header!r}")
            header_seen = True
            continue
        cells += [""] * (len(columns) - len(cells))
        if len(cells) > len(columns) or not all(cells[i] for i in needed):
            raise _data_error(
                f"{path.name} line {number}",
                f"expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}) with {', '.join(required)} filled, found {line!r}",
            )
        yield _Row(path.name, number, tuple(cells))
    if not header_seen:
        raise _data_error(path.name, f"no header line {expected_header!r}")


def _load_sectors(data_dir: Path) -> frozenset[str]:
    """The CAMEO agent codes that roles and bodies may use."""
    codes: set[str] = set()
    for row in _read_table(data_dir / "sectors.tsv", ("code", "level", "description"), ("code",)):
        if not _SECTOR.fullmatch(row.cells[0]):
            raise row.fail(f"sector code {row.cells[0]!r} is not three capital letters")
        codes.add(row.cells[0])
    return frozenset(codes)


class _Countries:
    """Country records with their name, demonym and capital indexes."""

    def __init__(self) -> None:
        self.by_code: dict[str, CountryInfo] = {}
        self.names: _Index[CountryInfo] = _Index("country name")
        self.demonyms: _Index[CountryInfo] = _Index("demonym")
        self.capitals: _Index[CountryInfo] = _Index("capital or seat")

    def add(self, row: _Row) -> None:
        """Register one ``countries.tsv`` row."""
        iso3, name, *cells = row.cells
        if not _ISO3.fullmatch(iso3):
            raise row.fail(f"country code {iso3!r} is not an ISO 3166-1 alpha-3 code")
        if iso3 in self.by_code:
            raise row.fail(f"country {iso3} is listed twice")
        aliases, demonyms, capitals, seats = (_alternatives(cell) for cell in cells)
        info = CountryInfo(
            iso3=iso3,
            name=_display(name),
            aliases=tuple(_display(a) for a in aliases),
            demonyms=tuple(_display(d) for d in demonyms),
            capitals=tuple(_display(c) for c in capitals),
            seats=tuple(_display(s) for s in seats),
        )
        self.by_code[iso3] = info
        for alias in (name, *aliases):
            self.names.add(alias, info, row.where)
        for demonym in demonyms:
            self.demonyms.add(demonym, info, row.where)
        for place in (*capitals, *seats):
            self.capitals.add(place, info, row.where)


def _listed_countries(entries: Iterable[tuple[str, str, Sequence[str], str]]) -> _Countries:
    """Countries from a user's dictionary: (code, name, phrases, where); a phrase names and qualifies."""
    out = _Countries()
    for code, name, phrases, where in entries:
        info = CountryInfo(iso3=code, name=name, aliases=tuple(phrases), demonyms=(), capitals=(), seats=())
        out.by_code.setdefault(code, info)
        for phrase in (name, *phrases):
            try:
                out.names.add(phrase, info, where)
            except ValueError:
                continue  # another listed country has the phrase: the first one keeps it
    return out


def _load_countries(data_dir: Path) -> _Countries:
    columns = ("iso3", "name", "aliases", "demonyms", "capitals", "seats")
    countries = _Countries()
    for row in _read_table(data_dir / "countries.tsv", columns, ("iso3", "name")):
        countries.add(row)
    return countries


def _load_roles(data_dir: Path, sectors: frozenset[str]) -> dict[str, RoleInfo]:
    """Role phrases keyed by their normalized lowercase form."""
    roles: dict[str, RoleInfo] = {}
    for row in _read_table(
        data_dir / "roles.tsv", ("role", "sector", "kind", "note"), ("role", "sector", "kind")
    ):
        phrase, sector, kind, _note = row.cells
        if sector not in sectors:
            raise row.fail(f"unknown sector {sector!r}; add it to sectors.tsv or use a CAMEO agent code")
        if kind not in _ROLE_KINDS:
            raise row.fail(f"kind must be one of {sorted(_ROLE_KINDS)}, not {kind!r}")
        key = _role_key(phrase)
        info = RoleInfo(role=" ".join(phrase.lower().split()), sector=sector, kind=kind)
        old = roles.get(key)
        if old is not None and (old.sector, old.kind) != (sector, kind):
            raise row.fail(f"role {phrase!r} already means {old.sector} {old.kind}")
        roles.setdefault(key, info)
    return roles


def _load_bodies(data_dir: Path, sectors: frozenset[str], countries: _Countries) -> _Index[BodyInfo]:
    """Government bodies and institutions indexed by name and aliases."""
    index: _Index[BodyInfo] = _Index("body name")
    columns = ("name", "country", "sector", "kind", "aliases")
    for row in _read_table(data_dir / "bodies.tsv", columns, ("name", "sector", "kind")):
        name, country, sector, kind, aliases = row.cells
        if country and country not in countries.by_code:
            raise row.fail(f"unknown country {country!r}; it must be an iso3 code from countries.tsv")
        if sector not in sectors:
            raise row.fail(f"unknown sector {sector!r}; add it to sectors.tsv or use a CAMEO agent code")
        if kind not in _BODY_KINDS:
            raise row.fail(f"kind must be one of {sorted(_BODY_KINDS)}, not {kind!r}")
        info = BodyInfo(name=_display(name), country=country or None, sector=sector, kind=kind)
        for alias in (name, *_alternatives(aliases)):
            index.add(alias, info, row.where)
    return index


def _load_ethnic_groups(data_dir: Path) -> _Index[str]:
    """Peoples that are no state's (Kurds, Tamils), indexed by noun and adjective, to their code."""
    index: _Index[str] = _Index("people name")
    path = data_dir / "ethnic_groups.tsv"
    if not path.exists():
        return index  # an older data folder of a user's
    for row in _read_table(path, ("code", "names"), ("code", "names")):
        code, names = row.cells
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise row.fail(f"code {code!r} is not a three-letter CAMEO ethnic code")
        for name in _alternatives(names):
            index.add(name, code, row.where)
    return index


def _load_igos(data_dir: Path) -> _Index[IgoInfo]:
    """International organisations indexed by name and aliases."""
    index: _Index[IgoInfo] = _Index("organisation name")
    for row in _read_table(data_dir / "igos.tsv", ("name", "code", "aliases"), ("name", "code")):
        name, code, aliases = row.cells
        if not _IGO_CODE.fullmatch(code):
            raise row.fail(f"code {code!r} is not an IGO/NGO/NGM/IMG/MNC code made of three-letter groups")
        info = IgoInfo(name=_display(name), code=code)
        for alias in (name, *_alternatives(aliases)):
            index.add(alias, info, row.where)
    return index


class ActorKnowledge:
    """Read-only dictionaries of countries, roles, bodies and international organisations.

    Build it with ``ActorKnowledge.load()``; lookups never touch the disk.
    """

    def __init__(
        self,
        *,
        countries: _Countries,
        roles: dict[str, RoleInfo],
        bodies: _Index[BodyInfo],
        igos: _Index[IgoInfo],
        ethnic: _Index[str] | None = None,
        topic_heads: frozenset[str] = frozenset(),
        organization_heads: frozenset[str] = frozenset(),
    ) -> None:
        self._countries = countries
        # nouns before which a country's name is the subject, not the country ("Cuba experts")
        self.topic_heads = topic_heads
        # last words of organizations' and companies' names ("the National Guard", "Acme Corp")
        self.organization_heads = organization_heads
        self._roles = roles
        self._bodies = bodies
        self._igos = igos
        self._ethnic: _Index[str] = ethnic if ethnic is not None else _Index("people name")
        self._listed: _Countries | None = None  # countries of the user's dictionaries: they win
        self.max_role_words: int = max((len(key.split()) for key in roles), default=0)
        self._role_memo: Memo[RoleInfo | None] = Memo(self._role_lookup)
        self._body_memo: Memo[BodyInfo | None] = Memo(self._body_lookup)
        self._region_memo: Memo[str | None] | None = None  # see ``with_regions``
        self._fit_memo: Memo[int] = Memo(self._word_fit)
        self._vocabulary: tuple[frozenset[str], dict[str, int]] | None = None  # see ``word_fit``

    @classmethod
    def load(cls, data_dir: Path | None = None) -> ActorKnowledge:
        """Read the data files of ``data_dir`` (default: the packaged ``whodid/data/actors``).

        Raises ``ValueError`` naming the file and line of a malformed or contradictory row.
        """
        directory = DEFAULT_DATA_DIR if data_dir is None else Path(data_dir)
        sectors = _load_sectors(directory)
        countries = _load_countries(directory)
        return cls(
            countries=countries,
            roles=_load_roles(directory, sectors),
            bodies=_load_bodies(directory, sectors, countries),
            igos=_load_igos(directory),
            ethnic=_load_ethnic_groups(directory),
            topic_heads=read_words("topic_heads.txt", directory),
            organization_heads=read_words("organization_heads.txt", directory)
            | read_words("business_heads.txt", directory),
        )

    def with_listed_countries(self, entries: Iterable[tuple[str, str, Sequence[str], str]]) -> ActorKnowledge:
        """A copy that also knows the countries of a user's dictionary, (code, name, phrases, where)
        each; their phrases win over whodid's own names and demonyms."""
        out = self._copy()
        out._listed = _listed_countries(entries)
        return out

    def with_regions(self, region_country: Callable[[str], str | None]) -> ActorKnowledge:
        """A copy that also knows the names of states and provinces, ``region_country`` giving the ISO3
        of one ("New Jersey" -> USA, the places gazetteer's ``region_country``): a region whose name
        holds a country's ("New Mexico", "New South Wales") is not that country."""
        out = self._copy()
        out._region_memo = Memo(region_country)
        return out

    def _copy(self) -> ActorKnowledge:
        """A copy sharing every table, the user's countries and the region lookup."""
        out = ActorKnowledge(
            countries=self._countries,
            roles=self._roles,
            bodies=self._bodies,
            igos=self._igos,
            ethnic=self._ethnic,
            topic_heads=self.topic_heads,
            organization_heads=self.organization_heads,
        )
        out._listed = self._listed
        out._region_memo = self._region_memo
        return out

    def region_country(self, text: str) -> str | None:
        """The ISO3 of the state or province named by ``text`` when it is written in more than one word
        and is no country's name ("New Jersey" -> USA); None otherwise or without ``with_regions``."""
        if self._region_memo is None or " " not in text.strip() or self.country_by_name(text) is not None:
            return None
        return self._region_memo[text]

    def country_by_name(self, text: str) -> CountryInfo | None:
        """The country named by ``text`` ("the United States", "U.S.", "China's"); "us" is not "US"."""
        if self._listed is not None:
            hit = self._listed.names.get(text)
            if hit is not None:
                return hit
        return self._countries.names.get(text)

    def country_by_demonym(self, text: str) -> CountryInfo | None:
        """The country of a demonym or adjective ("Chinese", "Canadians", "Briton")."""
        if self._listed is not None:
            hit = self._listed.names.get(text)  # a user's dictionary lists adjectives as phrases
            if hit is not None:
                return hit
        return self._countries.demonyms.get(text)

    def country_by_capital(self, text: str) -> CountryInfo | None:
        """The country whose capital or seat of government is ``text`` ("Beijing", "Whitehall")."""
        return self._countries.capitals.get(text)

    def country_by_code(self, iso3: str) -> CountryInfo | None:
        """The country with ISO 3166-1 alpha-3 code ``iso3`` (case-insensitive)."""
        code = iso3.strip().upper()
        hit = self._countries.by_code.get(code)
        if hit is None and self._listed is not None:
            hit = self._listed.by_code.get(code)
        return hit

    def word_fit(self, token: str) -> int:
        """What the tables can make of a phrase holding the token text ``token``, as bits: bit 0 set
        when the token may be part of a country, body, organisation or people name (each of its words,
        cleaned and folded as a lookup does, is a word of some name, "the" or "of"), bit n set when it
        may be a word of a role phrase of n words. A phrase with a token without bit 0 is in no table
        but the roles'; one whose tokens all lack bit n holds no role of n words. ``describe`` skips
        such phrases without looking them up."""
        return self._fit_memo[token]

    def _word_fit(self, token: str) -> int:
        names, role_words = self._words()
        text = unicodedata.normalize("NFC", token).translate(_APOSTROPHES).translate(_DASHES)
        known, lengths = True, 0
        for lower in (False, True):  # a role is looked up lowercased (describe.norm)
            for word in (text.lower() if lower else text).split():
                word_known = False
                # edge punctuation is trimmed where the word ends a phrase (clean), a possessive
                # where it ends one ("China's"), before or after folding
                edge = _EDGE_PUNCTUATION
                for edged in {word, word.strip(edge), word.lstrip(edge), word.rstrip(edge)}:
                    folded = [(w, _strip_possessive(w)) for w in fold(edged).split()]
                    word_known = word_known or all(w in names or bare in names for w, bare in folded)
                    for w, bare in folded:
                        lengths |= role_words.get(w, 0) | role_words.get(bare, 0)
                known = known and (lower or word_known)
        return lengths | (1 if known else 0)

    def _words(self) -> tuple[frozenset[str], dict[str, int]]:
        """The words of every name key (folded) and, for each word of a role key, the lengths (as
        bits) of the role phrases holding it; built on first use (a user's countries come after
        ``__init__``)."""
        if self._vocabulary is None:
            names: set[str] = {"", "the", "of"}  # "of" splits a body from its owner; "the" is dropped
            countries = [self._countries, *([self._listed] if self._listed is not None else [])]
            keys = [
                k
                for c in countries
                for index in (c.names, c.demonyms, c.capitals)
                for k in index.folded_keys()
            ]
            keys += [*self._bodies.folded_keys(), *self._igos.folded_keys(), *self._ethnic.folded_keys()]
            for key in keys:
                names.update(key.split())
            role_words: dict[str, int] = {}
            for key, info in self._roles.items():
                for word in key.split():
                    role_words[word] = role_words.get(word, 0) | 1 << len(info.role.split())
            self._vocabulary = frozenset(names), role_words
        return self._vocabulary

    def role(self, text: str) -> RoleInfo | None:
        """The longest role phrase inside ``text``; on a tie the rightmost (the head of the phrase).

        "former US secretary of state" -> "secretary of state"; "opposition leader" -> OPP, not GOV.
        """
        return self._role_memo[text]

    def _role_lookup(self, text: str) -> RoleInfo | None:
        found: RoleInfo | None = None
        words = _role_key(text).split()
        for size in range(min(len(words), self.max_role_words), 0, -1):
            for start in range(len(words) - size, -1, -1):
                found = self._roles.get(" ".join(words[start : start + size]))
                if found is not None:
                    break
            if found is not None:
                break
        return found

    def body(self, text: str) -> BodyInfo | None:
        """The body named by ``text`` ("State Department", "the Foreign Ministry").

        A leading country modifier is understood when the whole text is not a known name:
        "the Chinese Foreign Ministry" and "Canada's parliament" come back with that country.
        """
        return self._body_memo[text]

    def _body_lookup(self, text: str) -> BodyInfo | None:
        hit = self._bodies.get(text)
        if hit is not None:
            return hit
        cleaned = clean(text)
        head, of, owner = cleaned.rpartition(" of ")
        # the body is looked up before its country: most phrases name none, and both are pure lookups
        if of and head:  # "the Government of Eritrea", "the Ministry of Defence of Japan"
            base = self._bodies.get(head)
            country = self.country_by_name(owner) if base is not None and base.country is None else None
            if base is not None and country is not None:
                return replace(base, country=country.iso3)
        words = cleaned.split()
        for cut in range(min(len(words) - 1, _MAX_MODIFIER_WORDS), 0, -1):
            base = self._bodies.get(" ".join(words[cut:]))
            if base is None:
                continue
            country = self._modifier_country(" ".join(words[:cut]))
            if country is not None:
                return replace(base, country=country.iso3)
        return None

    def ethnic(self, text: str) -> str | None:
        """The CAMEO code of a people that is no state's ("Kurdish", "the Kurds" -> KUR)."""
        return self._ethnic.get(text)

    def igo(self, text: str) -> IgoInfo | None:
        """The international organisation named by ``text`` ("UN", "the U.N. Security Council")."""
        return self._igos.get(text)

    def _modifier_country(self, text: str) -> CountryInfo | None:
        """The country of a modifier such as "Chinese", "U.S." or "Canada's"."""
        return self.country_by_demonym(text) or self.country_by_name(text)
