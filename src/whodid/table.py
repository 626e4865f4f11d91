"""A readable plain-text summary of a ``whodid.article/1`` record (``--format table``)."""

from __future__ import annotations

from typing import Any

QUAD = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def render_table(record: dict[str, Any]) -> str:
    """Actors, events (codes with their names), quotations with speakers, dates and places."""
    art = record["article"]
    lines = [f"article {art['id']}  published {art['published'] or 'unknown'}"]
    actors = {a["id"]: a for a in record["actors"]}
    lines += _section(
        "ACTORS",
        ["id", "name", "code", "kind", "description"],
        [[a["id"], a["name"], a["code"] or "-", a["kind"], a["description"] or ""] for a in record["actors"]],
    )
    lines += _section(
        "EVENTS",
        ["source", "cameo", "event", "target", "date", "where", "modality", "rule"],
        [
            [
                _side(e["source"], actors),
                e["cameo"],
                f"{e.get('cameo_name', '')} ({QUAD[e['quad_class']]}, {e['goldstein']:+.1f})",
                _side(e["target"], actors),
                _date(e),
                (e["location"] or {}).get("name") or "-",
                e["modality"] + (" background" if e["background"] else ""),
                e["rule"],
            ]
            for e in record["events"]
        ],
    )
    lines += _section(
        "QUOTES",
        ["speaker", "kind", "quote"],
        [[_speaker(q, actors), q["kind"], _clip(q["text"], 90)] for q in record["quotes"]],
    )
    lines += _section(
        "DATES",
        ["text", "value", "precision"],
        [[d["text"], d["value"] or "-", d["precision"]] for d in record["dates"]],
    )
    lines += _section(
        "PLACES",
        ["text", "name", "country", "feature", "lat", "lon"],
        [
            [
                p["text"],
                p["name"] or "(unresolved)",
                p["country"] or "-",
                p["feature"] or "-",
                _num(p["lat"]),
                _num(p["lon"]),
            ]
            for p in record["places"]
        ],
    )
    return "\n".join(lines)


def aligned(header: list[str], rows: list[list[str]], *, cap: int, indent: str = "") -> list[str]:
    """``header`` and ``rows`` as lines of left-aligned columns two spaces apart, each column as wide as
    its widest cell up to ``cap`` characters (longer cells are clipped with "…"). The one renderer of
    whodid's plain-text tables (``whodid code --format table`` and the query commands)."""
    widths = [min(cap, max(len(str(r[k])) for r in [header, *rows])) for k in range(len(header))]
    return [
        (indent + "  ".join(_clip(str(c), w).ljust(w) for c, w in zip(row, widths, strict=True))).rstrip()
        for row in [header, *rows]
    ]


def _section(title: str, header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["", f"{title} ({len(rows)})"]
    if not rows:
        return out
    return out + aligned(header, rows, cap=60, indent="  ")


def _side(side: dict[str, Any] | None, actors: dict[str, Any]) -> str:
    if not side:
        return "-"
    actor = actors.get(side.get("actor") or "")
    name = actor["name"] if actor else side.get("text") or "?"
    return f"{name} [{side.get('code') or '-'}]"


def _speaker(q: dict[str, Any], actors: dict[str, Any]) -> str:
    sp = q.get("speaker")
    if not sp:
        return "(unknown)"
    actor = actors.get(sp.get("actor") or "")
    return f"{actor['name']} [{actor['code'] or '-'}]" if actor else sp.get("text") or "?"


def _date(e: dict[str, Any]) -> str:
    return f"{e['date'] or '?'} ({e['date_precision']}, {e['date_source']})"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _num(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"
