"""Calibrated confidence: the isotonic fit, the piecewise-linear map, the coder's use of it, and
that the shipped mapping was fitted on the corpus the repository holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicler.events import EventCoder
from chronicler.events.calibration import CALIBRATION_FILE, Calibration, fit, isotonic_blocks
from chronicler.events.train import load_corpus

REPO = Path(__file__).resolve().parents[2]


def test_isotonic_blocks_pool_violators_into_an_increasing_step() -> None:
    pairs = [(0.2, True)] * 3 + [(0.2, False)] * 7 + [(0.4, True)] * 1 + [(0.4, False)] * 9 \
        + [(0.6, True)] * 8 + [(0.6, False)] * 2
    blocks = isotonic_blocks(pairs, min_block=5)
    means = [round(b.mean, 3) for b in blocks]
    assert means == [0.2, 0.8]  # 0.3 then 0.1 violate: pooled to 4/20
    assert [b.n for b in blocks] == [20, 10]


def test_small_blocks_are_pooled() -> None:
    pairs = [(0.1, False)] * 3 + [(0.5, True)] * 30 + [(0.5, False)] * 10 + [(0.9, True)] * 2
    blocks = isotonic_blocks(pairs, min_block=20)
    assert all(b.n >= 20 for b in blocks) and sum(b.n for b in blocks) == 45


def test_fit_is_deterministic_and_monotone() -> None:
    pairs = [(round(0.05 * (i % 19), 2), i % 3 != 0 or i % 19 > 12) for i in range(600)]
    first, second = fit(pairs), fit(list(reversed(pairs)))
    assert first == second
    ps = [p["p"] for p in first["points"]]
    assert ps == sorted(ps) and len(set(ps)) == len(ps)


def test_the_map_interpolates_between_block_centres_and_is_flat_outside() -> None:
    cal = Calibration(points=((0.4, 0.5), (0.6, 0.7), (0.8, 0.9)))
    assert cal(0.1) == 0.5 and cal(0.95) == 0.9
    assert cal(0.5) == pytest.approx(0.6)
    assert cal(0.7) == pytest.approx(0.8)
    assert Calibration(points=())(0.42) == 0.42


def test_the_coder_maps_its_scores_and_can_leave_them(nlp) -> None:  # type: ignore[no-untyped-def]
    from chronicler.actors import ActorResolver, load_kb

    doc = nlp("Turkish warplanes bombed Kurdish positions in northern Iraq.")
    table = ActorResolver(load_kb()).resolve(doc, day=None)
    raw = EventCoder(calibration=False).code(doc, table)
    flat = EventCoder(calibration=Calibration(points=((0.5, 0.61),))).code(doc, table)
    assert raw and [e.type for e in raw] == [e.type for e in flat]
    assert all(e.confidence == 0.61 for e in flat)
    assert any(e.confidence != 0.61 for e in raw)


@pytest.mark.skipif(not CALIBRATION_FILE.exists(), reason="no shipped calibration")
def test_shipped_calibration_was_fitted_on_the_corpus_in_the_repository() -> None:
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    _, digest = load_corpus(REPO / "training" / "events")
    assert data["training"]["corpus_sha256"] == digest, "run `make train` after changing the corpus"
    ps = [p["p"] for p in data["points"]]
    assert ps == sorted(ps) and all(0.0 < p < 1.0 for p in ps)


def test_the_fitted_map_is_flat_over_each_blocks_scores() -> None:
    pairs = [(0.3, False)] * 10 + [(0.3, True)] * 10 + [(0.5, True)] * 15 + [(0.5, False)] * 5 \
        + [(0.6, True)] * 14 + [(0.6, False)] * 6 + [(0.9, True)] * 19 + [(0.9, False)] * 1
    points = fit(pairs)["points"]
    assert [(p["lo"], p["hi"]) for p in points] == [(0.3, 0.3), (0.5, 0.6), (0.9, 0.9)]
    from chronicler.events.calibration import _edges

    cal = Calibration(points=tuple(_edges(points)))
    assert cal(0.5) == cal(0.6) == cal(0.55) == pytest.approx(0.725)
    assert cal(0.4) == pytest.approx((0.5 + 0.725) / 2)
