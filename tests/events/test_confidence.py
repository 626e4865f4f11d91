"""The calibrated confidence model (events/confidence.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from whodid.events.confidence import DEFAULT_MIN_CONFIDENCE, ConfidenceModel, event_features
from whodid.nlp.state import state
from whodid.ontology import DataFileError
from whodid.pipeline import Pipeline

TEXT = (
    "Kenyan police arrested twelve Ugandan traders in Nairobi on Monday. "
    "Ugandan officials said Kenya's border policy was reckless. A man said it rained."
)


def test_every_event_carries_the_model_probability_of_its_features(pipeline: Pipeline) -> None:
    doc = pipeline.make_doc(TEXT, id="t")
    pipeline.run_stages(doc)
    st = state(doc)
    model = ConfidenceModel.load()
    assert st.events
    for ev in st.events:
        feats = event_features(ev, st)
        assert feats[0] == "bias" and any(f.startswith("src:") for f in feats)
        assert ev.confidence == round(model.probability(feats), 2)
        assert 0.0 <= ev.confidence <= 1.0


def test_a_source_with_a_country_is_surer_than_one_without() -> None:
    model = ConfidenceModel.load()
    base = ["bias", "root:19", "how:explicit", "modality:asserted", "tgt:country"]
    assert model.probability([*base, "src:country"]) > model.probability([*base, "src:nothing"])
    assert model.probability([*base, "src:country", "modality:negated"]) < model.probability(
        [*base, "src:country", "modality:asserted"]
    )
    assert 0.0 < DEFAULT_MIN_CONFIDENCE < 0.5


def test_the_pipeline_floor_keeps_exactly_the_surer_events(pipeline: Pipeline, nlp: object) -> None:
    from whodid.pipeline import load

    every = pipeline.code(TEXT, published="2024-05-08").to_dict()["events"]
    floor = max(e["confidence"] for e in every)
    strict = load(nlp=nlp, min_confidence=floor)  # type: ignore[arg-type]
    kept = strict.code(TEXT, published="2024-05-08").to_dict()["events"]
    assert [e["rule"] for e in kept] == [e["rule"] for e in every if e["confidence"] >= floor]
    assert len(kept) < len(every)


def test_a_bad_weight_line_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "confidence.tsv").write_text("feature\tweight\tnote\nbias\tmany\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"confidence\.tsv"):
        ConfidenceModel.load(tmp_path)


def test_a_third_partys_act_inside_a_quotation_is_marked_and_less_sure(pipeline: Pipeline) -> None:
    text = '"Kenya attacked our border posts on Monday," the Ugandan foreign minister said.'
    doc = pipeline.make_doc(text, id="q")
    pipeline.run_stages(doc)
    st = state(doc)
    attack = [ev for ev in st.events if ev.cameo[:2] == "19"]
    assert attack, [(ev.cameo, ev.rule) for ev in st.events]
    assert "quoted:other" in event_features(attack[0], st)
    model = ConfidenceModel.load()
    feats = event_features(attack[0], st)
    outside = [f for f in feats if f != "quoted:other"]
    assert model.probability(feats) < model.probability(outside)


def test_a_private_persons_act_is_marked(pipeline: Pipeline) -> None:
    doc = pipeline.make_doc("A Kenyan pastor accused Ugandan police of theft on Monday.", id="p")
    pipeline.run_stages(doc)
    st = state(doc)
    accused = [ev for ev in st.events if ev.evidence_text == "accused"]
    assert accused and "src:private" in event_features(accused[0], st)
    police = [ev for ev in st.events if ev.source.actor_id and st.actors[ev.source.actor_id].sector == "COP"]
    assert all("src:private" not in event_features(ev, st) for ev in police)
