"""The event lexicon: which verbs and nouns name which CAMEO events, and what a negated event becomes.

Tab-separated data files under ``whodid/data/events/`` (each describes its columns in a comment
at its top):

* ``verbs.tsv`` -- ``lemma particle object cameo note``: a verb lemma, optionally with a particle or
  preposition that must attach to it (``call for``) and with the lemmas of its object (``impose`` +
  ``sanction|embargo``). The most specific matching entry wins. A cameo of ``-`` marks a figurative or
  non-political sense that is no event ("fight corruption", "fight in court", "beat expectations").
* ``nouns.tsv`` -- ``lemma cameo note``: event nouns ("talks", "sanction", "hunger strike").
* ``negation.tsv`` -- ``cameo_prefix negated_cameo note``: what a negated event becomes ("would not
  compromise" is a refusal to yield); ``-`` means the negated event is no event at all, ``=`` the same
  event reported as not done (material conflict: modality ``negated``).
* ``intent.tsv`` / ``threat.tsv`` -- ``cameo_prefix code note``: cooperation announced but not done is
  an intent (03x); conflict its actor plans or holds out is a threat (13x).
* ``generic_heads.txt`` -- nouns such as "effort" or "operation" that take the code of their event
  modifier ("a mediation effort").
* ``topic_verbs.txt`` -- verbs whose direct object is their topic, not their target ("discussed the
  plan with France" is aimed at France).
* ``experiencer_verbs.txt`` -- verbs of feeling whose object feels and whose subject is the cause
  ("Berlin was angered by Poland's decision" is Berlin's disapproval of Poland).
* ``figurative_modifiers.txt`` -- modifiers naming a domain without violence: a conflict noun (18x-20x)
  they modify is no event ("an ideological battle", "a legal fight", "a price war").
* ``object_heads.txt`` -- object nouns that stand for their "of" phrase ("700 kg of medicine", "part of
  the town", "the return of inspectors"): the "of" object counts as the verb's object too.

Every code is checked against the :class:`~whodid.ontology.Ontology` when the lexicon is loaded, and a
malformed line raises :class:`~whodid.ontology.DataFileError` (a ``ValueError``) naming file and line.
Load it once per pipeline and share it; it is immutable::

    lexicon = EventLexicon.load()
    lexicon.match_verb("call", {"for"}, {"release"}).cameo   # "0253"

**User folders** (``--lexicon DIR``, ``whodid.load(lexicon_dirs=...)``): a :class:`LexiconFolders` stack
reads each lexicon file (:data:`LEXICON_FILES`: the files above, ``valence.tsv``, ``accusation.txt``,
``confidence.tsv``) from the packaged folder, then from each user folder that has it, in order. A row of
a keyed table replaces the earlier row with its key and a new key extends the table (``verbs.tsv`` is
keyed by lemma + particle + each object lemma: a row takes over exactly the objects it names, the
earlier row keeps its others); a word list's words are added and its ``-word`` lines remove words.
Duplicates inside one file are still errors (E303); a file name whodid does not know is E306. See
``docs/lexicons.md``::

    folders = LexiconFolders((Path("my-lexicon"),))   # my-lexicon/verbs.tsv: zorble <tab><tab><tab> 173
    EventLexicon.load(folders).match_verb("zorble", (), ()).cameo   # "173"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from whodid.data_files import DATA_DIR
from whodid.errors import Errors
from whodid.ontology import DataFileError, Ontology

__all__ = ["LEXICON_FILES", "EventLexicon", "LexiconFolders", "VerbEntry"]

DEFAULT_DIR = DATA_DIR / "events"
VERBS_FILE = "verbs.tsv"
NOUNS_FILE = "nouns.tsv"
NEGATION_FILE = "negation.tsv"
INTENT_FILE = "intent.tsv"
GENERIC_FILE = "generic_heads.txt"
OBJECT_HEADS_FILE = "object_heads.txt"
TOPIC_VERBS_FILE = "topic_verbs.txt"
EXPERIENCER_FILE = "experiencer_verbs.txt"
SPEAKER_SIDE_FILE = "speaker_side_heads.txt"
FIGURATIVE_FILE = "figurative_modifiers.txt"
# event-noun roots a figurative modifier takes out of the fight: assault, force, mass violence
CONFLICT_NOUN_ROOTS = ("18", "19", "20")
NO_EVENT = "-"
SAME_EVENT = "="
THREAT_FILE = "threat.tsv"
VALENCE_FILE = "valence.tsv"  # read by events/statements.py
ACCUSATION_FILE = "accusation.txt"  # read by events/statements.py
SUCCESS_FILE = "success_verbs.txt"  # read by events/statements.py
ACT_NOUNS_FILE = "act_nouns.txt"  # read by events/statements.py
CONFIDENCE_FILE = "confidence.tsv"  # read by events/confidence.py
# every file a lexicon folder may hold (docs/lexicons.md describes each)
LEXICON_FILES = (
    VERBS_FILE,
    NOUNS_FILE,
    NEGATION_FILE,
    INTENT_FILE,
    THREAT_FILE,
    GENERIC_FILE,
    OBJECT_HEADS_FILE,
    TOPIC_VERBS_FILE,
    FIGURATIVE_FILE,
    EXPERIENCER_FILE,
    SPEAKER_SIDE_FILE,
    VALENCE_FILE,
    ACCUSATION_FILE,
    SUCCESS_FILE,
    ACT_NOUNS_FILE,
    CONFIDENCE_FILE,
)

_WORD = re.compile(r"[a-z][a-z'-]*")
_PHRASE = re.compile(r"[a-z][a-z'-]*(?: [a-z][a-z'-]*)*")
_PREFIX = re.compile(r"\d{2,4}")
_ONTOLOGY_FILE = "data/ontology/cameo.tsv"
_K = TypeVar("_K")
_V = TypeVar("_V")


@dataclass(frozen=True)
class VerbEntry:
    """One line of ``verbs.tsv``: a verb lemma, its required particle and objects, and its code."""

    lemma: str
    particle: str | None
    objects: frozenset[str]
    cameo: str

    @property
    def specificity(self) -> int:
        """3 particle and object, 2 object only, 1 particle only, 0 bare lemma."""
        if self.objects:
            return 3 if self.particle else 2
        return 1 if self.particle else 0


@dataclass(frozen=True)
class _Line:
    """A data line split into stripped fields, with where it came from (for error messages)."""

    path: Path
    number: int
    fields: tuple[str, ...]

    def fail(self, detail: str) -> DataFileError:
        """A malformed-entry error (E302) pointing at this line."""
        return DataFileError(Errors.E302, path=self.path, line=self.number, detail=detail)

    def duplicate(self, key: object, first_line: int) -> DataFileError:
        """A duplicate-entry error (E303) pointing at this line and the first definition."""
        return DataFileError(Errors.E303, path=self.path, line=self.number, key=key, first_line=first_line)

    def code(self, value: str, ontology: Ontology) -> str:
        """``value`` if it is a known CAMEO code; otherwise an unknown-code error (E304)."""
        if value not in ontology:
            raise DataFileError(
                Errors.E304,
                path=self.path,
                line=self.number,
                kind="CAMEO code",
                value=value,
                reference=_ONTOLOGY_FILE,
            )
        return value


def _read_text(path: Path) -> str:
    """A data file's text; a missing or unreadable file is a catalogued data error."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise Errors.E301.error(path=path) from err
    except (OSError, UnicodeDecodeError) as err:
        raise Errors.E305.error(path=path, detail=err) from err


def _read_lines(path: Path, header: tuple[str, ...]) -> Iterator[_Line]:
    """The data lines of a TSV file after its header; the last column (a note) may be left out."""
    text = _read_text(path)
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        line = _Line(path, number, tuple(f.strip() for f in raw.split("\t")))
        if not header_seen:
            if line.fields != header:
                raise line.fail(f"expected the header line {' '.join(header)!r} (tab-separated)")
            header_seen = True
        elif not len(header) - 1 <= len(line.fields) <= len(header):
            raise line.fail(f"expected {len(header)} tab-separated columns, found {len(line.fields)}")
        else:
            yield line
    if not header_seen:
        raise _Line(path, 1, ()).fail(f"no header line {' '.join(header)!r}")


def _parse_verb(line: _Line, ontology: Ontology) -> VerbEntry:
    """One ``verbs.tsv`` line as a :class:`VerbEntry`."""
    lemma, particle, objects, cameo = line.fields[:4]
    if not _WORD.fullmatch(lemma):
        raise line.fail(f"lemma {lemma!r} must be one lower-case word")
    if particle and not _WORD.fullmatch(particle):
        raise line.fail(f"particle {particle!r} must be empty or one lower-case word")
    words = objects.split("|") if objects else []
    bad = [w for w in words if not _WORD.fullmatch(w)]
    if bad:
        raise line.fail(f"object lemmas {bad!r} must be lower-case words separated by '|'")
    code = NO_EVENT if cameo == NO_EVENT else line.code(cameo, ontology)
    return VerbEntry(lemma, particle or None, frozenset(words), code)


def _read_verb_file(path: Path, ontology: Ontology) -> list[VerbEntry]:
    """The entries of one ``verbs.tsv`` in file order; a key (lemma, particle, object) defined twice is
    an error (E303)."""
    entries: list[VerbEntry] = []
    seen: dict[tuple[str, str | None, str], int] = {}  # (lemma, particle, object or "") -> line
    for line in _read_lines(path, ("lemma", "particle", "object", "cameo", "note")):
        entry = _parse_verb(line, ontology)
        for key in _verb_keys(entry):
            if key in seen:
                shown = " ".join(k for k in key if k)
                raise line.duplicate(shown, seen[key])
            seen[key] = line.number
        entries.append(entry)
    return entries


def _verb_keys(entry: VerbEntry) -> list[tuple[str, str | None, str]]:
    """The keys an entry defines: one per object lemma, or one with no object."""
    return [(entry.lemma, entry.particle, obj) for obj in sorted(entry.objects or {""})]


def _without_keys(entry: VerbEntry, taken: Collection[tuple[str, str | None, str]]) -> list[VerbEntry]:
    """``entry`` less the keys a later folder took over: its other objects stay (none left: no entry)."""
    if not entry.objects:
        return [] if (entry.lemma, entry.particle, "") in taken else [entry]
    left = frozenset(o for o in entry.objects if (entry.lemma, entry.particle, o) not in taken)
    if left == entry.objects:
        return [entry]
    return [replace(entry, objects=left)] if left else []


def _read_verbs(paths: Sequence[Path], ontology: Ontology) -> dict[str, tuple[VerbEntry, ...]]:
    """All verb entries by lemma, most specific first (ties: the later folder, the more detailed code,
    then file order). Each folder's entries take over the keys they define from the folders before."""
    rows: list[tuple[int, VerbEntry]] = []
    for layer, path in enumerate(paths):
        entries = _read_verb_file(path, ontology)
        taken = {key for e in entries for key in _verb_keys(e)}
        rows = [(n, kept) for n, e in rows for kept in _without_keys(e, taken)]
        rows.extend((layer, e) for e in entries)
    by_lemma: dict[str, list[tuple[int, VerbEntry]]] = {}
    for row in rows:
        by_lemma.setdefault(row[1].lemma, []).append(row)
    return {
        lemma: tuple(e for _, e in sorted(items, key=lambda r: (-r[1].specificity, -r[0], -len(r[1].cameo))))
        for lemma, items in by_lemma.items()
    }


def _read_nouns(path: Path, ontology: Ontology) -> dict[str, str]:
    """Event noun lemma (or phrase) -> CAMEO code."""
    nouns: dict[str, str] = {}
    first: dict[str, int] = {}
    for line in _read_lines(path, ("lemma", "cameo", "note")):
        lemma, cameo = line.fields[:2]
        if not _PHRASE.fullmatch(lemma):
            raise line.fail(f"noun {lemma!r} must be lower-case words separated by single spaces")
        if lemma in nouns:
            raise line.duplicate(lemma, first[lemma])
        nouns[lemma], first[lemma] = line.code(cameo, ontology), line.number
    return nouns


def _read_prefix_table(path: Path, header: tuple[str, str, str], ontology: Ontology) -> dict[str, str | None]:
    """A table of CAMEO code prefix -> code (``-`` for none): the negation and intent tables."""
    rules: dict[str, str | None] = {}
    first: dict[str, int] = {}
    codes = [c.code for c in ontology]
    for line in _read_lines(path, header):
        prefix, value = line.fields[:2]
        if not _PREFIX.fullmatch(prefix) or not any(c.startswith(prefix) for c in codes):
            raise line.fail(f"{prefix!r} is not the prefix of any CAMEO code")
        if prefix in rules:
            raise line.duplicate(prefix, first[prefix])
        if value == SAME_EVENT:
            rules[prefix] = SAME_EVENT  # the event's own code, resolved by the lookup
        else:
            rules[prefix] = None if value == NO_EVENT else line.code(value, ontology)
        first[prefix] = line.number
    return rules


def _read_words(path: Path, *, removals: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """The words a list adds and, with ``removals`` (a user folder's list), those it removes (``-word``)."""
    text = _read_text(path)
    added: set[str] = set()
    removed: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        word = raw.split("#", 1)[0].strip()
        if not word:
            continue
        drop = removals and word.startswith("-")
        if not _WORD.fullmatch(word[1:] if drop else word):
            expected = "one lower-case word, or -word to remove one" if removals else "one lower-case word"
            raise _Line(path, number, (word,)).fail(f"{word!r} must be {expected}")
        (removed if drop else added).add(word[1:] if drop else word)
    return frozenset(added), frozenset(removed)


def read_word_list(path: Path) -> frozenset[str]:
    """A data file of lower-case lemmas, one a line (``#`` starts a comment)."""
    return _read_words(path)[0]


def read_valences(path: Path) -> dict[str, float]:
    """``valence.tsv``: word -> valence (-4 very negative .. 4 very positive) for statements' tone."""
    out: dict[str, float] = {}
    first: dict[str, int] = {}
    for line in _read_lines(path, ("word", "valence", "note")):
        word, value = line.fields[:2]
        if not _WORD.fullmatch(word):
            raise line.fail(f"word {word!r} must be one lower-case word")
        try:
            score = float(value)
        except ValueError:
            raise line.fail(f"valence {value!r} must be a number from -4 to 4") from None
        if not -4.0 <= score <= 4.0:
            raise line.fail(f"valence {value!r} must be a number from -4 to 4")
        if word in out:
            raise line.duplicate(word, first[word])
        out[word], first[word] = score, line.number
    return out


def read_weights(path: Path) -> dict[str, float]:
    """``confidence.tsv``: feature -> weight of the calibrated confidence model."""
    out: dict[str, float] = {}
    first: dict[str, int] = {}
    for line in _read_lines(path, ("feature", "weight", "note")):
        feature, value = line.fields[:2]
        try:
            weight = float(value)
        except ValueError:
            raise line.fail(f"weight {value!r} must be a number") from None
        if feature in out:
            raise line.duplicate(feature, first[feature])
        out[feature], first[feature] = weight, line.number
    return out


def _read_negation(path: Path, ontology: Ontology) -> dict[str, str | None]:
    """CAMEO code prefix -> negated code, or None when the negated event is no event."""
    return _read_prefix_table(path, ("cameo_prefix", "negated_cameo", "note"), ontology)


def _read_threat(path: Path, ontology: Ontology) -> dict[str, str | None]:
    """CAMEO code prefix -> the threat (13x) code of that conflict announced but not yet done."""
    return _read_prefix_table(path, ("cameo_prefix", "threat_cameo", "note"), ontology)


def _read_intent(path: Path, ontology: Ontology) -> dict[str, str | None]:
    """CAMEO code prefix -> the intent (03x) code of that cooperation announced but not yet done."""
    return _read_prefix_table(path, ("cameo_prefix", "intent_cameo", "note"), ontology)


def _codes_only(table: Mapping[str, str | None]) -> dict[str, str]:
    """A prefix table without its ``-`` rows (the prefixes that have no such code)."""
    return {prefix: code for prefix, code in table.items() if code is not None}


@dataclass(frozen=True)
class LexiconFolders:
    """Where lexicon files are read from: ``base`` (the packaged folder), then each ``user`` folder.

    Every user folder is checked when the stack is made: it must be a readable folder holding only
    files named in :data:`LEXICON_FILES` (hidden files such as ``.DS_Store`` are passed over).
    """

    user: tuple[Path, ...] = ()
    base: Path = DEFAULT_DIR

    def __post_init__(self) -> None:
        for folder in self.user:
            _check_user_folder(folder)

    @classmethod
    def of(cls, data_dir: Path | LexiconFolders | None) -> LexiconFolders:
        """A stack as is; one folder (the ``load(data_dir)`` of old) or None (packaged) as a stack of one."""
        if isinstance(data_dir, LexiconFolders):
            return data_dir
        return cls(base=data_dir or DEFAULT_DIR)

    def paths(self, name: str) -> tuple[Path, ...]:
        """``name`` in the base folder (which must have it: E301), then in each user folder holding it."""
        return (self.base / name, *(folder / name for folder in self.user if (folder / name).exists()))

    def table(self, name: str, read: Callable[[Path], Mapping[_K, _V]]) -> dict[_K, _V]:
        """A keyed table read by ``read`` from each folder: a later folder's row replaces the row with
        the same key, a new key extends the table."""
        out: dict[_K, _V] = {}
        for path in self.paths(name):
            out.update(read(path))
        return out

    def words(self, name: str) -> frozenset[str]:
        """A word list: the base file's words, plus each user file's, less its ``-word`` lines."""
        words: frozenset[str] = frozenset()
        for layer, path in enumerate(self.paths(name)):
            added, removed = _read_words(path, removals=layer > 0)
            words = (words - removed) | added
        return words


def _check_user_folder(folder: Path) -> None:
    """A user lexicon folder must exist and hold only lexicon files (E410, E306)."""
    try:
        names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as err:
        expected = "an existing, readable folder of lexicon files (docs/lexicons.md)"
        raise Errors.E410.error(option="--lexicon", value=str(folder), expected=expected) from err
    for name in names:
        if name not in LEXICON_FILES:
            raise Errors.E306.error(path=folder / name, known=", ".join(LEXICON_FILES))


class EventLexicon:
    """Verb entries, event nouns and negation rules, validated against the CAMEO ontology."""

    def __init__(
        self,
        verbs: Mapping[str, tuple[VerbEntry, ...]],
        nouns: Mapping[str, str],
        negation: Mapping[str, str | None],
        intent: Mapping[str, str] | None = None,
        generic_heads: frozenset[str] = frozenset(),
        threat: Mapping[str, str] | None = None,
        object_heads: frozenset[str] = frozenset(),
        topic_verbs: frozenset[str] = frozenset(),
        figurative: frozenset[str] = frozenset(),
        experiencer_verbs: frozenset[str] = frozenset(),
        speaker_side_heads: frozenset[str] = frozenset(),
    ) -> None:
        """Wrap already-validated tables; use :meth:`load` to read the data files."""
        self._generic = generic_heads
        self._object_heads = object_heads
        self._topic_verbs = topic_verbs
        self._figurative = figurative
        self._experiencer_verbs = experiencer_verbs
        self._speaker_side_heads = speaker_side_heads
        self._threat: Mapping[str, str] = MappingProxyType(dict(threat or {}))
        self._intent: Mapping[str, str] = MappingProxyType(dict(intent or {}))
        self._verbs: Mapping[str, tuple[VerbEntry, ...]] = MappingProxyType(dict(verbs))
        self._nouns: Mapping[str, str] = MappingProxyType(dict(nouns))
        self._negation: Mapping[str, str | None] = MappingProxyType(dict(negation))

    @classmethod
    def load(
        cls, data_dir: Path | LexiconFolders | None = None, ontology: Ontology | None = None
    ) -> EventLexicon:
        """Read the lexicon files from ``data_dir``: one folder holding them all (default: the packaged
        one), or a :class:`LexiconFolders` stack whose user folders overlay the packaged files.

        Every CAMEO code is checked against ``ontology`` (default: the packaged one); a malformed line
        raises :class:`~whodid.ontology.DataFileError`, a ``ValueError`` naming the file and line.
        """
        folders = LexiconFolders.of(data_dir)
        onto = ontology or Ontology.load()
        return cls(
            _read_verbs(folders.paths(VERBS_FILE), onto),
            folders.table(NOUNS_FILE, lambda p: _read_nouns(p, onto)),
            folders.table(NEGATION_FILE, lambda p: _read_negation(p, onto)),
            _codes_only(folders.table(INTENT_FILE, lambda p: _read_intent(p, onto))),
            folders.words(GENERIC_FILE),
            _codes_only(folders.table(THREAT_FILE, lambda p: _read_threat(p, onto))),
            folders.words(OBJECT_HEADS_FILE),
            folders.words(TOPIC_VERBS_FILE),
            folders.words(FIGURATIVE_FILE),
            folders.words(EXPERIENCER_FILE),
            folders.words(SPEAKER_SIDE_FILE),
        )

    def verb_entries(self, lemma: str) -> tuple[VerbEntry, ...]:
        """All entries for a verb lemma, most specific first; empty when the lemma is unknown."""
        return self._verbs.get(lemma.lower(), ())

    def match_verb(
        self, lemma: str, particles: Collection[str], objects: Collection[str]
    ) -> VerbEntry | None:
        """The most specific entry for ``lemma`` that fits the clause, or None.

        An entry fits when its particle (if it has one) is among ``particles`` and its objects (if it
        has any) share a lemma with ``objects``. Specificity: particle and object > object >
        particle > bare lemma; ties go to a later (user) folder's entry, then to the more detailed
        CAMEO code, then to file order.
        """
        found = {p.lower() for p in particles}
        lemmas = {o.lower() for o in objects}
        for entry in self.verb_entries(lemma):
            if entry.particle is not None and entry.particle not in found:
                continue
            if entry.objects and entry.objects.isdisjoint(lemmas):
                continue
            return None if entry.cameo == NO_EVENT else entry
        return None

    def has_verb(self, lemma: str) -> bool:
        """Whether any entry exists for this verb lemma."""
        return lemma.lower() in self._verbs

    def noun(self, lemma: str) -> str | None:
        """The CAMEO code of an event noun (``"sanction"`` -> ``"163"``), or None."""
        return self._nouns.get(" ".join(lemma.lower().split()))

    def match_noun(self, lemma: str, modifiers: Collection[str] = ()) -> str | None:
        """The code of a noun with its compound modifiers: a listed phrase beats the bare head.

        ``match_noun("strike", ["hunger"])`` is ``"142"`` (the phrase "hunger strike") where
        ``noun("strike")`` alone is a military strike. A conflict noun with a figurative modifier
        (``match_noun("battle", ["ideological"])``) is None.
        """
        for modifier in modifiers:
            code = self.noun(f"{modifier} {lemma}")
            if code is not None:
                return code
        code = self.noun(lemma)
        if (
            code is not None
            and code.startswith(CONFLICT_NOUN_ROOTS)
            and not self._figurative.isdisjoint(modifiers)
        ):
            return None
        if code is None and lemma.lower() in self._generic:
            # "a mediation effort", "a relief operation": the generic head takes its modifier's code
            return next((c for c in map(self.noun, modifiers) if c is not None), None)
        return code

    def negate(self, cameo: str) -> str | None:
        """What ``cameo`` becomes when negated (longest matching prefix wins); None means no event,
        ``cameo`` itself that the event is reported as not done (modality ``negated``)."""
        for end in range(len(cameo), 1, -1):
            if cameo[:end] in self._negation:
                negated = self._negation[cameo[:end]]
                return cameo if negated == SAME_EVENT else negated
        return None

    def threat(self, cameo: str) -> str | None:
        """The threat code (13x) of a conflict announced or intended but not done; None when none."""
        for end in range(len(cameo), 1, -1):
            if cameo[:end] in self._threat:
                return self._threat[cameo[:end]]
        return None

    def intent(self, cameo: str) -> str | None:
        """The intent code (03x) of a cooperation announced but not done; None when it has none."""
        for end in range(len(cameo), 1, -1):
            if cameo[:end] in self._intent:
                return self._intent[cameo[:end]]
        return None

    def iter_verb_entries(self) -> Iterator[VerbEntry]:
        """Every verb entry, lemma by lemma (for coverage checks and documentation)."""
        for entries in self._verbs.values():
            yield from entries

    @property
    def object_heads(self) -> frozenset[str]:
        """Object nouns that stand for their "of" phrase ("kg", "part", "return")."""
        return self._object_heads

    @property
    def topic_verbs(self) -> frozenset[str]:
        """Verbs whose direct object is their topic, not their target ("discuss", "debate")."""
        return self._topic_verbs

    @property
    def experiencer_verbs(self) -> frozenset[str]:
        """Verbs of feeling whose object is the one who feels ("anger", "frustrate", "dismay")."""
        return self._experiencer_verbs

    @property
    def speaker_side_heads(self) -> frozenset[str]:
        """Nouns reported speech uses for the speaker's own side ("the agency", "crews")."""
        return self._speaker_side_heads

    @property
    def nouns(self) -> Mapping[str, str]:
        """Event noun lemma or phrase -> CAMEO code (read-only)."""
        return self._nouns

    @property
    def negation_rules(self) -> Mapping[str, str | None]:
        """CAMEO prefix -> negated code, None (no event) or ``SAME_EVENT`` ("=") (read-only)."""
        return self._negation
