"""Input reading: plain text, HTML and JSON Lines articles, validated before the pipeline sees them.

``read_path`` yields an :class:`ArticleInput` per article and a :class:`BadInput` (with a coded
:class:`~whodid.errors.InputError`) for each input that cannot be read.
"""

from whodid.ingest.language import LanguageCheck, check_english
from whodid.ingest.reader import (
    DEFAULT_MAX_BYTES,
    EXTENSIONS,
    STDIN,
    ArticleInput,
    BadInput,
    article_id,
    parse_date,
    read_path,
    read_text_bytes,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "STDIN",
    "ArticleInput",
    "BadInput",
    "LanguageCheck",
    "article_id",
    "check_english",
    "parse_date",
    "read_path",
    "read_text_bytes",
]
