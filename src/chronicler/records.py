"""Doc -> Record: the one boundary between spaCy objects and chronicler's plain records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .actors import ActorResolver, ActorTable
from .types import Actor, Article, Mention, Record

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Stages:
    """The per-article stages after the parse, built once per process."""

    actors: ActorResolver


def doc_to_record(doc: Doc, article: Article, stages: Stages) -> Record:
    """The record of one parsed article."""
    table = stages.actors.resolve(doc, day=article.published)
    return Record(article=article, actors=tuple(actor_records(table, doc.text)))


def actor_records(table: ActorTable, text: str) -> list[Actor]:
    """Actors in order of first mention, each with its mentions in text order."""
    actors = sorted(table.actors.values(), key=lambda a: min(s for s, _ in a.mentions))
    return [
        Actor(id=a.id, name=a.name, country=a.country, sector=a.sector, role=a.role,
              mentions=tuple(Mention(s, e, text[s:e]) for s, e in sorted(set(a.mentions))))
        for a in actors
    ]
