"""The input of ``whodid batch`` cut into numbered partitions, the same ones on every run.

The client reads the inputs as ``whodid ingest`` reads them (:func:`whodid.store.ingest.read_articles`:
each article under its content hash, with the id the input gave it) and cuts the good articles into
partitions of ``size``, in input order. A line that cannot be read belongs to the partition being
filled when it was met. Each partition has a digest of what it holds, so a re-run knows whether
partition 3 of the manifest is this input's partition 3.

    >>> parts = list(partitions([Path("corpus.jsonl")], size=256))  # doctest: +SKIP
    >>> parts[0].index, len(parts[0].articles), parts[0].digest[:8]  # doctest: +SKIP
    (0, 256, '5f0c1e2a')
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from whodid.dates.publication import Order
from whodid.errors import WhodidError
from whodid.ingest.model import ArticleInput, BadInput
from whodid.ingest.text import DEFAULT_MAX_BYTES

DEFAULT_PARTITION_SIZE = 256  # a few minutes of one worker's coding; 4 of ingest's batches of 64


@dataclass(frozen=True)
class Article:
    """One article of a partition: its input (``id`` is the content hash) and the id the input gave."""

    item: ArticleInput
    given_id: str | None


@dataclass
class Partition:
    """Articles ``index * size`` onward of the input, with the bad lines and notes met among them."""

    index: int
    articles: list[Article] = field(default_factory=list)
    bad: list[BadInput] = field(default_factory=list)
    notes: list[WhodidError] = field(default_factory=list)

    @property
    def digest(self) -> str:
        """What the partition holds (ids, origins, bad lines), as a hex SHA-256."""
        h = hashlib.sha256()
        for a in self.articles:
            h.update(f"{a.item.id}\t{a.given_id}\t{a.item.origin}\n".encode("utf-8", "surrogatepass"))
        for b in self.bad:
            h.update(f"!{b.origin}\t{b.error.code}\n".encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    @property
    def span(self) -> str:
        """Where its articles come from, first to last (for messages)."""
        origins = [a.item.origin for a in self.articles] or [b.origin for b in self.bad]
        if not origins:
            return "no articles"
        return origins[0] if origins[0] == origins[-1] else f"{origins[0]} to {origins[-1]}"


def partitions(
    paths: Iterable[Path | str],
    *,
    size: int = DEFAULT_PARTITION_SIZE,
    published: dt.date | None = None,
    date_order: Order = "mdy",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Partition]:
    """The partitions of ``paths``, lazily: one partition's articles in memory at a time."""
    from whodid.store.ingest import IngestOptions, IngestSummary, read_articles  # not for ``--help``

    current = Partition(0)
    summary = IngestSummary()  # read_articles counts into it; nothing here needs the counts

    def skip(bad: BadInput) -> None:
        current.bad.append(bad)

    def note(n: WhodidError) -> None:
        current.notes.append(n)

    options = IngestOptions(published=published, date_order=date_order, max_bytes=max_bytes, on_note=note)
    for _aid, item, given in read_articles(paths, summary, skip, options):
        if len(current.articles) >= size:
            yield current
            current = Partition(current.index + 1)
        # notes stay with the client, which reports them; a worker needs only what it codes
        current.articles.append(Article(replace(item, notes=()), given))
    if current.articles or current.bad:
        yield current
