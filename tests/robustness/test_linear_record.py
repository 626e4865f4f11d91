"""Issue 14, item 1, the record's part: turning a coded article into its JSON object reads each actor
mention once, not once per actor (a 5 MB article has tens of thousands of both)."""

from __future__ import annotations

from whodid.nlp.state import Actor, ActorMention
from whodid.record import ArticleRecord


class CountingMention(ActorMention):
    """An ``ActorMention`` that counts how often its actor is asked for."""

    reads = 0

    def __getattribute__(self, name: str) -> object:
        if name == "actor_id":
            CountingMention.reads += 1
        return super().__getattribute__(name)


def test_each_mention_is_read_once_whatever_the_number_of_actors() -> None:
    actors = tuple(
        Actor(id=f"a{i}", name=f"Person {i}", kind="person", country=None, sector=None) for i in range(300)
    )
    mentions = tuple(
        CountingMention(
            actor_id=f"a{i % 300}", token_start=i, token_end=i + 1, start=2 * i, end=2 * i + 1, text="x"
        )
        for i in range(900)
    )
    record = ArticleRecord("id", None, None, None, None, actors, mentions, (), (), (), ())
    CountingMention.reads = 0
    data = record.to_dict()
    assert CountingMention.reads <= 2 * len(mentions)  # it was len(actors) * len(mentions): 270,000
    assert [len(a["mentions"]) for a in data["actors"]] == [3] * 300
    assert [m["start"] for m in data["actors"][7]["mentions"]] == [14, 614, 1214]  # in text order
