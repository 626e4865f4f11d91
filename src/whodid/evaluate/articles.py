"""Whole articles against their gold events: whodid's headline accuracy (``whodid eval articles DIR``).

``DIR`` holds pairs ``NAME.txt`` + ``NAME.gold.json`` (``../shared/gold/articles/GUIDELINES.md``): every
event a careful CAMEO coder would code, each with the accepted source and target keys and codes, an
``anchor`` phrase of its sentence, ``required`` or optional, its date and a background flag, and
``negative`` anchors of sentences where nothing may be coded. Every text is coded with its gold's
publication date, and each article is scored with exactly the matching of the workspace's reference
scorer (``tools/score_article.py``; see DEFINITIONS), reimplemented here so the package does not depend
on the workspace. On top of the reference figures, every false positive and every miss is given one
cause (FP_CAUSES, MISS_CAUSES), and the articles are split into two stable halves (``half_of``) so a
change can be tuned on one half and checked on the other.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whodid.errors import Errors, WhodidError
from whodid.evaluate.base import empty_prediction, sentence_of
from whodid.ingest.model import BadInput, parse_date
from whodid.record import build_record

if TYPE_CHECKING:
    from whodid.pipeline import Pipeline

GOLD_SUFFIX = ".gold.json"
HALVES = ("A", "B")
PAIRS = ("event_recall_root", "event_recall_code", "event_precision_root", "event_dates")
COUNTERS = ("background_dated_today", "events_in_negative_sentences")
FIGURE_NAMES = {
    "event_recall_root": "recall (root): required gold events found",
    "event_recall_code": "recall (full code)",
    "event_precision_root": "precision (root): whodid events matching a gold event",
    "event_dates": "event dates: dated required events found with the right date",
    "background_dated_today": "background events dated today (lower is better)",
    "events_in_negative_sentences": "events in negative sentences (lower is better)",
}

FALSE_POSITIVE, MISS, BACKGROUND_TODAY = "false_positive", "miss", "background_today"
# each error gets the first cause that applies, in this order
FP_CAUSES = (
    "negative sentence",
    "not an event",
    "wrong root",
    "wrong source key",
    "wrong target key",
    "wrong actors",
)
MISS_CAUSES = (
    "wrong sentence",
    "no event in sentence",
    "wrong root",
    "wrong source key",
    "wrong target key",
    "wrong actors",
)
BACKGROUND_CAUSE = "background dated today"

CAUSE_MEANING = {
    (FALSE_POSITIVE, "negative sentence"): "the event's sentence holds a gold `negative` anchor",
    (FALSE_POSITIVE, "not an event"): "no gold event (required or optional) is anchored in its sentence",
    (FALSE_POSITIVE, "wrong root"): "a gold event of the sentence has its source and target keys, "
    "another root",
    (FALSE_POSITIVE, "wrong source key"): "a gold event of the sentence has its root and target key, "
    "another source",
    (FALSE_POSITIVE, "wrong target key"): "a gold event of the sentence has its root and source key, "
    "another target",
    (FALSE_POSITIVE, "wrong actors"): "the sentence has gold events, none agreeing with it on two of "
    "source key, target key and root",
    (MISS, "wrong sentence"): "a whodid event with the right keys and root is in the sentence just "
    "before or after",
    (MISS, "no event in sentence"): "whodid coded nothing in the anchor's sentence",
    (MISS, "wrong root"): "a whodid event of the sentence has the right source and target keys, another root",
    (MISS, "wrong source key"): "a whodid event of the sentence has the right root and target key, "
    "another source",
    (MISS, "wrong target key"): "a whodid event of the sentence has the right root and source key, "
    "another target",
    (MISS, "wrong actors"): "whodid events in the sentence, none agreeing with the gold event on two of "
    "source key, target key and root",
}

DEFINITIONS = [
    "Each `NAME.txt` is coded with its gold's `published` date; `NAME.gold.json` lists the events. The "
    "matching is that of the workspace's reference scorer `../shared/tools/score_article.py`: the "
    "figures equal its figures on the same output (`tests/evaluate/test_articles.py` checks it on every "
    "article).",
    "A gold event's sentence is the whodid sentence holding the first occurrence of its `anchor`: a whodid "
    "event is *in* it when its `sentence` offsets `[start, end)` contain the anchor's first character.",
    "Actor key of a whodid event side: its `country`, else the first 3 letters of its `code`; none when "
    "there is no side (no target). A whodid event **matches** a gold event when it is in the gold "
    "event's sentence, its source key is one of the gold `source` keys, its target key one of the gold "
    "`target` keys (`null` there accepts no target), and its CAMEO root (first two digits) is the root of "
    "one of the gold codes (full code: its code is one of them).",
    "**recall (root)**: required gold events matched by some whodid event / all required gold events; "
    "**recall (full code)** the same with the full code.",
    "**precision (root)**: whodid events matching some gold event, required or optional / all whodid events.",
    "**event dates**: required gold events with a `date` matched (root) by a whodid event whose `date` "
    "starts with the gold date (or `date_also`), or is at least as long as it and a prefix of it "
    "/ required gold events with a date.",
    "**background dated today**: for each background gold event, whodid events in its sentence dated to "
    "the publication day at day precision and not flagged `background` (counted per gold event).",
    "**events in negative sentences**: for each gold `negative` anchor, whodid events in its sentence.",
    "Causes: each false positive (whodid event matching no gold event) and each miss (required gold "
    "event not matched) gets the first cause that applies, in the order of the tables; the key and root "
    "comparisons are those of the matching.",
    "Halves: an article is in half A when the first byte of the MD5 of its NAME is even, else in half B "
    "(stable whatever else the folder holds); `--half A|B` scores one half.",
]


# -- reading --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldArticle:
    """One article of the folder: its text and its gold annotation."""

    name: str  # NAME of NAME.gold.json
    text: str
    gold: dict[str, Any]
    half: str

    @property
    def published(self) -> str | None:
        value = self.gold.get("published")
        return value if isinstance(value, str) else None


def half_of(name: str) -> str:
    """``"A"`` when the first byte of the MD5 of ``name`` is even, else ``"B"``."""
    return HALVES[hashlib.md5(name.encode("utf-8")).digest()[0] % 2]


def read_folder(directory: Path, *, half: str | None = None, limit: int | None = None) -> list[GoldArticle]:
    """The gold articles of ``directory`` (sorted by file name), of one half when ``half`` is given."""
    if not directory.exists():
        raise Errors.E105.error(origin=str(directory))
    expected = "a folder of NAME.txt + NAME.gold.json pairs (e.g. ../shared/gold/articles)"
    if not directory.is_dir():
        raise Errors.E410.error(option="DIR", value=str(directory), expected=expected)
    out: list[GoldArticle] = []
    for path in sorted(directory.glob(f"*{GOLD_SUFFIX}")):
        name = path.name.removesuffix(GOLD_SUFFIX)
        if half is not None and half_of(name) != half:
            continue
        gold = _read_gold(path)
        text_path = path.parent / str(gold.get("article") or f"{name}.txt")
        if not text_path.is_file():
            raise Errors.E105.error(origin=str(text_path))
        if isinstance(gold.get("published"), str):
            parse_date(gold["published"], origin=str(path))  # refused here, not after coding
        out.append(GoldArticle(name, text_path.read_text(encoding="utf-8"), gold, half_of(name)))
        if limit is not None and len(out) >= limit:
            break
    if not out:
        which = f"no {GOLD_SUFFIX} file of half {half}" if half else f"no {GOLD_SUFFIX} file"
        raise Errors.E410.error(option="DIR", value=str(directory), expected=f"{expected}; it has {which}")
    return out


def _read_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise Errors.E110.error(origin=f"{path}:{e.lineno}", detail=e.msg) from None
    if not isinstance(gold, dict):
        raise Errors.E111.error(origin=str(path), json_type=type(gold).__name__)
    for k, ev in enumerate(gold.get("events") or []):
        ok = isinstance(ev, dict) and isinstance(ev.get("anchor"), str) and "required" in ev
        if not ok or not all(isinstance(ev.get(f), list) for f in ("source", "target", "cameo")):
            raise Errors.E410.error(
                option=f"{path}: event {k + 1}",
                value=ev.get("id") if isinstance(ev, dict) else ev,
                expected="an object with anchor, required, source, target and cameo (see GUIDELINES.md)",
            )
    return gold


# -- coding ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coded:
    """whodid's ``whodid.article/1`` record of one article and the ``[start, end)`` of its sentences."""

    record: dict[str, Any]
    sentences: list[tuple[int, int]]


def code(
    pipeline: Pipeline, articles: Sequence[GoldArticle], on_error: Callable[[BadInput], None] | None = None
) -> list[Coded]:
    """Code every article as ``whodid code`` does (an article it cannot code: nothing found)."""
    out: list[Coded] = []
    for art in articles:
        published = parse_date(art.published, origin=art.name) if art.published else None
        try:
            doc = pipeline.run_stages(pipeline.make_doc(art.text, published=published, id=art.name))
            record = build_record(doc).to_dict()
        except WhodidError as e:
            if on_error:
                on_error(BadInput(origin=art.name, error=e))
            out.append(Coded(empty_prediction(art.name), split_sentences(art.text)))
            continue
        except Exception as e:  # a bug on one article must not end the evaluation: report, go on
            if on_error:
                error = Errors.E501.error(origin=art.name, detail=f"{type(e).__name__}: {e}")
                on_error(BadInput(origin=art.name, error=error))
            out.append(Coded(empty_prediction(art.name), split_sentences(art.text)))
            continue
        out.append(Coded(record, [(s.start_char, s.end_char) for s in doc.sents]))
    return out


_SENTENCE_END = re.compile(r"\n+|(?<=[.!?])[\"'\u201d\u2019)]*\s+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """A rough sentence split (line breaks, end punctuation), for output coded without its sentences."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


# -- matching (that of tools/score_article.py) ----------------------------------------------------


def key(side: Any) -> str | None:
    """An event side's actor key: its country, else the first 3 letters of its code."""
    if not side:
        return None
    k = side.get("country") or (side.get("code") or "")[:3]
    return k or None


def _span(ev: dict[str, Any]) -> tuple[int | None, int | None]:
    s = ev.get("sentence") or {}
    return s.get("start"), s.get("end")


def event_in(ev: dict[str, Any], pos: int) -> bool:
    start, end = _span(ev)
    return start is not None and end is not None and start <= pos < end


def code_ok(code: Any, accepted: Sequence[str], level: str) -> bool:
    if not code:
        return False
    if level == "code":
        return code in accepted
    return str(code)[:2] in {a[:2] for a in accepted}


def _sides(ev: dict[str, Any], g: dict[str, Any]) -> tuple[bool, bool, bool]:
    """(source key right, target key right, root right) of a whodid event against a gold event."""
    return (
        key(ev.get("source")) in g["source"],
        key(ev.get("target")) in g["target"],
        code_ok(ev.get("cameo"), g["cameo"], "root"),
    )


def event_matches(ev: dict[str, Any], g: dict[str, Any], pos: int, level: str) -> bool:
    if not event_in(ev, pos):
        return False
    if key(ev.get("source")) not in g["source"]:
        return False
    if key(ev.get("target")) not in g["target"]:
        return False
    return code_ok(ev.get("cameo"), g["cameo"], level)


def date_ok(value: Any, gold: str, also: Iterable[str] = ()) -> bool:
    if not value:
        return False
    v = str(value)
    return any(v.startswith(d) or (d.startswith(v) and len(v) >= len(d)) for d in [gold, *also])


# -- scoring --------------------------------------------------------------------------------------


@dataclass
class ArticleError:
    """One false positive, miss or background event dated today, with what it takes to audit it."""

    article: str
    kind: str  # FALSE_POSITIVE, MISS or BACKGROUND_TODAY
    cause: str
    sentence: str
    gold: dict[str, Any] | None
    whodid: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "kind": self.kind,
            "cause": self.cause,
            "sentence": self.sentence,
            "gold": self.gold,
            "whodid": self.whodid,
        }


@dataclass
class ArticleScore:
    """The reference figures of one article (``report``, keyed as score_article.py) and its errors."""

    name: str
    half: str
    report: dict[str, Any]  # PAIRS -> (hits, total); COUNTERS -> count
    errors: list[ArticleError] = field(default_factory=list)


def _gold_view(g: dict[str, Any]) -> dict[str, Any]:
    if g.get("negative"):  # a negative anchor, not an event
        return {"anchor": g.get("anchor"), "negative": True}
    return {
        "id": g.get("id"),
        "anchor": g.get("anchor"),
        "source": g.get("source"),
        "target": g.get("target"),
        "cameo": g.get("cameo"),
        "required": g.get("required"),
        "date": g.get("date"),
        "background": bool(g.get("background")),
    }


def _whodid_view(ev: dict[str, Any]) -> dict[str, Any]:
    src, tgt = ev.get("source") or {}, ev.get("target") or {}
    return {
        "id": ev.get("id"),
        "source_code": src.get("code"),
        "source_country": src.get("country"),
        "source_key": key(ev.get("source")),
        "target_code": tgt.get("code"),
        "target_country": tgt.get("country"),
        "target_key": key(ev.get("target")),
        "cameo": ev.get("cameo"),
        "rule": ev.get("rule"),
        "confidence": ev.get("confidence"),
        "evidence_text": (ev.get("evidence") or {}).get("text"),
        "modality": ev.get("modality"),
        "date": ev.get("date"),
        "date_precision": ev.get("date_precision"),
        "background": ev.get("background"),
    }


def _first(items: Iterable[dict[str, Any]], test: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
    return next((x for x in items if test(x)), None)


def score_article(
    name: str,
    text: str,
    gold: dict[str, Any],
    out: dict[str, Any],
    sentences: Sequence[tuple[int, int]] | None = None,
) -> ArticleScore:
    """Score whodid's record ``out`` of ``text`` against ``gold``: the event figures of score_article.py
    and every error with its cause. ``sentences`` (whodid's sentence offsets) place a gold anchor's
    sentence and its neighbours; without them the text is split roughly."""
    events: list[dict[str, Any]] = list(out.get("events") or [])
    sents = list(sentences) if sentences is not None else split_sentences(text)
    golds: list[dict[str, Any]] = list(gold.get("events") or [])
    negatives: list[dict[str, Any]] = list(gold.get("negative") or [])
    pos = {id(g): text.find(g["anchor"]) for g in golds}
    req = [g for g in golds if g["required"]]
    report: dict[str, Any] = {}
    errors: list[ArticleError] = []

    def ev_sentence(ev: dict[str, Any]) -> str:
        s, e = _span(ev)
        return text[s:e].strip() if s is not None and e is not None else ""

    def sentence_at(p: int, length: int) -> tuple[int | None, str]:
        k = next((i for i, (s, e) in enumerate(sents) if s <= p < e), None)
        if k is None:
            return None, sentence_of(text, max(p, 0), max(p, 0) + length) if p >= 0 else ""
        return k, text[sents[k][0] : sents[k][1]].strip()

    # recall, root then full code
    found: dict[int, bool] = {}
    for level in ("root", "code"):
        hit = 0
        for g in req:
            ok = any(event_matches(ev, g, pos[id(g)], level) for ev in events)
            hit += ok
            if level == "root":
                found[id(g)] = ok
        report[f"event_recall_{level}"] = (hit, len(req))
    # precision: whodid events matching any gold event, required or optional
    good = 0
    for ev in events:
        if any(event_matches(ev, g, pos[id(g)], "root") for g in golds):
            good += 1
            continue
        cause, g_hit = _fp_cause(ev, golds, pos, negatives, text)
        errors.append(
            ArticleError(
                name,
                FALSE_POSITIVE,
                cause,
                ev_sentence(ev),
                _gold_view(g_hit) if g_hit else None,
                _whodid_view(ev),
            )
        )
    report["event_precision_root"] = (good, len(events))
    # misses, each with its cause
    for g in req:
        if found[id(g)]:
            continue
        k, where = sentence_at(pos[id(g)], len(g["anchor"]))
        cause, ev_hit = _miss_cause(g, pos[id(g)], events, sents, k)
        errors.append(
            ArticleError(name, MISS, cause, where, _gold_view(g), _whodid_view(ev_hit) if ev_hit else None)
        )
    # dates of matched required events
    dated = [g for g in req if g.get("date")]
    dhit = 0
    for g in dated:
        p = pos[id(g)]
        if any(
            event_matches(ev, g, p, "root") and date_ok(ev.get("date"), g["date"], g.get("date_also", ()))
            for ev in events
        ):
            dhit += 1
    report["event_dates"] = (dhit, len(dated))
    # background events must not carry the publication day
    bg_bad = 0
    for g in golds:
        if not g.get("background"):
            continue
        for ev in events:
            if (
                event_in(ev, pos[id(g)])
                and ev.get("date") == gold["published"]
                and ev.get("date_precision", "day") == "day"
                and not ev.get("background")
            ):
                bg_bad += 1
                errors.append(
                    ArticleError(
                        name,
                        BACKGROUND_TODAY,
                        BACKGROUND_CAUSE,
                        ev_sentence(ev),
                        _gold_view(g),
                        _whodid_view(ev),
                    )
                )
    report["background_dated_today"] = bg_bad
    report["events_in_negative_sentences"] = sum(
        1 for n in negatives for ev in events if event_in(ev, text.find(n["anchor"]))
    )
    return ArticleScore(name, half_of(name), report, errors)


def _fp_cause(
    ev: dict[str, Any],
    golds: list[dict[str, Any]],
    pos: dict[int, int],
    negatives: list[dict[str, Any]],
    text: str,
) -> tuple[str, dict[str, Any] | None]:
    """The cause of a false positive and the gold event it is judged against (None if none)."""
    negative = _first(negatives, lambda n: event_in(ev, text.find(n["anchor"])))
    if negative is not None:
        return "negative sentence", {"anchor": negative["anchor"], "negative": True}
    here = [g for g in golds if event_in(ev, pos[id(g)])]
    if not here:
        return "not an event", None
    return _one_wrong([(g, _sides(ev, g)) for g in here]) or ("wrong actors", here[0])


def _miss_cause(
    g: dict[str, Any],
    pos: int,
    events: list[dict[str, Any]],
    sents: list[tuple[int, int]],
    k: int | None,
) -> tuple[str, dict[str, Any] | None]:
    """The cause of a missed required gold event and the whodid event it is judged against."""
    if k is not None:
        near = [sents[i] for i in (k - 1, k + 1) if 0 <= i < len(sents)]

        def in_neighbour(ev: dict[str, Any]) -> bool:
            s, e = _span(ev)
            if s is None or e is None or event_in(ev, pos):
                return False
            return any(s < ne and e > ns for ns, ne in near)

        ev_hit = _first(events, lambda ev: in_neighbour(ev) and all(_sides(ev, g)))
        if ev_hit is not None:
            return "wrong sentence", ev_hit
    here = [ev for ev in events if event_in(ev, pos)]
    if not here:
        return "no event in sentence", None
    return _one_wrong([(ev, _sides(ev, g)) for ev in here]) or ("wrong actors", here[0])


def _one_wrong(
    pairs: Sequence[tuple[dict[str, Any], tuple[bool, bool, bool]]],
) -> tuple[str, dict[str, Any]] | None:
    """The first of wrong root, wrong source key, wrong target key shown by one of ``pairs`` (an event
    and its (source, target, root) comparison with the other side), with that event."""
    for cause, wrong in (("wrong root", 2), ("wrong source key", 0), ("wrong target key", 1)):
        for item, sides in pairs:
            if not sides[wrong] and all(ok for i, ok in enumerate(sides) if i != wrong):
                return cause, item
    return None


# -- totals ---------------------------------------------------------------------------------------


@dataclass
class Totals:
    """The reference figures summed over some articles, and their errors counted by cause."""

    articles: int = 0
    pairs: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in PAIRS})
    counters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    causes: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, cause) -> errors

    def add(self, score: ArticleScore) -> None:
        self.articles += 1
        for k in PAIRS:
            self.pairs[k][0] += score.report[k][0]
            self.pairs[k][1] += score.report[k][1]
        for k in COUNTERS:
            self.counters[k] += score.report[k]
        self.causes.update((e.kind, e.cause) for e in score.errors)

    def value(self, name: str) -> float:
        hits, total = self.pairs[name]
        return hits / total if total else 0.0

    def figure(self, name: str) -> str:
        if name in self.counters:
            return str(self.counters[name])
        hits, total = self.pairs[name]
        return f"{hits}/{total} = {self.value(name):.1%}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            **{k: list(v) for k, v in self.pairs.items()},
            **self.counters,
            "recall": round(self.value("event_recall_root"), 3),
            "precision": round(self.value("event_precision_root"), 3),
            "causes": {
                kind: {c: self.causes[(kind, c)] for c in causes}
                for kind, causes in ((FALSE_POSITIVE, FP_CAUSES), (MISS, MISS_CAUSES))
            },
        }


@dataclass
class ArticlesResult:
    """The scores of every article of a folder (or of one half of it)."""

    directory: Path
    scores: list[ArticleScore]
    half: str | None = None  # the half scored, None for the whole folder

    def totals(self, half: str | None = None) -> Totals:
        out = Totals()
        for s in self.scores:
            if half is None or s.half == half:
                out.add(s)
        return out

    def columns(self) -> list[tuple[str, Totals]]:
        """("all", totals), then one column per half present when both are."""
        cols = [("all", self.totals())]
        present = sorted({s.half for s in self.scores})
        if len(present) > 1:
            cols += [(f"half {h}", self.totals(h)) for h in present]
        return cols

    @property
    def errors(self) -> list[ArticleError]:
        return [e for s in self.scores for e in s.errors]


def evaluate(
    pipeline: Pipeline,
    articles: Sequence[GoldArticle],
    *,
    directory: Path,
    half: str | None = None,
    on_error: Callable[[BadInput], None] | None = None,
) -> ArticlesResult:
    """Code ``articles`` and score each (see ``read_folder`` for reading them)."""
    coded = code(pipeline, articles, on_error)
    scores = [
        score_article(a.name, a.text, a.gold, c.record, c.sentences)
        for a, c in zip(articles, coded, strict=True)
    ]
    return ArticlesResult(directory, scores, half)


# -- output ---------------------------------------------------------------------------------------


def article_line(s: ArticleScore) -> str:
    r = s.report
    return (
        f"{s.name[:56]:56} [{s.half}] recall {r['event_recall_root'][0]:>2}/{r['event_recall_root'][1]:<2} "
        f"precision {r['event_precision_root'][0]:>2}/{r['event_precision_root'][1]:<3} "
        f"dates {r['event_dates'][0]:>2}/{r['event_dates'][1]:<2} "
        f"bg-today {r['background_dated_today']} neg {r['events_in_negative_sentences']}"
    )


def _title(result: ArticlesResult) -> str:
    which = f", half {result.half} only" if result.half else ""
    halves = Counter(s.half for s in result.scores)
    split = ", ".join(f"half {h}: {halves[h]}" for h in HALVES if halves[h])
    n = len(result.scores)
    return f"{n} article{'s' if n != 1 else ''} in {result.directory}{which} ({split})"


def summary(result: ArticlesResult) -> str:
    """Per-article lines, then totals (all articles and each half) and the errors by cause."""
    lines = [article_line(s) for s in result.scores]
    cols = result.columns()
    width = 24
    lines += ["", f"whole-article events: {_title(result)}"]
    lines.append(f"  {'':46}" + "".join(f"{name:>{width}}" for name, _ in cols))
    for k in (*PAIRS, *COUNTERS):
        label = FIGURE_NAMES[k].split(":")[0]
        lines.append(f"  {label:46}" + "".join(f"{t.figure(k):>{width}}" for _, t in cols))
    for kind, causes, title in (
        (FALSE_POSITIVE, FP_CAUSES, "false positives by cause"),
        (MISS, MISS_CAUSES, "misses by cause"),
    ):
        lines.append(f"  {title}:")
        for cause in causes:
            lines.append(f"    {cause:44}" + "".join(f"{t.causes[(kind, cause)]:>{width}}" for _, t in cols))
        lines.append(
            f"    {'total':44}"
            + "".join(f"{sum(t.causes[(kind, c)] for c in causes):>{width}}" for _, t in cols)
        )
    n = len(result.errors)
    lines.append(f"  {n} error rows (write them with --errors FILE.jsonl)")
    return "\n".join(lines)


def markdown(
    result: ArticlesResult, *, command: str | None = None, note: str | None = None, heading_level: int = 2
) -> str:
    """The Markdown section: commands, definitions, totals per half, causes, per-article figures."""
    h = "#" * heading_level
    cols = result.columns()
    out = [f"{h} Whole articles (the headline figures): {_title(result)}", ""]
    if command:
        out += ["```sh", command, "```", ""]
    if note:
        out += [note, ""]
    out += ["Metrics, exactly as computed:"]
    out += [f"- {d}" for d in DEFINITIONS]
    out += ["", "| figure | " + " | ".join(f"{n} ({t.articles} articles)" for n, t in cols) + " |"]
    out.append("|---" * (len(cols) + 1) + "|")
    for k in (*PAIRS, *COUNTERS):
        cells = [
            (f"**{t.figure(k)}**" if k in ("event_recall_root", "event_precision_root") else t.figure(k))
            for _, t in cols
        ]
        out.append(f"| {FIGURE_NAMES[k]} | " + " | ".join(cells) + " |")
    out.append("")
    for kind, causes, title in (
        (FALSE_POSITIVE, FP_CAUSES, "False positives (whodid events matching no gold event) by cause"),
        (MISS, MISS_CAUSES, "Misses (required gold events not found) by cause"),
    ):
        out += [
            f"{title}, the first that applies:",
            "",
            "| cause | " + " | ".join(n for n, _ in cols) + " | meaning |",
            "|---" * (len(cols) + 2) + "|",
        ]
        for cause in causes:
            row = " | ".join(str(t.causes[(kind, cause)]) for _, t in cols)
            out.append(f"| {cause} | {row} | {CAUSE_MEANING[(kind, cause)]} |")
        totals = " | ".join(f"**{sum(t.causes[(kind, c)] for c in causes)}**" for _, t in cols)
        out += [f"| total | {totals} | |", ""]
    out += [
        "Per article:",
        "",
        "| article | half | recall (root) | full code | precision (root) | dates | bg today | neg |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in result.scores:
        r = s.report
        pairs = " | ".join(f"{r[k][0]}/{r[k][1]}" for k in PAIRS)
        out.append(
            f"| {s.name} | {s.half} | {pairs} | {r['background_dated_today']} | "
            f"{r['events_in_negative_sentences']} |"
        )
    out.append("")
    return "\n".join(out)


def to_json(result: ArticlesResult) -> dict[str, Any]:
    """Everything measured, as one JSON object (``--json``)."""
    return {
        "directory": str(result.directory),
        "half": result.half,
        "totals": {name.removeprefix("half "): t.to_dict() for name, t in result.columns()},  # all, A, B
        "articles": {
            s.name: {
                "half": s.half,
                **{k: list(v) if isinstance(v, tuple) else v for k, v in s.report.items()},
            }
            for s in result.scores
        },
    }


def write_errors(result: ArticlesResult, path: Path) -> int:
    """Write every false positive, miss and background event dated today, one JSON object a line."""
    with path.open("w", encoding="utf-8") as fh:
        for e in result.errors:
            fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    return len(result.errors)
