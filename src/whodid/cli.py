"""The ``whodid`` command line: thin commands over the library."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from whodid import __version__
from whodid.cli_batch import add_batch_parser
from whodid.cli_options import check_actor_files, check_numbers, check_text
from whodid.cli_output import EXIT_BROKEN_PIPE, OutputFailed, Stdout, discard_stdout, written_whole
from whodid.dates.publication import ORDERS
from whodid.errors import Errors, WhodidError
from whodid.evaluate import KINDS
from whodid.ingest.reader import STDIN_ORIGIN, ArticleInput, BadInput, input_kind, parse_date, read_path
from whodid.ingest.text import DEFAULT_MAX_BYTES
from whodid.nlp.model import MODEL
from whodid.record import ArticleRecord
from whodid.table import aligned, render_table

if TYPE_CHECKING:
    from spacy.language import Language

    from whodid.pipeline import Pipeline
    from whodid.progress import ProgressLog
    from whodid.store.db import Store
    from whodid.store.export import Exported
    from whodid.store.ingest import IngestOptions, IngestSummary
    from whodid.store.query import EventQuery

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2
EXIT_NOT_FOUND = 1  # an actor or CAMEO code, a country name, that matches nothing (as grep's status)
_NOT_FOUND = frozenset({"E419", "E420", "E427"})

EVAL_EPILOG = """\
examples:
  whodid eval articles ../shared/gold/articles --errors article-errors.jsonl --report articles.md
  whodid eval articles ../shared/gold/articles --half A     (tune on half A, check on half B)
  whodid eval events ../shared/gold/events/cameo_manual.jsonl
  whodid eval quotes ../shared/gold/quotes/polnear_dev.jsonl --errors quote-errors.jsonl
  whodid eval events ../shared/gold/events/petrarch2_unittest.jsonl \\
      --actors ../shared/gold/events/petrarch2_validation_dictionaries/PETR.Validate.actors.txt
  make eval        (every gold file, regenerating docs/ACCURACY.md)

exit status: 0 measured; 2 the gold file, folder or an option could not be used.
"""

INGEST_EPILOG = """\
examples:
  whodid ingest examples/                         (into ./whodid.db)
  whodid ingest corpus.jsonl.gz --db sqlite:///data/news.db
  WHODID_DB=sqlite:///news.db whodid ingest articles/
  whodid ingest corpus.jsonl --db postgresql://me:secret@localhost:5432/news
  whodid ingest corpus.jsonl --jobs 2              (coded on two cores, stored as by one process)
  whodid ingest coded/                            (a folder whodid batch --out coded/ made: stored as the
                                                   articles it coded would be stored by whodid ingest)

exit status: 0 all stored; 1 some articles or lines were bad (reported, the rest stored);
2 nothing could be stored, or the database failed (E417: run the same command again).
"""

CODE_EPILOG = """\
examples:
  whodid code examples/harbour-talks.txt --published 2024-05-08
  whodid code article.html --published 2024-05-08 --format json > coded.json
  whodid code corpus.jsonl > coded.jsonl          (one record a line; bad lines reported, skipped)
  whodid code corpus.jsonl --jobs 2 > coded.jsonl (on two cores: the same output, in input order)
  cat article.txt | whodid code - --format table
  whodid code article.txt --lexicon my-lexicon/   (your verbs, nouns, valences: docs/lexicons.md)

exit status: 0 all coded; 1 some articles or lines were bad (reported on stderr, the rest coded);
2 nothing could be coded (e.g. the single input file was empty, binary or too large).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="whodid",
        epilog="example:\n  whodid code examples/harbour-talks.txt --published 2024-05-07 --format table\n\n"
        "'whodid COMMAND --help' describes each command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Turn news into political event data: who did what to whom, when and where, "
        "and who said what.",
    )
    parser.add_argument("--version", action="version", version=f"whodid {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    code = sub.add_parser(
        "code",
        help="code articles into actors, CAMEO events, quotations, dates and places",
        description="Code one article (.txt, .html, - for stdin) or many (.jsonl: one "
        '{"id", "text", "published", "title", "url", "source"} record a line) into whodid.article/1 '
        "records (see docs/output.md). When standard error is no terminal, a line there every 30 s of "
        "work gives the articles done, articles/s and the time left (WHODID_PROGRESS_EVERY=SECONDS).",
        epilog=CODE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    code.add_argument("input", help="a .txt, .html or .jsonl file, or - for standard input")
    code.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="publication date; relative dates ('on Thursday') are resolved against it. "
        "Without it they keep date_precision 'unknown'. In .jsonl a record's own "
        "'published' wins.",
    )
    _date_order_option(code)
    code.add_argument(
        "--format",
        choices=("json", "jsonl", "table"),
        help="json (default for one article), jsonl (default for .jsonl input), or a readable table",
    )
    _max_bytes_option(code)
    code.add_argument(
        "--encoding", default="utf-8", help="text encoding of .txt/.html input (default utf-8), e.g. latin-1"
    )
    _actors_option(code)
    _lexicon_option(code)
    _confidence_option(code, "leave out events less sure than X")
    _jobs_option(code)
    ev = sub.add_parser(
        "eval",
        help="measure whodid on annotated gold data (precision, recall, F1 per category)",
        description="Code the texts of a gold file and compare whodid's output with the annotation. "
        "The dataset is recognized from the file's records; docs/ACCURACY.md defines every metric. "
        "'articles' scores a folder of NAME.txt + NAME.gold.json pairs (whole articles, the headline "
        "figures): recall and precision of events, event dates, and every error by cause.",
        epilog=EVAL_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ev.add_argument("kind", choices=KINDS, help="what to measure")
    ev.add_argument(
        "gold",
        type=Path,
        help="a gold .jsonl file (e.g. ../shared/gold/events/cameo_manual.jsonl); for articles, a folder "
        "(e.g. ../shared/gold/articles)",
    )
    ev.add_argument("--report", type=Path, metavar="FILE.md", help="also write the figures as Markdown")
    ev.add_argument(
        "--errors",
        type=Path,
        metavar="FILE.jsonl",
        help="write every miss and false positive (sentence, whodid's output, rule) one a line",
    )
    ev.add_argument("--limit", type=int, metavar="N", help="score only the first N gold records")
    ev.add_argument(
        "--half", choices=("A", "B"), help="articles only: score one half (by the MD5 of each file name)"
    )
    ev.add_argument("--json", action="store_true", help="articles only: print the figures as one JSON object")
    _actors_option(ev)
    _lexicon_option(ev)
    _confidence_option(
        ev,
        "leave out events less sure than X, as 'code' does (make eval scores the sentence-level sets "
        "with 0: what the coder finds; whole articles with the default)",
    )
    ing = sub.add_parser(
        "ingest",
        help="code articles and store them in a database (SQLite by default, or PostgreSQL)",
        description="Code every article under the given paths (.txt, .html, .jsonl, .jsonl.gz, or "
        "directories of these) and store it with its actors, events, quotations and places. The same "
        "text is stored once however often it is ingested; articles are committed in batches, so an "
        "interrupted ingest can simply be run again. On a terminal a progress bar counts the articles "
        "stored, already there and skipped; in a log (standard error no terminal) a line every 30 s of "
        "work gives the articles done, articles/s and the time left (WHODID_PROGRESS_EVERY=SECONDS).",
        epilog=INGEST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ing.add_argument(
        "paths",
        nargs="+",
        type=Path,
        help="files or directories to ingest, or the folders whodid batch coded (--out DIR; then no "
        "coding option, and only batch folders)",
    )
    _db_option(ing)
    _force_option(ing)
    ing.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for files that give none")
    _date_order_option(ing)
    ing.add_argument(
        "--batch-size", type=int, default=64, metavar="N", help="articles per committed batch (default 64)"
    )
    _max_bytes_option(ing)
    _actors_option(ing)
    _lexicon_option(ing)
    _confidence_option(ing, "store no event less sure than X")
    _jobs_option(ing)
    helpers = {"date_order": _date_order_option, "max_bytes": _max_bytes_option, "actors": _actors_option}
    add_batch_parser(sub, helpers | {"lexicon": _lexicon_option, "confidence": _confidence_option})
    evq = sub.add_parser(
        "events",
        help="list stored event mentions, filtered",
        description="List the event mentions stored by 'whodid ingest', newest first, each with the rule "
        "that produced it and its sentence (the table shows the sentence's start; --format csv or json "
        "give it whole, with the article id and URL). Only asserted events (reported as done) unless "
        "--modality asks for more.",
        epilog="examples:\n  whodid events --source USA --target CHN --cameo '17*' --since 2024-01\n"
        "  whodid events --actor Blanco --quad 4 --format csv > conflict.csv\n"
        "  whodid events --cameo '19*' --modality negated,future      (attacks denied or announced)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db_option(evq)
    _event_filters(evq, "one row per event cluster (the reports of one event) instead of one per mention")
    evq.add_argument("--format", choices=("table", "csv", "json"), default="table")
    dy = sub.add_parser(
        "dyad",
        help="a pair of actors' relations over time, both directions",
        description="Counts per quad class, Goldstein sum and mean and net cooperation ((quad 1 + 2) - "
        "(quad 3 + 4)) per period, for A->B and B->A (country or actor codes, each with the codes that "
        "extend it, or country names; a code no stored event has is an error naming the nearest). Events "
        "dated less precisely than the period are left out and counted below the table. Only asserted "
        "events count (not 'did not attack', 'may attack', 'will attack') unless --modality says more.",
        epilog="examples:\n  whodid dyad USA CHN --by month\n"
        '  whodid dyad "United States" Syria --by year\n'
        "  whodid dyad USA CHN --by year --modality all --no-include-background",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db_option(dy)
    dy.add_argument("a", help="first country or actor code (USA), or country name")
    dy.add_argument("b", help="second country or actor code (CHN), or country name")
    dy.add_argument("--by", choices=("day", "week", "month", "year"), default="month")
    dy.add_argument(
        "--normalize",
        action="store_true",
        help="add the news volume: stored articles published in each period, and events per 1,000 of them",
    )
    dy.add_argument(
        "--clusters",
        action="store_true",
        help="count each event cluster (the reports of one event) once per period, not each mention",
    )
    dy.add_argument(
        "--fill",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="a row of zeros for each period without events, from the first period (or --since) to the "
        "last (or --until), in both directions (default); --no-fill lists the periods with events only",
    )
    _date_window(dy)
    _confidence_option(dy, "count only events at least this sure")
    _modality_options(dy)
    dy.add_argument("--format", choices=("table", "csv", "json"), default="table")
    ac = sub.add_parser("actors", help="list stored actors, most mentioned first")
    _db_option(ac)
    ac.add_argument("--name", metavar="TEXT", help="part of the actor's name")
    ac.add_argument("--code", metavar="CODE", help="actor code, prefix match (USA, USAGOV)")
    ac.add_argument("--limit", type=int, default=50, metavar="N", help="at most N rows (default 50)")
    ac.add_argument("--format", choices=("table", "csv", "json"), default="table")
    qu = sub.add_parser(
        "quotes",
        help="list stored quotations with their resolved speakers",
        description="Stored quotations, newest first, each with the actor whodid resolved its speaker to "
        "('he said' is the minister named before), its code and country, and the words before the cue.",
        epilog="examples:\n  whodid quotes --speaker Whitlock\n  whodid quotes --speaker USAGOV --format csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db_option(qu)
    qu.add_argument(
        "--speaker",
        metavar="NAME|CODE",
        help="a speaker's actor code (USAGOV, with the codes that extend it) or part of its resolved name "
        "or of the words before the cue",
    )
    qu.add_argument("--limit", type=int, metavar="N", help="at most N rows")
    qu.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sp = sub.add_parser(
        "speakers",
        help="the speakers quoted most, by resolved actor",
        description="Resolved speakers, most quoted first: name, actor code, country, kind, quotations and "
        "articles. A quotation is counted for the actor its speaker was resolved to, so 'he' and 'she' are "
        "no speakers; quotations whose speaker was not resolved are counted below the table.",
        epilog="examples:\n  whodid speakers --limit 10\n  whodid speakers --country USA --format csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db_option(sp)
    sp.add_argument(
        "--speaker", metavar="NAME|CODE", help="only the speakers 'whodid quotes --speaker' matches"
    )
    sp.add_argument("--country", metavar="CODE", help="only speakers of this country (ISO code: USA)")
    sp.add_argument("--limit", type=int, default=50, metavar="N", help="at most N rows (default 50)")
    sp.add_argument("--format", choices=("table", "csv", "json"), default="table")
    ex = sub.add_parser(
        "export",
        help="export stored event mentions as GDELT, ICEWS, PLOVER, csv or Parquet, or the actor network",
        description="Write the stored event mentions (newest first, with the filters of 'whodid events') in "
        "another project's format: gdelt (the 61 GDELT 2.0 Event columns, tab-separated, no header line, "
        "every row dated to a day), icews (the ICEWS coded event columns, tab-separated, dated to a day), "
        "plover (one PLOVER-style JSON object a line, events of a PLOVER type only), csv or parquet "
        "(every stored column), edges (the actor network as a csv edge list: source, target, counts per "
        "quad class, Goldstein; networkx, Gephi) or graphml (the same graph as GraphML). Only asserted "
        "events unless --modality asks for more. A mention the format cannot hold is left out, and how "
        "many is said on stderr. docs/export.md maps each column to whodid's fields.",
        epilog="examples:\n  whodid export --format gdelt --since 2024-01 > events.gdelt.tsv\n"
        "  whodid export --format gdelt --header --output events.gdelt.tsv    # with column names\n"
        "  whodid export --format parquet --output events.parquet --db sqlite:///news.db\n"
        "  whodid export --format plover --source USA --cameo '17*' --output usa-coerce.jsonl\n"
        "  whodid export --format graphml --since 2024 --output network.graphml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db_option(ex)
    ex.add_argument(
        "--format", required=True, choices=("gdelt", "icews", "plover", "parquet", "csv", "edges", "graphml")
    )
    ex.add_argument("--output", type=Path, metavar="PATH", help="file to write (default: standard output)")
    ex.add_argument(
        "--header",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a first line of column names: by default for icews and csv, not for gdelt (GDELT's own "
        "files have none; --header adds it)",
    )
    _event_filters(ex, "one row per event cluster (its most confident mention, with the cluster's counts)")
    mg = sub.add_parser(
        "migrate",
        help="bring a database made by an older whodid up to date",
        description="Apply the migrations this whodid has and the database lacks (each in its own "
        "transaction) and list them. 'whodid ingest' does this itself; the read commands (events, dyad, "
        "actors, quotes, speakers, export, serve) never write, and refuse a database that lacks one "
        "(E422).",
        epilog="example:\n  whodid migrate --db sqlite:///news.db\n\n"
        "exit status: 0 up to date; 2 the database could not be opened or migrated.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db_option(mg)
    _force_option(mg)
    _serve_parser(sub)
    return parser


def _serve_parser(sub: Any) -> None:
    sv = sub.add_parser(
        "serve",
        help="the HTTP API and the dashboard over the stored events",
        description="Serve the JSON API (/v1/..., described at /docs and /openapi.json) and the dashboard "
        "(overview, dyads, events table with CSV, articles with their events marked, quotations, map) "
        "over the database, with uvicorn. Listens on 127.0.0.1 by default; on another address it needs "
        "WHODID_TOKEN, which POST /v1/articles then requires as 'Authorization: Bearer TOKEN'. "
        "docs/web.md describes every endpoint.",
        epilog="examples:\n  whodid serve                               (http://127.0.0.1:8000/)\n"
        "  whodid serve --db sqlite:///news.db --port 8080\n"
        "  WHODID_TOKEN=$(openssl rand -hex 32) whodid serve --host 0.0.0.0\n\n"
        "exit status: 0 stopped; 2 it could not start (no database, an address without a token).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db_option(sv)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")


def _jobs_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="code on N worker processes (default 1: this process alone). Each worker loads the model "
        "once (about 2-3 s and the model's memory, about 450 MB, per worker); the output, or what "
        "is stored, is the same as with one process, in input order. Worth it for many articles",
    )


def _max_bytes_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse articles larger than N bytes (default {DEFAULT_MAX_BYTES}); a JSON Lines line may be "
        "6 times that, for JSON escapes",
    )


def _date_order_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--date-order",
        choices=ORDERS,
        default="mdy",
        help="how .jsonl records' numeric dates are read: mdy, month first (11/28/2016; the default), or "
        "dmy, day first (28/11/2016). A date that could be either is read so and warned about; one that "
        "cannot be read (named by its line) leaves the record undated (published: null)",
    )


def _force_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--force",
        action="store_true",
        help="store into a database that holds another program's tables and none of whodid's, adding "
        "whodid's tables beside them (without it such a database is refused, E428, and left as it was)",
    )


def _event_filters(p: argparse.ArgumentParser, clusters_help: str) -> None:
    """The filters of ``whodid events`` (and ``whodid export``): the fields of ``EventQuery``."""
    p.add_argument(
        "--source",
        metavar="CODE",
        help="source country or actor code, with the codes that extend it (USA: USAGOV too; SYRR*: any "
        "code beginning SYRR), or a country name ('United States')",
    )
    p.add_argument(
        "--target", metavar="CODE", help="target country or actor code, or country name, as --source"
    )
    p.add_argument("--actor", metavar="NAME", help="part of the source's or target's name")
    p.add_argument("--cameo", metavar="CODE", help="CAMEO code (173), prefix with * (17*) or bare root (19)")
    p.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="quad class")
    _date_window(p)
    _confidence_option(p, "only events with confidence >= X")
    p.add_argument("--limit", type=int, metavar="N", help="at most N rows")
    p.add_argument(
        "--cluster", type=int, metavar="ID", help="the mentions of one event cluster (its cluster_id)"
    )
    p.add_argument("--clusters", action="store_true", help=clusters_help)
    _modality_options(p)


def _modality_options(p: argparse.ArgumentParser) -> None:
    """``--modality`` and ``--include-background`` of the commands that list, count or export events."""
    from whodid.store.query import MODALITIES

    p.add_argument(
        "--modality",
        metavar="LIST",
        default="asserted",
        help="the events kept: asserted (default: those reported as done), all, or a comma list of "
        f"{', '.join(MODALITIES)} (e.g. asserted,future)",
    )
    p.add_argument(
        "--include-background",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="keep the events a story recalls from before its news, at their own date (default); "
        "--no-include-background leaves them out",
    )


def _confidence_option(p: argparse.ArgumentParser, what: str) -> None:
    from whodid.events.confidence import DEFAULT_MIN_CONFIDENCE

    p.add_argument(
        "--min-confidence",
        type=float,
        metavar="X",
        default=DEFAULT_MIN_CONFIDENCE,
        help=f"{what} (default {DEFAULT_MIN_CONFIDENCE}; 0 for every event). Confidence is calibrated: "
        "the share of such events that are right on expert-coded whole articles (docs/ACCURACY.md)",
    )


def _date_window(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", metavar="DATE", help="events dated on or after YYYY[-MM[-DD]]")
    p.add_argument("--until", metavar="DATE", help="events dated on or before YYYY[-MM[-DD]]")


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        default=os.environ.get("WHODID_DB"),
        help="database URL: sqlite:///path/to/file.db or postgresql://user:password@host:5432/database "
        "(default: $WHODID_DB, else sqlite:///whodid.db in this directory)",
    )


def _actors_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--actors",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="extra actor dictionary (repeatable): whodid's .tsv/.yaml format or a PETRARCH/TABARI "
        ".actors.txt file; see docs/actors.md",
    )


def _lexicon_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lexicon",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="folder of event lexicon files (verbs.tsv, nouns.tsv, valence.tsv, ...) laid over whodid's "
        "own (repeatable; later folders win): a row with the key of one of whodid's replaces it, a new "
        "key is added, a '-word' line takes a word out of a word list. Example: --lexicon my-lexicon/ "
        "where my-lexicon/verbs.tsv has the row 'torpedo<TAB><TAB>proposal|plan<TAB>-' (torpedoing a "
        "plan is no attack). See docs/lexicons.md",
    )


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    *,
    nlp: Language | None = None,
) -> int:
    """Run one ``whodid`` command; its exit status is returned. Output goes to ``stdout`` and messages
    to ``stderr`` (the process's own by default), so a program or a test can run commands in-process.
    ``nlp`` is an already loaded spaCy model to code with (a program or test that runs several
    commands loads it once); by default each command loads its own. Only argparse's usage errors and
    ``--help`` write to the process's streams (and raise ``SystemExit``)."""
    err = stderr if stderr is not None else sys.stderr
    given = stdout if stdout is not None else sys.stdout
    args = build_parser().parse_args(argv)
    try:
        check_numbers(args)
        check_text(args)
        check_actor_files(getattr(args, "actors", ()))
    except WhodidError as e:
        return _fail(err, e)
    out = cast(TextIO, Stdout(given))
    try:
        status = _run(args, out, err, nlp)
        out.flush()
    except BrokenPipeError:  # the reader stopped early (| head -1): quietly, as SIGPIPE ends a process
        if given is sys.stdout:
            discard_stdout()
        return EXIT_BROKEN_PIPE
    except OutputFailed as e:  # a full disk, an I/O error: once, no traceback
        if given is sys.stdout:
            discard_stdout()
        return _fail(err, Errors.E426.error(detail=str(e)))
    return status


def _run(args: argparse.Namespace, out: TextIO, err: TextIO, nlp: Language | None) -> int:
    """The handler of each subcommand."""
    if args.command == "code":
        return run_code(args, out, err, nlp=nlp)
    if args.command == "eval":
        return run_eval(args, out, err, nlp=nlp)
    if args.command == "ingest":
        return run_ingest(args, out, err, nlp=nlp)
    if args.command == "batch":
        return run_batch(args, out, err)
    if args.command in ("events", "dyad", "actors", "quotes", "speakers"):
        return run_query(args, out, err)
    if args.command == "export":
        return run_export(args, out, err)
    if args.command == "migrate":
        return run_migrate(args, out, err)
    if args.command == "serve":
        return run_serve(args, err)
    return EXIT_FAILED


def run_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``whodid batch``: code on a Dask cluster into a folder of Parquet shards (cli_batch.py)."""
    from whodid.cli_batch import run_batch_command
    from whodid.parallel import PipelineSettings

    try:
        settings = PipelineSettings(tuple(args.actors), tuple(args.lexicon), _min_confidence(args))
    except WhodidError as e:
        return _fail(err, e)
    return run_batch_command(args, out, err, settings)


def run_migrate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``whodid migrate``: apply the pending migrations, list them."""
    from whodid.store.db import DEFAULT_URL, connect, hide_password, in_memory

    url = args.db or DEFAULT_URL
    try:
        if in_memory(url):
            raise Errors.E424.error(url=url)
        with connect(url, force=args.force) as store:
            applied = store.migrate(force=args.force)
            version = max(v for v, _ in store.applied())
    except WhodidError as e:
        return _fail(err, e)
    names = ", ".join(f"{m.version:04d}_{m.name}" for m in applied)
    done = f"applied {names}" if applied else "nothing to apply"
    out.write(f"{hide_password(url)} is up to date (migration {version:04d}): {done}\n")
    return EXIT_OK


def run_serve(args: argparse.Namespace, err: TextIO) -> int:
    """``whodid serve``: check the address and the database, then serve until interrupted."""
    from whodid.serve.run import serve
    from whodid.store.db import DEFAULT_URL

    try:
        serve(args.db or DEFAULT_URL, host=args.host, port=args.port, token=os.environ.get("WHODID_TOKEN"))
    except WhodidError as e:
        return _fail(err, e)
    return EXIT_OK


def run_query(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``whodid events`` and ``whodid dyad``: read the store, print rows."""
    from whodid.store.db import database_errors, open_store
    from whodid.store.query import actors, dyad, dyad_undated, events, quotes, speakers
    from whodid.store.speakers import unresolved_quotes

    try:
        with open_store(args.db, create=False) as store:
            _actor_notes(store, args, err)
            if args.command == "events":
                query = _event_query(args)
                rows = events(store, query)
                undated = None
            elif args.command == "dyad":
                window = {
                    "since": args.since,
                    "until": args.until,
                    "min_confidence": _min_confidence(args),
                    "modality": args.modality,
                    "include_background": args.include_background,
                }
                rows = dyad(
                    store,
                    args.a,
                    args.b,
                    by=args.by,
                    normalize=args.normalize,
                    clusters=args.clusters,
                    fill=args.fill,
                    **window,
                )
                undated = dyad_undated(store, args.a, args.b, by=args.by, **window)
            elif args.command == "actors":
                rows, undated = actors(store, name=args.name, code=args.code, limit=args.limit), None
            elif args.command == "speakers":
                rows = speakers(store, speaker=args.speaker, country=args.country, limit=args.limit)
                undated = unresolved_quotes(store)
            else:
                rows, undated = quotes(store, speaker=args.speaker, limit=args.limit), None
    except WhodidError as e:
        return _fail(err, e, EXIT_NOT_FOUND if e.code in _NOT_FOUND else EXIT_FAILED)
    except database_errors() as e:
        return _fail(err, _read_failure(args.db, e))
    _print_rows(out, rows, args.format)
    if undated and args.format == "table" and args.command == "speakers":
        have = "has" if undated == 1 else "have"
        out.write(f"({_count(undated, 'quotation')} {have} no resolved speaker: not counted)\n")
    elif undated and args.format == "table":
        are = "is" if undated == 1 else "are"
        out.write(
            f"({_count(undated, 'event')} of this dyad {are} dated less precisely than a {args.by}: "
            "not counted)\n"
        )
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    """``"1 event"``, ``"2 events"``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _event_query(args: argparse.Namespace) -> EventQuery:
    """The ``EventQuery`` of the options ``_event_filters`` added."""
    from whodid.store.query import EventQuery

    fields = (
        "source",
        "target",
        "actor",
        "cameo",
        "quad",
        "since",
        "until",
        "min_confidence",
        "limit",
        "cluster",
    )
    return EventQuery(
        **{f: getattr(args, f) for f in fields},
        clusters=args.clusters,
        modality=args.modality,
        include_background=args.include_background,
    )


def _actor_notes(store: Store, args: argparse.Namespace, err: TextIO) -> None:
    """Say how a country name among the actor arguments was read ("United States is USA"); an
    argument the store does not know raises E419 or E420 with the nearest (store/codes.py)."""
    from whodid.store.codes import resolve

    for name in ("a", "b", "source", "target"):
        value = getattr(args, name, None)
        if isinstance(value, str) and value.strip():
            note = resolve(store, value).note
            if note:
                err.write(f"whodid: {note}\n")


def _read_failure(url: str | None, e: Exception) -> WhodidError:
    from whodid.store.db import DEFAULT_URL, error_detail, hide_password

    return Errors.E418.error(url=hide_password(url or DEFAULT_URL), detail=error_detail(e))


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``whodid export``: stream the matching event mentions in another project's format."""
    from whodid.store.db import database_errors, open_store
    from whodid.store.export import check_output, export

    query = _event_query(args)
    try:
        check_output(args.format, args.output)
        with open_store(args.db, create=False) as store:
            _actor_notes(store, args, err)
            if args.output is None:
                done = export(store, args.format, query, out=out, header=args.header)
            else:
                done = _export_file(store, args, query)
    except WhodidError as e:
        return _fail(err, e, EXIT_NOT_FOUND if e.code in _NOT_FOUND else EXIT_FAILED)
    except database_errors() as e:
        return _fail(err, _read_failure(args.db, e))
    if args.output is not None:
        err.write(f"whodid: wrote {done.rows} rows to {args.output}\n")
    if done.left_out:
        err.write(f"whodid: left out {_count(done.left_out, 'matching event mention')}: {done.reason}\n")
    for note in done.notes:
        err.write(f"whodid: note: {note}\n")
    return EXIT_OK


def _export_file(store: Store, args: argparse.Namespace, query: EventQuery) -> Exported:
    """Export to ``--output`` through a temporary file renamed when complete: a full disk leaves no
    partial file, and E413 names the file asked for."""
    from whodid.store.export import export

    try:
        with written_whole(args.output) as part:
            return export(store, args.format, query, path=part, header=args.header)
    except WhodidError as e:
        if e.code != "E413":
            raise
        raise Errors.E413.error(path=args.output, detail=e.params.get("detail")) from None
    except OSError as e:  # the rename
        raise Errors.E413.error(path=args.output, detail=e.strerror or str(e)) from None


class _Progress:
    """A progress bar (tqdm) on a terminal; elsewhere (a log, a pipe) a line every 30 seconds
    (whodid.progress).

    It advances after each committed batch, so it shows what is safely stored: articles stored,
    already there and skipped, out of the articles the inputs hold (``count_articles``)."""

    def __init__(self, err: TextIO, total: int) -> None:
        from tqdm import tqdm

        from whodid.progress import ProgressLog

        self.log = ProgressLog(err, "whodid ingest", total=total)
        self.bar = tqdm(
            total=total,
            unit="article",
            desc="whodid ingest",
            file=err,
            disable=not err.isatty(),
            dynamic_ncols=True,
            leave=True,
        )

    def batch(self, summary: IngestSummary) -> None:
        done = summary.stored + summary.already + len(summary.skipped)
        self.bar.set_postfix(
            stored=summary.stored, already=summary.already, skipped=len(summary.skipped), refresh=False
        )
        self.bar.update(done - self.bar.n)
        self.log.update(done)

    def clear(self) -> None:
        """Before a line of its own (a skipped input) is written to the terminal."""
        self.bar.clear()

    def done(self, *, finished: bool = True) -> None:
        self.bar.close()
        if finished:  # a failed run ends with its error, not with a "done" line
            self.log.finish()


def _print_rows(out: TextIO, rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    if not rows:
        if fmt == "table":
            out.write("(no rows)\n")
        return
    columns = list(rows[0])
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    # event mentions: the rule and the sentence (clipped; csv and json give it whole) end the line
    last = [c for c in ("rule", "sentence") if c in columns] if "sentence" in columns else []
    shown = [c for c in columns if c not in ("article_id", "url", *last)] + last
    cells = [["" if r[c] is None else str(r[c]) for c in shown] for r in rows]
    out.write("\n".join(aligned(shown, cells, cap=40)) + "\n")


def run_ingest(args: argparse.Namespace, out: TextIO, err: TextIO, *, nlp: Language | None = None) -> int:
    """``whodid ingest``: code and store; a summary at the end, bad input reported as it comes."""
    from whodid.cli_batch import batch_folders, check_no_coding_options, ingest_batches
    from whodid.events.confidence import DEFAULT_MIN_CONFIDENCE
    from whodid.ingest.reader import count_articles
    from whodid.store.db import DEFAULT_URL, database_errors, hide_password, in_memory, open_store
    from whodid.store.ingest import IngestOptions, IngestSummary, ingest

    try:
        folders = batch_folders(args.paths)  # whodid batch's output: coded already
        if folders is not None:
            check_no_coding_options(args, folders[0], DEFAULT_MIN_CONFIDENCE)
        if in_memory(args.db or DEFAULT_URL):
            raise Errors.E424.error(url=args.db)
        published = parse_date(args.published) if args.published else None
        store = open_store(args.db, force=args.force)
    except WhodidError as e:
        return _fail(err, e)
    with store:
        pipeline = None
        if args.jobs == 1 and folders is None:  # with --jobs N the workers load it
            try:
                pipeline = _load_pipeline(args.actors, _min_confidence(args), args.lexicon, nlp)
            except WhodidError as e:
                return _fail(err, e)
            _warn(err, pipeline)

        progress = _Progress(err, count_articles(args.paths))

        def report(b: BadInput) -> None:
            progress.clear()
            _skipped(err, b)
            progress.bar.refresh()

        def note(n: WhodidError) -> None:
            progress.clear()
            _note(err, n)
            progress.bar.refresh()

        summary = IngestSummary()  # what is done so far, when the database fails part way
        options = IngestOptions(
            published=published,
            date_order=args.date_order,
            max_bytes=args.max_bytes,
            batch_size=args.batch_size,
            on_skip=report,
            on_note=note,
            on_batch=progress.batch,
        )
        try:
            if folders is not None:
                ingest_batches(folders, store, options, summary)
            elif pipeline is not None:
                ingest(args.paths, store, pipeline, options, summary=summary)
            else:
                _ingest_on_workers(args, store, options, summary, err)
            totals = store.counts()
        except database_errors() as e:
            progress.done(finished=False)
            return _fail(err, _ingest_failure(store.url, e, summary))
        except WhodidError as e:  # a worker could not load the pipeline
            progress.done(finished=False)
            return _fail(err, e)
        progress.done()
    out.write(
        f"stored {summary.stored} new articles ({summary.already} already stored, {len(summary.skipped)} "
        f"skipped) with {summary.events} events and {summary.quotes} quotations into "
        f"{hide_password(store.url)}\n"
        f"the database now holds {totals['articles']} articles, {totals['events']} events, "
        f"{totals['quotes']} quotations, {totals['actors']} actors, {totals['places']} places\n"
    )
    if summary.skipped:
        by_code: dict[str, list[str]] = {}
        for bad in summary.skipped:
            by_code.setdefault(bad.error.code, []).append(bad.origin)
        reasons = ", ".join(f"{code} x{len(o)} (first: {o[0]})" for code, o in sorted(by_code.items()))
        out.write(f"skipped by reason: {reasons}; each is reported above with what to do\n")
    if summary.notes:
        by_code = {}
        for n in summary.notes:
            by_code.setdefault(n.code, []).append(str(n.params.get("origin")))
        notes = ", ".join(f"{code} x{len(o)} (first: {o[0]})" for code, o in sorted(by_code.items()))
        out.write(f"read with warnings: {notes}; each is reported above\n")
    if summary.skipped and summary.read == 0:
        return EXIT_FAILED
    return EXIT_PARTIAL if summary.skipped else EXIT_OK


def _ingest_on_workers(
    args: argparse.Namespace, store: Store, options: IngestOptions, summary: IngestSummary, err: TextIO
) -> None:
    """``whodid ingest --jobs N``: coded on N worker processes, stored here in input order."""
    from whodid.parallel import PipelineSettings
    from whodid.store.ingest import ingest_on_workers

    settings = PipelineSettings(tuple(args.actors), tuple(args.lexicon), _min_confidence(args))
    ingest_on_workers(
        args.paths,
        store,
        settings,
        options,
        jobs=args.jobs,
        summary=summary,
        on_ready=lambda warnings: _warn_lines(err, warnings),
    )


def _ingest_failure(url: str, e: Exception, summary: IngestSummary) -> WhodidError:
    """E423 when another process held the lock too long, E417 for any other database failure; each
    says what is kept and what was coded but not stored."""
    from whodid.store.db import error_detail, hide_password, is_lock_error, locked

    if not is_lock_error(e):
        return Errors.E417.error(url=hide_password(url), detail=error_detail(e), stored=summary.stored)
    kept = f"the {_count(summary.stored, 'article')} of the batches committed before are kept"
    if summary.pending:
        first, last = summary.pending[0], summary.pending[-1]
        span = first if first == last else f"{first} to {last}"
        are = "is" if len(summary.pending) == 1 else "are"
        kept += f", the {_count(len(summary.pending), 'article')} coded since ({span}) {are} not stored"
    return locked(url, kept)


def _load_pipeline(
    actor_files: Sequence[Path],
    min_confidence: float | None = None,
    lexicon_dirs: Sequence[Path] = (),
    nlp: Language | None = None,
) -> Pipeline:
    from whodid.pipeline import load

    try:
        if min_confidence is None:
            return load(actor_files=actor_files, lexicon_dirs=lexicon_dirs, nlp=nlp)
        return load(
            actor_files=actor_files, min_confidence=min_confidence, lexicon_dirs=lexicon_dirs, nlp=nlp
        )
    except OSError as e:
        raise Errors.E201.error(model=MODEL, detail=str(e)) from None


def _min_confidence(args: argparse.Namespace) -> float | None:
    """The --min-confidence of a command, checked to lie in [0, 1]; None when the command has none."""
    value: float | None = getattr(args, "min_confidence", None)
    if value is not None and not 0.0 <= value <= 1.0:
        raise Errors.E410.error(option="--min-confidence", value=value, expected="a number from 0 to 1")
    return value


def _warn(err: TextIO, pipeline: Pipeline) -> None:
    _warn_lines(err, pipeline.warnings)


def _warn_lines(err: TextIO, warnings: Sequence[str]) -> None:
    for w in warnings:
        err.write(f"whodid: warning: skipped dictionary line {w}\n")


def run_eval(args: argparse.Namespace, out: TextIO, err: TextIO, *, nlp: Language | None = None) -> int:
    """``whodid eval``: code a gold file's texts, print the figures, write the report and errors."""
    from whodid.evaluate.report import markdown, summary, write_errors
    from whodid.evaluate.run import predict, read_gold, scorer_for

    if args.kind == "articles":
        return run_eval_articles(args, out, err, nlp=nlp)
    try:
        if args.half or args.json:
            raise Errors.E410.error(option="KIND", value=args.kind, expected="articles with --half or --json")
        if args.limit is not None and args.limit < 1:
            raise Errors.E406.error(option="--limit", value=args.limit)
        gold = read_gold(args.gold, args.limit)
        scorer = scorer_for(args.kind, args.gold, gold[0])
        pipeline = _load_pipeline(args.actors, _min_confidence(args), args.lexicon, nlp)
    except WhodidError as e:
        return _fail(err, e)
    _warn(err, pipeline)

    def report(b: BadInput) -> None:
        _skipped(err, b, what="could not code gold record")

    result = scorer.score(gold, predict(pipeline, scorer, gold, on_error=report))
    out.write(summary(result) + "\n")
    if args.report:
        command = f"whodid eval {args.kind} {args.gold} --min-confidence {args.min_confidence}" + "".join(
            f" --actors {a}" for a in args.actors
        )
        command += "".join(f" --lexicon {d}" for d in args.lexicon)
        args.report.write_text(markdown(result, command=command) + "\n", encoding="utf-8")
        out.write(f"report written to {args.report}\n")
    if args.errors:
        n = write_errors(result, args.errors)
        out.write(f"{n} error rows written to {args.errors}\n")
    return EXIT_OK


def run_eval_articles(
    args: argparse.Namespace, out: TextIO, err: TextIO, *, nlp: Language | None = None
) -> int:
    """``whodid eval articles DIR``: code a folder of gold articles, print figures and error causes."""
    from whodid.evaluate import articles

    try:
        if args.limit is not None and args.limit < 1:
            raise Errors.E406.error(option="--limit", value=args.limit)
        gold = articles.read_folder(args.gold, half=args.half, limit=args.limit)
        pipeline = _load_pipeline(args.actors, _min_confidence(args), args.lexicon, nlp)
    except WhodidError as e:
        return _fail(err, e)
    _warn(err, pipeline)

    def report(b: BadInput) -> None:
        _skipped(err, b, what="could not code gold article")

    result = articles.evaluate(pipeline, gold, directory=args.gold, half=args.half, on_error=report)
    out.write((json.dumps(articles.to_json(result)) if args.json else articles.summary(result)) + "\n")
    notes = err if args.json else out  # --json keeps standard output one JSON object
    if args.report:
        command = f"whodid eval articles {args.gold}" + (f" --half {args.half}" if args.half else "")
        command += "".join(f" --actors {a}" for a in args.actors)
        command += "".join(f" --lexicon {d}" for d in args.lexicon)
        args.report.write_text(articles.markdown(result, command=command) + "\n", encoding="utf-8")
        notes.write(f"report written to {args.report}\n")
    if args.errors:
        n = articles.write_errors(result, args.errors)
        notes.write(f"{n} error rows written to {args.errors}\n")
    return EXIT_OK


def run_code(args: argparse.Namespace, out: TextIO, err: TextIO, *, nlp: Language | None = None) -> int:
    """``whodid code``: read, code and print; errors go to ``err`` once, never as a traceback."""
    is_jsonl = input_kind(args.input) in ("jsonl", "jsonl.gz")
    try:
        published = parse_date(args.published) if args.published else None
        inputs = read_path(
            args.input if args.input == "-" else Path(args.input),
            published=published,
            max_bytes=args.max_bytes,
            encoding=args.encoding,
            stdin_jsonl=True,
            date_order=args.date_order,
        )
        # one article is read before the model loads, so a bad file fails fast
        source: Iterable[ArticleInput | BadInput] = inputs if is_jsonl else list(inputs)
    except WhodidError as e:
        return _fail(err, e)
    if isinstance(source, list) and any(item.origin.startswith(STDIN_ORIGIN + ":") for item in source):
        is_jsonl = True  # JSON Lines on standard input: one record a line out too
    fmt = args.format or ("jsonl" if is_jsonl else "json")
    if isinstance(source, list) and len(source) == 1 and isinstance(source[0], BadInput):
        return _fail(err, source[0].error)
    if args.jobs > 1:
        return _code_on_workers(args, source, fmt, out, err)
    try:
        pipeline = _load_pipeline(args.actors, _min_confidence(args), args.lexicon, nlp)
    except WhodidError as e:
        return _fail(err, e)
    _warn(err, pipeline)
    bad: list[BadInput] = []

    def report(b: BadInput) -> None:
        bad.append(b)
        _skipped(err, b)

    coded = 0
    progress = _code_progress(err, args.input)
    for record in pipeline.code_many(_noting(err, source), on_error=report):
        _write(out, record, fmt)
        coded += 1
        progress.update(coded + len(bad))
    progress.finish()
    if coded == 0 and bad:
        return EXIT_FAILED
    return EXIT_PARTIAL if bad else EXIT_OK


def _code_on_workers(
    args: argparse.Namespace, source: Iterable[ArticleInput | BadInput], fmt: str, out: TextIO, err: TextIO
) -> int:
    """``whodid code --jobs N``: as ``run_code``, on N worker processes (whodid.parallel)."""
    from whodid.parallel import PipelineSettings, code_parallel

    settings = PipelineSettings(tuple(args.actors), tuple(args.lexicon), _min_confidence(args))
    bad: list[BadInput] = []

    def report(b: BadInput) -> None:
        bad.append(b)
        _skipped(err, b)

    coded = 0
    records = code_parallel(
        source,
        settings,
        jobs=args.jobs,
        on_error=report,
        on_note=lambda n: _note(err, n),
        on_ready=lambda warnings: _warn_lines(err, warnings),
    )
    progress = _code_progress(err, args.input)
    try:
        for record in records:
            _write(out, record, fmt)
            coded += 1
            progress.update(coded + len(bad))
    except WhodidError as e:
        return _fail(err, e)
    progress.finish()
    if coded == 0 and bad:
        return EXIT_FAILED
    return EXIT_PARTIAL if bad else EXIT_OK


def _code_progress(err: TextIO, given: str) -> ProgressLog:
    """Progress lines of ``whodid code`` when standard error is no terminal (whodid.progress), out of
    the articles of the input file (unknown on standard input)."""
    from whodid.ingest.reader import count_articles
    from whodid.progress import ProgressLog

    log = ProgressLog(err, "whodid code")
    if given != "-" and log.enabled:
        log.total = count_articles([Path(given)])
    return log


def _write(out: TextIO, record: ArticleRecord, fmt: str) -> None:
    data: dict[str, Any] = record.to_dict()
    if fmt == "json":
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        out.write(render_table(data) + "\n")


def _noting(err: TextIO, items: Iterable[ArticleInput | BadInput]) -> Iterator[ArticleInput | BadInput]:
    """``items``, each article's notes (what was read with a doubt and kept) printed as it passes."""
    for item in items:
        if isinstance(item, ArticleInput):
            for note in item.notes:
                _note(err, note)
        yield item


def _note(err: TextIO, note: WhodidError) -> None:
    """The one line for something read with a doubt and kept (an undated record, an ambiguous date)."""
    err.write(f"whodid: warning {note.code} {note.message}\n")


def _skipped(err: TextIO, b: BadInput, *, what: str = "skipped") -> None:
    """The one line for an input left out: where it came from, its error code and message."""
    err.write(f"whodid: {what} {b.origin}: {b.error.code} {b.error.message}\n")


def _fail(err: TextIO, e: WhodidError, status: int = EXIT_FAILED) -> int:
    err.write(f"whodid: error {e.code}: {e.message}\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
