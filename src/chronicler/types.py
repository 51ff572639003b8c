"""Plain frozen records: the only objects that leave the NLP part of chronicler.

Field names follow the record contract (SPEC.md). Offsets are Python string indices into
``Article.text``, ``end`` exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"

MODALITIES = ("asserted", "reported", "future", "hypothetical", "negated", "historical")
#: Modalities counted by default in exports and summaries (SPEC.md).
COUNTED_MODALITIES = ("asserted", "reported", "future", "historical")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

SECTORS = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)


@dataclass(frozen=True)
class Article:
    """One input article, cleaned. ``text`` is the body every offset points into."""

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    language: str = "en"
    origin: str | None = None  # where it was read from (file path, "file.jsonl:12", "-"); not in records
    # what reading it repaired ("[W104] a.txt: 2 NUL byte(s) removed"); not in records
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "author": self.author,
            "published": self.published, "source": self.source, "url": self.url,
            "language": self.language, "text": self.text,
        }


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Speaker:
    name: str
    text: str
    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect"
    cue: str | None = None
    speaker: Speaker | None = None


@dataclass(frozen=True)
class ActorRef:
    name: str
    actor: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Location:
    name: str
    lat: float
    lon: float
    country: str | None = None


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    evidence: Evidence
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    location: Location | None = None
    date: str | None = None
    date_text: str | None = None
    modality: str = "asserted"
    reported_by: str | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    use: str  # "literal" | "metonymic" | "adjectival"


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    geonameid: int | None = None
    mentions: tuple[PlaceMention, ...] = ()


@dataclass(frozen=True)
class Record:
    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    schema_version: str = SCHEMA_VERSION
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record of SPEC.md (tuples become lists)."""
        return {
            "schema_version": self.schema_version,
            "article": self.article.to_dict(),
            "actors": [_plain(a) for a in self.actors],
            "quotes": [_plain(q) for q in self.quotes],
            "events": [_plain(e) for e in self.events],
            "places": [_plain(p) for p in self.places],
        }


def _plain(obj: Any) -> Any:
    return _lists(asdict(obj))


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value
