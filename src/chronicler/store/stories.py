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


def build_stories(con: Any, *, window_days: int = WINDOW_DAYS, max_km: float = MAX_KM,
                  full: bool = False) -> int:
    """Bring the stories tables up to date with the events table; returns the number of
    stories in the store.

    Stories of one (type, source, target) key depend only on that key's events, so only keys
    that changed are clustered again: keys of events in no story yet (articles written since
    the last pass, or by a run that stopped before it) and keys of stories that lost events
    (articles deleted by --force). The result equals a full rebuild (``full=True``, which
    also serves other thresholds), at a cost that follows the new articles, not the store.
    An event that cannot link (no source and target, nor one of them and a place) is a story
    of its own, made for the new events alone."""
    con.execute("BEGIN TRANSACTION")
    try:
        if full:
            con.execute("DELETE FROM story_events")
            con.execute("DELETE FROM stories")
        _update(con, window_days=window_days, max_km=max_km)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return int(con.execute("SELECT count(*) FROM stories").fetchall()[0][0])


def _key_sql(prefix: str) -> str:
    """An actor's key in a story: its actor id, else "country/sector" ('?' for either part
    unknown), else '' (no actor). Over events columns {prefix}_actor, _country, _sector."""
    actor, country, sector = (f"nullif(e.{prefix}_{c}, '')" for c in ("actor", "country",
                                                                        "sector"))
    return (f"coalesce({actor}, CASE WHEN {country} IS NULL AND {sector} IS NULL THEN '' "
            f"ELSE coalesce({country}, '?') || '/' || coalesce({sector}, '?') END)")


_EVENTS = f"""
    SELECT *, ((skey <> '' AND tkey <> '') OR ((skey <> '' OR tkey <> '') AND lat IS NOT NULL))
              AS links   -- whether the event may join a story, or open one others join
    FROM (SELECT e.article_key, e.event_id, e.type, {_key_sql("source")} AS skey,
                 {_key_sql("target")} AS tkey, coalesce(e.date, a.published) AS day,
                 e.lat, e.lon, e.location_name
          FROM events e JOIN articles a USING (article_key)
          WHERE e.modality IN ({", ".join(repr(m) for m in sorted(COUNTED_MODALITIES))})
            AND coalesce(e.date, a.published) IS NOT NULL)"""


def _update(con: Any, *, window_days: int, max_km: float) -> None:
    # members whose event is gone or no longer counts (Store.delete removes its own)
    con.execute(f"""DELETE FROM story_events WHERE (article_key, event_id) NOT IN
        (SELECT (article_key, event_id) FROM ({_EVENTS}))""")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE story_pending AS
        SELECT ev.* FROM ({_EVENTS}) ev ANTI JOIN story_events se
        USING (article_key, event_id)""")
    con.execute("""CREATE OR REPLACE TEMP TABLE story_short AS
        SELECT s.story_id, s.type, s.source_key, s.target_key FROM stories s
        LEFT JOIN (SELECT story_id, count(*) AS n FROM story_events GROUP BY story_id) m
          USING (story_id)
        WHERE coalesce(m.n, 0) <> s.n_events""")  # stories that lost events
    con.execute("""CREATE OR REPLACE TEMP TABLE story_keys AS
        SELECT DISTINCT type, skey, tkey FROM story_pending WHERE links
        UNION
        SELECT type, source_key, target_key FROM story_short""")
    # every story of a key clustered again, and the stories that lost events
    con.execute("""CREATE OR REPLACE TEMP TABLE story_gone AS
        SELECT s.story_id FROM stories s JOIN story_keys k
          ON s.type = k.type AND s.source_key = k.skey AND s.target_key = k.tkey
        UNION
        SELECT story_id FROM story_short""")
    con.execute("DELETE FROM story_events WHERE story_id IN (SELECT story_id FROM story_gone)")
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT story_id FROM story_gone)")
    rows = con.execute(f"""
        SELECT ev.* FROM ({_EVENTS}) ev SEMI JOIN story_keys k
          ON ev.type = k.type AND ev.skey = k.skey AND ev.tkey = k.tkey
        UNION
        SELECT * FROM story_pending WHERE NOT links
        ORDER BY type, day, article_key, event_id""").fetchall()
    for table in ("story_pending", "story_short", "story_keys", "story_gone"):
        con.execute(f"DROP TABLE {table}")
    _insert(con, _cluster(rows, window_days=window_days, max_km=max_km))


def _insert(con: Any, stories: list[_Story]) -> None:
    """Two Arrow bulk inserts (one INSERT per story took minutes on 60,000 stories)."""
    import pyarrow as pa

    if not stories:
        return
    ids = [_story_id(s) for s in stories]
    members = pa.table({
        "story_id": [sid for sid, s in zip(ids, stories) for _ in s.members],
        "article_key": [a for s in stories for a, _ in s.members],
        "event_id": [e for s in stories for _, e in s.members]})
    table = pa.table({
        "story_id": ids, "type": [s.key[0] for s in stories],
        "source_key": [s.key[1] for s in stories], "target_key": [s.key[2] for s in stories],
        "first_date": [s.first for s in stories], "last_date": [s.last for s in stories],
        "n_articles": pa.array([len(s.articles) for s in stories], pa.int32()),
        "n_events": pa.array([len(s.members) for s in stories], pa.int32()),
        "location": pa.array([s.location for s in stories], pa.string()),
        "lat": pa.array([s.lat for s in stories], pa.float64()),
        "lon": pa.array([s.lon for s in stories], pa.float64())})
    con.register("story_members_in", members)
    con.register("stories_in", table)
    try:
        con.execute("INSERT INTO story_events SELECT * FROM story_members_in")
        con.execute("INSERT INTO stories SELECT * FROM stories_in")
    finally:
        con.unregister("story_members_in")
        con.unregister("stories_in")


def _cluster(rows: list[tuple], *, window_days: int, max_km: float) -> list[_Story]:
    """Rows (article_key, event_id, type, source key, target key, day, lat, lon, location,
    links: whether the event may link, computed in _EVENTS) in order of type and day. A key's open stories are in order of their first day: the search
    walks back to the oldest still in the window, then joins the oldest near enough."""
    open_stories: dict[tuple[str, str, str], list[_Story]] = {}
    done: list[_Story] = []
    for (akey, eid, etype, skey, tkey, day, lat, lon, loc, links) in rows:
        key = (etype, skey, tkey)
        story = None
        if links:
            stories = open_stories.get(key, [])
            start = len(stories)
            while start and (day - stories[start - 1].first).days <= window_days:
                start -= 1
            story = next((s for s in stories[start:] if _near(s, lat, lon, max_km)), None)
        if story is None:
            story = _Story(key, day, day, lat, lon, loc)
            if links:  # an event that does not link opens no story for others to join
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
