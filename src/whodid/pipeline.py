"""The whodid pipeline: one spaCy ``Doc`` through small stages, then the contract record.

Order: spaCy (tagger, paragraph rule, parser, NER) -> boilerplate -> dates -> actors -> places ->
actor context -> quotes -> events -> record. Each stage reads what earlier ones wrote on ``doc._.whodid``
and adds its own; its ``requires`` and ``assigns`` say what, and building a :class:`Pipeline` checks
the order (:func:`check_stages`). Stage code lives with its stage; this module only assembles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from whodid.actors.context import ActorContext
from whodid.actors.dictionary import load_dictionaries
from whodid.actors.knowledge import DEFAULT_DATA_DIR, ActorKnowledge
from whodid.actors.resolve import ActorResolver
from whodid.dates import DateFinder
from whodid.dates.publication import Order
from whodid.dates.stage import DateStage
from whodid.errors import Errors, WhodidError
from whodid.events.coder import EventCoder
from whodid.events.confidence import DEFAULT_MIN_CONFIDENCE, ConfidenceModel
from whodid.events.lexicon import EventLexicon, LexiconFolders
from whodid.events.statements import StatementReader
from whodid.ingest.reader import ArticleInput, BadInput, article_id, check_date_order
from whodid.nlp.boilerplate import BoilerplateMarker
from whodid.nlp.chunks import BATCH_CHARS, CHUNK_CHARS, ChunkJoin, split_text
from whodid.nlp.model import MODEL, load_model, model_text, reads_other_spaces, with_paragraph_rule
from whodid.nlp.state import ArticleState, ensure_extension
from whodid.ontology import Ontology
from whodid.places import Gazetteer, PlaceFinder
from whodid.places.stage import PlaceStage
from whodid.quotes.finder import QuoteFinder
from whodid.record import ArticleRecord, build_record

LEADERS_FILE = DEFAULT_DATA_DIR / "leaders.tsv"


class Stage(Protocol):
    """A step of the pipeline: reads and writes the article state of a ``Doc``.

    ``requires`` names what it reads: spaCy components of the model ("parser", "ner") or fields of
    :class:`~whodid.nlp.state.ArticleState`; ``assigns`` names the state fields it writes. A
    :class:`Pipeline` checks when it is built that every stage comes after what it needs."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


# the state fields set from the article itself before any stage runs (``Pipeline._attach``)
GIVEN_FIELDS = ("article_id", "published", "title", "source", "url", "given_text")


def check_stages(nlp: Language, stages: Sequence[Stage]) -> None:
    """Fail with a catalogued error when a stage needs what neither the model nor an earlier stage
    provides, or assigns what is no field of the article state (as spaCy's ``analyze_pipes``)."""
    fields = {f.name for f in dataclass_fields(ArticleState)}
    provided = set(GIVEN_FIELDS)
    order = " -> ".join(s.name for s in stages)
    for stage in stages:
        for need in stage.requires:
            if need in fields:
                if need not in provided:
                    raise Errors.E502.error(stage=stage.name, needs=need, order=order)
            elif need not in nlp.pipe_names:
                raise Errors.E203.error(component=need, components=", ".join(nlp.pipe_names))
        for field in stage.assigns:
            if field not in fields:
                raise Errors.E503.error(stage=stage.name, field=field)
        provided.update(stage.assigns)


def stage_table(stages: Sequence[Stage]) -> str:
    """The stages in order with what each needs and assigns, as a Markdown table (docs/pipeline.md)."""
    rows = ["| stage | requires | assigns |", "|---|---|---|"]
    for s in stages:
        needs = ", ".join(f"`{n}`" for n in s.requires)
        gives = ", ".join(f"`{n}`" for n in s.assigns)
        rows.append(f"| `{s.name}` | {needs} | {gives} |")
    return "\n".join(rows)


class Pipeline:
    """A loaded whodid: the model, the dictionaries and the stages, built once."""

    def __init__(self, nlp: Language, stages: Sequence[Stage], warnings: Sequence[str] = ()) -> None:
        ensure_extension()
        check_stages(nlp, stages)
        self.nlp = nlp
        self.stages = list(stages)
        self.warnings = list(warnings)  # e.g. lines of an actor dictionary that could not be used

    def make_doc(
        self,
        text: str,
        *,
        published: dt.date | None = None,
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
    ) -> Doc:
        """A parsed ``Doc`` carrying an empty whodid state (no whodid stage has run yet)."""
        doc = self._parse([text])[0]
        self._attach(doc, text, published, id, title, url, source)
        return doc

    def code(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
    ) -> ArticleRecord:
        """Code one article. ``published`` anchors relative dates; without it they stay unknown."""
        pub = _as_date(published)
        doc = self.make_doc(text, published=pub, id=id, title=title, url=url, source=source)
        return build_record(self.run_stages(doc))

    def code_many(
        self,
        records: Iterable[ArticleInput | BadInput | dict[str, object]],
        *,
        batch_size: int = 16,
        on_error: Callable[[BadInput], None] | None = None,
        date_order: Order = "mdy",
    ) -> Iterator[ArticleRecord]:
        """Code a stream of articles; a bad one is passed to ``on_error`` (or skipped), never fatal.

        A dict's numeric ``published`` date that could be month-first or day-first (``03/04/2016``) is
        read in ``date_order``, ``"mdy"`` (the default) or ``"dmy"``, as ``--date-order`` reads a JSON
        Lines file; any other order is E410 before anything is coded."""
        order = check_date_order(date_order)
        batch: list[ArticleInput] = []
        for rec in records:
            item = _as_input(rec, date_order=order)
            if isinstance(item, BadInput):
                if on_error:
                    on_error(item)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._code_batch(batch, on_error)
                batch = []
        if batch:
            yield from self._code_batch(batch, on_error)

    def _code_batch(
        self, batch: list[ArticleInput], on_error: Callable[[BadInput], None] | None
    ) -> Iterator[ArticleRecord]:
        docs = self._parse([a.text for a in batch])
        for art, doc in zip(batch, docs, strict=True):
            try:
                self._attach(doc, art.text, art.published, art.id, art.title, art.url, art.source)
                record = build_record(self.run_stages(doc))
            except WhodidError as err:
                if on_error:
                    on_error(BadInput(origin=art.origin, error=err))
                continue
            except Exception as exc:  # a bug on one article must not end the batch: report, go on
                if on_error:
                    detail = f"{type(exc).__name__}: {exc}"
                    on_error(
                        BadInput(origin=art.origin, error=Errors.E501.error(origin=art.origin, detail=detail))
                    )
                continue
            yield record

    def run_stages(self, doc: Doc) -> Doc:
        for stage in self.stages:
            doc = stage(doc)
        st = doc._.whodid
        if isinstance(st, ArticleState):
            st.view = None  # its Spans and Tokens point back at the Doc: leave no reference cycle
        return doc

    def _parse(self, texts: list[str]) -> list[Doc]:
        """Parsed ``Doc``s of ``texts``, in order. Memory is bounded by the chunk, not the input: short
        texts are parsed in batches of at most ``BATCH_CHARS`` characters, long ones chunk by chunk."""
        limit = self._chunk_chars()
        out: list[Doc] = []
        batch: list[str] = []
        for text in map(model_text, texts):
            if batch and (len(text) > limit or sum(map(len, batch)) + len(text) > BATCH_CHARS):
                out.extend(self.nlp.pipe(batch, batch_size=len(batch)))
                batch = []
            if len(text) > limit:
                out.append(self._parse_long(text, limit))
            else:
                batch.append(text)
        if batch:
            out.extend(self.nlp.pipe(batch, batch_size=len(batch)))
        return out

    def _chunk_chars(self) -> int:
        """The longest text parsed at once: ``CHUNK_CHARS``, or spaCy's ``nlp.max_length`` if lower."""
        return max(1, min(CHUNK_CHARS, self.nlp.max_length))

    def _parse_long(self, text: str, limit: int) -> Doc:
        """Parse ``text`` one chunk at a time (paragraph-aligned where it can) and join the chunks; the
        joined ``Doc``'s text is exactly ``text``, so every offset is one into it. Each chunk's ``Doc``
        (and its tensor, which no stage reads) is dropped once its words and attributes are taken
        (``ChunkJoin``): joined at the end with ``Doc.from_docs``, a 5 MB article peaked at 927 MB (792 MB
        now, BENCHMARKS.md)."""
        join = ChunkJoin()
        for chunk in split_text(text, max_chars=limit):
            join.add(self.nlp(chunk))
        return join.doc()

    @staticmethod
    def _attach(
        doc: Doc,
        text: str,
        published: dt.date | None,
        id: str | None,
        title: str | None,
        url: str | None,
        source: str | None,
    ) -> None:
        doc._.whodid = ArticleState(
            article_id=id or article_id(text),
            published=published,
            title=title,
            source=source,
            url=url,
            given_text=text if reads_other_spaces(text) else None,
        )


def load(
    *,
    model: str = MODEL,
    nlp: Language | None = None,
    actor_files: Sequence[str | Path] = (),
    listed_actors: bool = True,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    lexicon_dirs: Sequence[str | Path] = (),
) -> Pipeline:
    """Load the model and every dictionary once; reuse the returned pipeline for many articles.

    ``nlp`` reuses an already loaded spaCy model (whodid adds its paragraph rule to it).
    ``actor_files`` are extra actor dictionaries (whodid .tsv/.yaml or PETRARCH .actors.txt, see
    docs/actors.md); their lines that cannot be used are listed in ``Pipeline.warnings``.
    ``listed_actors=False`` leaves out whodid's own list of office holders (``data/actors/leaders.tsv``).
    ``min_confidence`` leaves out events less sure than that (``0`` keeps every event coded; the default
    is chosen from the reliability table of docs/ACCURACY.md).
    ``lexicon_dirs`` are folders of event lexicon files overlaid, in order, on whodid's own
    (``--lexicon DIR``; see docs/lexicons.md): same key replaces, new key extends.
    """
    lexicons = LexiconFolders(tuple(Path(d) for d in lexicon_dirs))  # a bad folder fails before the rest
    ontology = Ontology.load()
    gazetteer = Gazetteer.shared()  # the packaged tables, built once per process
    knowledge = ActorKnowledge.load().with_regions(gazetteer.region_country)
    files = [Path(f) for f in actor_files]
    if listed_actors and LEADERS_FILE.exists():
        files.append(LEADERS_FILE)  # the user's files come first: their phrases win
    dictionary, problems = load_dictionaries(files)
    stages: list[Stage] = [
        BoilerplateMarker(),
        DateStage(DateFinder()),
        ActorResolver(knowledge, is_toponym=gazetteer.is_toponym, dictionary=dictionary),
        PlaceStage(PlaceFinder(gazetteer)),
        ActorContext(gazetteer.region_country),
        QuoteFinder(),
        EventCoder(
            EventLexicon.load(lexicons, ontology),
            ontology,
            reader=StatementReader.load(lexicons),
            calibration=ConfidenceModel.load(lexicons),
            min_confidence=min_confidence,
            gazetteer=gazetteer,
        ),
    ]
    return Pipeline(
        load_model(model) if nlp is None else with_paragraph_rule(nlp), stages, [str(p) for p in problems]
    )


def _as_date(value: dt.date | str | None) -> dt.date | None:
    """``published`` as a date whodid codes (E120 unreadable, E121 out of range)."""
    from whodid.ingest.model import check_date, parse_date

    if value is None:
        return None
    return check_date(value) if isinstance(value, dt.date) else parse_date(value)


def _as_input(
    rec: ArticleInput | BadInput | dict[str, object], *, date_order: Order = "mdy"
) -> ArticleInput | BadInput:
    """A record given to ``code_many`` read as a JSON Lines record is (``ArticleInput.from_record``)."""
    if not isinstance(rec, dict):
        return rec
    origin = str(rec.get("id", "<record>"))
    try:
        return ArticleInput.from_record(rec, origin=origin, date_order=date_order)
    except WhodidError as err:
        return BadInput(origin=origin, error=err)
