"""Doc -> Record: the one boundary between spaCy objects and chronicler's plain records."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .types import Actor, Article, Mention, Record

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Entity labels that name actors: people, organisations, states and groups (nationalities,
# religious or political groups).
ACTOR_LABELS = {"PERSON": "person", "ORG": "org", "GPE": "gpe", "NORP": "group"}

_LEADING = re.compile(r"^(?:the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_SLUG = re.compile(r"[^a-z0-9]+")


def doc_to_record(doc: Doc, article: Article) -> Record:
    """The record of one parsed article."""
    return Record(article=article, actors=tuple(entity_actors(doc.ents)))


def entity_actors(ents: Iterable[Span]) -> list[Actor]:
    """Group entity mentions by the name they refer to.

    A person's later surname-only mention ("Putin") joins the earlier full name
    ("Vladimir Putin") when exactly one full name ends with it.
    """
    groups: dict[tuple[str, str], list[Mention]] = {}
    display: dict[tuple[str, str], str] = {}
    for ent in ents:
        kind = ACTOR_LABELS.get(ent.label_)
        if kind is None:
            continue
        start, end, name = _trim(ent)
        if not name:
            continue
        key = (kind, name.lower())
        groups.setdefault(key, []).append(Mention(start, end, ent.doc.text[start:end]))
        display.setdefault(key, name)
    _merge_surnames(groups, display)
    return [
        Actor(id=f"{kind}:{_SLUG.sub('-', low).strip('-')}", name=display[(kind, low)],
              mentions=tuple(sorted(mentions, key=lambda m: m.start)))
        for (kind, low), mentions in sorted(groups.items(), key=lambda kv: min(m.start for m in kv[1]))
    ]


def _trim(ent: Span) -> tuple[int, int, str]:
    """Character span and name without a leading "the" or a trailing possessive."""
    text = ent.text
    start, end = ent.start_char, ent.end_char
    lead = _LEADING.match(text)
    if lead:
        start += lead.end()
        text = text[lead.end():]
    tail = _TRAILING_POSSESSIVE.search(text)
    if tail and len(text) > tail.end() - tail.start():
        end -= tail.end() - tail.start()
        text = text[: tail.start()]
    text = text.strip()
    return start, start + len(text), " ".join(text.split())


def _merge_surnames(groups: dict[tuple[str, str], list[Mention]],
                    display: dict[tuple[str, str], str]) -> None:
    people = [key for key in groups if key[0] == "person"]
    for key in people:
        if " " in key[1]:
            continue
        fuller = [k for k in people if k != key and k[1].split()[-1] == key[1]]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))
            display.pop(key)
