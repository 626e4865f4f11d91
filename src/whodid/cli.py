"""The ``whodid`` command line: thin commands over the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from whodid import __version__
from whodid.errors import Errors, WhodidError
from whodid.ingest.reader import ArticleInput, BadInput, parse_date, read_path
from whodid.nlp.model import MODEL
from whodid.record import ArticleRecord
from whodid.table import render_table

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2

CODE_EPILOG = """\
examples:
  whodid code examples/harbour-talks.txt --published 2024-05-08
  whodid code article.html --published 2024-05-08 --format json > coded.json
  whodid code corpus.jsonl > coded.jsonl          (one record a line; bad lines reported, skipped)
  cat article.txt | whodid code - --format table

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
        "records (see CONTRACT.md).",
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
    code.add_argument(
        "--format",
        choices=("json", "jsonl", "table"),
        help="json (default for one article), jsonl (default for .jsonl input), or a readable table",
    )
    code.add_argument(
        "--max-bytes",
        type=int,
        default=5_000_000,
        help="refuse articles larger than this many bytes (default 5000000)",
    )
    code.add_argument(
        "--encoding", default="utf-8", help="text encoding of .txt/.html input (default utf-8), e.g. latin-1"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "code":
        return run_code(args, sys.stdout, sys.stderr)
    return EXIT_FAILED


def run_code(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``whodid code``: read, code and print; errors go to ``err`` once, never as a traceback."""
    is_jsonl = str(args.input).endswith((".jsonl", ".ndjson"))
    fmt = args.format or ("jsonl" if is_jsonl else "json")
    try:
        published = parse_date(args.published) if args.published else None
        inputs = read_path(
            args.input if args.input == "-" else Path(args.input),
            published=published,
            max_bytes=args.max_bytes,
            encoding=args.encoding,
        )
        # one article is read before the model loads, so a bad file fails fast
        source: Iterable[ArticleInput | BadInput] = inputs if is_jsonl else list(inputs)
    except WhodidError as e:
        return _fail(err, e)
    if isinstance(source, list) and len(source) == 1 and isinstance(source[0], BadInput):
        return _fail(err, source[0].error)
    try:
        from whodid.pipeline import load

        pipeline = load()
    except OSError as e:
        return _fail(err, Errors.E201.error(model=MODEL, detail=str(e)))
    bad: list[BadInput] = []

    def report(b: BadInput) -> None:
        bad.append(b)
        err.write(f"whodid: skipped {b.origin}: {b.error.code} {b.error.message}\n")

    coded = 0
    for record in pipeline.code_many(source, on_error=report):
        _write(out, record, fmt)
        coded += 1
    if coded == 0 and bad:
        return EXIT_FAILED
    return EXIT_PARTIAL if bad else EXIT_OK


def _write(out: TextIO, record: ArticleRecord, fmt: str) -> None:
    data: dict[str, Any] = record.to_dict()
    if fmt == "json":
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        out.write(render_table(data) + "\n")


def _fail(err: TextIO, e: WhodidError) -> int:
    err.write(f"whodid: error {e.code}: {e.message}\n")
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
