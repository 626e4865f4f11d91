"""Event mentions as a typed pandas DataFrame, for notebooks: what ``db.events()`` returns.

Every column of the csv export (the events table, then the article's ``url``, ``published`` and
``source``), then the event's sentence, its actors' names and sectors, the kind of its location, and
``day``. Typed as the Parquet export types them: whole numbers as pandas' nullable ``Int64``,
``goldstein``, ``lat``, ``lon`` and ``confidence`` as floats, ``background`` as bool; ``published``
and ``day`` (the event's date when it is day-precise, else NaT) as datetimes. ``date`` stays text:
its precision varies (``2024``, ``2024-03``, ``2024-03-05``), as ``date_precision`` says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from whodid.store.db import Store
from whodid.store.export import MENTION_COLUMNS, MENTION_TYPES, mentions
from whodid.store.query import EventQuery

if TYPE_CHECKING:
    import pandas as pd

EXTRA_COLUMNS = (
    "sentence",
    "source_name",
    "source_sector",
    "target_name",
    "target_sector",
    "location_feature",
)
FRAME_COLUMNS = (*MENTION_COLUMNS, *EXTRA_COLUMNS, "day")
_DTYPES = {"int64": "Int64", "float64": "float64", "bool": "bool"}


def events_frame(store: Store, q: EventQuery) -> pd.DataFrame:
    """The mentions matching ``q`` (newest first, as ``whodid events``) as a typed DataFrame."""
    import pandas as pd

    read = FRAME_COLUMNS[:-1]
    frame = pd.DataFrame([[r[c] for c in read] for r in mentions(store, q)], columns=list(read))
    typed: dict[str, Any] = {name: _DTYPES[kind] for name, kind in MENTION_TYPES.items() if kind in _DTYPES}
    frame = frame.astype(typed)
    frame["published"] = _dates([v[:10] if isinstance(v, str) else None for v in frame["published"]])
    days = [d if p == "day" else None for d, p in zip(frame["date"], frame["date_precision"], strict=True)]
    frame["day"] = _dates(days)
    return frame


def _dates(values: list[str | None]) -> pd.Series:
    """ISO dates (YYYY-MM-DD, None) as a datetime column; one that does not read is NaT."""
    import pandas as pd

    return pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d", errors="coerce")
