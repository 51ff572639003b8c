"""Internal gold types: every public gold format is converted into these by a loader.

A field that is ``None`` means "this gold set does not annotate that"; an empty tuple means
"annotated, and there is none" (for instance a PETRARCH sentence that must yield no event).
Offsets are Python string indices into ``GoldDoc.text``, ``end`` exclusive, like the records.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

Span = tuple[int, int]

#: A gold event slot that any predicted PLOVER type satisfies: the item reports a political
#: event but the gold set does not say which type (CASE 2021 "DIPLO", "ATTRIB").
ANY_TYPE = "ANY"

TASKS = ("quotes", "places", "events", "actors")


@dataclass(frozen=True)
class GoldQuote:
    """A quotation: its content spans (several when interrupted by "he said"), kind, speaker."""

    spans: tuple[Span, ...]
    kind: str  # "direct" | "indirect"
    text: str
    speaker: str | None = None  # the words of the speaker mention ("he", "Mr. Obama")
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None


@dataclass(frozen=True)
class GoldToponym:
    """A toponym mention and, where the gold set has them, its coordinates and gazetteer ids."""

    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-3, converted from the gold's country name
    name: str | None = None
    use: str | None = None  # "literal" | "metonymic" | "adjectival" where the gold says
    kind: str | None = None  # GeoNames feature class (A, P, H, L, S, T …) or the gold's own type


@dataclass(frozen=True)
class GoldEvent:
    """An event of a sentence or snippet.

    ``types`` lists the acceptable PLOVER types, the first being the primary one; ``(ANY_TYPE,)``
    accepts any type; ``()`` means the gold code has no PLOVER equivalent (a CAMEO 01x
    statement), so it counts for CAMEO scoring only.
    """

    types: tuple[str, ...]
    cameo: str | None = None
    label: str | None = None  # the gold's own label (CAMEO code, ACLED sub-event type)
    source: str | None = None
    target: str | None = None
    #: PLOVER modes the gold implies for its primary type (empty: the gold says none).
    modes: tuple[str, ...] = ()

    @property
    def is_plover(self) -> bool:
        return bool(self.types)


@dataclass(frozen=True)
class GoldActorMention:
    """A span the gold marks as an actor (event source/target, a named quote speaker)."""

    start: int
    end: int
    text: str
    role: str  # "source" | "target" | "reciprocal" | "speaker"


@dataclass(frozen=True)
class GoldDoc:
    """One gold item (article, snippet or sentence) with whatever the gold set annotates."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    quotes: tuple[GoldQuote, ...] | None = None
    places: tuple[GoldToponym, ...] | None = None
    #: Spans whose predicted places count neither right nor wrong (e.g. GeoWebNews demonyms).
    place_ignore: tuple[Span, ...] = ()
    events: tuple[GoldEvent, ...] | None = None
    #: 5-way class of the sentence: 0 none, 1 verbal coop, 2 material coop,
    #: 3 verbal conflict, 4 material conflict.
    sentence_label: int | None = None
    actors: tuple[GoldActorMention, ...] | None = None
    label: str | None = None  # the item's gold label, for reports (ACLED sub-type, CASE class)

    def annotates(self, task: str) -> bool:
        """Whether this item carries gold for ``task``."""
        if task == "quotes":
            return self.quotes is not None
        if task == "places":
            return self.places is not None
        if task == "events":
            return self.events is not None or self.sentence_label is not None
        if task == "actors":
            return self.actors is not None
        raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")


@dataclass
class GoldSet:
    """The docs of one gold file, what its loader skipped and why."""

    name: str
    format: str
    path: str
    docs: list[GoldDoc] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def tasks(self) -> tuple[str, ...]:
        """The tasks at least one doc has gold for."""
        return tuple(t for t in TASKS if any(d.annotates(t) for d in self.docs))
