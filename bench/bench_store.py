"""Store benchmarks: ingest against coding alone, a dyad query over a million events, ingest memory.

Usage (from the repository root)::

    .venv/bin/python bench/bench_store.py ingest --articles 500 [--repeat K] [--corpus PATH]
    .venv/bin/python bench/bench_store.py dyad --events 1000000 [--repeat K] [--seed S]
    .venv/bin/python bench/bench_store.py memory [--articles N] [--corpus PATH]

Each sub-command prints its figures and a PASS/FAIL line and exits 1 on FAIL. ``ingest`` and
``memory`` read the first N non-empty articles of ``../shared/corpus/news.jsonl`` (as
``bench/bench_code.py`` does) and exit 0 with "skipped: ..." when the corpus is absent; ``dyad``
generates its own data and needs no corpus. Every database is a fresh SQLite file in a temporary
directory, deleted at the end.

``ingest`` (budget: ingest at most 1.2x coding alone). The N articles are written to a temporary
JSON Lines file; one ``whodid.pipeline.load()`` pipeline, warmed up, then per repeat (interleaved;
the best of each is kept):

* coding alone: ``list(p.code_many(read_path(tmp), batch_size=16))``: reading and parsing the
  JSONL file included, exactly as ``ingest`` reads it;
* ingest: ``whodid.store.ingest.ingest([tmp], store, p, IngestOptions(batch_size=64))`` into a fresh store
  (``open_store`` and its migrations done before the clock starts, ``close`` after it stops). It
  reads the same file, codes with the same ``batch_size=16`` (64 is a multiple of 16, so spaCy sees
  the same batches), and adds: content hashes, ``Store.known``, ``record.to_dict()``, ``Store.add``
  (JSON of the record, the inserts, event clustering), one commit per 64 articles.

The ingest run also splits its time: inside ``code_many``, inside ``Store.add`` (of which
``place_events``, the clustering), inside ``Store.known``, and the rest.

``dyad`` (budget: ``whodid.store.query.dyad(store, "USA", "CHN", by="month")`` under 200 ms). A
seeded generator writes N synthetic events (and one article row per 10 events) into a fresh store
created by ``open_store``, in transactions of 100,000 rows; see :func:`generate` for the
distributions. The query runs once as a warm-up, then K times (default 5); best and median are
printed, for ``by="month"`` (the budget) and ``week``/``year`` (for information), with the events
the dyad holds, the rows returned and the SQL plan of the statements ``dyad`` ran.

``memory`` (budget: peak RSS under 2,048 MB). Runs ``whodid ingest TMP.jsonl --db sqlite:///...``
(the console script next to this Python) as a child process and reads its peak resident set size
from ``os.wait4``; ``--articles N`` ingests only the first N articles (default: the whole corpus,
about 10 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_code import read_rows  # the same corpus reading as the parse benchmark

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = "../shared/corpus/news.jsonl"  # relative to the repository root
INGEST_BUDGET = 1.2  # ingest may take at most this many times coding alone
DYAD_BUDGET_MS = 200.0  # dyad(store, "USA", "CHN", by="month")
MEMORY_BUDGET_MB = 2048.0  # peak RSS of `whodid ingest` over the whole corpus
WARMUP_ARTICLES = 8
EVENTS_PER_ARTICLE = 10
CHUNK = 100_000  # generated rows per transaction


# --------------------------------------------------------------------------- corpus helpers
def corpus_path(arg: str | None) -> tuple[Path, str]:
    """The corpus path to open and the way to name it in messages (as bench_code.py)."""
    if arg is None:
        return (REPO / DEFAULT_CORPUS).resolve(), DEFAULT_CORPUS
    return Path(arg), arg


def write_jsonl(rows: list[dict[str, object]], path: Path) -> None:
    """The rows as they came, one JSON object a line (a temporary file, never in the repository)."""
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def load_corpus(arg: str | None, n: int | None) -> list[dict[str, object]] | None:
    """The corpus rows, or None after printing "skipped: ..." when there are none."""
    path, shown = corpus_path(arg)
    if not path.is_file():
        print(f"skipped: {shown} not found")
        return None
    rows = read_rows(path, n)
    if not rows:
        print(f"skipped: no non-empty articles in {shown}")
        return None
    return rows


def machine_line() -> str:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"python {platform.python_version()}  sqlite {sqlite3.sqlite_version}  "
        f"load {load}  ({os.cpu_count()} CPUs)"
    )


def verdict(label: str, ok: bool) -> int:
    print(f"{label}  {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


# --------------------------------------------------------------------------- ingest
@dataclass
class Split:
    """Seconds spent inside the parts of one ingest run."""

    coding: float = 0.0  # inside pipeline.code_many (reading is outside: ingest reads, then codes)
    add: float = 0.0  # inside Store.add
    clustering: float = 0.0  # inside place_events, part of add
    known: float = 0.0  # inside Store.known


@dataclass
class IngestRun:
    seconds: float
    split: Split
    stored: int
    already: int
    events: int


def _timed_iter(it: Iterable[Any], acc: Callable[[float], None]) -> Iterator[Any]:
    """Yield from ``it``, adding the time spent producing each item to ``acc``."""
    iterator = iter(it)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            acc(time.perf_counter() - t0)
            return
        acc(time.perf_counter() - t0)
        yield item


def time_coding(p: Any, tmp: Path, batch_size: int) -> tuple[float, int]:
    from whodid.ingest.reader import read_path

    t0 = time.perf_counter()
    out = list(p.code_many(read_path(tmp), batch_size=batch_size))
    return time.perf_counter() - t0, len(out)


CLUSTER_HOOK = "place_events"  # whodid.store.db calls clusters.place_events under this name


def _patch(obj: Any, name: str, value: Any) -> Any:
    """Set ``obj.name`` to ``value``; return what it was."""
    old = getattr(obj, name)
    setattr(obj, name, value)
    return old


def time_ingest(p: Any, tmp: Path, db: Path, ingest_batch: int) -> IngestRun:
    """One ingest into a fresh store at ``db``, with its time split by part (wrappers cost ~1 us/call)."""
    import whodid.store.db as dbmod
    from whodid.store.db import open_store
    from whodid.store.ingest import IngestOptions, ingest

    split = Split()
    store = open_store(f"sqlite:///{db}")

    def add_timed(items: Any) -> int:
        t0 = time.perf_counter()
        try:
            return int(add(items))
        finally:
            split.add += time.perf_counter() - t0

    def known_timed(ids: Any) -> set[str]:
        t0 = time.perf_counter()
        try:
            return set(known(ids))
        finally:
            split.known += time.perf_counter() - t0

    def place_timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return place_events(*args, **kwargs)
        finally:
            split.clustering += time.perf_counter() - t0

    def add_coding(s: float) -> None:
        split.coding += s

    def code_many_timed(records: Any, **kwargs: Any) -> Iterator[Any]:
        return _timed_iter(code_many(records, **kwargs), add_coding)

    # instance attributes shadow the methods for this run only; the clustering hook is db.py's import
    add, known = _patch(store, "add", add_timed), _patch(store, "known", known_timed)
    code_many = _patch(p, "code_many", code_many_timed)
    place_events: Any = _patch(dbmod, CLUSTER_HOOK, place_timed) if hasattr(dbmod, CLUSTER_HOOK) else None
    try:
        t0 = time.perf_counter()
        summary = ingest([tmp], store, p, IngestOptions(batch_size=ingest_batch))
        seconds = time.perf_counter() - t0
    finally:
        delattr(p, "code_many")  # back to the class's method
        if place_events is not None:
            _patch(dbmod, CLUSTER_HOOK, place_events)
        else:
            split.clustering = float("nan")
        store.close()
    return IngestRun(seconds, split, summary.stored, summary.already, summary.events)


def run_ingest(args: argparse.Namespace) -> int:
    rows = load_corpus(args.corpus, args.articles)
    if rows is None:
        return 0
    from whodid.pipeline import load

    repeat = max(1, args.repeat)
    with tempfile.TemporaryDirectory(prefix="whodid-bench-") as tmpdir:
        tmp, warm = Path(tmpdir) / "articles.jsonl", Path(tmpdir) / "warmup.jsonl"
        write_jsonl(rows, tmp)
        write_jsonl(rows[:WARMUP_ARTICLES], warm)
        p = load()
        time_coding(p, warm, args.batch_size)
        time_ingest(p, warm, Path(tmpdir) / "warmup.db", args.ingest_batch)
        best_code: tuple[float, int] | None = None
        best_ingest: IngestRun | None = None
        for k in range(repeat):
            code_s, coded = time_coding(p, tmp, args.batch_size)
            db = Path(tmpdir) / f"run{k}.db"
            run = time_ingest(p, tmp, db, args.ingest_batch)
            size_mb = db.stat().st_size / 1e6
            print(
                f"run {k + 1}/{repeat}: coding {code_s:.2f}s  ingest {run.seconds:.2f}s  "
                f"(db {size_mb:.1f} MB)"
            )
            if best_code is None or code_s < best_code[0]:
                best_code = (code_s, coded)
            if best_ingest is None or run.seconds < best_ingest.seconds:
                best_ingest = run
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    assert best_code is not None and best_ingest is not None
    code_s, coded = best_code
    run, sp = best_ingest, best_ingest.split
    rest = run.seconds - sp.coding - sp.add - sp.known
    chars = sum(len(str(r["text"])) for r in rows)
    print(f"\n{machine_line()}  best of {repeat}")
    print(f"articles           {len(rows):>10,}   ({chars:,} characters)")
    print(
        f"coded / stored     {coded:>10,} / {run.stored:,}   ({run.already} already stored)  "
        f"{run.events:,} events"
    )
    print(f"coding alone       {code_s:>10.2f} s   {len(rows) / code_s:6.1f} art/s")
    print(f"ingest             {run.seconds:>10.2f} s   {len(rows) / run.seconds:6.1f} art/s")
    print("ingest split (its best run):")
    for name, secs in (
        ("inside code_many", sp.coding),
        ("inside Store.add", sp.add),
        ("  of which place_events", sp.clustering),
        ("inside Store.known", sp.known),
        ("rest (read, hash, to_dict)", rest),
    ):
        print(f"  {name:<28} {secs:>8.3f} s   {100 * secs / run.seconds:5.1f} % of ingest")
    ratio = run.seconds / code_s
    overhead = run.seconds - sp.coding  # what ingest adds around the coding, within the same run
    print(
        f"store overhead     {overhead:>10.2f} s   {100 * overhead / sp.coding:5.1f} % of that run's coding "
        f"(ratio within the run {run.seconds / sp.coding:.3f}x)"
    )
    return verdict(f"ratio ingest/coding {ratio:.3f}x  (budget {INGEST_BUDGET}x)", ratio <= INGEST_BUDGET)


# --------------------------------------------------------------------------- dyad
# ~40 countries in Zipf order (weight 1/rank): USA and CHN the two heaviest, so USA<->CHN is a heavy dyad.
COUNTRIES = [
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "IRN", "ISR", "UKR", "IND",
    "PAK", "JPN", "KOR", "PRK", "SYR", "IRQ", "AFG", "TUR", "SAU", "EGY",
    "PSE", "CAN", "MEX", "BRA", "AUS", "NGA", "ZAF", "ETH", "KEN", "SDN",
    "LBY", "YEM", "VEN", "COL", "IDN", "PHL", "VNM", "TWN", "ITA", "ESP",
]  # fmt: skip
SECTORS = (
    ("GOV", 40),
    ("", 20),
    ("MIL", 12),
    ("BUS", 6),
    ("MED", 5),
    ("CVL", 5),
    ("OPP", 4),
    ("JUD", 4),
    ("LEG", 4),
)
SECTOR_ONLY = ("GOV", "MIL", "REB", "BUS", "CVL")  # actors coded without a country
# share of events per CAMEO root, roughly GDELT's mix (verbal cooperation most common)
ROOT_WEIGHTS = {
    "01": 12, "02": 8, "03": 10, "04": 20, "05": 9, "06": 3, "07": 3, "08": 3, "09": 2, "10": 3,
    "11": 6, "12": 2, "13": 2, "14": 3, "15": 1, "16": 2, "17": 4, "18": 4, "19": 5, "20": 0.2,
}  # fmt: skip
START, DAYS = dt.date(2015, 1, 1), 3653  # 2015-01-01 .. 2024-12-31
PRECISION = (("day", 80), ("month", 10), ("year", 5), ("unknown", 5))
MODALITY = (("asserted", 85), ("future", 8), ("hypothetical", 4), ("negated", 3))
NO_TARGET = 0.25  # statements with no target
SECTOR_ONLY_SHARE = 0.05  # of sources and of targets


@dataclass
class Generated:
    events: int = 0
    articles: int = 0
    dyad: dict[str, int] = field(default_factory=dict)  # "USA->CHN" etc.: events per direction
    dyad_precision: dict[str, int] = field(default_factory=dict)  # both directions, by date precision


def _picker(rng: random.Random, pairs: Iterable[tuple[Any, float]]) -> Callable[[int], list[Any]]:
    values, weights = zip(*pairs, strict=True)
    cum, total = [], 0.0
    for w in weights:
        total += w
        cum.append(total)
    return lambda k: rng.choices(values, cum_weights=cum, k=k)


def generate(store: Any, n: int, seed: int, a: str = "USA", b: str = "CHN") -> Generated:
    """Write ``n`` synthetic events, seeded, into an empty store; tally the ``a``/``b`` dyad.

    * actors: a country drawn Zipf-like from ``COUNTRIES`` (weight 1/rank) plus a sector (GOV 40 %,
      none 20 %, MIL 12 %, ...), code = country + sector (``USAGOV``); 5 % of sources and targets
      are coded by sector alone (``REB``, no country); 25 % of events have no target. Source and
      target are drawn independently (domestic events such as ``USAGOV -> USACVL`` occur).
    * CAMEO: a root by ``ROOT_WEIGHTS``, then a code of that root uniformly among whodid's ontology
      codes; quad class, Goldstein score and PLOVER type are that code's.
    * dates: 80 % day-precise, uniform over 2015-01-01 .. 2024-12-31; 10 % month, 5 % year, 5 %
      unknown (no date). Modality 85 % asserted.
    * one article row per ``EVENTS_PER_ARTICLE`` events (the events' foreign key needs it).
    """
    from whodid import __version__
    from whodid.ontology import Ontology
    from whodid.store.summaries import rebuild

    rng = random.Random(seed)
    onto = Ontology.load()
    by_root: dict[str, list[Any]] = {}
    for code in onto:
        by_root.setdefault(code.code[:2], []).append(code)
    roots = _picker(rng, [(r, w) for r, w in ROOT_WEIGHTS.items() if r in by_root])
    countries = _picker(rng, [(c, 1.0 / (i + 1)) for i, c in enumerate(COUNTRIES)])
    sectors = _picker(rng, SECTORS)
    precisions = _picker(rng, PRECISION)
    modalities = _picker(rng, MODALITY)
    source = ("text", "publication", "inferred")
    out = Generated()
    conn = store.conn
    cols = (
        "article_id, event_id, source_actor, source_country, source_code, source_text, target_actor, "
        "target_country, target_code, target_text, cameo, cameo_root, plover, quad_class, goldstein, date, "
        "date_precision, date_source, modality, background, sentence_idx, evidence_start, evidence_end, "
        "evidence_text, rule, confidence"
    )
    sql = f"INSERT INTO events ({cols}) VALUES ({','.join('?' * 26)})"
    art_sql = (
        "INSERT INTO articles (id, source_id, published, title, source, url, origin, text, record, "
        "whodid_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )

    def actor(country: str | None, sector: str, no_country: bool) -> tuple[str | None, str]:
        if no_country:
            return None, rng.choice(SECTOR_ONLY)
        assert country is not None
        return country, country + sector

    done = 0
    while done < n:
        k = min(CHUNK, n - done)
        src_c, tgt_c = countries(k), countries(k)
        src_s, tgt_s = sectors(k), sectors(k)
        rts, precs, mods = roots(k), precisions(k), modalities(k)
        first_art = done // EVENTS_PER_ARTICLE
        last_art = (done + k - 1) // EVENTS_PER_ARTICLE
        arts = [
            (
                f"synth-{j:08d}",
                None,
                (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat(),
                None,
                "bench",
                None,
                "bench_store.py",
                f"synthetic article {j}",
                "{}",
                __version__,
            )
            for j in range(first_art, last_art + 1)
        ]
        rows = []
        for i in range(k):
            idx = done + i
            s_country, s_code = actor(src_c[i], src_s[i], rng.random() < SECTOR_ONLY_SHARE)
            if rng.random() < NO_TARGET:
                t_country, t_code = None, None
            else:
                t_country, t_code = actor(tgt_c[i], tgt_s[i], rng.random() < SECTOR_ONLY_SHARE)
            code = rng.choice(by_root[rts[i]])
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            prec = precs[i]
            iso = day.isoformat()
            date = {"day": iso, "month": iso[:7], "year": iso[:4]}.get(prec)
            for x, y in ((a, b), (b, a)):
                if s_country == x and t_country == y:
                    key = f"{x}->{y}"
                    out.dyad[key] = out.dyad.get(key, 0) + 1
                    out.dyad_precision[prec] = out.dyad_precision.get(prec, 0) + 1
            rows.append(
                (
                    f"synth-{idx // EVENTS_PER_ARTICLE:08d}",
                    f"e{idx % EVENTS_PER_ARTICLE}",
                    "a1",
                    s_country,
                    s_code,
                    s_code,
                    None if t_code is None else "a2",
                    t_country,
                    t_code,
                    t_code,
                    code.code,
                    code.code[:2],
                    code.plover,
                    code.quad_class,
                    code.goldstein,
                    date,
                    prec,
                    rng.choice(source) if date else "text",
                    mods[i],
                    0,
                    0,
                    0,
                    4,
                    "said",
                    "bench.synthetic",
                    round(0.5 + rng.random() / 2, 3),
                )
            )
        with _transaction(conn):
            conn.executemany(art_sql, arts[1:] if first_art < out.articles else arts)
            conn.executemany(sql, rows)
        out.articles = last_art + 1
        done += k
        out.events = done
    with _transaction(conn):  # the events went around Store.add: the overview's summaries, counted once
        rebuild(conn)
    return out


@contextmanager
def _transaction(conn: Any) -> Iterator[None]:
    """The store connection's own transaction when it has one, else BEGIN ... COMMIT."""
    if hasattr(conn, "transaction"):
        with conn.transaction():
            yield
        return
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _time_calls(call: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    result = call()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - t0)
    return times, result


def _plans(conn: Any, call: Callable[[], Any]) -> list[tuple[str, list[str]]]:
    """The statements ``call`` runs on a SQLite store, each with its EXPLAIN QUERY PLAN."""
    conn = getattr(conn, "raw", conn)  # the sqlite3 connection under the store's Connection
    if not isinstance(conn, sqlite3.Connection):
        return []
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    out = []
    for sql in seen:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        plan = [str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
        out.append((sql, plan))
    return out


def run_dyad(args: argparse.Namespace) -> int:
    from whodid.store import query
    from whodid.store.db import open_store

    repeat = max(1, args.repeat)
    a, b = "USA", "CHN"
    with tempfile.TemporaryDirectory(prefix="whodid-bench-") as tmpdir:
        db = Path(tmpdir) / "dyad.db"
        store = open_store(f"sqlite:///{db}")
        with store:
            t0 = time.perf_counter()
            gen = generate(store, args.events, args.seed, a, b)
            gen_s = time.perf_counter() - t0
            size_mb = sum(f.stat().st_size for f in Path(tmpdir).iterdir()) / 1e6
            total = sum(gen.dyad.values())
            print(machine_line())
            print(
                f"generated {gen.events:,} events, {gen.articles:,} articles in {gen_s:.1f} s "
                f"(seed {args.seed}, {size_mb:.0f} MB)"
            )
            shares = ", ".join(f"{k} {v:,}" for k, v in sorted(gen.dyad.items()))
            precs = ", ".join(f"{k} {v:,}" for k, v in sorted(gen.dyad_precision.items()))
            print(
                f"dyad {a}<->{b}: {total:,} events ({100 * total / gen.events:.1f} %): {shares}; "
                f"dates: {precs}"
            )
            results: dict[str, float] = {}
            for by in ("month", "week", "year"):
                times, rows = _time_calls(partial(query.dyad, store, a, b, by=by), repeat)
                best_ms, med_ms = 1000 * min(times), 1000 * statistics.median(times)
                results[by] = best_ms
                in_rows = sum(int(r["events"]) for r in rows)
                print(
                    f"dyad by={by:<5}  best {best_ms:8.1f} ms  median {med_ms:8.1f} ms  (of {repeat})  "
                    f"{len(rows):,} rows holding {in_rows:,} events"
                )
            undated = getattr(query, "dyad_undated", None)
            if undated is not None:
                times, n_undated = _time_calls(lambda: undated(store, a, b, by="month"), repeat)
                print(
                    f"dyad_undated(by=month) best {1000 * min(times):8.1f} ms  median "
                    f"{1000 * statistics.median(times):8.1f} ms  -> {n_undated:,} events"
                )
            ok = results["month"] < DYAD_BUDGET_MS
            if not ok or args.plan:
                print("query plan of dyad(by='month'):")
                for sql, plan in _plans(store.conn, lambda: query.dyad(store, a, b, by="month")):
                    print(f"  {' '.join(sql.split())}")
                    for line in plan:
                        print(f"    {line}")
    return verdict(f"dyad by=month best {results['month']:.1f} ms  (budget {DYAD_BUDGET_MS:.0f} ms)", ok)


# --------------------------------------------------------------------------- memory
def whodid_command() -> list[str]:
    """The ``whodid`` console script installed next to this Python, else the CLI through ``-c``."""
    script = Path(sys.executable).parent / "whodid"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from whodid.cli import main; sys.exit(main())"]


def run_memory(args: argparse.Namespace) -> int:
    rows = load_corpus(args.corpus, args.articles)
    if rows is None:
        return 0
    with tempfile.TemporaryDirectory(prefix="whodid-bench-") as tmpdir:
        tmp, db = Path(tmpdir) / "articles.jsonl", Path(tmpdir) / "memory.db"
        write_jsonl(rows, tmp)
        cmd = [*whodid_command(), "ingest", str(tmp), "--db", f"sqlite:///{db}"]
        print("$ " + " ".join(cmd))
        out_path, err_path = Path(tmpdir) / "stdout", Path(tmpdir) / "stderr"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=REPO)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss is in KiB on Linux (bytes on macOS)
        peak_mb = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
        size_mb = db.stat().st_size / 1e6 if db.exists() else 0.0
        summary = out_path.read_text(encoding="utf-8", errors="replace").strip()
        errors = err_path.read_text(encoding="utf-8", errors="replace").strip()
    print(summary)
    print(f"\n{machine_line()}")
    print(f"articles           {len(rows):>10,}")
    print(f"exit status        {proc.returncode:>10}")
    print(f"elapsed            {elapsed:>10.1f} s   {len(rows) / elapsed:6.2f} art/s")
    print(f"database           {size_mb:>10.1f} MB")
    print(f"peak RSS           {peak_mb:>10.0f} MB")
    if proc.returncode not in (0, 1):
        print(errors[-2000:], file=sys.stderr)
        return verdict(f"whodid ingest failed (exit {proc.returncode})", False)
    return verdict(
        f"peak RSS {peak_mb:.0f} MB  (budget {MEMORY_BUDGET_MB:.0f} MB)", peak_mb < MEMORY_BUDGET_MB
    )


# --------------------------------------------------------------------------- one big cluster
def _report(k: int, day: str) -> dict[str, Any]:
    """One report of the same event (a record as the coder writes it; no parsing)."""
    side = {"actor": "a1", "country": "USA", "code": "USAMIL", "text": "US forces"}
    return {
        "id": f"e{k}",
        "source": side,
        "target": {"actor": "a2", "country": "CHN", "code": "CHNMIL", "text": "Chinese forces"},
        "cameo": "190",
        "plover": "ASSAULT",
        "quad_class": 4,
        "goldstein": -10.0,
        "date": day,
        "date_precision": "day",
        "date_source": "text",
        "location": None,
        "modality": "asserted",
        "background": False,
        "sentence": {"index": 0, "start": 0, "end": 9},
        "evidence": {"start": 0, "end": 9, "text": "Report 1."},
        "rule": "bench",
        "confidence": 0.8,
    }


def run_cluster(args: argparse.Namespace) -> int:
    """N stories of one event (two reports each, 50 publishers) stored one story per transaction:
    the time per report at the start and at the end. Constant time per report: ratio near 1."""
    from whodid.evaluate.base import empty_prediction
    from whodid.record import ArticleRecord
    from whodid.store.db import open_store

    print(machine_line())
    with tempfile.TemporaryDirectory(prefix="whodid-bench-") as tmp:
        store = open_store(f"sqlite:///{tmp}/cluster.db")
        per_story: list[float] = []
        for k in range(args.stories):
            rec = empty_prediction(f"sha256-{k:016x}")
            rec["article"].update({"source": f"paper{k % 50}", "url": None})
            rec["events"] = [_report(1, "2024-03-04"), _report(2, "2024-03-05")]
            t0 = time.perf_counter()
            store.add([(ArticleRecord.from_dict(rec), "Report 1.", "bench", None)])
            per_story.append(time.perf_counter() - t0)
        (mentions, stories, sources, clusters) = store.conn.execute(
            "SELECT MAX(mentions), MAX(stories), MAX(sources), COUNT(*) FROM event_clusters"
        ).fetchone()
        store.close()
    tenth = max(len(per_story) // 10, 1)
    first = statistics.median(per_story[:tenth]) * 1000
    last = statistics.median(per_story[-tenth:]) * 1000
    print(f"stored {args.stories:,} stories ({2 * args.stories:,} reports) in {sum(per_story):.1f} s")
    print(f"clusters {clusters}; the largest: {mentions:,} mentions, {stories:,} stories, {sources} sources")
    print(f"per story: first tenth median {first:.2f} ms, last tenth median {last:.2f} ms")
    ratio = last / first
    return verdict(f"last/first {ratio:.2f}x  (budget 2.0x: constant time per report)", ratio <= 2.0)


# --------------------------------------------------------------------------- main
def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="ingest vs coding alone (budget 1.2x)")
    ing.add_argument("--articles", type=int, default=500, help="first N non-empty articles (default 500)")
    ing.add_argument("--corpus", default=None, help=f"JSONL corpus (default {DEFAULT_CORPUS} from the repo)")
    ing.add_argument("--repeat", type=int, default=1, help="runs of each, interleaved; best kept (default 1)")
    ing.add_argument("--batch-size", type=int, default=16, help="code_many batch (default 16, as ingest)")
    ing.add_argument("--ingest-batch", type=int, default=64, help="ingest commit batch (default 64, as CLI)")
    dy = sub.add_parser("dyad", help="dyad query over generated events (budget 200 ms)")
    dy.add_argument("--events", type=int, default=1_000_000, help="events to generate (default 1,000,000)")
    dy.add_argument("--repeat", type=int, default=5, help="timed runs after one warm-up (default 5)")
    dy.add_argument("--seed", type=int, default=20261129, help="generator seed (default 20261129)")
    dy.add_argument("--plan", action="store_true", help="print the query plan even when within budget")
    mem = sub.add_parser("memory", help="peak RSS of `whodid ingest` (budget 2,048 MB)")
    mem.add_argument("--articles", type=int, default=None, help="first N non-empty articles (default all)")
    mem.add_argument("--corpus", default=None, help=f"JSONL corpus (default {DEFAULT_CORPUS} from the repo)")
    cl = sub.add_parser("cluster", help="one event reported many times: time per report as it grows")
    cl.add_argument("--stories", type=int, default=5000, help="stories of the event (default 5,000)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    run: dict[str, Callable[[argparse.Namespace], int]] = {
        "ingest": run_ingest,
        "dyad": run_dyad,
        "memory": run_memory,
        "cluster": run_cluster,
    }
    return run[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
