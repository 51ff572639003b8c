"""Doc -> Record: the one boundary between spaCy objects and chronicler's plain records."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .actors import ActorResolver, ActorTable
from .events import EventCoder
from .nlp.text import doc_text
from .places import PlaceResolver, date_event, locate
from .quotes import QuoteSpan, find_quotes, merge_groups
from .types import Actor, Article, Mention, Quote, Record, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Stages:
    """The per-article stages after the parse, built once per process."""

    actors: ActorResolver
    places: PlaceResolver
    events: EventCoder
    reference_date: str | None = None  # for articles without a published date


def doc_to_record(doc: Doc, article: Article, stages: Stages) -> Record:
    """The record of one parsed article."""
    text = doc_text(doc)
    table = stages.actors.resolve(doc, day=article.published)
    quotes = [quote_record(q, table, text) for q in merge_groups(find_quotes(doc))]
    places = stages.places.resolve(doc, kb_table=table)
    day = article.published or stages.reference_date
    events = [date_event(replace(e, location=locate(e, doc, places)), doc, day)
              for e in stages.events.code(doc, table, published=day)]
    return Record(article=article, actors=tuple(actor_records(table, text)),
                  quotes=tuple(quotes), events=tuple(events), places=tuple(places))


# Words that never stand as a speaker's name (SPEC: names are resolved, never pronouns).
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "this", "that", "who", "which", "one",
                       "his", "its", "their", "us", "our", "my", "your"])  # possessors: "his plan to ..."


def quote_record(q: QuoteSpan, table: ActorTable, text: str) -> Quote:
    """A quote with its speaker resolved: the actor at the speaker span, else at the
    antecedent (for "he", "the minister"), else the words of the speaker's noun phrase."""
    cue = text[q.cue[0]:q.cue[1]] if q.cue else None
    return Quote(text=text[q.start:q.end], start=q.start, end=q.end, kind=q.kind, cue=cue,
                 speaker=_speaker(q, table, text))


def _speaker(q: QuoteSpan, table: ActorTable, text: str) -> Speaker | None:
    if q.speaker is None:
        return None
    s, e = q.speaker
    actor = table.at(s, e)
    if actor is None and q.antecedent is not None:
        actor = table.at(*q.antecedent)
    if actor is not None:
        return Speaker(name=actor.name, text=text[s:e], actor=actor.id, country=actor.country,
                       sector=actor.sector, start=s, end=e)
    name_span = q.antecedent or q.speaker_np or q.speaker
    name = " ".join(text[name_span[0]:name_span[1]].split())
    if name.lower() in _PRONOUNS:
        return None  # an unresolved pronoun is no name
    return Speaker(name=name, text=text[s:e], start=s, end=e)


def actor_records(table: ActorTable, text: str) -> list[Actor]:
    """Actors in order of first mention, each with its mentions in text order."""
    actors = sorted(table.actors.values(), key=lambda a: min(s for s, _ in a.mentions))
    return [
        Actor(id=a.id, name=a.name, country=a.country, sector=a.sector, role=a.role,
              mentions=tuple(Mention(s, e, text[s:e]) for s, e in sorted(set(a.mentions))))
        for a in actors
    ]
