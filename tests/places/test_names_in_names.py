"""A place name inside a longer name, and a world city against a small namesake.

"Little Havana" is a part of Miami, not Havana; "George Washington University" names a person, not a
town called George; "Georgia Whitlock" is a woman, not a country; "Geneva" in a story about other
countries is Geneva, Switzerland, not a small US town of that name, unless the article says otherwise.
Made-up sentences, real model and gazetteer, the whole pipeline (the actors' countries weigh the
places as they do in a run).
"""

from __future__ import annotations

from whodid.pipeline import Pipeline
from whodid.record import ArticleRecord


def _places(record: ArticleRecord) -> dict[str, tuple[str | None, str | None]]:
    """Each place mention's text -> (name, country) of its reading."""
    return {p.text: (p.place.name, p.place.country) if p.place else (None, None) for p in record.places}


def test_little_havana_is_the_miami_neighbourhood_not_havana(pipeline: Pipeline) -> None:
    record = pipeline.code(
        "Crowds gathered outside the Little Havana home where the boy has lived since November. "
        "The talk on Little Havana's streets turned to his father, who flew in from Cuba."
    )
    found = _places(record)
    assert "Havana" not in found
    assert found["Little Havana"] == ("Little Havana", "USA")
    assert [p.text for p in record.places if "Havana" in p.text] == ["Little Havana", "Little Havana"]


def test_havana_alone_is_still_havana(pipeline: Pipeline) -> None:
    found = _places(pipeline.code("Crowds marched through the streets of Havana on Friday."))
    assert found["Havana"] == ("Havana", "CUB")


def test_a_person_in_an_organization_name_is_no_place(pipeline: Pipeline) -> None:
    record = pipeline.code(
        "A professor at George Washington University said the sanctions would fail. "
        "Protesters marched to George Washington University on Friday."
    )
    assert [p.text for p in record.places] == []


def test_a_state_in_an_organization_name_is_still_a_place(pipeline: Pipeline) -> None:
    record = pipeline.code("The Texas A&M University team won, and the Minnesota House passed the bill.")
    assert _places(record) == {"Texas": ("Texas", "USA"), "Minnesota": ("Minnesota", "USA")}


def test_a_woman_named_georgia_is_no_country(pipeline: Pipeline) -> None:
    record = pipeline.code(
        "Georgia Whitlock said the school board would vote on Tuesday. "
        "Whitlock, a teacher, has lived in Ohio for years."
    )
    assert _places(record) == {"Ohio": ("Ohio", "USA")}


def test_geneva_in_an_international_story_is_in_switzerland(pipeline: Pipeline) -> None:
    record = pipeline.code(
        "The Russian and American envoys met in Geneva on Thursday to discuss a ceasefire in Syria."
    )
    assert _places(record)["Geneva"] == ("Geneva", "CHE")


def test_geneva_in_a_story_from_washington_is_in_switzerland(pipeline: Pipeline) -> None:
    record = pipeline.code(
        "Iraq called for an emergency Security Council meeting in Geneva to discuss its dispute with "
        "Kuwait, officials in Washington said. Iraqi diplomats said Iraq would attend."
    )
    found = _places(record)
    assert found["Geneva"] == ("Geneva", "CHE")
    assert found["Washington"] == ("Washington", "USA")


def test_edmonton_in_a_british_story_is_not_alberta(pipeline: Pipeline) -> None:
    # a world city wins only where one other country weighs as much as the town's: here Britain
    # outweighs China and France each, though not both together
    record = pipeline.code(
        "A nurse from Edmonton will work in China for a year and then in France. She studied Mandarin "
        "in Beijing and French in Toulouse, France, a British charity said. UK hospitals backed the exchange."
    )
    edmonton = [p for p in record.places if p.text == "Edmonton"]
    assert edmonton and edmonton[0].place is not None and edmonton[0].place.country == "GBR"


def test_geneva_of_a_named_state_keeps_its_state(pipeline: Pipeline) -> None:
    record = pipeline.code(
        "Police in Geneva said the fire began in a garage. Kane County deputies and Batavia police "
        "helped, the Illinois fire marshal said."
    )
    geneva = [p for p in record.places if p.text == "Geneva"]
    assert geneva and geneva[0].place is not None
    assert (geneva[0].place.country, geneva[0].place.lat > 41.0) == ("USA", True)


def test_a_person_in_an_organization_name_stays_no_place_where_the_place_is_named(pipeline: Pipeline) -> None:
    text = (
        "A professor at George Washington University tested the rifle on Monday. "
        "The FBI laboratory in Washington will test it again."
    )
    record = pipeline.code(text)
    assert [(p.text, p.start) for p in record.places] == [("Washington", text.rindex("Washington"))]


def test_a_longer_name_is_not_taken_before_a_street_word_or_after_a_compass_word(pipeline: Pipeline) -> None:
    record = pipeline.code(
        "Police searched a house on East Washington Street in Indianapolis on Friday. "
        "Members of the North Dallas Neighbors association met in Dallas, Texas."
    )
    texts = [p.text for p in record.places]
    assert "East Washington" not in texts and "North Dallas" not in texts
    assert "Indianapolis" in texts


def test_a_given_name_that_is_a_town_is_no_place_in_a_name_the_model_calls_an_organization(
    pipeline: Pipeline,
) -> None:
    # the small model tags "Lt. Brent Barley" an organization; Brent (a London borough) is his given
    # name (male_names.txt), and the place it is not gave him a country
    record = pipeline.code(
        "Doe was detained by Dover Police after a 6 p.m. Friday traffic stop, DPD Lt. Brent Barley "
        "said in a statement. He was charged later, Barley said."
    )
    assert "Brent" not in _places(record)
    barley = [a for a in record.to_dict()["actors"] if a["name"] == "Brent Barley"]
    assert barley and barley[0]["country"] != "GBR"
