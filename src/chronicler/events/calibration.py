"""Calibrated confidence: the rules' score mapped to the probability that the event's type is
right, by a monotone (isotonic) mapping fitted on chronicler's own annotated corpus.

The rule coder scores each event by hand-set evidence weights (``assemble.confidence``); that
score ranks events but is not a probability. ``make train`` codes every sentence of
``training/events`` with the rules, labels each draft event right when the sentence's
annotation has an event of its PLOVER type, and fits the non-decreasing step function of the
score that best matches those labels (pool-adjacent-violators, blocks of at least
``MIN_BLOCK`` drafts). The blocks are stored as points (mean score, share right, drafts) in
``data/calibration.json``; between block centres the mapping is linear, outside them flat.
Fitted on the corpus only, never on a dev set. (One map per kind of evidence was tried: the
corpus's template frames are right 96 % of the time, news frames far less, so it was
over-confident on the dev sets; see the events README.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

CALIBRATION_FILE = Path(__file__).parent / "data" / "calibration.json"
#: Blocks with fewer drafts than this are pooled with their neighbour: a handful of corpus
#: drafts is no estimate of a probability.
MIN_BLOCK = 20


@dataclass(frozen=True)
class Calibration:
    """A monotone piecewise-linear map from rule score to probability of the right type."""

    points: tuple[tuple[float, float], ...]  # (score, probability), scores increasing

    def __call__(self, score: float) -> float:
        pts = self.points
        if not pts:
            return score
        if score <= pts[0][0]:
            return pts[0][1]
        for (x0, y0), (x1, y1) in pairwise(pts):
            if score <= x1:
                return y0 + (y1 - y0) * (score - x0) / (x1 - x0)
        return pts[-1][1]

    @classmethod
    def load(cls, path: Path = CALIBRATION_FILE) -> Calibration | None:
        """The shipped mapping, or None when there is no file (scores stay as they are)."""
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(points=tuple((p["score"], p["p"]) for p in data["points"]))


@dataclass
class Block:
    """Drafts pooled by the fit: their summed scores and labels, and their number."""

    score: float
    right: float
    n: int

    def merge(self, other: Block) -> Block:
        return Block(self.score + other.score, self.right + other.right, self.n + other.n)

    @property
    def mean(self) -> float:
        return self.right / self.n


def isotonic_blocks(pairs: Iterable[tuple[float, bool]], *, min_block: int = MIN_BLOCK
                    ) -> list[Block]:
    """Pool-adjacent-violators over (score, right) pairs: blocks of strictly increasing share
    right, each of at least ``min_block`` drafts (a short last block joins the one before)."""
    by_score: dict[float, Block] = {}
    for score, right in pairs:
        by_score[score] = by_score.get(score, Block(0.0, 0.0, 0)).merge(
            Block(score, float(right), 1))
    stack: list[Block] = []
    for score in sorted(by_score):
        stack.append(by_score[score])
        while len(stack) > 1 and (stack[-2].mean >= stack[-1].mean
                                  or stack[-2].n < min_block):
            last = stack.pop()
            stack[-1] = stack[-1].merge(last)
    while len(stack) > 1 and stack[-1].n < min_block:
        last = stack.pop()
        stack[-1] = stack[-1].merge(last)
    return stack


def fit(pairs: Iterable[tuple[float, bool]]) -> dict:
    """The calibration file's points: one per block (mean score, share right, drafts)."""
    return {"points": [{"score": round(b.score / b.n, 4), "p": round(b.mean, 4), "n": b.n}
                       for b in isotonic_blocks(pairs)]}
