"""Records -> column batches for the store's tables (plain Python lists, then Arrow)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from ..types import ActorRef, Record

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_key", "id", "title", "author", "published", "source", "url", "language",
                 "n_words", "text", "producer"),
    "actors": ("article_key", "actor_id", "name", "country", "sector", "role", "n_mentions"),
    "mentions": ("article_key", "actor_id", "start", "end", "text"),
    "quotes": ("article_key", "quote_no", "kind", "text", "start", "end", "cue", "speaker_name",
               "speaker_text", "speaker_actor", "speaker_country", "speaker_sector"),
    "events": ("article_key", "event_id", "type", "mode", "context", "cameo", "source_name",
               "source_actor", "source_country", "source_sector", "target_name", "target_actor",
               "target_country", "target_sector", "location_name", "lat", "lon",
               "location_country", "date", "date_text", "modality", "reported_by", "confidence",
               "evidence_start", "evidence_end", "evidence_text"),
    "places": ("article_key", "place_no", "name", "lat", "lon", "country", "admin1", "feature",
               "geonameid", "n_mentions", "literal"),
    "place_mentions": ("article_key", "place_no", "start", "end", "text", "use"),
}


def article_key(text: str) -> str:
    """The content hash that identifies an article in the store."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def record_rows(record: Record, producer: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows for one record."""
    a = record.article
    key = article_key(a.text)
    rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    rows["articles"].append((key, a.id, a.title, a.author, a.published, a.source, a.url,
                             a.language, len(a.text.split()), a.text, producer))
    for actor in record.actors:
        rows["actors"].append((key, actor.id, actor.name, actor.country, actor.sector, actor.role,
                               len(actor.mentions)))
        rows["mentions"].extend((key, actor.id, m.start, m.end, m.text) for m in actor.mentions)
    for n, q in enumerate(record.quotes, start=1):
        s = q.speaker
        rows["quotes"].append((key, n, q.kind, q.text, q.start, q.end, q.cue,
                               s.name if s else None, s.text if s else None,
                               s.actor if s else None, s.country if s else None,
                               s.sector if s else None))
    for e in record.events:
        loc = e.location
        rows["events"].append((key, e.id, e.type, e.mode, ",".join(e.context) or None, e.cameo,
                               *_ref(e.source), *_ref(e.target),
                               loc.name if loc else None, loc.lat if loc else None,
                               loc.lon if loc else None, loc.country if loc else None,
                               e.date, e.date_text, e.modality, e.reported_by, e.confidence,
                               e.evidence.start, e.evidence.end, e.evidence.text))
    for n, p in enumerate(record.places, start=1):
        literal = any(m.use == "literal" for m in p.mentions)
        rows["places"].append((key, n, p.name, p.lat, p.lon, p.country, p.admin1, p.feature,
                               p.geonameid, len(p.mentions), literal))
        rows["place_mentions"].extend((key, n, m.start, m.end, m.text, m.use) for m in p.mentions)
    return rows


def _ref(ref: ActorRef | None) -> tuple[Any, ...]:
    if ref is None:
        return (None, None, None, None)
    return (ref.name, ref.actor, ref.country, ref.sector)
