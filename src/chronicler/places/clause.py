"""The clause of an event: the sentences its evidence span covers and its verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp.text import doc_sents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..types import Event


def evidence_sentences(event: Event, doc: Doc) -> list[Span]:
    """Sentences overlapping the event's evidence span (the sentence it sits in, usually)."""
    start, end = event.evidence.start, event.evidence.end
    return [s for s in doc_sents(doc) if s.start_char < end and start < s.end_char]


def event_verb(event: Event, doc: Doc, sentences: list[Span]) -> Token | None:
    """The verb heading the evidence: the verb inside the evidence span nearest its sentence's
    root (by dependency depth), else the root of the first sentence."""
    start, end = event.evidence.start, event.evidence.end
    best: tuple[int, int] | None = None
    verb = None
    for sent in sentences:
        for t in sent:
            if t.pos_ not in ("VERB", "AUX") or not start <= t.idx < end:
                continue
            depth = _depth(t)
            if best is None or (depth, t.i) < best:
                best, verb = (depth, t.i), t
    if verb is None and sentences:
        verb = sentences[0].root
    return verb


def _depth(t: Token) -> int:
    depth = 0
    while t.head.i != t.i and depth < 50:
        t = t.head
        depth += 1
    return depth


def path_up(t: Token, target: Token, limit: int = 3) -> int | None:
    """Steps from ``t`` up its heads to ``target`` (None when more than ``limit``)."""
    for steps in range(limit + 1):
        if t.i == target.i:
            return steps
        if t.head.i == t.i:
            return None
        t = t.head
    return None
