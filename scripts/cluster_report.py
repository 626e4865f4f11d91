"""Print how many event mentions a store holds and how many event clusters they form.

usage: python scripts/cluster_report.py [--db sqlite:///whodid.db] [--top 5]

The reduction is mentions / clusters; also: mentions too vaguely dated to join anything, clusters with
more than one mention, and the largest clusters with the stories and sources behind them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--db", default="sqlite:///whodid.db")
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args(argv)
    from whodid.store.db import open_store

    with open_store(args.db) as store:
        c = store.conn
        articles = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        mentions = c.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        clusters = c.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0]
        vague = c.execute(
            "SELECT COUNT(*) FROM events WHERE cluster_reason LIKE 'new: %too vague%'"
        ).fetchone()[0]
        multi = c.execute("SELECT COUNT(*), SUM(mentions) FROM event_clusters WHERE mentions > 1").fetchone()
        multi_story = c.execute("SELECT COUNT(*) FROM event_clusters WHERE stories > 1").fetchone()[0]
        print(f"articles                 {articles:,}")
        print(f"event mentions           {mentions:,}")
        print(f"event clusters           {clusters:,}")
        print(f"reduction                {mentions / clusters if clusters else 0:.3f} mentions per cluster")
        print(f"too vague to join        {vague:,} mentions (dated to the year or not at all)")
        print(f"clusters of 2+ mentions  {multi[0]:,} holding {multi[1] or 0:,} mentions")
        print(f"clusters across stories  {multi_story:,}")
        rows = c.execute(
            "SELECT id, source_key, cameo_root, target_key, first_day, last_day, mentions, stories, sources "
            "FROM event_clusters ORDER BY stories DESC, mentions DESC LIMIT ?",
            (args.top,),
        ).fetchall()
        for cid, src, root, tgt, first, last, n, stories, sources in rows:
            counts = f"{n} mentions, {stories} stories, {sources} sources"
            print(f"  cluster {cid}: {src} -{root}-> {tgt or '-'} {first}..{last}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
