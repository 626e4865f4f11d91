"""Time and peak memory of coding ONE long article, at growing sizes (issue 14: linear time, bounded memory).

Usage (from the repository root)::

    .venv/bin/python bench/bench_scaling.py [--sizes 100K,250K,500K,1M,5M] [--shape paragraphs|run]
                                            [--corpus PATH]

``make bench-scaling`` runs it with the defaults. For each size, a synthetic article of that many bytes
is built from the paragraphs of ``../shared/corpus/news.jsonl`` (read at run time, in corpus order,
joined by blank lines; nothing is copied into the repository), written to a temporary ``.txt`` file and
coded by a fresh child process (this script with ``--one``), so that each peak RSS is that size's own:

* the child loads the pipeline (``whodid.pipeline.load()``, not timed), then times reading the file with
  ``read_path`` and coding it with ``code_many``, as ``whodid code FILE.txt`` does (printing aside);
* the parent reads the child's peak resident set size from ``os.wait4`` (model and tables included).

Beside the wall seconds, each row gives the CPU seconds of the timed part (``time.process_time`` in the
child, every thread) and the one-minute load average when the size was done: on a shared machine the
CPU seconds are what compare between runs.

``--shape run`` makes every article one run of words with no sentence punctuation and no line break
(the corpus words, ``.!?;:`` and newlines removed): the case of issue 14, item 2.

Prints seconds, kilobytes per second and peak RSS per size, the ratios of the 1 MB time to the 100 KB time
(wall and CPU), and PASS when the CPU ratio is at most 12 (linear time: 10x the size) and every peak RSS is
under 1,536 MB, else FAIL (exit 1). The CPU ratio is judged because the wall ratio follows the share of
the CPUs each child got: on a machine others use, a 100 KB child at load 2 and a 1 MB child at load 5
give a wall ratio of 24 for a CPU ratio of 9.5. Exits 0 with "skipped: ..." when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = "../shared/corpus/news.jsonl"  # relative to the repository root
DEFAULT_SIZES = "100K,250K,500K,1M,5M"
RATIO_BUDGET = 12.0  # time(1 MB) / time(100 KB): 10x the bytes, a little slack
RSS_BUDGET_MB = 1536.0
_UNITS = {"K": 1_000, "M": 1_000_000, "": 1}
_SENTENCE_MARKS = re.compile(r"[.!?;:\n\r]+")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help=f"sizes in bytes (default {DEFAULT_SIZES})")
    ap.add_argument("--shape", choices=("paragraphs", "run"), default="paragraphs", help="see above")
    ap.add_argument("--corpus", default=None, help=f"JSONL corpus (default {DEFAULT_CORPUS} from the repo)")
    ap.add_argument("--one", metavar="FILE", help=argparse.SUPPRESS)  # child mode: code FILE, print JSON
    return ap.parse_args(argv)


def parse_size(text: str) -> int:
    """ "100K" -> 100000, "5M" -> 5000000."""
    match = re.fullmatch(r"(\d+)([KM]?)", text.strip().upper())
    if match is None:
        raise SystemExit(f"bench_scaling: cannot read the size {text!r}; write e.g. 100K or 5M")
    return int(match.group(1)) * _UNITS[match.group(2)]


def paragraphs(corpus: Path) -> Iterator[str]:
    """The non-blank paragraphs of every corpus article, in corpus order."""
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text")
            if isinstance(text, str):
                yield from (p.strip() for p in text.split("\n") if p.strip())


def build_article(corpus: Path, size: int, shape: str) -> str:
    """An article of ``size`` UTF-8 bytes (cut at a word), from the corpus paragraphs (again from the
    first when the corpus runs out)."""
    parts: list[str] = []
    total = 0
    while total < size:
        for para in paragraphs(corpus):
            if shape == "run":
                para = " ".join(_SENTENCE_MARKS.sub(" ", para).split())
            parts.append(para)
            total += len(para.encode("utf-8")) + 2
            if total >= size:
                break
    text = ("\n\n" if shape == "paragraphs" else " ").join(parts)
    data = text.encode("utf-8")[:size].decode("utf-8", errors="ignore")
    return data.rsplit(" ", 1)[0] if len(data.encode("utf-8")) >= size else data


def code_one(path: str) -> int:
    """Child mode: load the pipeline, then read and code one file; print the figures as JSON."""
    from whodid.ingest.reader import read_path
    from whodid.pipeline import load

    t0 = time.perf_counter()
    p = load()
    loaded = time.perf_counter() - t0
    bad: list[str] = []
    t0, cpu0 = time.perf_counter(), time.process_time()
    items = read_path(path, max_bytes=os.path.getsize(path), check_language=False)
    records = list(p.code_many(items, on_error=lambda b: bad.append(str(b.error))))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    if bad or len(records) != 1:
        print(json.dumps({"error": bad or ["no record"]}))
        return 1
    rec = records[0].to_dict()
    out = {
        "load_s": loaded,
        "code_s": seconds,
        "cpu_s": cpu,
        "events": len(rec["events"]),
        "actors": len(rec["actors"]),
    }
    print(json.dumps(out))
    return 0


def run_child(path: Path) -> tuple[dict[str, object], float]:
    """Code ``path`` in a fresh process; its JSON figures and its peak RSS in MB."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--one", str(path)], stdout=subprocess.PIPE, cwd=REPO, text=True
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024  # KiB on Linux
    try:
        figures: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    except (IndexError, ValueError):
        figures = {"error": [f"exit status {proc.returncode}"]}
    return figures, peak_mb


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.one:
        return code_one(args.one)
    corpus = (REPO / DEFAULT_CORPUS).resolve() if args.corpus is None else Path(args.corpus)
    if not corpus.is_file():
        print(f"skipped: {args.corpus or DEFAULT_CORPUS} not found")
        return 0
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    print(f"shape {args.shape}; each size coded by a fresh process; load average {os.getloadavg()[0]:.2f}")
    print(f"{'bytes':>10} {'seconds':>9} {'KB/s':>6} {'peak RSS':>10} {'events':>7} {'CPU s':>8} {'load':>5}")
    seconds: dict[int, float] = {}
    cpus: dict[int, float] = {}
    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="whodid-scaling-") as tmp:
        for size in sizes:
            path = Path(tmp) / f"article-{size}.txt"
            path.write_text(build_article(corpus, size, args.shape), encoding="utf-8")
            figures, peak = run_child(path)
            path.unlink()
            if "error" in figures:
                print(f"{size:>10,}  FAILED: {figures['error']}")
                return 1
            secs = float(str(figures["code_s"]))
            seconds[size], peaks[size] = secs, peak
            rate = size / 1000 / secs
            cpu, load = float(str(figures["cpu_s"])), os.getloadavg()[0]
            cpus[size] = cpu
            row = f"{size:>10,} {secs:>9.1f} {rate:>6.1f} {peak:>7,.0f} MB {figures['events']:>7}"
            print(f"{row} {cpu:>8.1f} {load:>5.2f}")
    return 0 if report(seconds, cpus, peaks) else 1


def report(seconds: dict[int, float], cpus: dict[int, float], peaks: dict[int, float]) -> bool:
    """Print the ratios and the verdict (on the CPU ratio and the peaks); True on PASS."""
    ok = all(peak < RSS_BUDGET_MB for peak in peaks.values())
    print(f"largest peak RSS {max(peaks.values()):,.0f} MB (budget {RSS_BUDGET_MB:,.0f} MB)")
    if 100_000 in seconds and 1_000_000 in seconds:
        wall = seconds[1_000_000] / seconds[100_000]
        ratio = cpus[1_000_000] / cpus[100_000]
        print(f"ratio wall time 1 MB / 100 KB {wall:.1f}x (follows the load; not judged)")
        print(f"ratio CPU time 1 MB / 100 KB {ratio:.1f}x (budget {RATIO_BUDGET:.0f}x; linear is 10x)")
        ok = ok and ratio <= RATIO_BUDGET
    print("PASS" if ok else "FAIL")
    return ok


if __name__ == "__main__":
    sys.exit(main())
