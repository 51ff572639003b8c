"""Where an event happened: the place its own clause names, else the article's dateline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..nlp.text import doc_text
from ..types import Event, Location, Place
from .clause import event_verb, evidence_sentences, path_up
from .recognize import dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Prepositions that place an action: "met in Sochi", "clashes near Daraa", "fled from Idlib".
LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "from", "outside", "inside", "across", "around", "throughout",
    "into", "on", "off", "along", "within", "between", "towards", "toward", "to",
})
# How far up from the preposition's head the event verb may be: "launch [an offensive] in X"
# is 1 step (the offensive, object of launch), "met in X" is 0.
MAX_STEPS = 2


def locate(event: Event, doc: Doc, places: Sequence[Place]) -> Location | None:
    """The event's location: a literal toponym in its evidence sentence attached by a locative
    preposition to the event verb or its object; else the article's dateline place; else None
    (never merely the first place of the article)."""
    sentences = evidence_sentences(event, doc)
    verb = event_verb(event, doc, sentences)
    if verb is not None:
        best: tuple[int, int, Place] | None = None
        lo, hi = sentences[0].start_char, sentences[-1].end_char
        for place in places:
            for m in place.mentions:
                if m.use != "literal" or not (lo <= m.start and m.end <= hi):
                    continue
                steps = _attachment(doc, m.start, m.end, verb)
                if steps is not None:
                    key = (steps, abs(m.start - verb.idx), place)
                    if best is None or key[:2] < best[:2]:
                        best = key
        if best is not None:
            return _location(best[2])
    return dateline_location(doc_text(doc), places)


def _attachment(doc: Doc, start: int, end: int, verb: Token) -> int | None:
    """Steps from the preposition governing the toponym up to the event verb, if any."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    t = span.root
    while t.dep_ in ("conj", "appos", "compound") and t.head.i != t.i:
        t = t.head  # "in Damascus and Aleppo", "in the Daraa Governorate"
    if t.dep_ != "pobj" or t.head.lower_ not in LOCATIVE_PREPS:
        return None
    return path_up(t.head.head, verb, MAX_STEPS)


def dateline_location(text: str, places: Sequence[Place]) -> Location | None:
    """The place named by the dateline that opens the article ("BEIRUT, March 3 (Reuters) -")."""
    span = dateline(text)
    if span is None:
        return None
    inside = [p for p in places for m in p.mentions if span[0] <= m.start < span[1]]
    if not inside:
        return None
    # "COLUMBUS, Ohio -": the town, not the region after it.
    first = min(inside, key=lambda p: min(m.start for m in p.mentions if m.start >= span[0]))
    return _location(first)


def _location(place: Place) -> Location:
    return Location(name=place.name, lat=place.lat, lon=place.lon, country=place.country)
