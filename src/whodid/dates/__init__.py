"""Dates stage: find date expressions and normalize them against the publication date."""

from whodid.dates.normalize import DateFinder

__all__ = ["DateFinder"]
