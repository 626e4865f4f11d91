"""Main-text extraction from saved HTML pages, with trafilatura (offline: nothing is fetched).

Boilerplate (navigation, footers, reader comments, tables), scripts and styles are dropped; the
paragraphs of the article body are joined with newlines. The page's own metadata supplies the title,
canonical URL, site name and publication date when present.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from whodid.errors import Errors, InputError
from whodid.ingest.model import parse_date
from whodid.ingest.sniff import html_charset
from whodid.ingest.text import codec_name, decode_bytes

__all__ = ["HtmlArticle", "decode_html", "extract_html"]

# htmldate settings: read declared dates only (meta tags, JSON-LD, <time>), never guess from the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class HtmlArticle:
    """The main text of a page and the metadata the page declares (None when absent)."""

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None


def decode_html(data: bytes, *, origin: str, encoding: str = "utf-8") -> str:
    """Decode an HTML page: UTF-8 (or ``encoding``), else the charset its ``<meta>`` tag declares."""
    try:
        return decode_bytes(data, origin=origin, encoding=encoding)
    except InputError as exc:
        declared = html_charset(data)
        if exc.code != "E102" or codec_name(encoding) not in ("utf-8", "utf-8-sig") or declared is None:
            raise
        if declared in ("utf-8", "utf-8-sig"):
            raise
        return decode_bytes(data, origin=origin, encoding=declared)


def _optional_str(value: Any) -> str | None:
    """A non-empty stripped string, or None."""
    return (value.strip() or None) if isinstance(value, str) else None


def _declared_date(value: Any, origin: str) -> dt.date | None:
    """The page's declared date, or None when absent or unreadable."""
    if not isinstance(value, str):
        return None
    try:
        return parse_date(value, origin=origin)
    except InputError:
        return None


def extract_html(html: str, *, origin: str) -> HtmlArticle:
    """Extract the article body and metadata from ``html``; E130 when there is no main text."""
    import trafilatura  # imported lazily: it is slow to import and only HTML input needs it

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # a third-party parser on arbitrary input: report, never crash the run
        raise Errors.E130.error(origin=origin, detail=f"the HTML parser failed: {exc}") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        detail = f"trafilatura found no main content in {len(html)} characters of HTML"
        raise Errors.E130.error(origin=origin, detail=detail)
    return HtmlArticle(
        text=text,
        title=_optional_str(getattr(doc, "title", None)),
        url=_optional_str(getattr(doc, "url", None)),
        source=_optional_str(getattr(doc, "sitename", None)),
        published=_declared_date(getattr(doc, "date", None), origin),
    )
