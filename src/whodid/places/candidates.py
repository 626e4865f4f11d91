"""Finding the spans of a ``Doc`` that may be toponyms.

Three sources, in order of trust: spaCy's GPE/LOC/FAC entities; proper-noun sequences inside entities
the small model mislabels ("24 Hong Kong" tagged PERCENT); and proper-noun sequences outside any entity
that name a country, region, sea or major city exactly ("the Red Sea" when it was not tagged).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, Protocol

from spacy.tokens import Doc, Span, Token

from whodid.nlp.boilerplate import COLON_DATELINE, text_head
from whodid.nlp.view import view
from whodid.places.tables import (
    read_given_names,
    read_name_heads,
    read_organization_words,
    read_word_list,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Numbers, dates and amounts swallow a following toponym ("24 Hong Kong", "Monday Kabul"): look inside.
SCAN_INSIDE_LABELS = frozenset({"PERCENT", "CARDINAL", "MONEY", "QUANTITY", "ORDINAL", "DATE", "TIME"})
# Names of people and organizations: the toponyms inside them are not places ("Washington Post").
NON_PLACE_NAME_LABELS = frozenset({"PERSON", "ORG"})
MAX_TOKENS = 6
# Lower-case words allowed inside a multi-word toponym ("Gulf of Aden", "Bosnia and Herzegovina").
CONNECTORS = frozenset({"of", "and", "the", "de", "-", "&", "al", "el", "du", "da", "do"})
DETERMINERS = frozenset({"the"})
# A GPE that starts with a title is a mislabelled person ("Ms Raggi").
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "sen", "gov", "rep", "gen", "col", "sgt", "lt", "capt", "prof"}
)
# "the West", "the North": directions tagged GPE are not named places of the gazetteer's kind.
COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
    | {"northeast", "northwest", "southeast", "southwest"}
)
STRONG_KINDS = frozenset({"country", "region", "major-city", "county"})
# Countries and regions inside the names of organizations and facilities are toponyms too
# ("the Minnesota House", "Texas A&M University"); cities there stay part of the name ("Boston Celtics").
AREA_KINDS = frozenset({"country", "region"})
NAME_HEADS = read_name_heads()
INSIDE_NAME_KINDS = AREA_KINDS | {"major-city", "county"}
# Sources that do not make a name a place for the rest of the article.
_NO_DISCOURSE_SOURCES = frozenset({"demonym", "inside-name", "subtoken", "abbreviation"})
INSIDE_NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
MAX_DEMONYM_TOKENS = 3
MAX_DATELINE_TOKENS = 5
DASHES = frozenset({"—", "--", "–", "-"})
# Words after which a capitalised name the gazetteer has as a town of any size is that town.
TOWN_CUES = frozenset({"in", "near", "outside"})
TOWN_KINDS = frozenset({"city", "small-town", "county", "region", "country"})
# Where a name known only as a small town counts as a place for the rest of the article.
_SMALL_TOWN_SEEDS = frozenset({"town", "dateline"})
TOWN_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
NOT_TOWNS = read_word_list("not_towns.txt")
GIVEN_NAMES = read_given_names()
STREET_WORDS = read_word_list("street_words.txt")
ORGANIZATION_WORDS = read_organization_words()
TOWN_FOLLOWERS = read_word_list("town_followers.txt")
# "Americans", "Cubans": the people, not their country (the gold standards mostly leave them out).
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_COUNTRY_OR_REGION = frozenset({"country", "region"})


class Names(Protocol):
    """What the finder needs from a gazetteer to decide whether a string is a place name."""

    def kinds(self, name: str) -> frozenset[str]: ...

    def demonym(self, name: str) -> str | None: ...

    def abbreviation(self, text: str) -> str | None: ...


class Candidate(NamedTuple):
    """A candidate toponym: token range, char range (may be inside a token: "U.S.-China")."""

    token_start: int
    token_end: int
    start: int
    end: int
    text: str
    source: str  # entity, mislabelled, inside-entity, inside-name, proper-noun, subtoken, town, demonym


def _is_capitalized(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper()


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and trailing punctuation or possessives from a token range."""
    while start < end and doc[start].lower_ in DETERMINERS:
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _candidate(doc: Doc, start: int, end: int, source: str) -> Candidate:
    span = doc[start:end]
    return Candidate(start, end, span.start_char, span.end_char, span.text, source)


def _runs(start: int, end: int, blocked: set[int], doc: Doc) -> Iterator[tuple[int, int]]:
    """Maximal sub-ranges without blocked tokens or commas ("Springfield, Illinois" is two places)."""
    run_start = start
    texts = view(doc).texts
    for i in range(start, end + 1):
        if i == end or i in blocked or texts[i] == ",":
            if i > run_start:
                yield run_start, i
            run_start = i + 1


def _longest_match(
    doc: Doc, i: int, limit: int, names: Names, accept: frozenset[str], blocked: set[int]
) -> int:
    """End of the longest toponym starting at token ``i`` (before ``limit``), or ``i`` if none."""
    v = view(doc)
    caps, lower = v.capitalized, v.lower
    for end in range(min(limit, i + MAX_TOKENS), i, -1):
        if not caps[end - 1] or any(t in blocked for t in range(i, end)):
            continue
        if any(not caps[k] and lower[k] not in CONNECTORS for k in range(i + 1, end - 1)):
            continue
        if names.kinds(v.span_text(i, end)) & accept:
            return end
    return i


def scan(
    doc: Doc, start: int, end: int, names: Names, accept: frozenset[str], blocked: set[int], source: str
) -> list[Candidate]:
    """Toponyms (of the ``accept`` kinds) among the proper nouns of a token range, longest first."""
    found: list[Candidate] = []
    v = view(doc)
    i = start
    while i < end:
        if i in blocked or not v.capitalized[i] or v.tokens[i].pos_ not in ("PROPN", "NOUN", "ADJ"):
            i += 1
            continue
        match_end = _longest_match(doc, i, end, names, accept, blocked)
        if match_end > i and _plausible(doc, i, match_end):
            found.append(_candidate(doc, i, match_end, source))
            i = match_end
        else:
            found.extend(_subtokens(doc, i, names, source))
            i += 1
    return found


def _plausible(doc: Doc, start: int, end: int) -> bool:
    # A one-word match outside an entity must be tagged a proper noun: "Nice" the adjective, "Chad"
    # a sentence-initial common word tagged NN, and abbreviations like "Ill." stay out.
    # Dotted initials ("U.S.", "S.C.") are names; a one-dot abbreviation ("Ga.") only after "Town,".
    if end - start > 1:
        return True
    token = doc[start]
    if token.text.count(".") >= 2:
        return True
    if token.text.endswith(".") and len(token.text) <= 6:
        return start >= 2 and doc[start - 1].text == "," and _is_capitalized(doc[start - 2])
    return token.pos_ == "PROPN"


def _subtokens(doc: Doc, i: int, names: Names, source: str) -> Iterator[Candidate]:
    """Toponyms inside a hyphenated token the tokenizer kept whole ("U.S.-China", "U.S.-led")."""
    token = doc[i]
    if "-" not in token.text or token.pos_ != "PROPN":
        return
    offset = token.idx
    for part in token.text.split("-"):
        if part and part[0].isupper() and names.kinds(part) & STRONG_KINDS:
            yield Candidate(i, i + 1, offset, offset + len(part), part, "subtoken")
        offset += len(part) + 1


def find_candidates(doc: Doc, names: Names, exclude_tokens: set[int]) -> list[Candidate]:
    """Candidate toponyms of a doc, sorted and non-overlapping (in token order)."""
    blocked = set(exclude_tokens) - _named_areas(doc, names)
    in_entity: set[int] = set()
    person_words: set[int] = set()  # toponyms that are words of a person's name in an organization's
    # abbreviations first: they win ties with the unknown "IL" the model tagged as a place
    found: list[Candidate] = list(_abbreviated_regions(doc, names)) + list(_demonyms(doc, names))
    for ent in view(doc).ents:
        in_entity.update(range(ent.start, ent.end))
        if ent.label_ not in PLACE_LABELS and ent.label_ not in SCAN_INSIDE_LABELS:
            mislabelled = list(_mislabelled_name(doc, ent, names, blocked))
            found.extend(mislabelled)
            if not mislabelled and ent.label_ in INSIDE_NAME_LABELS and ent[-1].lower_ not in NAME_HEADS:
                for cand in scan(doc, ent.start, ent.end, names, INSIDE_NAME_KINDS, set(), "inside-name"):
                    if _in_person_name(doc, ent, cand, names):
                        person_words.update(range(cand.token_start, cand.token_end))
                    else:
                        found.append(cand)
            blocked.update(range(ent.start, ent.end))
    for ent in view(doc).ents:
        if ent.label_ in PLACE_LABELS:
            found.extend(_from_place_entity(doc, ent, names, blocked))
        elif ent.label_ in SCAN_INSIDE_LABELS:
            found.extend(scan(doc, ent.start, ent.end, names, STRONG_KINDS, blocked, "inside-entity"))
    outside = blocked | in_entity
    i = 0
    while i < len(doc):
        if i in outside:
            i += 1
            continue
        j = i
        while j < len(doc) and j not in outside:
            j += 1
        found.extend(scan(doc, i, j, names, STRONG_KINDS, outside, "proper-noun"))
        i = j
    found.extend(_datelines(doc, names, exclude_tokens))
    found.extend(_towns_after_cues(doc, names, outside))
    found.sort(key=lambda c: (c.start, -c.end))
    surnames = {ent[-1].lower_ for ent in view(doc).ents if ent.label_ == "PERSON" and len(ent) > 1}
    kept = [c for c in _drop_overlaps(found) if not _is_surname(c, doc, surnames, names)]
    kept = _widen_to_longer_names(doc, kept, names)
    again = _same_name_again(doc, kept, names, person_words)
    if not again:
        return kept
    kept = sorted(kept + again, key=lambda c: (c.start, -c.end))
    return [c for c in _drop_overlaps(kept) if not _is_surname(c, doc, surnames, names)]


def _widen_to_longer_names(doc: Doc, cands: list[Candidate], names: Names) -> list[Candidate]:
    """A name inside a longer place name is that longer place: "Little Havana" (a part of Miami), where
    the model tagged only "Havana", is not Havana. The candidate takes in the capitalised words just
    before it when, with them, it is a name the gazetteer has; not a compass word ("North Arlington
    Neighbors" are people of Arlington, Texas, not of North Arlington, New Jersey), and not before a
    street word ("East Washington Street", ``street_words.txt``)."""
    out: list[Candidate] = []
    v = view(doc)
    tokens, lower, caps = v.tokens, v.lower, v.capitalized
    not_name = DETERMINERS | COMPASS
    for cand in cands:
        if cand.source in ("demonym", "abbreviation", "subtoken") or cand.text != v.span_text(
            cand.token_start, cand.token_end
        ):
            out.append(cand)
            continue
        start = cand.token_start
        if cand.token_end < len(doc) and lower[cand.token_end] in STREET_WORDS:
            out.append(cand)  # "Hot Springs Drive" is a street, not the town of Hot Springs
            continue
        floor = max(out[-1].token_end if out else 0, cand.token_end - MAX_TOKENS)
        for first in range(floor, cand.token_start):
            if all(
                caps[k] and tokens[k].is_alpha and lower[k] not in not_name
                for k in range(first, cand.token_start)
            ) and names.kinds(v.span_text(first, cand.token_end)):
                start = first
                break
        out.append(cand if start == cand.token_start else _candidate(doc, start, cand.token_end, cand.source))
    return out


def _in_person_name(doc: Doc, ent: Span, cand: Candidate, names: Names) -> bool:
    """Whether a toponym inside an organization's name is a word of a person's name in it: a given name
    followed by a surname ("George Washington University": neither George nor Washington is a place),
    or the surname after such a given name. A given name that is a country or state ("Georgia
    Whitlock") counts only when the article uses its surname alone elsewhere as a proper noun and never
    in lower case ("Whitlock said"; not "the Georgia Environmental Protection Division" after "Hall
    County Environmental Health", nor "the Georgia School Boards Association" in an article on
    schools)."""
    if cand.token_end - cand.token_start != 1:
        return False
    i = cand.token_start
    if i > ent.start and _starts_person_name(doc, ent, i - 1, names):
        return True
    return _starts_person_name(doc, ent, i, names)


def _starts_person_name(doc: Doc, ent: Span, i: int, names: Names) -> bool:
    """Whether token ``i`` of the entity ``ent`` is a given name followed, inside ``ent``, by a surname."""
    given, after = doc[i], i + 1
    if given.lower_ not in GIVEN_NAMES or after >= ent.end:
        return False
    surname = doc[after]
    if not (_is_capitalized(surname) and surname.is_alpha) or surname.lower_ in ORGANIZATION_WORDS:
        return False
    if not names.kinds(given.text) & _COUNTRY_OR_REGION:
        return True
    if any(t.lower_ == surname.lower_ and t.is_lower for t in doc):
        return False  # "state", "school": a common word, no surname
    return any(
        t.text == surname.text and t.i != after and t.pos_ == "PROPN" and _alone(doc, t.i) for t in doc
    )


def _alone(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a name by itself ("Whitlock said"), with no capitalised word next to it
    ("Hall County Environmental Health" is no use of "Environmental" alone)."""
    before = i > 0 and not doc[i].is_sent_start and _is_capitalized(doc[i - 1])
    after = i + 1 < len(doc) and _is_capitalized(doc[i + 1])
    return not before and not after


def _same_name_again(
    doc: Doc,
    kept: list[Candidate],
    names: Names,
    person_words: set[int] = frozenset(),  # type: ignore[assignment]
) -> list[Candidate]:
    """One sense per article: a gazetteer name found as a place is a place at its other mentions too,
    even where the model tagged it a person or made it part of an organization's name ("Alexandria
    woman", "the Athens Police Department"), but never inside a multi-word person's name, nor where
    it is a word of a person's name in an organization's ("George Washington University" in an
    article that names Washington; ``person_words``)."""
    known: dict[str, set[tuple[str, ...]]] = {}
    v = view(doc)
    for c in kept:
        kinds = names.kinds(c.text) - {"country"}
        if c.source not in _SMALL_TOWN_SEEDS and v.tokens[c.token_start].ent_type_ != "GPE":
            kinds -= {"small-town"}  # "Dow" found once is not the hamlet at every mention
        if c.source not in _NO_DISCOURSE_SOURCES and kinds:
            words = tuple(v.lower[c.token_start : c.token_end])
            known.setdefault(words[0], set()).add(words)
    if not known:
        return []
    taken = {i for c in kept for i in range(c.token_start, c.token_end)}
    in_person = {
        i
        for ent in view(doc).ents
        if ent.label_ == "PERSON" and len(ent) > 1
        for i in range(ent.start, ent.end)
    } | person_words
    added: list[Candidate] = []
    tokens, lower, caps = v.tokens, v.lower, v.capitalized
    for i, word in enumerate(lower):
        if not caps[i]:
            continue  # "WINONA" in a dateline and "Winona" are one name; "reading" is not "Reading"
        for words in sorted(known.get(word, ()), key=len, reverse=True):
            end = i + len(words)
            if end > len(doc) or tuple(lower[i:end]) != words:
                continue
            if any(j in taken or j in in_person for j in range(i, end)):
                continue
            if (
                end < len(doc)
                and caps[end]
                and tokens[end].pos_ == "PROPN"
                and tokens[end].ent_type_ == "PERSON"
            ):
                continue  # "Alexandria Smith"
            added.append(_candidate(doc, i, end, "discourse"))
            taken.update(range(i, end))
            break
    return added


def _datelines(doc: Doc, names: Names, blocked: set[int]) -> Iterator[Candidate]:
    """The place of a dateline: capitals before a dash that opens a paragraph ("SPRINGFIELD --",
    "ST. PARIS —"), any town of the gazetteer; a "Town, State" dateline gives both. Near the top of
    the text, a place and a colon opening a paragraph ("LAHORE: ...", "lucknow: ...") is one too."""
    yield from _colon_datelines(doc, names, blocked)
    for sent in view(doc).sents:
        start = sent.start
        for end in range(start + 1, min(len(doc), start + MAX_DATELINE_TOKENS + 1)):
            if doc[end].text in DASHES:
                break
            if not doc[end].is_upper and doc[end].text != ",":
                end = -1
                break
        else:
            continue
        if end <= start or not doc[start].is_upper or any(i in blocked for i in range(start, end)):
            continue
        for run_start, run_end in _runs(start, end, set(), doc):
            text = doc[run_start:run_end].text
            if names.kinds(text.title()) or names.kinds(text):
                yield _candidate(doc, run_start, run_end, "dateline")


def _colon_datelines(doc: Doc, names: Names, blocked: set[int]) -> Iterator[Candidate]:
    """ "Place:" opening a paragraph near the top, found as the boilerplate stage finds it."""
    for match in COLON_DATELINE.finditer(text_head(doc)):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if (
            span is None
            or len(span) > MAX_DATELINE_TOKENS
            or any(i in blocked for i in range(span.start, span.end))
        ):
            continue
        if names.kinds(span.text.title()) or names.kinds(span.text):
            yield _candidate(doc, span.start, span.end, "dateline")


def _abbreviated_regions(doc: Doc, names: Names) -> Iterator[Candidate]:
    """A state or province abbreviated after "Town,": "Churchill, Man.", "Barrie, Ont.", "LOUISVILLE, KY".

    The tokenizer splits "Man." into "Man" and "."; the model often tags "Que" a person. The candidate
    spans the abbreviation with its period and carries the region's name as its text.
    """
    v = view(doc)
    tokens, texts, caps = v.tokens, v.texts, v.capitalized
    for i in range(2, len(doc)):
        if texts[i - 1] != "," or not caps[i] or not caps[i - 2]:
            continue
        token, before = tokens[i], tokens[i - 2]
        if before.is_punct or not token.is_alpha or len(token) > 5:
            continue
        end = i + 1
        if end < len(doc) and texts[end] == "." and tokens[end].idx == token.idx + len(token):
            end += 1
        elif end < len(doc) and caps[end] and tokens[end].pos_ == "PROPN":
            continue  # "Smith, Ky Jones": the start of a name
        name = names.abbreviation(token.text)
        if name is not None:
            span = doc[i:end]
            yield Candidate(i, end, span.start_char, span.end_char, name, "abbreviation")


def _towns_after_cues(doc: Doc, names: Names, outside: set[int]) -> Iterator[Candidate]:
    """Towns of any size that the model left untagged, after a locative ("in Cookville", "near
    Ravenel"), as a person's home ("Jane Doe of Meadow Grove", "Jane Doe, 38, of Roswell") or before
    a word for its people ("a Winona man", "Alexandria residents": ``town_followers.txt``)."""
    v = view(doc)
    tokens, lower, caps = v.tokens, v.lower, v.capitalized
    followers = {i for i, word in enumerate(lower) if word in TOWN_FOLLOWERS}
    for i in range(len(doc)):
        if not caps[i] or tokens[i].pos_ != "PROPN":
            continue
        prev = lower[i - 1] if i else ""
        cued = prev in TOWN_CUES or (prev == "of" and _after_person(doc, i - 1))
        if not cued and i and caps[i - 1]:
            continue
        if not cued and not any(e in followers for e in range(i + 1, min(len(doc), i + MAX_TOKENS + 1))):
            continue  # no word for its people within reach: whatever the match, it would be dropped below
        end = _longest_match(doc, i, len(doc), names, TOWN_KINDS, set())
        if end <= i or (end < len(doc) and doc[end].pos_ == "PROPN"):
            continue
        if not cued and not (end < len(doc) and doc[end].lower_ in TOWN_FOLLOWERS):
            continue
        if end - i == 1 and doc[i].lower_ in NOT_TOWNS:
            continue
        # the model's entities there must lie inside the name: a mislabelled town ("in Cookville" as
        # an organization) counts, a town cut out of a longer name or of a date does not
        ents = {(t.ent_type_, t.ent_iob_) for t in doc[i:end] if t.ent_type_}
        if i in outside and not ents:
            continue
        if any(label not in TOWN_ENTITY_LABELS for label, _ in ents):
            continue
        if (doc[i].ent_type_ and doc[i].ent_iob_ != "B") or (end < len(doc) and doc[end].ent_iob_ == "I"):
            continue
        yield _candidate(doc, i, end, "town")


def _after_person(doc: Doc, of: int) -> bool:
    """Whether ``of`` follows a person's name, possibly with an age ("Jane Doe, 38, of")."""
    j = of - 1
    if j >= 2 and doc[j].text == "," and doc[j - 1].like_num and doc[j - 2].text == ",":
        j -= 3
    return j >= 0 and doc[j].ent_type_ == "PERSON"


def _named_areas(doc: Doc, names: Names) -> set[int]:
    """Tokens of GPE/LOC entities that name a country, region or US county: a place even inside an actor's
    mention ("Russia's ambassador", "Austin, Texas"), so the actors' exclusion does not cover them."""
    freed: set[int] = set()
    for ent in view(doc).ents:
        if ent.label_ in ("GPE", "LOC"):
            start, end = _trim(doc, ent.start, ent.end)
            if start < end and names.kinds(doc[start:end].text) & (AREA_KINDS | {"county"}):
                freed.update(range(start, end))
    return freed


def _demonyms(doc: Doc, names: Names) -> Iterator[Candidate]:
    """National adjectives and demonyms ("Russian", "Sri Lankans"): mentions of their country.

    Found anywhere except inside a person's name; the longest match wins ("Sri Lankan"); plural
    nouns for the people ("Americans") are left out.
    """
    v = view(doc)
    tokens, caps = v.tokens, v.capitalized
    i = 0
    while i < len(doc):
        if not caps[i] or tokens[i].ent_type_ == "PERSON":
            i += 1
            continue
        for end in range(min(len(doc), i + MAX_DEMONYM_TOKENS), i, -1):
            if (
                all(caps[i:end])
                and tokens[end - 1].tag_ not in PLURAL_TAGS
                and names.demonym(v.span_text(i, end))
            ):
                yield _candidate(doc, i, end, "demonym")
                i = end
                break
        else:
            i += 1


def _is_surname(cand: Candidate, doc: Doc, surnames: set[str], names: Names) -> bool:
    """Whether a one-word name ends a person's name: "coach Ripley" after "Darren Ripley" is him.

    A country name keeps its country reading unless the model also tagged this very token a person; a
    state or province keeps it where the model tagged this token a place.
    """
    if cand.token_end - cand.token_start != 1 or cand.text.lower() not in surnames:
        return False
    token = doc[cand.token_start]
    kinds = names.kinds(cand.text)
    if "region" in kinds and token.ent_type_ in ("GPE", "LOC"):
        return False  # "in Wisconsin" stays the state after a run-on "Trump - Wisconsin" person
    return token.ent_type_ == "PERSON" or "country" not in kinds


def _from_place_entity(doc: Doc, ent: Span, names: Names, blocked: set[int]) -> Iterator[Candidate]:
    for run_start, run_end in _runs(ent.start, ent.end, blocked, doc):
        start, end = _trim(doc, run_start, run_end)
        if start >= end:
            continue
        if names.kinds(doc[start:end].text):
            yield _candidate(doc, start, end, "entity")
            continue
        if start > run_start and names.kinds(doc[run_start:end].text):
            # "The Hague": the article belongs to the name
            yield _candidate(doc, run_start, end, "entity")
            continue
        inner = scan(doc, start, end, names, STRONG_KINDS, blocked, "entity")
        if inner:
            yield from inner
        elif ent.label_ != "FAC" and _looks_like_name(doc, start, end):
            yield _candidate(doc, start, end, "entity")


def _looks_like_name(doc: Doc, start: int, end: int) -> bool:
    """An unknown GPE/LOC is reported (unresolved) only if it looks like a proper name, not "Chinese"."""
    tokens = doc[start:end]
    if not _is_capitalized(tokens[0]) or any(t.like_num for t in tokens):
        return False
    if tokens[0].lower_.rstrip(".") in HONORIFICS or (len(tokens) == 1 and tokens[0].lower_ in COMPASS):
        return False
    return not all(t.tag_ in ("JJ", "JJR", "JJS", "NNPS") for t in tokens)


def _mislabelled_name(doc: Doc, ent: Span, names: Names, blocked: set[int]) -> Iterator[Candidate]:
    """A whole non-place entity that is exactly a toponym: the small model tags "Edmonton" ORG, "Aleppo" NORP.

    A multi-word person keeps a name unless it is a country or region; a one-word "person" that is a
    major city usually is the city ("Kherson"), and the actor stage excludes the real people. Names
    that merely contain a toponym stay theirs ("Gainesville Police").
    """
    if any(i in blocked for i in range(ent.start, ent.end)):
        return
    start, end = _trim(doc, ent.start, ent.end)
    if start >= end:
        return
    kinds = names.kinds(doc[start:end].text)
    if kinds & _COUNTRY_OR_REGION:
        yield _candidate(doc, start, end, "entity")
    elif "major-city" in kinds and (ent.label_ != "PERSON" or len(ent) == 1):
        yield _candidate(doc, start, end, "mislabelled")


def _drop_overlaps(found: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for cand in found:
        if kept and cand.start < kept[-1].end:
            continue
        kept.append(cand)
    return kept
