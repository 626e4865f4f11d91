"""Pieces the event scorers share: the primary event, side codes, compact error views."""

from __future__ import annotations

from typing import Any

from whodid.evaluate.base import ErrorRow

_ORG_PREFIXES = ("IGO", "NGO", "NGM", "IMG", "MNC", "INT")


def primary(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event with the highest confidence, ties broken by the earliest trigger."""
    if not events:
        return None
    return min(events, key=lambda e: (-float(e.get("confidence") or 0.0), e["evidence"]["start"]))


def side_country(side: dict[str, Any] | None) -> str | None:
    """The country of an event side, or the organization prefix of an IGO/NGO code ("IGO")."""
    if not side:
        return None
    if side.get("country"):
        return str(side["country"])
    code = side.get("code") or ""
    return code[:3] if code.startswith(_ORG_PREFIXES) else None


def side_sector(side: dict[str, Any] | None) -> str | None:
    """The first sector of an event side's code (``USAGOV`` -> ``GOV``; ``GOV`` alone -> ``GOV``)."""
    if not side:
        return None
    code = side.get("code") or ""
    if side.get("country"):
        return code[3:6] or None
    if code.startswith(_ORG_PREFIXES):
        return code[:3]
    return code[:3] or None


def view(event: dict[str, Any] | None) -> dict[str, Any] | None:
    """What an error row shows of a whodid event."""
    if event is None:
        return None
    return {
        "cameo": event.get("cameo"),
        "plover": event.get("plover"),
        "source": (event.get("source") or {}).get("code"),
        "source_text": (event.get("source") or {}).get("text"),
        "target": (event.get("target") or {}).get("code"),
        "target_text": (event.get("target") or {}).get("text"),
        "evidence": event["evidence"]["text"],
        "modality": event.get("modality"),
    }


def views(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in (view(e) for e in events) if v is not None]


def rules(events: list[dict[str, Any]]) -> str | None:
    found = [str(e.get("rule")) for e in events if e.get("rule")]
    return "; ".join(found) if found else None


def false_positive(item: str, what: str, sentence: str, gold: Any, event: dict[str, Any]) -> ErrorRow:
    """The error row of a whodid event the gold does not have."""
    return ErrorRow(item, "false_positive", what, sentence, gold, views([event]), str(event.get("rule")))
