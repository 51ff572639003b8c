"""A learned event / no-event gate over the rule coder's draft events, and their confidence.

The rules propose a draft event per trigger (see coder.py); the gate scores each draft with a
logistic model over features the parse and the rules already give (type, CAMEO code, trigger
lemma, how it was found, its clause chain, modality, which roles were filled) and drops drafts
whose probability is below the model's threshold. The probability becomes the event's
confidence, so confidence is fitted, not set by hand.

The weights (``data/gate.json``) are trained only on chronicler's own annotated corpus
(``training/events/*.jsonl``) by ``make train`` (``python -m chronicler.events.train``).
Without the file, the coder keeps every draft with the hand-set confidence.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..types import ActorRef
    from .triggers import Trigger

GATE_FILE = Path(__file__).parent / "data" / "gate.json"
_CHAIN_DEPTH = 3  # clause heads above the trigger that describe its frame ("said", "expected")
_MODIFIER_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "mark", "prt"})


@dataclass(frozen=True)
class DraftView:
    """What the gate sees of one draft event."""

    trig: Trigger
    modality: str
    source: ActorRef | None
    has_target: bool
    reported: bool
    n_tokens: int
    rule_confidence: float


def features(view: DraftView) -> list[str]:
    """The draft's features as strings (a bag: order does not matter, repeats count once)."""
    trig = view.trig
    typ, cameo = trig.type or "-", trig.cameo or "-"
    lemma, anchor = trig.token.lemma_.lower(), trig.anchor
    kind = trig.kind + ("+light" if trig.light is not None else "")
    src = _source_state(view.source)
    out = [f"type={typ}", f"cameo={cameo}", f"root={cameo[:2]}", f"how={trig.how}",
           f"kind={kind}", f"how+type={trig.how}|{typ}", f"lemma={lemma}",
           f"lemma+type={lemma}|{typ}", f"dep={anchor.dep_}", f"tag={anchor.tag_}",
           f"modality={view.modality}", f"type+modality={typ}|{view.modality}",
           f"source={src}", f"type+source={typ}|{src}", f"target={view.has_target}",
           f"type+target={typ}|{view.has_target}", f"reported={view.reported}",
           f"length={_bucket(view.n_tokens)}", f"weak={trig.sense.weak}",
           f"rule={round(view.rule_confidence, 1)}"]
    if trig.light is not None:
        out.append(f"light={trig.light.lemma_.lower()}|{typ}")
    if view.source is not None and view.source.sector:
        out.append(f"sector={view.source.sector}|{typ}")
    out.extend(f"mod={c.lemma_.lower()}" for c in anchor.children if c.dep_ in _MODIFIER_DEPS)
    out.extend(f"chain={h.lemma_.lower()}" for h in _heads(anchor))
    subj = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        out.append(f"subject={subj.tag_}|{subj.dep_}")
    return out


def _source_state(source: ActorRef | None) -> str:
    if source is None:
        return "none"
    return "actor" if source.actor else "name"


def _bucket(n: int) -> str:
    return next((str(b) for b in (10, 20, 35, 60) if n <= b), "long")


def _heads(tok: Token) -> list[Token]:
    out = []
    while tok.head.i != tok.i and len(out) < _CHAIN_DEPTH:
        tok = tok.head
        out.append(tok)
    return out


@dataclass(frozen=True)
class Gate:
    """A logistic model: P(draft is a real event of its type) from its features."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    @classmethod
    def load(cls, path: Path = GATE_FILE) -> Gate | None:
        """The shipped gate, or None when no weights file exists."""
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], bias=data["bias"], threshold=data["threshold"])
