"""The learned event gate: features, the logistic fit, the coder's use of it, and that the
shipped weights were trained on the corpus the repository holds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from chronicler.events import EventCoder
from chronicler.events.gate import GATE_FILE, DraftView, Gate, features
from chronicler.events.train import fit, load_corpus, predict

REPO = Path(__file__).resolve().parents[2]


def test_fit_learns_a_separable_problem_the_same_way_twice() -> None:
    rows = [[0, 2], [0, 3], [1, 2], [1, 3]] * 5
    y = np.array([1.0, 1.0, 0.0, 0.0] * 5)
    w1 = fit(rows, y, 4, 1e-3)
    w2 = fit(rows, y, 4, 1e-3)
    assert np.array_equal(w1, w2)
    p = predict(w1, rows)
    assert (p[y == 1] > 0.8).all() and (p[y == 0] < 0.2).all()


def test_gate_probability_is_logistic_in_the_summed_weights() -> None:
    gate = Gate(weights={"a": 2.0, "b": -1.0}, bias=-1.0, threshold=0.5)
    assert gate.probability(["a"]) == pytest.approx(1 / (1 + np.exp(-1.0)))
    assert gate.probability(["a", "a", "b"]) == pytest.approx(0.5)  # a bag: repeats count once
    assert gate.probability(["unseen"]) == pytest.approx(1 / (1 + np.exp(1.0)))


def _code(nlp, coder: EventCoder, text: str):  # type: ignore[no-untyped-def]
    from chronicler.actors import ActorResolver, load_kb

    doc = nlp(text)
    return coder.code(doc, ActorResolver(load_kb()).resolve(doc, day=None))


def test_the_coder_drops_drafts_below_the_threshold_and_uses_the_probability(nlp) -> None:
    text = "Egyptian police arrested five opposition activists in Cairo on Monday."
    open_gate = Gate(weights={}, bias=3.0, threshold=0.5)
    shut_gate = Gate(weights={}, bias=-3.0, threshold=0.5)
    kept = _code(nlp, EventCoder(gate=open_gate), text)
    assert [e.type for e in kept] == ["COERCE"]
    assert kept[0].confidence == pytest.approx(0.95)  # 0.953 capped at the ceiling
    assert _code(nlp, EventCoder(gate=shut_gate), text) == []


def test_the_recorder_sees_every_draft_with_its_features(nlp) -> None:
    seen: list[DraftView] = []
    coder = EventCoder(gate=Gate(weights={}, bias=-9.0, threshold=0.5), recorder=seen.append)
    events = _code(nlp, coder, "Egyptian police arrested five opposition activists in Cairo.")
    assert events and len(seen) == 1  # a recorder turns the gate off
    feats = features(seen[0])
    assert "type=COERCE" in feats and "lemma=arrest" in feats and any(f.startswith("source=") for f in feats)


@pytest.mark.skipif(not GATE_FILE.exists(), reason="no shipped gate weights")
def test_shipped_gate_was_trained_on_the_corpus_in_the_repository() -> None:
    data = json.loads(GATE_FILE.read_text(encoding="utf-8"))
    _, digest = load_corpus(REPO / "training" / "events")
    assert data["training"]["corpus_sha256"] == digest, "run `make train` after changing the corpus"
    assert 0.0 < data["threshold"] < 1.0 and data["weights"]
