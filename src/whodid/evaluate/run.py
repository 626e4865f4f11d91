"""Run one evaluation: read a gold file, pick its scorer, code its texts, count."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whodid.errors import Errors
from whodid.evaluate import select
from whodid.evaluate.base import EvalResult, Scorer, empty_prediction

if TYPE_CHECKING:
    from whodid.ingest.reader import BadInput
    from whodid.pipeline import Pipeline


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The records of a gold JSONL file; a malformed line is an error naming the line."""
    if not path.exists():
        raise Errors.E105.error(origin=str(path))
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise Errors.E110.error(origin=origin, detail=e.msg) from None
            if not isinstance(record, dict):
                raise Errors.E111.error(origin=origin, json_type=type(record).__name__)
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    if not records:
        raise Errors.E403.error(path=str(path))
    return records


def scorer_for(kind: str, path: Path, first: dict[str, Any]) -> Scorer:
    scorer = select(kind, first)
    if scorer is None:
        raise Errors.E404.error(kind=kind, path=str(path), fields=", ".join(sorted(first)))
    return scorer


def predict(
    pipeline: Pipeline,
    scorer: Scorer,
    gold: Sequence[dict[str, Any]],
    on_error: Callable[[BadInput], None] | None = None,
) -> list[dict[str, Any]]:
    """whodid's record for every gold record, in order (an article it cannot code: nothing found)."""
    inputs = [scorer.inputs(r) for r in gold]
    batch: list[dict[str, object]] = [
        {"id": f"{k}", "text": i.text, "published": i.published.isoformat() if i.published else None}
        for k, i in enumerate(inputs)
    ]
    by_position: dict[int, dict[str, Any]] = {}
    for record in pipeline.code_many(batch, on_error=on_error):
        by_position[int(record.article_id)] = record.to_dict()
    return [by_position.get(k) or empty_prediction(i.id) for k, i in enumerate(inputs)]


def evaluate(
    pipeline: Pipeline,
    kind: str,
    path: Path,
    *,
    limit: int | None = None,
    on_error: Callable[[BadInput], None] | None = None,
) -> EvalResult:
    gold = read_gold(path, limit)
    scorer = scorer_for(kind, path, gold[0])
    return scorer.score(gold, predict(pipeline, scorer, gold, on_error))
