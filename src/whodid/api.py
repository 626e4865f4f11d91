"""The store from Python: ``whodid.open(url)`` and queries that return pandas DataFrames.

    import whodid
    db = whodid.open("sqlite:///news.db")
    db.events(source="USA", target="CHN", cameo="17*", since="2024-01")   # one row per mention
    db.events(clusters=True)                                              # one row per event cluster
    db.events(modality="all")                 # also future, hypothetical, negated, cancelled events
    db.dyad("USA", "CHN", by="month")                                     # both directions per month
    db.actors(code="USA"); db.quotes(speaker="Blanco")                   # quotations by resolved speaker
    db.speakers(limit=10)                                                 # the speakers quoted most

The filters and columns are those of the command line (``whodid events --help``, docs/store.md).
Every count and row holds asserted events only unless ``modality=`` asks for more.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whodid.store import query
from whodid.store.db import Store, open_store

if TYPE_CHECKING:
    import pandas as pd

    from whodid.store.export import Exported


class Database:
    """A whodid store opened for analysis (reads; ``whodid ingest`` writes)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def events(self, **filters: Any) -> pd.DataFrame:
        """Event mentions matching ``filters`` (see ``EventQuery``), newest first, as typed columns:
        every column of the csv export (actors' countries and codes, location name and coordinates,
        publication date, modality, background, confidence, ...), the sentence, the actors' names and
        ``day`` (``whodid.store.frames``). With ``clusters=True`` one row per event cluster."""
        from whodid.store.frames import events_frame

        q = query.EventQuery(**filters)
        if q.clusters:
            return _frame(query.events(self.store, q), query.CLUSTER_COLUMNS)
        return events_frame(self.store, q)

    def dyad(
        self,
        a: str,
        b: str,
        *,
        by: str = "month",
        normalize: bool = False,
        clusters: bool = False,
        since: str | None = None,
        until: str | None = None,
        min_confidence: float | None = None,
        modality: str | Sequence[str] = query.DEFAULT_MODALITY,
        include_background: bool = True,
        fill: bool = True,
    ) -> pd.DataFrame:
        """Both directions between ``a`` and ``b`` per period (see ``whodid.store.query.dyad``);
        ``normalize`` adds ``articles`` and ``events_per_1k_articles``; ``clusters`` counts each event
        cluster once instead of each mention; ``since``/``until`` keep the events dated within them;
        ``min_confidence`` the events at least that sure; ``modality`` the modalities counted
        (asserted by default, ``"all"`` or ``"asserted,future"`` to opt in); ``include_background=False``
        leaves out the events a story recalls from before its news; ``fill`` (default) gives every
        period from the first to the last a row in each direction, zeros where there were no events."""
        columns = query.DYAD_COLUMNS + (query.VOLUME_COLUMNS if normalize else ())
        rows = query.dyad(
            self.store,
            a,
            b,
            by=by,
            normalize=normalize,
            clusters=clusters,
            since=since,
            until=until,
            min_confidence=min_confidence,
            modality=modality,
            include_background=include_background,
            fill=fill,
        )
        return _frame(rows, columns)

    def export(self, fmt: str, path: str | Path, *, header: bool | None = None, **filters: Any) -> Exported:
        """Write the mentions matching ``filters`` to ``path`` as gdelt, icews, plover, csv, parquet, or
        the actor network as edges or graphml
        (see docs/export.md); ``header`` as the files of the format (none for gdelt) unless given.
        Returns the rows written (``.rows``), the matching mentions the format cannot hold
        (``.left_out``, ``.reason``) and what was written with a caveat (``.notes``: ICEWS sector
        names not checked against ICEWS's files)."""
        from whodid.store.export import check_output, export

        check_output(fmt, Path(path))
        return export(self.store, fmt, query.EventQuery(**filters), path=path, header=header)

    def actors(self, **filters: Any) -> pd.DataFrame:
        columns = ("name", "kind", "country", "sector", "code", "articles", "mentions")
        return _frame(query.actors(self.store, **filters), columns)

    def quotes(self, *, speaker: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Stored quotations with their resolved speakers; ``speaker`` a name (part) or actor code
        (``whodid quotes --speaker``)."""
        from whodid.store import speakers

        return _frame(speakers.quotes(self.store, speaker=speaker, limit=limit), speakers.QUOTE_COLUMNS)

    def speakers(
        self, *, speaker: str | None = None, country: str | None = None, limit: int | None = None
    ) -> pd.DataFrame:
        """The resolved speakers, most quoted first, with their numbers of quotations and articles
        (``whodid speakers``)."""
        from whodid.store import speakers

        rows = speakers.speakers(self.store, speaker=speaker, country=country, limit=limit)
        return _frame(rows, speakers.SPEAKER_COLUMNS)


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


def open_database(url: str | None = None) -> Database:
    """Open an existing store (default ``sqlite:///whodid.db``) read-only; raises E411 when there is
    none, E421 for another program's database, E422 for an older whodid's (``whodid migrate``)."""
    return Database(open_store(url, create=False))
