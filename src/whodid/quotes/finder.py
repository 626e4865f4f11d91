"""The quotation stage: direct, partial and indirect quotations with their speakers.

Speakers come from the cue ("said Ms Roe", "she told reporters", "Roe replied,"); a quotation with no
cue continues the previous quotation's speaker in the paragraph, or the last speaker of the previous
paragraph when it opens one. First-person pronouns inside a quotation refer to its speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from whodid.data_files import data_lines
from whodid.nlp.spans import SpanIndex
from whodid.nlp.state import ActorMention, ArticleState, Quote, state
from whodid.nlp.view import view

OPENING_MARKS = "\u201c\u00ab\u201e\u201f"  # “ « „ ‟
CLOSING_MARKS = "\u201d\u00bb"  # ” »
DOUBLE_MARKS = frozenset(OPENING_MARKS + CLOSING_MARKS + '"')
_TAG = re.compile(r"<[^<>\n]{1,400}>")
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
SECOND_PERSON = frozenset({"you", "your"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CUE_WINDOW = 80  # characters around a direct quotation searched for its cue


@dataclass
class _Span:
    start: int  # content start (after the opening mark)
    end: int
    open_at: int
    close_at: int  # the closing mark, or the end of the paragraph when the quotation runs on
    closed: bool = True


def load_cues(name: str = "cues.txt") -> frozenset[str]:
    """The speech-verb lemmas of ``data/quotes/<name>`` (default: the general speech verbs)."""
    return frozenset(data_lines("quotes", name))


def load_quote_cues() -> frozenset[str]:
    """Every verb that can introduce a quotation: the speech verbs and ``quote_cues.txt``."""
    return load_cues() | load_cues("quote_cues.txt")


class QuoteFinder:
    """Pipeline stage: fills ``quotes`` and links first-person pronouns in them to the speaker."""

    name = "quotes"
    requires: tuple[str, ...] = (
        "parser",
        "actors",
        "actor_mentions",
        "token_actors",
        "boilerplate_sentences",
    )
    assigns: tuple[str, ...] = ("quotes", "token_actors")

    def __init__(self, cues: frozenset[str] | None = None) -> None:
        self.cues = cues if cues is not None else load_quote_cues()
        self.title_words = load_cues("title_words.txt")

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        text = view(doc).text  # Doc.text is rebuilt on every access: read it once
        spans = find_quote_spans(text)
        bad_sents = SpanIndex(_boilerplate_chars(doc, st), start=lambda b: b[0], end=lambda b: b[1])
        mentions = SpanIndex(st.actor_mentions, start=lambda m: m.token_start, end=lambda m: m.token_end)
        paragraphs = _paragraph_starts(text)
        prev: Quote | None = None  # the last quotation with a speaker
        prev_para = -1
        for qs in spans:
            if bad_sents.at(qs.start) is not None or qs.end <= qs.start:
                continue
            quote = self._quote(doc, st, qs, text, mentions)
            para = _paragraph(paragraphs, qs.start)
            unattributed = quote.cue is None and quote.speaker_actor is None and quote.speaker_text is None
            if unattributed and quote.kind == "direct" and prev is not None and prev_para in (para, para - 1):
                quote.speaker_actor, quote.speaker_text = prev.speaker_actor, prev.speaker_text
                quote.speaker_start, quote.speaker_end = prev.speaker_start, prev.speaker_end
                quote.rule, quote.confidence = "quote:continuation", 0.6
            if quote.kind == "partial" and (quote.cue is None or _is_title(quote.text, self.title_words)):
                continue  # a fragment in marks that no verb says is said, or a name or title in capitals
            if quote.speaker_actor or quote.speaker_text:
                prev, prev_para = quote, para
            self._link_first_person(doc, st, quote)
            self._link_second_person(doc, st, quote)
            st.quotes.append(quote)
        self._indirect(doc, st, spans, text, mentions)
        return doc

    # ---------------------------------------------------------------- one quotation
    def _quote(
        self, doc: Doc, st: ArticleState, qs: _Span, full: str, mentions: SpanIndex[ActorMention]
    ) -> Quote:
        text = full[qs.start : qs.end]
        kind = "direct" if _is_direct(full, qs) else "partial"
        cue: Token | None
        if kind == "partial":
            cue = self._governing_cue(doc, qs) or self._nearby_cue(doc, qs, full)
        else:
            cue = self._nearby_cue(doc, qs, full) or self._governing_cue(doc, qs)
        speaker = _speaker_of(cue, qs) if cue is not None else None
        if cue is not None and speaker is None and cue.idx > qs.close_at:
            speaker = _inverted_subject(cue)  # "...,” said Skelly: parsed as an object
        actor = _actor_of(st, speaker) if speaker is not None else None
        if cue is not None and actor is None and speaker is None:
            speaker, actor = _nearest_actor_before(st, cue, qs, mentions)
        rule = "quote:cue" if cue is not None else "quote:no-cue"
        if cue is None:
            # "Rubio fired back: “...”", else "Ana Ruiz, 34, teacher: “...”" or a signature
            speaker = _colon_clause_speaker(doc, full, qs) or _colon_speaker(doc, full, qs)
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
            **_speaker_fields(speaker, mentions),
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
        after: list[Token] = []
        if qs.closed:
            after = _until_boundary(
                _tokens_in(doc, qs.close_at + 1, min(len(full), qs.close_at + 1 + CUE_WINDOW))
            )
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

    def _link_second_person(self, doc: Doc, st: ArticleState, quote: Quote) -> None:
        """'"You are wrong," X told Y': "you" in a quotation told to someone is that listener; not
        the press, whom a speaker addresses as a stand-in for the public, nor an audience (a crowd,
        voters, a congregation), to whom "you" is anyone."""
        if quote.cue_token is None:
            return
        cue = doc[quote.cue_token]
        listeners = [
            a
            for c in cue.children
            if c.dep_ in ("dobj", "dative") and not quote.start <= c.idx < quote.end
            for a in st.token_actors.get(c.i, [])
            if st.actors[a].sector != "MED"
            and st.actors[a].kind in ("person", "organization", "state")
            and a != quote.speaker_actor
        ]
        if len(set(listeners)) != 1:
            return
        for t in _tokens_in(doc, quote.start, quote.end):
            if t.lower_ in SECOND_PERSON and t.pos_ == "PRON":
                st.token_actors.setdefault(t.i, [listeners[0]])

    # ---------------------------------------------------------------- reported speech
    def _indirect(
        self, doc: Doc, st: ArticleState, spans: list[_Span], full: str, mentions: SpanIndex[ActorMention]
    ) -> None:
        """ "X said (that) ..." with no quotation marks: an indirect quotation of the clause.

        A clause holding a quoted fragment ("said the plan was “a disgrace” to the city") is reported
        speech too; one that is mostly a quotation, or overlaps a full quoted sentence, is not repeated.
        """
        partial = {(q.start, q.end) for q in st.quotes if q.kind == "partial"}
        quoted = SpanIndex(
            [(s.open_at, s.close_at + 1, (s.start, s.end) in partial) for s in spans],
            start=lambda q: q[0],
            end=lambda q: q[1],
        )
        for tok, speaker, start, end, rule in self._reported(doc):
            inside = quoted.overlapping(start, end)
            if any(not frag for _, _, frag in inside):
                continue
            if 2 * sum(min(b, end) - max(a, start) for a, b, _ in inside) > end - start:
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
                    **_speaker_fields(speaker, mentions),
                    rule=rule,
                    confidence=0.6 if actor else 0.3,
                )
            )
        st.quotes.sort(key=lambda q: q.start)

    def _reported(self, doc: Doc) -> Iterator[tuple[Token, Token, int, int, str]]:
        """(cue, speaker, start, end, rule) of each reported clause: "X said (that) ...", and the
        clause that "according to X" qualifies."""
        for tok in view(doc).tokens:
            if tok.lemma_ in self.cues and tok.pos_ == "VERB":
                comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
                if comp is None:
                    found = _parenthetical(tok)
                    if found is not None:
                        yield tok, *found, "quote:parenthetical-speech"
                    continue
                toks = sorted(comp.subtree, key=lambda t: t.i)
                start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                speaker = _speaker_of(tok, _Span(start, end, start, end))
                if speaker is not None:
                    yield tok, speaker, start, end, "quote:reported-speech"
            elif tok.lower_ == "according":
                found = _according_to(tok)
                if found is not None:
                    yield tok, *found, "quote:according-to"


# what a parenthetical "X said" may carry besides its speaker: "he told me on Friday", "she said later"
_PARENTHETICAL_DEPS = frozenset({"nsubj", "aux", "advmod", "npadvmod", "prep", "dative", "punct", "neg"})


def _parenthetical(tok: Token) -> tuple[Token, int, int] | None:
    """ "Acts of protest, X said, are acts of patriotism": a speech verb set off by commas inside
    the clause it reports (a ``parataxis`` of that clause's verb, with a subject and no complement of
    its own), attached to the sentence's main verb or to its subject. The reported speech is the
    sentence around it, the parenthetical included (a quote is one span); both sides carry words."""
    root = tok.sent.root
    if tok.dep_ != "parataxis" or not (
        tok.head == root or (tok.head.head == root and tok.head.dep_ == "nsubj")
    ):
        return None  # inside a relative or subordinate clause, it reports that clause alone
    speaker = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.i > tok.i + 1:
        return None
    for c in tok.children:
        addressee = c.dep_ == "dobj" and (c.pos_ == "PRON" or tok.lemma_ == "tell")  # "told reporters"
        if c.dep_ not in _PARENTHETICAL_DEPS and not addressee:
            return None
    phrase = sorted(tok.subtree, key=lambda t: t.i)
    doc, sent = tok.doc, tok.sent
    first = phrase[0].i
    if phrase[0].is_punct:
        first += 1
    before = doc[first - 1] if first > sent.start else None
    if before is None or before.text != ",":
        return None  # not set off by a comma: "He said so", a new clause
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    left = [t for t in words if t.i < first]
    right = [t for t in words if t.i > phrase[-1].i]
    if len(left) < 2 or len(left) + len(right) < 5:
        return None
    return speaker, words[0].idx, words[-1].idx + len(words[-1].text)


def _according_to(tok: Token) -> tuple[Token, int, int] | None:
    """ "X happened, according to Y": Y and the larger side of the sentence around the phrase."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None or source.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    phrase = sorted({*tok.subtree, *to.subtree}, key=lambda t: t.i)
    sent = tok.sent
    sides = [
        [t for t in sent if t.i < phrase[0].i],
        [t for t in sent if t.i > phrase[-1].i],
    ]
    best: tuple[int, int] | None = None
    for side in sides:
        words = [t for t in side if not (t.is_punct or t.is_space)]
        if len(words) < 3:
            continue
        span = (words[0].idx, words[-1].idx + len(words[-1].text))
        if best is None or span[1] - span[0] > best[1] - best[0]:
            best = span
    if best is None:
        return None
    return source, best[0], best[1]


def find_quote_spans(text: str) -> list[_Span]:
    """Quotations in double marks of any style, paired within a paragraph (a line).

    Each mark is an opening or a closing one by its own shape, else by its neighbours (a straight
    quote after a space opens, before one closes), else it alternates. Curly and straight marks pair
    with each other (“...," is common). A quotation still open at the end of its paragraph runs to it
    when it opened the paragraph or followed a colon (a quotation continued over several paragraphs);
    otherwise the stray mark is ignored. Marks inside markup tags (``<tweet id="...">``) are not quotes.
    """
    out: list[_Span] = []
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text)]
    line_start = 0
    n = len(text)
    while line_start <= n:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = n
        _line_spans(text, line_start, line_end, tags, out)
        line_start = line_end + 1
    return out


def _line_spans(text: str, lo: int, hi: int, tags: list[tuple[int, int]], out: list[_Span]) -> None:
    """The quotations of one paragraph; a quotation inside a quotation is part of it, not another."""
    stack: list[int] = []  # opening marks not yet closed, outermost first
    inner: list[tuple[int, int]] = []  # pairs closed inside an open quotation
    for i in range(lo, hi):
        ch = text[i]
        if ch not in DOUBLE_MARKS or any(a < i < b for a, b in tags):
            continue
        role = _role(text, i, lo, hi)
        if role == "open" or (role == "either" and not stack):
            stack.append(i)
        elif stack:
            open_at = stack.pop()
            if stack:
                inner.append((open_at, i))
            else:
                _add(text, open_at, i, out, closed=True)
                inner.clear()
    if not stack:
        return
    k = stack[0] - 1
    while k >= lo and text[k] in " \t":
        k -= 1
    if k < lo or text[k] == ":":  # continued in the next paragraph
        _add(text, stack[0], hi, out, closed=False)
        return
    for open_at, close_at in inner:  # the outer mark was a stray one
        _add(text, open_at, close_at, out, closed=True)


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """Whether the mark at ``i`` opens, closes, or could do either."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    space_before = prev.isspace() or prev in "([{\u2014\u2013-/"
    space_after = nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013"
    if ch in OPENING_MARKS:
        return "close" if space_after and not space_before else "open"
    if ch in CLOSING_MARKS:
        return "open" if space_before and not space_after else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _add(text: str, open_at: int, close_at: int, out: list[_Span], *, closed: bool) -> None:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(_Span(start, end, open_at, close_at, closed))


def _is_direct(text: str, qs: _Span) -> bool:
    """A full quoted sentence: capitalised, and opened after a sentence boundary, colon or comma."""
    content = text[qs.start : qs.end].lstrip("[(.\u2026 ")
    if not content or not (content[0].isupper() or content[0].isdigit()) or len(content.split()) < 3:
        return False
    k = qs.open_at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in "\n.:,;?!"


def _is_title(text: str, small: frozenset[str]) -> bool:
    """A short run of capitalised words ("Balanced Rebellion", "State of the Union"): a name or title."""
    words = [w.strip(".,;:!?()[]'\"\u2018\u2019") for w in text.replace("-", " ").split()]
    words = [w for w in words if any(c.isalpha() for c in w)]
    if not words or len(words) > 8:
        return False
    return all(w[0].isupper() or w.lower() in small for w in words) and any(w[0].isupper() for w in words)


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _until_boundary(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        if t.text in DOUBLE_MARKS or "\n" in t.text or (t.is_sent_start and out and t.text[0].isupper()):
            break
        out.append(t)
    return out


def _since_boundary(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in reversed(tokens):
        if t.text in DOUBLE_MARKS or "\n" in t.text or t.text in (".", "?", "!"):
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


def _nearest_actor_before(
    st: ArticleState, cue: Token, qs: _Span, mentions: SpanIndex[ActorMention]
) -> tuple[Token | None, str | None]:
    """A cue the parser left without a subject: the nearest person (else organization) before it."""
    sent = cue.sent
    best: dict[str, tuple[int, str]] = {}
    for m in mentions.starting_in(sent.start, cue.i):
        if qs.start <= m.start < qs.end:
            continue
        kind = st.actors[m.actor_id].kind
        if kind not in best or m.token_start > best[kind][0]:
            best[kind] = (m.token_start, m.actor_id)
    for kind in ("person", "organization"):
        if kind in best:
            i, actor = best[kind]
            return cue.doc[i], actor
    return None, None


def _inverted_subject(cue: Token) -> Token | None:
    """The noun phrase right after a cue that follows its quotation ("...,” said Ann Lee, a nurse)."""
    k = cue.i + 1
    doc = cue.doc
    while k < len(doc) and (doc[k].is_space or doc[k].dep_ in ("advmod", "prt")) and k <= cue.i + 2:
        k += 1
    if k >= len(doc):
        return None
    tok = doc[k]
    if tok.pos_ not in ("PROPN", "NOUN", "DET", "ADJ") or tok.ent_type_ in ("DATE", "TIME"):
        return None
    for _ in range(4):
        if tok.dep_ in ("compound", "det", "amod", "nmod", "poss", "nummod") and tok.head.i > tok.i:
            tok = tok.head
    if tok.pos_ not in ("PROPN", "NOUN") or tok.ent_type_ in ("DATE", "TIME"):
        return None
    return tok


def _colon_clause_speaker(doc: Doc, text: str, qs: _Span) -> Token | None:
    """A quotation after a clause ending in a colon ("Rubio fired back:", "The party said in a
    statement:" closing the paragraph before a block quotation): the subject of that clause's verb."""
    k = qs.open_at - 1
    while k >= 0 and text[k] in " \t\n":
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    tok = colon[0]
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.i < colon[0].i:
            return _speaker_of(tok, qs)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _colon_speaker(doc: Doc, text: str, qs: _Span) -> Token | None:
    """A quotation introduced by "Name:" or signed "— Name" after it, with no speech verb."""
    k = qs.open_at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k >= 0 and text[k] == ":":
        line_start = text.rfind("\n", 0, k) + 1
        return _first_person_name(doc, _tokens_in(doc, line_start, k))
    if not qs.closed:
        return None
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


def _speaker_fields(tok: Token | None, mentions: SpanIndex[ActorMention]) -> dict[str, Any]:
    """``speaker_text`` with its char offsets: the actor mention holding ``tok``, else its phrase."""
    if tok is None:
        return {"speaker_text": None}
    m = mentions.at(tok.i)
    if m is not None:
        return {"speaker_text": m.text, "speaker_start": m.start, "speaker_end": m.end}
    start = tok.i
    if tok.pos_ != "PRON":
        start = tok.left_edge.i
        while start < tok.i and (tok.doc[start].is_punct or tok.doc[start].is_space):
            start += 1  # "— Maria Lopez" signs as "Maria Lopez"
    span: Span = tok.doc[start : tok.i + 1]
    return {"speaker_text": span.text, "speaker_start": span.start_char, "speaker_end": span.end_char}


def _paragraph_starts(text: str) -> list[int]:
    """Where each non-empty line starts (blank lines between paragraphs do not count)."""
    starts, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
        pos += len(line) + 1
    return starts


def _paragraph(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1


def _boilerplate_chars(doc: Doc, st: ArticleState) -> list[tuple[int, int]]:
    sents = view(doc).sents
    return [(sents[k].start_char, sents[k].end_char) for k in st.boilerplate_sentences if k < len(sents)]
