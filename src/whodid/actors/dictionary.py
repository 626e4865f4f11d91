"""Actor dictionaries: named actors with CAMEO codes, optionally valid only between dates.

Three formats, chosen by file name (docs/actors.md describes each):

* whodid TSV (``.tsv``): header ``name  code  from  until  aliases  kind``; one row per code period,
  several rows for one name; a row without dates is the code used when no period fits.
* whodid YAML (``.yaml``/``.yml``): a list of ``{name, code | codes: [{code, from, until}], aliases, kind}``.
* PETRARCH/TABARI actors (``.actors.txt``, or any other ``.txt``): ``PHRASE [CODE]`` lines, ``+SYNONYM``
  lines, indented ``[CODE <YYMMDD]``, ``[CODE >YYMMDD]``, ``[CODE YYMMDD-YYMMDD]`` date restrictions
  (six- or eight-digit dates), ``#`` and ``<!-- -->`` comments, ``[---]`` for "recognise but do not code".

A malformed line is reported with its file and line number and skipped; the rest loads. At coding
time the code valid on the article's publication date wins: the first period that contains the date
in the order written, else the undated code; with no publication date, the undated code.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from whodid.errors import Errors

KINDS = frozenset({"person", "organization", "state", "group"})
NO_CODE = frozenset({"---", "+++", "###"})  # PETRARCH: the phrase is known but codes nothing
_CODE = re.compile(r"[A-Z][A-Z0-9]{2,14}")
_IGO_PREFIXES = ("IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS")
_DATE_CELL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_PETR_DATE = re.compile(r"\d{6}|\d{8}")
_PETR_BLOCK = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Problem:
    """A line of a dictionary that could not be used."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Period:
    """A code valid from ``start`` to ``end`` (inclusive; None = open)."""

    code: str | None  # None: known phrase that codes nothing
    start: dt.date | None = None
    end: dt.date | None = None

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Entry:
    """One listed actor: its phrases and its codes over time."""

    name: str
    origin: str  # "file:line" of its first line
    phrases: list[str] = field(default_factory=list)  # normalized, words separated by single spaces
    periods: list[Period] = field(default_factory=list)  # dated codes, in the order written
    default: Period | None = None  # the undated code
    kind: str | None = None

    def code_at(self, day: dt.date | None) -> Period | None:
        """The period whose code applies on ``day`` (None: the entry has no code for it)."""
        if day is not None:
            for p in self.periods:
                if p.contains(day):
                    return p
        return self.default

    @property
    def dated(self) -> bool:
        return bool(self.periods)


def normalize(text: str) -> str:
    """Case- and accent-free words, hyphens and apostrophes as their own words, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("_", " ")
    text = re.sub(r"\s*([-'])\s*", r" \1 ", text)
    return " ".join(text.split())


def split_code(code: str) -> tuple[str | None, str | None, str | None]:
    """(country, sector, igo code) of a CAMEO actor code: ``USAGOV`` -> (USA, GOV, None)."""
    if code.startswith(_IGO_PREFIXES):
        return None, None, code
    return code[:3], (code[3:6] or None), None


class ActorDictionary:
    """Listed actors indexed by their phrases' first word, longest phrase first.

    Several entries may share a phrase (two presidents called "Bush"): ``match`` returns them all,
    in the order loaded, and ``pick`` chooses the one with a code period on the article's date.
    """

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries: list[Entry] = []
        self._by_first: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = {}
        self.max_words = 0
        for e in entries:
            self.add(e)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        for phrase in entry.phrases:
            words = tuple(phrase.split())
            if not words:
                continue
            bucket = self._by_first.setdefault(words[0], [])
            same = next((found for w, found in bucket if w == words), None)
            if same is not None:
                if entry not in same:
                    same.append(entry)
                continue
            bucket.append((words, [entry]))
            bucket.sort(key=lambda item: -len(item[0]))
            self.max_words = max(self.max_words, len(words))

    def extend(self, other: ActorDictionary) -> None:
        for e in other.entries:
            self.add(e)

    def match(self, words: Sequence[str], i: int) -> tuple[int, list[Entry]] | None:
        """The longest phrase starting at ``words[i]``: (number of words, its entries)."""
        for phrase, entries in self._by_first.get(words[i], ()):
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase:
                return n, entries
        return None

    @staticmethod
    def pick(entries: Sequence[Entry], day: dt.date | None) -> tuple[Entry, Period | None]:
        """The entry whose dated code covers ``day``, else the first one, with the code that applies."""
        if day is not None:
            for e in entries:
                if any(p.contains(day) for p in e.periods):
                    return e, e.code_at(day)
        return entries[0], entries[0].code_at(day)


# ------------------------------------------------------------------ loading


def load_dictionaries(paths: Sequence[Path]) -> tuple[ActorDictionary, list[Problem]]:
    """Every file of ``paths`` in one dictionary (on a shared phrase with no dated code for the
    day, the earlier file wins)."""
    out = ActorDictionary()
    problems: list[Problem] = []
    for path in paths:
        d, probs = load_dictionary(path)
        out.extend(d)
        problems.extend(probs)
    return out, problems


def load_dictionary(path: Path) -> tuple[ActorDictionary, list[Problem]]:
    """Read one dictionary file; raises only when the file itself cannot be used."""
    name = path.name.lower()
    if not path.exists():
        raise Errors.E105.error(origin=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise Errors.E305.error(path=str(path), detail=str(err)) from None
    if name.endswith(".tsv"):
        entries, problems = _read_tsv(text, str(path))
    elif name.endswith((".yaml", ".yml")):
        entries, problems = _read_yaml(text, str(path))
    elif name.endswith(".txt"):
        entries, problems = _read_petrarch(text, str(path))
    else:
        raise Errors.E405.error(path=str(path), extension=path.suffix or "(none)")
    return ActorDictionary(entries), problems


def _parse_cell_date(value: str, *, end: bool) -> dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; an open month or year reaches its last day as an end."""
    m = _DATE_CELL.fullmatch(value.strip())
    if not m:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    if m.group(3):
        return dt.date(year, int(m.group(2)), int(m.group(3)))
    if m.group(2):
        month = int(m.group(2))
        if not end:
            return dt.date(year, month, 1)
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)


def _check_code(code: str) -> str | None:
    """The problem with ``code`` as a CAMEO actor code, or None."""
    if code in NO_CODE:
        return None
    if not _CODE.fullmatch(code):
        return f"code {code!r} is not a CAMEO actor code (3 to 15 capital letters or digits, e.g. USAGOV)"
    return None


class _Builder:
    """Collects rows by name into entries, keeping the first line of each."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.by_name: dict[str, Entry] = {}
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def entry(self, name: str, line: int) -> Entry:
        key = normalize(name)
        e = self.by_name.get(key)
        if e is None:
            e = self.by_name[key] = Entry(name=name, origin=f"{self.path}:{line}", phrases=[key])
        return e

    def add_code(self, e: Entry, code: str, start: dt.date | None, end: dt.date | None, line: int) -> None:
        period = Period(None if code in NO_CODE else code.upper(), start, end)
        if start is None and end is None:
            if e.default is not None and e.default != period:
                self.problem(line, f"{e.name!r} already has the undated code {e.default.code}; kept it")
                return
            e.default = period
        else:
            e.periods.append(period)

    def alias(self, e: Entry, alias: str) -> None:
        key = normalize(alias)
        if key and key not in e.phrases:
            e.phrases.append(key)

    def entries(self) -> list[Entry]:
        return [e for e in self.by_name.values() if e.default is not None or e.periods]


TSV_COLUMNS = ("name", "code", "from", "until", "aliases", "kind")


def _read_tsv(text: str, path: str) -> tuple[list[Entry], list[Problem]]:
    b = _Builder(path)
    header = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if not header:
            if tuple(cells) != TSV_COLUMNS[: len(cells)] or len(cells) < 2:
                b.problem(number, f"expected the header {' | '.join(TSV_COLUMNS)} (tab-separated)")
                return [], b.problems
            header = True
            continue
        if len(cells) > len(TSV_COLUMNS):
            b.problem(number, f"{len(cells)} columns; expected at most {len(TSV_COLUMNS)}")
            continue
        name, code, start, until, aliases, kind = (cells + [""] * 6)[:6]
        if not name or not code:
            b.problem(number, "name and code must both be filled")
            continue
        code = code.upper()
        bad = _check_code(code)
        if bad:
            b.problem(number, bad)
            continue
        if kind and kind not in KINDS:
            b.problem(number, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
            continue
        try:
            first = _parse_cell_date(start, end=False) if start else None
            last = _parse_cell_date(until, end=True) if until else None
        except ValueError as err:
            b.problem(number, str(err))
            continue
        if first and last and first > last:
            b.problem(number, f"'from' {start} is after 'until' {until}")
            continue
        e = b.entry(name, number)
        e.kind = e.kind or kind or None
        for a in aliases.split("|"):
            b.alias(e, a)
        b.add_code(e, code, first, last, number)
    if not header:
        b.problem(1, "no header line (name, code, from, until, aliases, kind)")
    return b.entries(), b.problems


def _yaml_lines(text: str) -> dict[int, int]:
    """Line number of each top-level list item, by item position."""
    out: dict[int, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("- "):
            out[len(out)] = number
    return out


def _read_yaml(text: str, path: str) -> tuple[list[Entry], list[Problem]]:
    b = _Builder(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        b.problem((mark.line + 1) if mark is not None else 1, f"not valid YAML ({err})")
        return [], b.problems
    if data is None:
        return [], b.problems
    if not isinstance(data, list):
        b.problem(1, "the file must be a YAML list of actors (each item starting with '- ')")
        return [], b.problems
    lines = _yaml_lines(text)
    for k, item in enumerate(data):
        number = lines.get(k, 1)
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            b.problem(number, "each item needs a 'name' string")
            continue
        codes = _yaml_codes(item)
        if isinstance(codes, str):
            b.problem(number, codes)
            continue
        kind = item.get("kind")
        if kind is not None and kind not in KINDS:
            b.problem(number, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
            continue
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            b.problem(number, "'aliases' must be a list of strings")
            continue
        e = b.entry(item["name"], number)
        e.kind = e.kind or kind
        for a in aliases:
            b.alias(e, a)
        for code, first, last in codes:
            b.add_code(e, code, first, last, number)
    return b.entries(), b.problems


def _yaml_codes(item: dict[str, Any]) -> list[tuple[str, dt.date | None, dt.date | None]] | str:
    """The (code, from, until) of an item, or the problem with them."""
    raw: list[Any]
    if "codes" in item:
        raw = item["codes"] if isinstance(item["codes"], list) else []
    elif "code" in item:
        raw = [{"code": item["code"], "from": item.get("from"), "until": item.get("until")}]
    else:
        return "each item needs 'code' or 'codes'"
    out: list[tuple[str, dt.date | None, dt.date | None]] = []
    for c in raw:
        if not isinstance(c, dict) or not isinstance(c.get("code"), str):
            return "each entry of 'codes' needs a 'code' string"
        bad = _check_code(c["code"])
        if bad:
            return bad
        try:
            first = _yaml_date(c.get("from"), end=False)
            last = _yaml_date(c.get("until"), end=True)
        except ValueError as err:
            return str(err)
        if first and last and first > last:
            return f"'from' {first} is after 'until' {last}"
        out.append((c["code"], first, last))
    return out if out else "'codes' is empty"


def _yaml_date(value: object, *, end: bool) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return _parse_cell_date(value, end=end)


# ---------------------------------------------------------------- PETRARCH / TABARI


def _petr_date(token: str) -> dt.date:
    """``YYMMDD`` (years before 50 are 20YY) or ``YYYYMMDD``."""
    if not _PETR_DATE.fullmatch(token):
        raise ValueError(f"date {token!r} is not YYMMDD or YYYYMMDD")
    if len(token) == 6:
        yy = int(token[:2])
        year = 2000 + yy if yy < 50 else 1900 + yy
        month, day = int(token[2:4]), int(token[4:6])
    else:
        year, month, day = int(token[:4]), int(token[4:6]), int(token[6:8])
    return dt.date(year, month, day)


def parse_petrarch_block(block: str) -> tuple[str, dt.date | None, dt.date | None]:
    """``EGYMIL 770101-120812`` -> (EGYMIL, 1977-01-01, 2012-08-12); ``HOB < 950601`` -> before it.

    ``<`` means before the day; ``>`` means from the day on (so ``[X 950601-990815] [Y >990816]``
    leaves no gap); a range includes both ends. Raises ValueError for anything else.
    """
    text = block.strip()
    m = re.fullmatch(r"(\S+?)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?", text)
    if not m:
        raise ValueError(f"code block [{block}] is not [CODE], [CODE <DATE], [CODE >DATE] or [CODE D1-D2]")
    code = m.group(1).upper()
    bad = _check_code(code)
    if bad or code.isdigit():
        raise ValueError(bad or f"code block [{block}] has no code")
    if m.group(2) == "<":
        return code, None, _petr_date(m.group(3)) - dt.timedelta(days=1)
    if m.group(2) == ">":
        return code, _petr_date(m.group(3)), None
    if m.group(4):
        first, last = _petr_date(m.group(4)), _petr_date(m.group(5))
        if first > last:
            raise ValueError(f"date range {m.group(4)}-{m.group(5)} runs backwards")
        return code, first, last
    return code, None, None


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _petr_phrase(text: str) -> str:
    return text.strip().strip("_").replace("_", " ").strip()


def _read_petrarch(text: str, path: str) -> tuple[list[Entry], list[Problem]]:
    b = _Builder(path)
    current: Entry | None = None
    for number, raw in _petrarch_lines(text, b):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        indented = line[0] in " \t"
        body = line.strip()
        if body.startswith("+"):
            if current is None:
                b.problem(number, f"synonym {body!r} before any actor")
                continue
            phrase, _, rest = body[1:].partition("[")
            b.alias(current, _petr_phrase(phrase))
            if rest:
                b.problem(number, "a synonym line cannot carry a code; put codes on the actor's lines")
            continue
        if indented and body.startswith("["):
            if current is None:
                b.problem(number, f"code line {body!r} before any actor")
                continue
            _petr_codes(b, current, body, number)
            continue
        phrase, bracket, rest = body.partition("[")
        phrase = _petr_phrase(phrase)
        if not phrase:
            b.problem(number, f"no actor phrase before the code: {body!r}")
            current = None
            continue
        current = b.entry(phrase.title(), number)
        if bracket:
            _petr_codes(b, current, "[" + rest, number)
    return b.entries(), b.problems


def _petrarch_lines(text: str, b: _Builder) -> Iterator[tuple[int, str]]:
    """Lines outside ``<!-- ... -->`` comments (which may span lines); a stray ``<`` line is reported."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if in_comment:
            if "-->" in stripped:
                in_comment = False
            continue
        if stripped.startswith("<!--"):
            in_comment = "-->" not in stripped[4:]
            continue
        if stripped.startswith("<"):
            b.problem(number, f"not a comment: {stripped[:40]!r} (write comments as <!-- ... --> or # ...)")
            continue
        yield number, raw


def _petr_codes(b: _Builder, e: Entry, body: str, number: int) -> None:
    blocks = _PETR_BLOCK.findall(body)
    if not blocks or _PETR_BLOCK.sub("", body).strip():
        b.problem(number, f"expected [CODE] blocks, found {body!r}")
        return
    for block in blocks:
        first_code = block.split("/")[0] if "/" in block.split()[0] else block
        try:
            code, start, end = parse_petrarch_block(first_code)
        except ValueError as err:
            b.problem(number, str(err))
            continue
        b.add_code(e, code, start, end, number)
