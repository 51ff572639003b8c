"""``doc_text``, ``doc_sents`` and ``doc_ents``: a Doc's text, sentences and entities, built
once however many stages read them.

spaCy builds ``Doc.text`` (joining every token's text), ``Doc.sents`` and ``Doc.ents`` (a Span
per sentence or entity) anew at each access: ~0.4 ms each for a 700-word article, a quarter of a percent of
its parse, and the stages of one article read them about ten times. What was built for the
last Doc asked about is kept, with that Doc itself so that no other Doc can take its identity.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_last: tuple[object, dict[str, Any]] = (None, {})


def _cached(doc: Doc, key: str, build: Callable[[Doc], Any]) -> Any:
    global _last
    held = _last
    if held[0] is not doc:
        held = (doc, {})
        _last = held
    views = held[1]
    if key not in views:
        views[key] = build(doc)
    return views[key]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    return _cached(doc, "text", lambda d: d.text)  # type: ignore[no-any-return]


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``tuple(doc.sents)``, built once per Doc."""
    return _cached(doc, "sents", lambda d: tuple(d.sents))  # type: ignore[no-any-return]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``tuple(doc.ents)``, built once per Doc."""
    return _cached(doc, "ents", lambda d: tuple(d.ents))  # type: ignore[no-any-return]
