"""Calibrated confidence: the rules' score mapped to the probability that the event's type is
right, by a monotone (isotonic) mapping fitted on chronicler's own annotated corpus.

The rule coder scores each event by hand-set evidence weights (``assemble.confidence``); that
score ranks events but is not a probability. ``make train`` codes every sentence of
``training/events`` with the rules, labels each draft event right when the sentence's
annotation has an event of its PLOVER type, and fits the non-decreasing step function of the
score that best matches those labels (pool-adjacent-violators, blocks of at least
``MIN_BLOCK`` drafts). Each block is stored (lowest and highest score, share right, drafts) in
``data/calibration.json``; as isotonic regression predicts, the mapping is the block's share
over the block's scores, linear in the gap between one block's highest score and the next
one's lowest, flat outside. (Interpolating between block centres instead, as before, let one
wide block of middling scores spread its neighbours' shares over scores it had measured.)
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
        return cls(points=tuple(_edges(data["points"])))


def _edges(points: list[dict]) -> Iterable[tuple[float, float]]:
    """(score, probability) points of the map: each block's lowest and highest score at its
    share (a file with only block centres, "score", gives one point per block)."""
    for p in points:
        if "lo" in p:
            yield p["lo"], p["p"]
            if p["hi"] > p["lo"]:
                yield p["hi"], p["p"]
        else:
            yield p["score"], p["p"]


@dataclass
class Block:
    """Drafts pooled by the fit: their summed scores and labels, their number, and the lowest
    and highest score among them."""

    score: float
    right: float
    n: int
    lo: float = 0.0
    hi: float = 0.0

    def merge(self, other: Block) -> Block:
        if not self.n:
            return other
        return Block(self.score + other.score, self.right + other.right, self.n + other.n,
                     min(self.lo, other.lo), max(self.hi, other.hi))

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
            Block(score, float(right), 1, score, score))
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
    """The calibration file's points: one per block (its lowest, mean and highest score, share
    right, drafts)."""
    return {"points": [{"lo": round(b.lo, 4), "score": round(b.score / b.n, 4),
                        "hi": round(b.hi, 4), "p": round(b.mean, 4), "n": b.n}
                       for b in isotonic_blocks(pairs)]}
