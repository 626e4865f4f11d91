"""The quotation stage: direct, partial and indirect quotations with their speakers.

Speakers come from the cue ("said Ms Roe", "she told reporters", "Roe replied,"); a quotation with no
cue continues the previous quotation's speaker in the paragraph, or the last speaker of the previous
paragraph when it opens one. First-person pronouns inside a quotation refer to its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from whodid.nlp.state import ArticleState, Quote, state

OPEN_CLOSE = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CUE_WINDOW = 80  # characters around a direct quotation searched for its cue


@dataclass
class _Span:
    start: int  # content start (after the opening mark)
    end: int
    open_at: int
    close_at: int


def load_cues() -> frozenset[str]:
    """The speech-verb lemmas of ``data/quotes/cues.txt``."""
    text = resources.files("whodid.data").joinpath("quotes/cues.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


class QuoteFinder:
    """Pipeline stage: fills ``quotes`` and links first-person pronouns in them to the speaker."""

    requires: tuple[str, ...] = ("parser", "actors")
    assigns: tuple[str, ...] = ("quotes",)

    def __init__(self, cues: frozenset[str] | None = None) -> None:
        self.cues = cues if cues is not None else load_cues()

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        text = doc.text  # Doc.text is rebuilt on every access: read it once
        spans = find_quote_spans(text)
        bad_sents = _boilerplate_chars(doc, st)
        prev_speaker: tuple[str | None, str | None, int] | None = None  # actor, text, paragraph
        for qs in spans:
            if any(a <= qs.start < b for a, b in bad_sents) or qs.end <= qs.start:
                continue
            quote = self._quote(doc, st, qs, text)
            para = _paragraph(text, qs.start)
            unattributed = quote.cue is None and quote.speaker_actor is None and quote.speaker_text is None
            if unattributed and prev_speaker is not None and prev_speaker[2] in (para, para - 1):
                quote.speaker_actor, quote.speaker_text = prev_speaker[0], prev_speaker[1]
                quote.rule, quote.confidence = "quote:continuation", 0.6
            if quote.speaker_actor or quote.speaker_text:
                prev_speaker = (quote.speaker_actor, quote.speaker_text, para)
            self._link_first_person(doc, st, quote)
            st.quotes.append(quote)
        self._indirect(doc, st, spans, text)
        return doc

    # ---------------------------------------------------------------- one quotation
    def _quote(self, doc: Doc, st: ArticleState, qs: _Span, full: str) -> Quote:
        text = full[qs.start : qs.end]
        kind = "direct" if _is_direct(full, qs) else "partial"
        cue: Token | None
        if kind == "partial":
            cue = self._governing_cue(doc, qs) or self._nearby_cue(doc, qs, full)
        else:
            cue = self._nearby_cue(doc, qs, full) or self._governing_cue(doc, qs)
        speaker = _speaker_of(cue, qs) if cue is not None else None
        actor = _actor_of(st, speaker) if speaker is not None else None
        if cue is not None and actor is None and speaker is None:
            speaker, actor = _nearest_actor_before(st, cue, qs)
        rule = "quote:cue" if cue is not None else "quote:no-cue"
        if cue is None:
            speaker = _colon_speaker(doc, full, qs)  # "Ana Ruiz, 34, teacher: “...”"
            actor = _actor_of(st, speaker) if speaker is not None else None
            rule = "quote:colon" if speaker is not None else rule
        return Quote(
            start=qs.start,
            end=qs.end,
            text=text,
            kind=kind,  # type: ignore[arg-type]
            cue=cue.text if cue is not None else None,
            cue_token=cue.i if cue is not None else None,
            speaker_actor=actor,
            **_speaker_fields(speaker, st),
            rule=rule,
            confidence=0.8 if actor else (0.5 if speaker is not None else 0.2),
        )

    def _governing_cue(self, doc: Doc, qs: _Span) -> Token | None:
        """The nearest speech verb above the quotation in the parse ("accused X of using '...'")."""
        inside = [t for t in _tokens_in(doc, qs.start, qs.end)]
        if not inside:
            return None
        tok: Token = inside[0]
        seen = 0
        while tok.head.i != tok.i and seen < 12:
            tok = tok.head
            seen += 1
            if not (qs.start <= tok.idx < qs.end) and tok.pos_ in ("VERB", "AUX") and tok.lemma_ in self.cues:
                return tok
        return None

    def _nearby_cue(self, doc: Doc, qs: _Span, full: str) -> Token | None:
        """A speech verb just after the closing mark ("..." she said) or before the opening one."""
        after = _tokens_in(doc, qs.close_at + 1, min(len(full), qs.close_at + 1 + CUE_WINDOW))
        after = _until_boundary(after)
        for t in after:
            if t.lemma_ in self.cues and t.pos_ in ("VERB", "AUX"):
                return t
        before = _tokens_in(doc, max(0, qs.open_at - CUE_WINDOW), qs.open_at)
        before = _since_boundary(before)
        for t in reversed(before):
            if t.lemma_ in self.cues and t.pos_ in ("VERB", "AUX"):
                return t
        return None

    def _link_first_person(self, doc: Doc, st: ArticleState, quote: Quote) -> None:
        if quote.speaker_actor is None:
            return
        for t in _tokens_in(doc, quote.start, quote.end):
            if t.lower_ in FIRST_PERSON and t.pos_ == "PRON":
                st.token_actors.setdefault(t.i, [quote.speaker_actor])

    # ---------------------------------------------------------------- reported speech
    def _indirect(self, doc: Doc, st: ArticleState, spans: list[_Span], full: str) -> None:
        """ "X said (that) ..." with no quotation marks: an indirect quotation of the clause."""
        quoted = [(s.open_at, s.close_at + 1) for s in spans]
        for tok in doc:
            if tok.lemma_ not in self.cues or tok.pos_ != "VERB":
                continue
            comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            toks = sorted(comp.subtree, key=lambda t: t.i)
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            if any(a < end and start < b for a, b in quoted):
                continue
            speaker = _speaker_of(tok, _Span(start, end, start, end))
            if speaker is None:
                continue
            actor = _actor_of(st, speaker)
            st.quotes.append(
                Quote(
                    start=start,
                    end=end,
                    text=full[start:end],
                    kind="indirect",
                    cue=tok.text,
                    cue_token=tok.i,
                    speaker_actor=actor,
                    **_speaker_fields(speaker, st),
                    rule="quote:reported-speech",
                    confidence=0.6 if actor else 0.3,
                )
            )
        st.quotes.sort(key=lambda q: q.start)


def find_quote_spans(text: str) -> list[_Span]:
    """Pairs of quotation marks; straight double quotes alternate open/close within a paragraph."""
    out: list[_Span] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = OPEN_CLOSE.get(ch)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        nl = text.find("\n\n", i + 1)
        if j < 0 or (ch == '"' and 0 <= nl < j):
            i += 1
            continue
        start, end = i + 1, j
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(_Span(start, end, i, j))
        i = j + 1
    return out


def _is_direct(text: str, qs: _Span) -> bool:
    """A full quoted sentence: capitalised, and opened after a sentence boundary, colon or comma."""
    content = text[qs.start : qs.end]
    if not content or not (content[0].isupper() or content[0].isdigit()) or len(content.split()) < 3:
        return False
    k = qs.open_at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in "\n.:,;?!"


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _until_boundary(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        if t.text in OPEN_CLOSE or "\n" in t.text or (t.is_sent_start and out and t.text[0].isupper()):
            break
        out.append(t)
    return out


def _since_boundary(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in reversed(tokens):
        if t.text in OPEN_CLOSE.values() or "\n" in t.text or t.text in (".", "?", "!"):
            break
        out.append(t)
    return list(reversed(out))


def _speaker_of(cue: Token, qs: _Span) -> Token | None:
    """The subject of the cue verb, climbing to the governing clause for participles ("calling for")."""
    verb: Token | None = cue
    for _ in range(4):
        if verb is None:
            return None
        subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not (qs.start <= c.idx < qs.end)]
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        if subj and subj[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head  # "Roe, who said ...": Roe speaks
        if subj:
            return subj[0]
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "relcl") and verb.head.i != verb.i:
            verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
            continue
        return None
    return None


def _nearest_actor_before(st: ArticleState, cue: Token, qs: _Span) -> tuple[Token | None, str | None]:
    """A cue the parser left without a subject: the nearest person (else organization) before it."""
    sent = cue.sent
    best: dict[str, tuple[int, str]] = {}
    for m in st.actor_mentions:
        if not (sent.start <= m.token_start < cue.i) or qs.start <= m.start < qs.end:
            continue
        kind = st.actors[m.actor_id].kind
        if kind not in best or m.token_start > best[kind][0]:
            best[kind] = (m.token_start, m.actor_id)
    for kind in ("person", "organization"):
        if kind in best:
            i, actor = best[kind]
            return cue.doc[i], actor
    return None, None


def _colon_speaker(doc: Doc, text: str, qs: _Span) -> Token | None:
    """A quotation introduced by "Name:" or signed "— Name" after it, with no speech verb."""
    k = qs.open_at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k >= 0 and text[k] == ":":
        line_start = text.rfind("\n", 0, k) + 1
        return _first_person_name(doc, _tokens_in(doc, line_start, k))
    j = qs.close_at + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < len(text) and text[j] in "\u2015\u2014\u2013-":
        line_end = text.find("\n", j)
        return _first_person_name(doc, _tokens_in(doc, j + 1, line_end if line_end > 0 else len(text)))
    return None


def _first_person_name(doc: Doc, tokens: list[Token]) -> Token | None:
    """The last word of the first name in a short run of tokens (a signature, a "Name:" label)."""
    words = [t for t in tokens if not t.is_space and not t.is_punct]
    if not words or len(words) > 25:
        return None
    start = next((t for t in words if t.ent_type_ == "PERSON" or t.pos_ == "PROPN"), None)
    if start is None:
        return None
    last = start
    while (
        last.i + 1 < len(doc)
        and (doc[last.i + 1].pos_ == "PROPN" or doc[last.i + 1].ent_iob_ == "I")
        and (not doc[last.i + 1].is_space)
    ):
        last = doc[last.i + 1]
    return last


def _actor_of(st: ArticleState, tok: Token) -> str | None:
    for t in (tok, *[c for c in tok.children if c.dep_ in ("appos", "compound")]):
        ids = st.token_actors.get(t.i)
        if ids:
            return ids[0]
    return None


def _speaker_fields(tok: Token | None, st: ArticleState) -> dict[str, Any]:
    """``speaker_text`` with its char offsets: the actor mention holding ``tok``, else its phrase."""
    if tok is None:
        return {"speaker_text": None}
    for m in st.actor_mentions:
        if m.token_start <= tok.i < m.token_end:
            return {"speaker_text": m.text, "speaker_start": m.start, "speaker_end": m.end}
    start = tok.i
    if tok.pos_ != "PRON":
        start = tok.left_edge.i
        while start < tok.i and (tok.doc[start].is_punct or tok.doc[start].is_space):
            start += 1  # "— Maria Lopez" signs as "Maria Lopez"
    span: Span = tok.doc[start : tok.i + 1]
    return {"speaker_text": span.text, "speaker_start": span.start_char, "speaker_end": span.end_char}


def _paragraph(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


def _boilerplate_chars(doc: Doc, st: ArticleState) -> list[tuple[int, int]]:
    sents = list(doc.sents)
    return [(sents[k].start_char, sents[k].end_char) for k in st.boilerplate_sentences if k < len(sents)]
