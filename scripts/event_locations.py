"""How many events whose sentence names a place carry a location (issue 11, point 5).

usage: python scripts/event_locations.py [--articles 300] [--every 1] [--min-confidence 0.35]
                                         [--corpus ../shared/corpus/news.jsonl] [--examples 0]

Codes the first N non-empty articles of the corpus (with ``--every K``, every K-th line instead) and
prints, over the events kept at ``--min-confidence``:

* events in all, and how many carry a location;
* events whose sentence names a resolved place (a ``places[]`` entry with a name that lies inside the
  event's sentence), and how many of those carry a location: the share the issue's target is about
  (at least half);
* the same for the events whose sentence names a place by its name, not only by a national adjective
  ("Iraqi officials", "Cuban television": the demonym marks an actor or a thing, names no site);
* located events by ``location.rule`` (clause, sentence, dateline, with their ``:part-of``, ``:near``,
  ``:direction-of`` suffixes) and by ``location.precision``.

``--examples K`` prints K unlocated events whose sentence names a place (sentence, trigger, places), to
read why. Exits 0 with "skipped: ..." when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "news.jsonl"


def corpus_articles(
    path: Path, *, articles: int, every: int, texts: dict[str, str]
) -> Iterator[dict[str, Any]]:
    """The first ``articles`` non-empty lines of the corpus (every ``every``-th line), as code inputs;
    ``texts`` keeps each one's text by id until its record is read."""
    taken = 0
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % every or not line.strip():
                continue
            row = json.loads(line)
            if not (row.get("text") or "").strip():
                continue
            art_id = f"{row.get('id')}#{n}"  # corpus ids are not unique across its sources
            texts[art_id] = row["text"]
            date = row.get("date") or ""
            published = date[:10] if ISO_DAY.match(date) else None  # other forms are issue 11's point 7
            yield {"id": art_id, "text": row["text"], "published": published}
            taken += 1
            if taken >= articles:
                return


def named_places(record: dict[str, Any], start: int, end: int) -> list[dict[str, Any]]:
    """The resolved places written inside ``[start, end)``."""
    return [p for p in record["places"] if p["name"] is not None and start <= p["start"] and p["end"] <= end]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--every", type=int, default=1, help="take every K-th corpus line (default 1)")
    ap.add_argument("--min-confidence", type=float, default=None, help="default: whodid's own")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument(
        "--examples", type=int, default=0, help="print K unlocated events (sentence names a place)"
    )
    ap.add_argument("--located", type=int, default=0, help="print K located events (sentence names a place)")
    ap.add_argument("--rule", default="", help="with --located: only events located by this rule")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    import whodid

    kwargs = {} if args.min_confidence is None else {"min_confidence": args.min_confidence}
    pipeline = whodid.load(**kwargs)
    events = located = with_place = with_place_located = articles = 0
    with_name = with_name_located = 0
    rules: Counter[str] = Counter()
    precisions: Counter[str] = Counter()
    rules_with_place: Counter[str] = Counter()
    misses: list[tuple[str, str, list[str]]] = []
    hits: list[tuple[str, str, list[str]]] = []
    texts: dict[str, str] = {}
    inputs = corpus_articles(args.corpus, articles=args.articles, every=args.every, texts=texts)
    for rec in pipeline.code_many(inputs, on_error=lambda bad: print(bad.error, file=sys.stderr)):
        record = rec.to_dict()
        text = texts.pop(rec.article_id, None)
        articles += 1
        for ev in record["events"]:
            events += 1
            loc = ev["location"]
            sent = ev["sentence"]
            places = named_places(record, sent["start"], sent["end"])
            if loc is not None:
                located += 1
                rules[loc.get("rule") or "(coder)"] += 1
                precisions[loc.get("precision") or "(none)"] += 1
            if any(p.get("rule") != "demonym" for p in places):
                with_name += 1
                with_name_located += loc is not None
            if places:
                with_place += 1
                if loc is not None:
                    with_place_located += 1
                    rules_with_place[loc.get("rule") or "(coder)"] += 1
                    if text is not None and loc.get("rule", "").startswith(args.rule):
                        rule = loc.get("rule") or "(coder)"
                        where = f"{rule} -> {loc['text']} = {loc['name']}, {loc['country']}"
                        hits.append((_sentence(text, sent), f"{ev['evidence']['text']}; {where}", []))
                elif text is not None:
                    misses.append(
                        (_sentence(text, sent), ev["evidence"]["text"], [p["text"] for p in places])
                    )
    print(f"articles                                  {articles}")
    print(f"events                                    {events}")
    print(f"located                                   {located} ({_pct(located, events)})")
    print(f"sentence names a resolved place           {with_place}")
    print(
        f"  of which located                        {with_place_located} "
        f"({_pct(with_place_located, with_place)})  target: at least 50%"
    )
    print(f"sentence names a place, not only a demonym {with_name}")
    named_share = _pct(with_name_located, with_name)
    print(f"  of which located                        {with_name_located} ({named_share})")
    print("located events by rule (all | sentence names a place):")
    for rule, n in rules.most_common():
        print(f"  {rule:<38}  {n:5d} | {rules_with_place[rule]:5d}")
    print("located events by precision:")
    for precision, n in precisions.most_common():
        print(f"  {precision:<38}  {n:5d}")
    if args.examples and misses:
        print(f"\n{args.examples} unlocated events whose sentence names a place (trigger; places):")
        for sentence, trigger, names in random.Random(args.seed).sample(
            misses, min(args.examples, len(misses))
        ):
            print(f"- [{trigger}; {', '.join(names)}] {sentence}")
    if args.located and hits:
        print(f"\n{args.located} located events whose sentence names a place (trigger; rule -> place):")
        for sentence, trigger, _ in random.Random(args.seed).sample(hits, min(args.located, len(hits))):
            print(f"- [{trigger}] {sentence}")
    return 0


def _sentence(text: str, sent: dict[str, int]) -> str:
    return text[sent["start"] : sent["end"]].replace("\n", " ").strip()


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


if __name__ == "__main__":
    sys.exit(main())
