"""The place stage: ``PlaceFinder`` over a parsed ``Doc``; the article's actors weigh ambiguous names."""

from __future__ import annotations

from spacy.tokens import Doc

from whodid.nlp.state import state
from whodid.places.finder import PlaceFinder


class PlaceStage:
    """Pipeline stage: toponyms resolved to places; words that name people or bodies are not places."""

    name = "places"
    requires: tuple[str, ...] = ("ner", "actors", "actor_mentions", "non_place_tokens")
    assigns: tuple[str, ...] = ("places",)

    def __init__(self, finder: PlaceFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        weights: dict[str, float] = {}
        for m in st.actor_mentions:
            country = st.actors[m.actor_id].country
            # an actor named by a bare country name ("Syria agreed") is a toponym the finder weighs
            # itself; counted here too it would vouch for its own reading ("Syria, Virginia")
            if country and not self.finder.is_country_name(m.text):
                weights[country] = weights.get(country, 0.0) + 1.0
        st.places = self.finder.find(doc, exclude_tokens=st.non_place_tokens, context_countries=weights)
        return doc
