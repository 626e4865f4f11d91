"""Event dates and background on sentences written for these tests: an event takes the time of its own
clause, else of the speech that reports it, else the earlier time a past narrative carries; past placed
at an earlier time is background, dated by its cue; the news of the last days is current."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

from whodid.events.context import is_earlier, is_vague_past
from whodid.nlp.state import DateMention

if TYPE_CHECKING:
    from whodid.pipeline import Pipeline

WEDNESDAY = "2019-05-08"
FRIDAY = "2019-05-10"


def code(pipeline: Pipeline, text: str, published: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = pipeline.code(text, published=published).to_dict()["events"]
    return events


def one(events: list[dict[str, Any]], evidence: str) -> dict[str, Any]:
    found = [e for e in events if e["evidence"]["text"] == evidence]
    assert found, f"no event on {evidence!r} in {[e['evidence']['text'] for e in events]}"
    return found[0]


def when(ev: dict[str, Any]) -> tuple[str | None, str, bool]:
    return ev["date"], ev["date_precision"], ev["background"]


# ------------------------------------------------------------------ the event's own clause
def test_an_earlier_year_is_background_dated_by_it(pipeline: Pipeline) -> None:
    ev = one(code(pipeline, "In 2015 the Syrian army shelled Turkish border villages.", WEDNESDAY), "shelled")
    assert when(ev) == ("2015", "year", True)
    assert ev["date_source"] == "text"


def test_yesterday_is_the_news(pipeline: Pipeline) -> None:
    ev = one(code(pipeline, "Turkish police arrested 12 protesters on Tuesday.", WEDNESDAY), "arrested")
    assert when(ev) == ("2019-05-07", "day", False)


def test_a_weekday_of_the_story_week_is_the_news(pipeline: Pipeline) -> None:
    text = "On Saturday, Turkish police arrested 12 Greek journalists."
    ev = one(code(pipeline, text, "2019-05-14"), "arrested")  # a Tuesday: Saturday is three days back
    assert when(ev) == ("2019-05-11", "day", False)


def test_last_month_is_background(pipeline: Pipeline) -> None:
    ev = one(
        code(pipeline, "The Israeli army launched a missile strike on Gaza last month.", FRIDAY), "launched"
    )
    assert when(ev) == ("2019-04", "month", True)


def test_earlier_this_month_is_background(pipeline: Pipeline) -> None:
    ev = one(
        code(pipeline, "Egypt hosted talks between Israel and Hamas earlier this month.", FRIDAY), "hosted"
    )
    assert when(ev) == ("2019-05", "month", True)


def test_an_undated_present_perfect_is_current_but_not_of_the_day(pipeline: Pipeline) -> None:
    # an act "up to now" at no stated time is current news, but the article does not say it was
    # today: the publication's month, not its day
    ev = one(code(pipeline, "Turkey has expelled the Dutch ambassador.", FRIDAY), "expelled")
    assert when(ev) == (FRIDAY[:7], "month", False)
    assert ev["date_source"] == "publication"
    ev = one(code(pipeline, "Turkey expelled the Dutch ambassador.", FRIDAY), "expelled")
    assert when(ev) == (FRIDAY, "day", False)
    # a present perfect with a time of its own keeps it
    ev = one(code(pipeline, "Turkey has expelled the Dutch ambassador on Thursday.", FRIDAY), "expelled")
    assert when(ev) == ("2019-05-09", "day", False)


def test_an_infinitive_or_participle_takes_the_present_perfect_of_its_clause(pipeline: Pipeline) -> None:
    # an infinitive's "to" is no tense, and "has been shelling" is a perfect too: acts up to now at no
    # stated time, not acts of the publication day
    ev = one(code(pipeline, "Egypt has tried to arrest the Hamas negotiators.", FRIDAY), "arrest")
    assert when(ev) == (FRIDAY[:7], "month", False)
    ev = one(code(pipeline, "Iran has threatened to attack Saudi oil tankers.", FRIDAY), "attack")
    assert when(ev) == (FRIDAY[:7], "month", False)
    evs = code(pipeline, "The Syrian army has been shelling Turkish villages, killing three farmers.", FRIDAY)
    assert when(one(evs, "shelling")) == (FRIDAY[:7], "month", False)
    assert when(one(evs, "killing")) == (FRIDAY[:7], "month", False)
    # a clause with a tense of its own keeps it
    ev = one(code(pipeline, "Egypt has said it will arrest the Hamas negotiators.", FRIDAY), "arrest")
    assert ev["date_precision"] == "day"
    ev = one(code(pipeline, "Egypt tried to arrest the Hamas negotiators.", FRIDAY), "arrest")
    assert when(ev) == (FRIDAY, "day", False)
    # a modal's "have" is no present perfect: a counterfactual is no act up to now
    ev = one(code(pipeline, "Egypt would have expelled the Qatari ambassador.", FRIDAY), "expelled")
    assert ev["date_precision"] != "month"


def test_a_present_perfect_timed_by_a_past_clause_is_of_that_time(pipeline: Pipeline) -> None:
    # a perfect with a simple-past "as"/"while" clause is the news of that time, no act "up to now"
    text = "Egypt has expelled the Qatari ambassador as Israeli ministers met in Cairo."
    assert when(one(code(pipeline, text, FRIDAY), "expelled")) == (FRIDAY, "day", False)
    text = "Egypt has tried to arrest the Hamas negotiators as Israeli ministers met in Cairo."
    assert when(one(code(pipeline, text, FRIDAY), "arrest")) == (FRIDAY, "day", False)


def test_the_past_is_background_without_a_date(pipeline: Pipeline) -> None:
    ev = one(code(pipeline, "Russia has threatened Ukraine in the past.", FRIDAY), "threatened")
    assert when(ev) == (None, "unknown", True)


def test_a_period_since_an_earlier_date_runs_up_to_now(pipeline: Pipeline) -> None:
    text = "Egypt has hosted talks between Israel and Hamas since January."
    ev = one(code(pipeline, text, FRIDAY), "hosted")
    assert ev["background"] is False and ev["date"] == "2019-01"


def test_past_perfect_recalls_what_it_governs(pipeline: Pipeline) -> None:
    evs = code(pipeline, "Iran claimed that Iraq had agreed to expel the Saudi ambassador.", FRIDAY)
    assert all(e["background"] for e in evs if e["evidence"]["text"] in ("agreed", "expel"))
    assert one(evs, "expel")["date"] is None


def test_an_earlier_decade_or_century_is_background(pipeline: Pipeline) -> None:
    for text in (
        "In the 1990s, the Iraqi army shelled Kurdish villages.",
        "Throughout the 19th century, British troops attacked Afghan towns.",
    ):
        ev = code(pipeline, text, FRIDAY)[0]
        assert when(ev) == (None, "unknown", True), text
    # the decade of the news is no earlier time
    ev = one(code(pipeline, "In the 2010s, the Iraqi army shelled Kurdish villages.", FRIDAY), "shelled")
    assert not ev["background"]


def test_at_the_time_is_the_earlier_time_a_story_speaks_of(pipeline: Pipeline) -> None:
    # news says "now" of its own time: "at the time" or "at that time" is an earlier one
    for text in (
        "The Iraqi foreign minister criticized the Kuwaiti emir at the time.",
        "At that time the Iraqi foreign minister criticized the Kuwaiti emir.",
    ):
        assert when(one(code(pipeline, text, FRIDAY), "criticized")) == (None, "unknown", True), text
    # a time named by what follows may be now
    text = "The Iraqi foreign minister criticized the Kuwaiti emir at the time of writing."
    assert when(one(code(pipeline, text, FRIDAY), "criticized")) == (FRIDAY, "day", False)

    # a story's earlier time is the time "at the time" speaks of
    text = (
        "In 2011, the Kenyan opposition criticized the president. At the time, the Kenyan opposition "
        "leader also criticized the Ugandan army."
    )
    ev = code(pipeline, text, FRIDAY)[-1]
    assert when(ev) == ("2011", "year", True)


def test_a_time_only_what_is_said_names_is_no_time_of_the_saying(pipeline: Pipeline) -> None:
    text = (
        "Amina Odhiambo, a spokeswoman for the Kenyan energy ministry, said the copper mine closed in 1995."
    )
    assert when(one(code(pipeline, text, FRIDAY), "said")) == (FRIDAY, "day", False)


def test_a_date_compared_with_is_no_time(pipeline: Pipeline) -> None:
    for text, evidence in (
        ('The Kenyan president called the Ugandan economy "as bad, potentially, as 1995."', "called"),
        ("The Kenyan president criticized the Ugandan army as harshly as in 2015.", "criticized"),
    ):
        assert when(one(code(pipeline, text, FRIDAY), evidence)) == (FRIDAY, "day", False), text
    # a comparison of times is a time
    text = "Ugandan troops attacked the Kenyan border as early as 2015."
    assert when(one(code(pipeline, text, FRIDAY), "attacked")) == ("2015", "year", True)


def test_a_then_title_of_the_subject_is_of_an_earlier_time(pipeline: Pipeline) -> None:
    for text, evidence in (
        ("Then-Senator Clark criticized the Iraqi government.", "criticized"),
        ("Senator Clark, then a governor, criticized the Iraqi government.", "criticized"),
        ("The Kenyan church was praised by then-President Daniel Moi.", "praised"),
        ("The then foreign minister of Kenya agreed to meet the Ugandan president.", "meet"),
    ):
        ev = one(code(pipeline, text, FRIDAY), evidence)
        assert ev["background"] and ev["date"] is None, text
    # a "then-" title of the one acted on says nothing of when the act was
    ev = one(code(pipeline, "Senator Clark criticized then-President Moi on Thursday.", FRIDAY), "criticized")
    assert when(ev) == ("2019-05-09", "day", False)


def test_a_date_of_a_noun_does_not_date_the_clause(pipeline: Pipeline) -> None:
    ev = one(code(pipeline, "Iran accused Israel of violating the 2015 agreement.", FRIDAY), "accused")
    assert when(ev) == (FRIDAY, "day", False)


def test_a_date_of_the_occasion_dates_the_clause(pipeline: Pipeline) -> None:
    text = "The French foreign minister said in a 2015 interview that Russia had attacked Ukraine."
    ev = one(code(pipeline, text, FRIDAY), "attacked")
    assert when(ev) == ("2015", "year", True)


def test_before_an_earlier_date_is_earlier_still(pipeline: Pipeline) -> None:
    text = "The French government cut off contact with Russia a month before the 2017 election."
    ev = one(code(pipeline, text, FRIDAY), "cut")
    assert when(ev) == (None, "unknown", True)


def test_before_in_a_trailing_participle_is_the_participle_s(pipeline: Pipeline) -> None:
    # "X said, referring to the years before 1972": the saying is not before 1972; a fronted
    # participle frames its main clause ("Speaking before the 2017 election, X criticized Y")
    text = "The Kenyan minister criticized Uganda, referencing the years before the 1972 decision."
    assert when(one(code(pipeline, text, FRIDAY), "criticized")) == (FRIDAY, "day", False)
    text = "Speaking before the 2017 election, the Kenyan minister criticized Uganda."
    assert when(one(code(pipeline, text, FRIDAY), "criticized")) == (None, "unknown", True)


def test_before_a_clause_of_an_earlier_date_is_earlier_still(pipeline: Pipeline) -> None:
    for text in (
        "The Kenyan judge criticized the Ugandan government before becoming a minister in 2009.",
        "The Kenyan judge criticized the Ugandan government before she became a minister in 2009.",
    ):
        assert when(one(code(pipeline, text, FRIDAY), "criticized")) == (None, "unknown", True), text
    # before a clause of the news's days: the news
    text = "The Kenyan judge criticized the Ugandan government before the court ruled on Thursday."
    assert not one(code(pipeline, text, FRIDAY), "criticized")["background"]


def test_a_when_clause_after_a_time_is_of_that_time(pipeline: Pipeline) -> None:
    text = (
        "The French president met the Russian president a year ago, when Russia ordered an attack on Ukraine."
    )
    ev = one(code(pipeline, text, FRIDAY), "attack")
    assert when(ev) == ("2018", "year", True)


# ------------------------------------------------------------------ the speech that reports it
def test_a_quotation_before_its_cue_takes_the_cue_time(pipeline: Pipeline) -> None:
    text = (
        '"We will never accept this deal. Ukraine shelled our villages," the Russian foreign minister said '
        "on Thursday."
    )
    ev = one(code(pipeline, text, FRIDAY), "shelled")
    assert when(ev) == ("2019-05-09", "day", False)
    assert ev["date_source"] == "inferred"


def test_a_quotation_after_its_cue_takes_the_cue_time(pipeline: Pipeline) -> None:
    text = 'The Russian foreign minister said on Tuesday: "Ukraine shelled our villages. We will retaliate."'
    evs = code(pipeline, text, FRIDAY)
    assert {e["date"] for e in evs if e["evidence"]["text"] in ("shelled", "retaliate")} == {"2019-05-07"}


# ------------------------------------------------------------------ a past narrative
def test_a_past_narrative_goes_on_at_its_earlier_time(pipeline: Pipeline) -> None:
    text = "In March, the French president criticized Russia. Russia accused France of lying."
    ev = one(code(pipeline, text, FRIDAY), "accused")
    assert when(ev) == ("2019-03", "month", True)
    assert ev["date_source"] == "inferred"


def test_clauses_of_one_past_sentence_share_its_earlier_time(pipeline: Pipeline) -> None:
    text = (
        "The town fell to the rebels in 2015 when militants conquered the nearby city; "
        "the rebels destroyed a monastery and imprisoned many of the town's residents."
    )
    events = code(pipeline, text, FRIDAY)
    for verb in ("destroyed", "imprisoned"):
        assert when(one(events, verb)) == ("2015", "year", True), verb
    # a clause in the present keeps the news's time
    text = "In 2015 Syrian forces shelled Turkish villages, and Turkey now accuses Syria of war crimes."
    assert one(code(pipeline, text, FRIDAY), "accuses")["background"] is False


def test_a_new_speaker_speaks_now(pipeline: Pipeline) -> None:
    text = (
        "In 2015 Syrian forces shelled Turkish villages. "
        "The Turkish foreign minister said Turkey condemned Syria for the attack."
    )
    ev = one(code(pipeline, text, FRIDAY), "condemned")
    assert when(ev) == (FRIDAY, "day", False)


def test_the_same_speaker_goes_on_at_the_earlier_time(pipeline: Pipeline) -> None:
    text = (
        "In March, the French president said France would support Ukraine. "
        '"Russia attacked Ukraine," he said.'
    )
    ev = one(code(pipeline, text, FRIDAY), "attacked")
    assert when(ev) == ("2019-03", "month", True)


def test_then_takes_up_the_last_time_named(pipeline: Pipeline) -> None:
    text = (
        "The Iranian president met the Iraqi prime minister on March 3. "
        "Then Iran expelled the Iraqi ambassador."
    )
    ev = one(code(pipeline, text, FRIDAY), "expelled")
    assert when(ev) == ("2019-03-03", "day", True)


def test_a_present_sentence_brings_the_story_back_to_the_news(pipeline: Pipeline) -> None:
    text = (
        "In 2016 Turkey expelled the Dutch ambassador. Turkey says the ambassador insulted its president. "
        "Turkey expelled the German ambassador."
    )
    evs = [e for e in code(pipeline, text, FRIDAY) if e["evidence"]["text"] == "expelled"]
    assert [when(e) for e in evs] == [("2016", "year", True), (FRIDAY, "day", False)]


# ------------------------------------------------------------------ earlier than the news
def mention(
    value: str | None, precision: str, text: str = "x", rule: str = "", timex: str | None = None
) -> DateMention:
    return DateMention(0, 1, text, value, precision, 0, 1, rule=rule, timex=timex)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("date", "earlier"),
    [
        (mention("2019-05-07", "day"), False),  # two days before: the news
        (mention("2019-05-06", "day"), True),
        (mention("2019-05-06", "day", "Monday", "weekday:past"), False),  # a weekday of the week
        (mention("2019-04", "month"), True),
        (mention("2019-05", "month", "this month"), False),
        (mention("2019-05", "month", "earlier this month"), True),
        (mention("2018", "year"), True),
        (mention("2019", "year", "this year"), False),
        (mention(None, "unknown", "the past", "ref:past", "PAST_REF"), False),
    ],
)
def test_is_earlier(date: DateMention, earlier: bool) -> None:
    assert is_earlier(date, dt.date(2019, 5, 9)) is earlier


def test_is_earlier_needs_a_publication_date() -> None:
    assert not is_earlier(mention("2015", "year"), None)


def test_vague_pasts() -> None:
    assert is_vague_past(mention(None, "unknown", "in the past", "ref:past", "PAST_REF"))
    assert is_vague_past(mention(None, "unknown", "years ago", "ago:vague", "PAST_REF"))
    assert not is_vague_past(mention(None, "unknown", "recently", "ref:past", "PAST_REF"))
