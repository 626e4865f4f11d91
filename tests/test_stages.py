"""The stage contract (pipeline.check_stages): every stage comes after what it reads, and the table of
docs/pipeline.md is the stages' own."""

from __future__ import annotations

from pathlib import Path

import pytest

from whodid.errors import CodingError, ModelError
from whodid.pipeline import Pipeline, check_stages, stage_table

DOC = Path(__file__).resolve().parents[1] / "docs" / "pipeline.md"


def test_the_loaded_order_passes(pipeline: Pipeline) -> None:
    check_stages(pipeline.nlp, pipeline.stages)  # raises on a broken order
    names = [s.name for s in pipeline.stages]
    assert names.index("actors") < names.index("places") < names.index("events")


def test_two_stages_swapped_fail_with_the_catalogued_error(pipeline: Pipeline) -> None:
    stages = list(pipeline.stages)
    actors = next(i for i, s in enumerate(stages) if s.name == "actors")
    places = next(i for i, s in enumerate(stages) if s.name == "places")
    stages[actors], stages[places] = stages[places], stages[actors]
    with pytest.raises(CodingError) as err:
        Pipeline(pipeline.nlp, stages)
    assert err.value.code == "E502"
    assert "'places' needs 'actors'" in str(err.value)


def test_a_component_the_model_lacks_is_named(pipeline: Pipeline) -> None:
    class NeedsCoref:
        name = "coref"
        requires = ("coreferee",)
        assigns = ("actors",)

        def __call__(self, doc):  # type: ignore[no-untyped-def]
            return doc

    with pytest.raises(ModelError) as err:
        check_stages(pipeline.nlp, [*pipeline.stages, NeedsCoref()])
    assert err.value.code == "E203" and "coreferee" in str(err.value)


def test_assigning_no_state_field_is_refused(pipeline: Pipeline) -> None:
    class Stray:
        name = "stray"
        requires = ("parser",)
        assigns = ("sentiment",)

        def __call__(self, doc):  # type: ignore[no-untyped-def]
            return doc

    with pytest.raises(CodingError) as err:
        check_stages(pipeline.nlp, [Stray()])
    assert err.value.code == "E503"


def test_the_documented_table_is_the_stages_own(pipeline: Pipeline) -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = text.split("<!-- stages:start -->\n", 1)[1].split("\n<!-- stages:end -->", 1)[0]
    assert documented == stage_table(pipeline.stages), "run python scripts/stage_table.py --write"
