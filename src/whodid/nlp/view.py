"""What spaCy builds anew on every access of a ``Doc``, built once per article and shared by the stages.

``doc.text`` joins every token's text on each access, ``doc.ents`` makes a new tuple of new ``Span``s,
``doc.sents`` walks every token, and ``doc[i]`` and ``for t in doc`` make a new ``Token`` object each
time. The stages read these many times per article; :func:`view` gives them one ``DocView`` per
article, kept on the article state (``ArticleState.view``) while the stages run and dropped by
``Pipeline.run_stages`` when they are done (its ``Span``s and ``Token``s point back at the ``Doc``).
A ``Doc`` without whodid state (a finder called on its own) keeps its view in ``doc.user_data``.
Stages do not change the ``Doc``'s tokens, entities or sentences, so what is read once stays true.

>>> import spacy
>>> doc = spacy.blank("en")("Rain fell in Oslo.")
>>> v = DocView(doc)
>>> v.text == doc.text, v.texts[:2], v.capitalized[:2], v.span_text(2, 4), v.ents
(True, ['Rain', 'fell'], [True, False], 'in Oslo', ())
"""

from __future__ import annotations

from functools import cached_property
from typing import cast

from spacy.tokens import Doc, Span, Token

from whodid.nlp.state import ArticleState


class DocView:
    """The text, entities, sentences and tokens of one ``Doc``, each built at its first use."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        return tuple(self.doc.ents)

    @cached_property
    def sents(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def tokens(self) -> list[Token]:
        return list(self.doc)

    @cached_property
    def texts(self) -> list[str]:
        """Each token's text."""
        return [t.text for t in self.tokens]

    @cached_property
    def lower(self) -> list[str]:
        """Each token's lowercase text (``Token.lower_``)."""
        return [t.lower_ for t in self.tokens]

    @cached_property
    def capitalized(self) -> list[bool]:
        """Whether each token's text starts with a capital letter."""
        return [bool(text) and text[0].isupper() for text in self.texts]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the ``Span``: the text from the first token's
        start to the last token's end."""
        if end <= start:
            return ""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx : last.idx + len(self.texts[end - 1])]


# where spaCy keeps ``doc._.whodid``: read there, the state costs a dict look-up, where ``doc._`` builds
# an ``Underscore`` object first (as costly as a ``Span``), and stage helpers call ``view`` often
_STATE_KEY = ("._.", "whodid", None, None)


# where the view of a Doc without whodid state is kept (a finder called on a plain Doc)
_VIEW_KEY = ("whodid", "view", None, None)


def view(doc: Doc) -> DocView:
    """The article's shared ``DocView``: on its whodid state, or for a ``Doc`` without one (a stage's
    finder called on its own), in ``doc.user_data``, so that a finder reads the text once there too."""
    user_data = cast("dict[object, object]", doc.user_data)  # spaCy types its keys as str
    st = user_data.get(_STATE_KEY)
    if isinstance(st, ArticleState):
        if st.view is None or st.view.doc is not doc:
            st.view = DocView(doc)
        return st.view
    kept = user_data.get(_VIEW_KEY)
    if isinstance(kept, DocView) and kept.doc is doc:
        return kept
    fresh = user_data[_VIEW_KEY] = DocView(doc)
    return fresh
