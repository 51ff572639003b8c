"""Read-side queries: exports, statistics and user SQL (always on a read-only connection)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..types import COUNTED_MODALITIES
from .db import connect

_COUNTED = ", ".join(repr(m) for m in COUNTED_MODALITIES)

# One row per event, in the PLOVER data format's field names (actor = source, recipient =
# target), with the fields chronicler adds (CAMEO code, modality, confidence, evidence).
PLOVER_EVENTS = """
SELECT e.article_key || ':' || e.event_id AS id,
       coalesce(e.date, a.published) AS date,
       e.type AS event_type, e.mode, e.context,
       e.source_name AS actor, e.source_actor AS actor_id, e.source_country AS actor_country,
       e.source_sector AS actor_sector,
       e.target_name AS recipient, e.target_actor AS recipient_id,
       e.target_country AS recipient_country, e.target_sector AS recipient_sector,
       e.location_name AS location, e.lat AS latitude, e.lon AS longitude,
       e.location_country, e.cameo, e.modality, e.reported_by, e.confidence,
       se.story_id AS link, s.n_articles AS story_articles,
       a.id AS article_id, a.title AS article_title, a.published AS article_date,
       a.source AS publisher, a.url, e.evidence_text AS text,
       e.evidence_start, e.evidence_end, a.producer
FROM events e JOIN articles a USING (article_key)
LEFT JOIN story_events se USING (article_key, event_id)
LEFT JOIN stories s USING (story_id)
{where}
ORDER BY date NULLS LAST, a.id, e.event_id
"""

# PETRARCH-style event lines: date, source code, target code, CAMEO code, ids, urls. Actor codes
# are country + sector ("SYRGOV"; "---GOV" when the country is unknown); like PETRARCH, only
# events with both a source and a target are written, without a header line.
CAMEO_EVENTS = """
SELECT strftime(coalesce(e.date, a.published), '%Y%m%d') AS date,
       coalesce(e.source_country, '---') || coalesce(e.source_sector, '') AS source,
       coalesce(e.target_country, '---') || coalesce(e.target_sector, '') AS target,
       e.cameo AS code, a.id AS ids, a.url AS urls
FROM events e JOIN articles a USING (article_key)
WHERE e.cameo IS NOT NULL
  AND coalesce(e.source_country, e.source_sector) IS NOT NULL
  AND coalesce(e.target_country, e.target_sector) IS NOT NULL
  {modalities}
ORDER BY date NULLS LAST, a.id, e.event_id
"""

TABLES = ("events", "articles", "actors", "mentions", "quotes", "places", "place_mentions",
          "stories", "story_events")


def export(db: str | Path, output: str | Path, *, fmt: str = "csv", schema: str = "plover",
           table: str = "events", all_modalities: bool = False) -> int:
    """Write one table (events in the PLOVER or CAMEO layout) to CSV, JSONL or Parquet."""
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    where = "" if all_modalities else f"WHERE e.modality IN ({_COUNTED})"
    if schema == "cameo" and table != "events":
        raise UsageError("--schema cameo applies to the events table only")
    if table != "events":
        sql = f"SELECT * FROM {table}"
    elif schema == "cameo":
        sql = CAMEO_EVENTS.format(modalities="" if all_modalities
                                  else f"AND e.modality IN ({_COUNTED})")
    else:
        sql = PLOVER_EVENTS.format(where=where)
    import duckdb

    con = connect(db, read_only=True)
    try:
        count = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
        options = {"csv": "FORMAT csv, HEADER true",
                   "jsonl": "FORMAT json", "parquet": "FORMAT parquet"}[fmt]
        if fmt == "csv" and schema == "cameo" and table == "events":
            options = "FORMAT csv, HEADER false, DELIMITER '\t'"
        target = str(output).replace("'", "''")
        try:
            con.execute(f"COPY ({sql}) TO '{target}' ({options})")
        except duckdb.IOException as exc:
            raise UsageError(f"cannot write {output} ({exc}); check the folder exists and is "
                             "writable") from exc
    finally:
        con.close()
    return int(count)


def stats(db: str | Path, *, top: int = 10) -> dict[str, Any]:
    """Counts by type, top actors, date range (counted modalities only)."""
    con = connect(db, read_only=True)
    try:
        one = lambda q: con.execute(q).fetchone()
        by_type = con.execute(f"""SELECT type, count(*) FROM events
            WHERE modality IN ({_COUNTED}) GROUP BY type ORDER BY 2 DESC, 1""").fetchall()
        actors = con.execute(f"""SELECT name, country, sector, count(*) AS n FROM (
            SELECT source_name AS name, source_country AS country, source_sector AS sector
            FROM events WHERE modality IN ({_COUNTED}) AND source_name IS NOT NULL
            UNION ALL
            SELECT target_name, target_country, target_sector FROM events
            WHERE modality IN ({_COUNTED}) AND target_name IS NOT NULL)
            GROUP BY ALL ORDER BY n DESC, name LIMIT {int(top)}""").fetchall()
        return {
            "articles": one("SELECT count(*) FROM articles")[0],
            "events": one(f"SELECT count(*) FROM events WHERE modality IN ({_COUNTED})")[0],
            "events_all_modalities": one("SELECT count(*) FROM events")[0],
            "quotes": one("SELECT count(*) FROM quotes")[0],
            "places": one("SELECT count(*) FROM places")[0],
            "stories": one("SELECT count(*) FROM stories")[0],
            "multi_article_stories": one("SELECT count(*) FROM stories WHERE n_articles > 1")[0],
            "date_range": [str(d) if d else "-" for d in one(
                "SELECT min(published), max(published) FROM articles")],
            "events_by_type": {t: n for t, n in by_type},
            "top_actors": [{"name": n, "country": c, "sector": s, "events": k}
                           for n, c, s, k in actors],
        }
    finally:
        con.close()


def query(db: str | Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one read-only SELECT; returns column names and all rows (see ``sql_guard`` for
    what is refused, and ``stream_query`` for results too big to hold)."""
    from .sql_guard import stream_query

    columns, rows = stream_query(db, sql)
    return columns, list(rows)
