"""Sentences for event coding: spaCy's sentences, cut again at paragraph breaks and after a
closing quotation that ends a sentence ('... should leave.” Separately, ...').

The small parser often runs a sentence on across a blank line or a closing quotation; events,
speakers and evidence spans are per segment.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp.text import doc_sents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CLOSE_QUOTES = ("”", '"', "’", "»")
OPEN_QUOTES = ("“", '"', "‘", "«")
FINAL = (".", "!", "?", "…")


@dataclass(frozen=True)
class Sentence:
    """One segment: its span, its tokens (created once: spaCy makes a new Token object on
    every access) and the set of its lower-cased lemmas."""

    span: Span
    tokens: list[Token]
    lemmas: frozenset[str]
    index: int


def segments(doc: Doc, toks: list[Token]) -> Iterator[Sentence]:
    """Sentence segments of ``doc`` (whose tokens are ``toks``) in order, without leading or
    trailing whitespace tokens."""
    n = 0
    for sent in doc_sents(doc):
        start = sent.start
        for i in range(sent.start, sent.end - 1):
            if _cut_after(toks, i):
                seg = _make(doc, toks, start, i + 1, n)
                if seg is not None:
                    n += 1
                    yield seg
                start = i + 1
        seg = _make(doc, toks, start, sent.end, n)
        if seg is not None:
            n += 1
            yield seg


def _cut_after(toks: list[Token], i: int) -> bool:
    tok = toks[i]
    if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
        return True
    if tok.text in CLOSE_QUOTES and i >= 1 and toks[i - 1].text in FINAL and i + 1 < len(toks):
        nxt = toks[i + 1]
        return nxt.is_title or nxt.text in OPEN_QUOTES
    return False


def _make(doc: Doc, toks: list[Token], start: int, end: int, n: int) -> Sentence | None:
    while start < end and toks[start].is_space:
        start += 1
    while end > start and toks[end - 1].is_space:
        end -= 1
    if end <= start:
        return None
    words = toks[start:end]
    return Sentence(span=doc[start:end], tokens=words,
                    lemmas=frozenset(t.lemma_.lower() for t in words), index=n)
