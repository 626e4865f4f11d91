"""Who is quoted: stored quotations by their resolved speaker, and the speakers quoted most.

A quotation's speaker is the actor whodid resolved it to (``speaker_actor``: "he" in "he said" is
the minister named before), so the counts are per person or body, not per pronoun. A quotation
whose speaker was not resolved keeps the words before its cue (``speaker_words``) and is counted
apart (``unresolved_quotes``).

    whodid speakers --limit 10              # the ten speakers quoted most
    whodid quotes --speaker Whitlock         # part of a resolved speaker's name
    whodid quotes --speaker USAGOV          # a speaker's actor code (and the codes that extend it)
"""

from __future__ import annotations

from typing import Any

from whodid.store.codes import code_pattern
from whodid.store.db import Store

QUOTE_COLUMNS = (
    "published",
    "speaker",
    "speaker_code",
    "country",
    "kind",
    "text",
    "cue",
    "speaker_words",
    "url",
    "article_id",
    "quote_id",
)
SPEAKER_COLUMNS = ("speaker", "code", "country", "kind", "quotes", "articles")
_SPEAKER = "LEFT JOIN actors x ON x.article_id = q.article_id AND x.actor_id = q.speaker_actor"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _speaker_filter(store: Store, speaker: str) -> tuple[str, list[object]]:
    """The condition on a quotation (``q``, its actor ``x``) for ``speaker``: an actor code (upper
    case, as ``USAGOV`` or ``USA*``) that some resolved speaker has matches that code and its
    extensions; anything else is part of the resolved speaker's name or of the words before the cue."""
    text = speaker.strip()
    if text.rstrip("*").isalpha() and text.isupper():
        pattern = code_pattern(text)
        found = store.conn.execute(
            "SELECT 1 FROM quotes q JOIN actors x ON x.article_id = q.article_id AND "
            "x.actor_id = q.speaker_actor WHERE x.code LIKE ? LIMIT 1",
            [pattern],
        ).fetchone()
        if found is not None:
            return "x.code LIKE ?", [pattern]
    words = "%" + _escape(text.lower()) + "%"
    return "(LOWER(x.name) LIKE ? ESCAPE '\\' OR LOWER(q.speaker_text) LIKE ? ESCAPE '\\')", [words, words]


def quotes(store: Store, speaker: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored quotations, newest article first, each with its resolved speaker's name (else the
    words before the cue) and code; ``speaker`` keeps one speaker's (see ``_speaker_filter``)."""
    where, args = "1 = 1", list[object]()
    if speaker:
        where, args = _speaker_filter(store, speaker)
    sql = (
        "SELECT a.published, COALESCE(x.name, q.speaker_text), x.code, "
        "COALESCE(x.country, q.speaker_country), q.kind, q.text, q.cue, q.speaker_text, a.url, "
        "q.article_id, q.quote_id "
        f"FROM quotes q JOIN articles a ON a.id = q.article_id {_SPEAKER} WHERE {where} "
        "ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.start_char"
    )
    if limit is not None:
        sql += " LIMIT ?"
        args = [*args, limit]
    return [dict(zip(QUOTE_COLUMNS, row, strict=True)) for row in store.conn.execute(sql, args).fetchall()]


def speakers(
    store: Store, *, speaker: str | None = None, country: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """The resolved speakers, most quoted first: name, actor code, country, kind, how many
    quotations and articles. ``speaker`` keeps the speakers ``quotes`` would match, ``country``
    those of one country (ISO code)."""
    where, args = "x.name IS NOT NULL", list[object]()
    if speaker:
        cond, args = _speaker_filter(store, speaker)
        where += f" AND {cond}"
    if country:
        where += " AND x.country = ?"
        args = [*args, country.strip().upper()]
    sql = (
        "SELECT x.name, x.code, x.country, x.kind, COUNT(*), COUNT(DISTINCT q.article_id) "
        f"FROM quotes q {_SPEAKER} WHERE {where} GROUP BY x.name, x.code, x.country, x.kind "
        "ORDER BY COUNT(*) DESC, x.name"
    )
    if limit is not None:
        sql += " LIMIT ?"
        args = [*args, limit]
    return [dict(zip(SPEAKER_COLUMNS, row, strict=True)) for row in store.conn.execute(sql, args).fetchall()]


def unresolved_quotes(store: Store) -> int:
    """How many stored quotations have no resolved speaker (not counted by ``speakers``)."""
    row = store.conn.execute(f"SELECT COUNT(*) FROM quotes q {_SPEAKER} WHERE x.name IS NULL").fetchone()
    return int(row[0])
