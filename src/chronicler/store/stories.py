"""One story per real-world event: events of the same type between the same actors, close in
time and place, reported by one or more articles, are linked (PLOVER `link`).

The rule, in order of the events' dates (event date, else the article's published date):
an event joins the open story of its (type, source, target) key when its date is within
``window_days`` of the story's first date and its location is within ``max_km`` of the
story's location (or either has none). Otherwise it opens a new story. Actors are compared
by actor id when both have one, else by country + sector. Only events with both a source and
a target are linked, or with one of them and a location: "Trump criticised someone" in two
articles of one week is rarely the same event, "Trump criticised Clinton" often is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from ..geometry import haversine_km
from ..types import COUNTED_MODALITIES

# Thresholds measured with benchmarks/stories.py on ../shared/corpus/news (1,562 articles):
# linking within 1 day gave 82 multi-article stories with a same-topic proxy of 0.42 (a hand
# check of 14 found about 8 right); 3 days gave 140 at 0.36, 7 days 197 at 0.32. Distance
# barely matters here (few events are located): 50 km and 1,000 km differ by 5 stories.
WINDOW_DAYS = 1
MAX_KM = 200.0


@dataclass
class _Story:
    key: tuple[str, str, str]
    first: Date
    last: Date
    lat: float | None
    lon: float | None
    location: str | None
    members: list[tuple[str, str]] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


def actor_key(actor: str | None, country: str | None, sector: str | None) -> str:
    if actor:
        return actor
    if country or sector:
        return f"{country or '?'}/{sector or '?'}"
    return ""


def build_stories(con: Any, *, window_days: int = WINDOW_DAYS, max_km: float = MAX_KM) -> int:
    """Rebuild the stories tables from the events table; returns the number of stories."""
    rows = con.execute(f"""
        SELECT e.article_key, e.event_id, e.type, e.source_actor, e.source_country,
               e.source_sector, e.target_actor, e.target_country, e.target_sector,
               coalesce(e.date, a.published) AS day, e.lat, e.lon, e.location_name
        FROM events e JOIN articles a USING (article_key)
        WHERE e.modality IN ({", ".join(repr(m) for m in COUNTED_MODALITIES)})
          AND coalesce(e.date, a.published) IS NOT NULL
        ORDER BY e.type, day, e.article_key, e.event_id
    """).fetchall()
    stories = _cluster(rows, window_days=window_days, max_km=max_km)
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM story_events")
    con.execute("DELETE FROM stories")
    for story in stories:
        sid = _story_id(story)
        con.executemany("INSERT INTO story_events VALUES (?, ?, ?)",
                        [(sid, a, e) for a, e in story.members])
        con.execute("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [sid, story.key[0], story.key[1], story.key[2], story.first, story.last,
                     len(story.articles), len(story.members), story.location, story.lat,
                     story.lon])
    con.execute("COMMIT")
    return len(stories)


def _cluster(rows: list[tuple], *, window_days: int, max_km: float) -> list[_Story]:
    open_stories: dict[tuple[str, str, str], list[_Story]] = {}
    done: list[_Story] = []
    for (akey, eid, etype, sa, sc, ss, ta, tc, ts, day, lat, lon, loc) in rows:
        key = (etype, actor_key(sa, sc, ss), actor_key(ta, tc, ts))
        story = None
        if (key[1] and key[2]) or ((key[1] or key[2]) and lat is not None):
            story = next((s for s in open_stories.get(key, [])
                          if (day - s.first).days <= window_days and _near(s, lat, lon, max_km)),
                         None)
        if story is None:
            story = _Story(key, day, day, lat, lon, loc)
            open_stories.setdefault(key, []).append(story)
            done.append(story)
        story.members.append((akey, eid))
        story.articles.add(akey)
        story.last = max(story.last, day)
        if story.lat is None and lat is not None:
            story.lat, story.lon, story.location = lat, lon, loc
    return done


def _near(story: _Story, lat: float | None, lon: float | None, max_km: float) -> bool:
    if story.lat is None or lat is None or story.lon is None or lon is None:
        return True
    return haversine_km(story.lat, story.lon, lat, lon) <= max_km


def _story_id(story: _Story) -> str:
    first = min(story.members)
    digest = hashlib.sha1("|".join((*story.key, *first)).encode()).hexdigest()[:12]
    return f"s-{digest}"
