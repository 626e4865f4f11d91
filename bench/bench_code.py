"""Time whodid against spaCy's own ``nlp.pipe`` over the same corpus articles.

Usage (from the repository root)::

    .venv/bin/python bench/bench_code.py --articles 500 [--repeat 2] [--batch-size 16] [--corpus PATH]

``make bench`` runs it with ``--articles 500``. Three runs, each over the same first N non-empty
articles of ``../shared/corpus/news.jsonl`` with the same batch size and the same spaCy ``nlp``
object (``p.nlp``), after one warm-up of both on a few articles:

* parse alone: ``list(nlp.pipe(texts, batch_size=B))``;
* whodid: ``list(p.code_many(records, batch_size=B))``, building the input dicts included;
* stages alone: the texts parsed once (untimed), then whodid's state attached and each stage of
  ``p.stages`` timed separately, as ``code_many`` runs them; record building timed on its own.

With ``--repeat K`` each figure is the best of K runs. Each measure is timed in wall-clock and in
CPU seconds of this process (``time.process_time``; spaCy's parse runs on one thread): on a machine
shared with other work the wall clock follows the load, the CPU time much less, so the ratio is
judged on CPU time (the wall ratio is printed beside it). Prints the ratio whodid / parse alone and
PASS (at most 1.5) or FAIL, and whether issue 13's target (1.15) is met; exits 1 on FAIL. Exits 0
with "skipped: ..." when the corpus is absent. Single process (the reference machine has 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from whodid.ingest.reader import BadInput
from whodid.pipeline import Pipeline, _as_input, load
from whodid.record import build_record

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = "../shared/corpus/news.jsonl"  # relative to the repository root
BUDGET = 1.5  # whodid may take at most this many times the parse alone
TARGET = 1.15  # issue 13's aim for one core
WARMUP_ARTICLES = 8


@dataclass
class StageTimes:
    """One stages-alone run: seconds per stage (by class name), plus attach and record building."""

    per_stage: dict[str, float] = field(default_factory=dict)
    attach: float = 0.0
    record: float = 0.0

    @property
    def stages(self) -> float:
        return sum(self.per_stage.values())


@dataclass
class Best:
    """Best-of-K figures."""

    parse: float = float("inf")
    whodid: float = float("inf")
    parse_cpu: float = float("inf")
    whodid_cpu: float = float("inf")
    stages: StageTimes | None = None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500, help="first N non-empty articles (default 500)")
    ap.add_argument("--corpus", default=None, help=f"JSONL corpus (default {DEFAULT_CORPUS} from the repo)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measure; the best is kept (default 1)")
    ap.add_argument("--batch-size", type=int, default=16, help="batch size for both (default 16)")
    return ap.parse_args(argv)


def corpus_path(arg: str | None) -> tuple[Path, str]:
    """The corpus path to open and the way to name it in messages."""
    if arg is None:
        return (REPO / DEFAULT_CORPUS).resolve(), DEFAULT_CORPUS
    return Path(arg), arg


def read_rows(path: Path, n: int | None) -> list[dict[str, object]]:
    """The first ``n`` (all when None) corpus rows with a non-empty text (read lazily, nothing copied
    elsewhere)."""
    rows: list[dict[str, object]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get("text")
            if isinstance(text, str) and text.strip():
                rows.append(row)
                if n is not None and len(rows) >= n:
                    break
    return rows


def to_records(rows: list[dict[str, object]]) -> Iterator[dict[str, object]]:
    """The dicts a user passes to ``code_many``."""
    for row in rows:
        yield {"id": row.get("id"), "text": row["text"], "published": row.get("date")}


def time_parse(nlp: Language, texts: list[str], batch_size: int) -> tuple[float, float, list[Doc]]:
    """Wall and CPU seconds of the parse alone, and its docs."""
    t0, c0 = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - t0, time.process_time() - c0, docs


def time_whodid(p: Pipeline, rows: list[dict[str, object]], batch_size: int) -> tuple[float, float]:
    """Wall and CPU seconds of whodid's coding."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = list(p.code_many(to_records(rows), batch_size=batch_size))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    if len(out) != len(rows):
        print(f"warning: whodid coded {len(out)} of {len(rows)} articles", file=sys.stderr)
    return elapsed, cpu


def time_stages(p: Pipeline, rows: list[dict[str, object]], batch_size: int) -> StageTimes:
    """Parse once (untimed), then attach state and run each stage as ``_code_batch`` does, timed in
    CPU seconds."""
    texts = [str(r["text"]) for r in rows]
    docs = list(p.nlp.pipe(texts, batch_size=batch_size))
    times = StageTimes(per_stage={type(s).__name__: 0.0 for s in p.stages})
    for rec, doc in zip(to_records(rows), docs, strict=True):
        art = _as_input(rec)
        if isinstance(art, BadInput):
            continue
        t0 = time.process_time()
        p._attach(doc, art.text, art.published, art.id, art.title, art.url, art.source)
        times.attach += time.process_time() - t0
        for stage in p.stages:
            t0 = time.process_time()
            doc = stage(doc)
            times.per_stage[type(stage).__name__] += time.process_time() - t0
        t0 = time.process_time()
        build_record(doc)
        times.record += time.process_time() - t0
    return times


def warm_up(p: Pipeline, rows: list[dict[str, object]], batch_size: int) -> None:
    few = rows[:WARMUP_ARTICLES]
    list(p.nlp.pipe([str(r["text"]) for r in few], batch_size=batch_size))
    list(p.code_many(to_records(few), batch_size=batch_size))


def measure(p: Pipeline, rows: list[dict[str, object]], batch_size: int, repeat: int) -> tuple[Best, int]:
    """Best of ``repeat`` runs of each measure, interleaved; also the token count."""
    texts = [str(r["text"]) for r in rows]
    best, tokens = Best(), 0
    for k in range(repeat):
        parse_s, parse_cpu, docs = time_parse(p.nlp, texts, batch_size)
        tokens = sum(len(d) for d in docs)
        del docs
        whodid_s, whodid_cpu = time_whodid(p, rows, batch_size)
        st = time_stages(p, rows, batch_size)
        print(
            f"run {k + 1}/{repeat}: parse {parse_s:.2f}s ({parse_cpu:.2f} CPU s)  whodid {whodid_s:.2f}s "
            f"({whodid_cpu:.2f} CPU s)  stages {st.stages:.2f} CPU s  load {os.getloadavg()[0]:.2f}"
        )
        best.parse, best.whodid = min(best.parse, parse_s), min(best.whodid, whodid_s)
        best.parse_cpu, best.whodid_cpu = min(best.parse_cpu, parse_cpu), min(best.whodid_cpu, whodid_cpu)
        if best.stages is None or st.stages < best.stages.stages:
            best.stages = st
    return best, tokens


def peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


def rate_line(label: str, secs: float, n: int, tokens: int) -> str:
    return f"{label:<17} {secs:>10.2f} s   {n / secs:8.1f} art/s  {tokens / secs:9,.0f} tok/s"


def report(best: Best, n: int, chars: int, tokens: int, batch_size: int, repeat: int) -> bool:
    """Print the figures; True when whodid is within the budget."""
    assert best.stages is not None
    st, ratio, wall_ratio = best.stages, best.whodid_cpu / best.parse_cpu, best.whodid / best.parse
    print(
        f"\npython {platform.python_version()}  spaCy {spacy.__version__}  batch size {batch_size}"
        f"  best of {repeat}"
    )
    print(f"articles          {n:>10,}")
    print(f"characters        {chars:>10,}")
    print(f"tokens            {tokens:>10,}")
    print(rate_line("parse alone", best.parse, n, tokens) + f"   {best.parse_cpu:8.2f} CPU s")
    print(rate_line("whodid total", best.whodid, n, tokens) + f"   {best.whodid_cpu:8.2f} CPU s")
    cpu = best.parse_cpu
    print(f"stages alone      {st.stages:>10.2f} CPU s {100 * st.stages / cpu:6.1f} % of the parse's CPU")
    print("per stage:")
    rows = [*st.per_stage.items(), ("(attach state)", st.attach), ("(build_record)", st.record)]
    for name, secs in rows:
        print(f"  {name:<20} {secs:>8.3f} CPU s {100 * secs / cpu:6.1f} % of the parse's CPU")
    print(f"peak RSS          {peak_rss_mb():>10.0f} MB")
    print("load average      " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f"  ({os.cpu_count()} CPUs)")
    ok = ratio <= BUDGET
    print(f"wall ratio        {wall_ratio:.2f}x  (follows the load; not judged)")
    met = "met" if ratio <= TARGET else "not met"
    verdict = "PASS" if ok else "FAIL"
    print(f"ratio whodid/parse {ratio:.2f}x CPU  (budget {BUDGET}x, target {TARGET}x {met})  {verdict}")
    return ok


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    path, shown = corpus_path(args.corpus)
    if not path.is_file():
        print(f"skipped: {shown} not found")
        return 0
    rows = read_rows(path, args.articles)
    if not rows:
        print(f"skipped: no non-empty articles in {shown}")
        return 0
    p = load()
    warm_up(p, rows, args.batch_size)
    best, tokens = measure(p, rows, args.batch_size, max(1, args.repeat))
    chars = sum(len(str(r["text"])) for r in rows)
    ok = report(best, len(rows), chars, tokens, args.batch_size, max(1, args.repeat))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
