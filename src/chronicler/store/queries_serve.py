"""Read-side SQL for the server: filtered events, timeline, map cells, exports, one article.

Every value reaches DuckDB as a parameter; the only text spliced into SQL comes from the
closed lists below (sort keys, intervals), never from a request.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..types import COUNTED_MODALITIES

EVENT_COLUMNS = ("article_key, event_id, type, mode, context, cameo, source_name, source_actor, "
                 "source_country, source_sector, target_name, target_actor, target_country, "
                 "target_sector, location_name, lat, lon, location_country, date, date_text, "
                 "modality, reported_by, confidence, evidence_start, evidence_end, evidence_text")
#: Sort keys a client may ask for (a leading '-' sorts descending), and their columns.
SORTS = {"date": "date", "type": "type", "confidence": "confidence", "source": "source_name",
         "target": "target_name", "place": "location_name", "modality": "modality",
         "cameo": "cameo"}
INTERVALS = ("day", "week", "month", "year")


def order_by(sort: str | None, *, prefix: str = "") -> str:
    """ORDER BY for a checked sort key; ties break by article and place in it, so pages are
    stable (plain columns only: an expression here would be computed for every row)."""
    key = (sort or "date").lstrip("-")
    direction = "DESC" if (sort or "").startswith("-") else "ASC"
    return (f"ORDER BY {prefix}{SORTS[key]} {direction} NULLS LAST, {prefix}article_key, "
            f"{prefix}evidence_start NULLS LAST, {prefix}event_id")


def event_filter(*, type: str | None = None, mode: str | None = None,
                 country: str | None = None, actor: str | None = None,
                 place: str | None = None, modality: str | None = None, q: str | None = None,
                 date_from: str | None = None, date_to: str | None = None,
                 min_confidence: float | None = None, story: str | None = None,
                 article: str | None = None) -> tuple[str, list[Any]]:
    """A WHERE clause and its parameters; counted modalities unless ``modality`` is given."""
    clauses: list[str] = []
    params: list[Any] = []
    if modality:
        clauses.append("modality = ?")
        params.append(modality)
    else:
        clauses.append(f"modality IN ({', '.join('?' * len(COUNTED_MODALITIES))})")
        params.extend(COUNTED_MODALITIES)
    for clause, value in (("type = ?", type), ("mode = ?", mode),
                          ("date >= CAST(? AS DATE)", date_from),
                          ("date <= CAST(? AS DATE)", date_to),
                          ("confidence >= ?", min_confidence),
                          ("article_key = ?", article)):
        if value is not None and value != "":
            clauses.append(clause)
            params.append(value)
    if country:
        clauses.append("(source_country = ? OR target_country = ? OR location_country = ?)")
        params += [country.upper()] * 3
    if actor:
        # an actor id ('USA', 'UNO', 'Q…') or a canonical name as the API lists it
        clauses.append("(source_actor = ? OR target_actor = ? OR source_name = ? "
                       "OR target_name = ?)")
        params += [actor] * 4
    if place:
        clauses.append("lower(location_name) = lower(?)")
        params.append(place)
    if q:
        clauses.append("evidence_text ILIKE ? ESCAPE '\\'")
        params.append("%" + _like_escape(q) + "%")
    if story:
        clauses.append("(article_key, event_id) IN (SELECT article_key, event_id "
                       "FROM story_events WHERE story_id = ?)")
        params.append(story)
    return "WHERE " + " AND ".join(clauses), params


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def events(con: Any, *, limit: int, offset: int, sort: str | None = None,
           **filters: Any) -> dict[str, Any]:
    """One page of filtered events with their article's id and title and their story."""
    where, params = event_filter(**filters)
    total = con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()[0]
    cur = con.execute(f"SELECT {EVENT_COLUMNS} FROM events {where} {order_by(sort)} "
                      "LIMIT ? OFFSET ?", params + [limit, offset])
    page = dicts(cur, cur.fetchall())
    add_articles(con, page)
    return {"total": int(total), "limit": limit, "offset": offset, "events": page}


def add_articles(con: Any, events: list[dict[str, Any]]) -> None:
    """Each event's article id and title and its story, looked up for this page only."""
    keys = sorted({e["article_key"] for e in events})
    if not keys:
        return
    titles = {k: (i, t) for k, i, t in con.execute(
        "SELECT article_key, id, title FROM articles WHERE article_key IN (SELECT unnest(?))",
        [keys]).fetchall()}
    stories = {(k, e): s for k, e, s in con.execute(
        "SELECT article_key, event_id, story_id FROM story_events "
        "WHERE article_key IN (SELECT unnest(?))", [keys]).fetchall()}
    for e in events:
        e["article_id"], e["article_title"] = titles.get(e["article_key"], (None, None))
        e["story"] = stories.get((e["article_key"], e["event_id"]))


def timeline(con: Any, *, interval: str, **filters: Any) -> list[dict[str, Any]]:
    """Counts per day, week, month or year by type (``interval`` is one of INTERVALS)."""
    assert interval in INTERVALS
    where, params = event_filter(**filters)
    rows = con.execute(f"SELECT CAST(date_trunc('{interval}', date) AS DATE) AS d, type, count(*) "
                       f"FROM events {where} AND date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
                       params).fetchall()
    return [{"date": str(d), "type": t, "count": n} for d, t, n in rows]


def map_cells(con: Any, *, zoom: int, limit: int, **filters: Any) -> list[dict[str, Any]]:
    """Located events clustered on a grid whose cells shrink as the map zooms in: for each cell
    the events' mean position, their count and counts by type (one row per cell, so the map is
    as fast on a million events as on ten)."""
    cell = 360.0 / (2 ** (zoom + 3))  # about eight cells across a 256-pixel tile
    where, params = event_filter(**filters)
    rows = con.execute(
        f"""WITH by_type AS (
                SELECT floor(lat / ?) AS gy, floor(lon / ?) AS gx, type, count(*) AS n,
                       sum(lat) AS slat, sum(lon) AS slon, min(location_name) AS name1,
                       max(location_name) AS name2
                FROM events {where} AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL)
            SELECT sum(slat) / sum(n), sum(slon) / sum(n), sum(n) AS total,
                   list(type ORDER BY n DESC, type), list(n ORDER BY n DESC, type),
                   min(name1), max(name2)
            FROM by_type GROUP BY gy, gx ORDER BY total DESC, gy, gx LIMIT ?""",
        [cell, cell] + params + [limit]).fetchall()
    return [{"lat": round(lat, 5), "lon": round(lon, 5), "count": int(total),
             "types": dict(zip(types, counts)), "top_type": types[0],
             "name": first if first == last else None}
            for lat, lon, total, types, counts, first, last in rows]


def events_arrow(con: Any, *, batch_rows: int = 10_000, **filters: Any) -> Any:
    """The filtered events (all of them) as an Arrow record-batch reader, in date order."""
    where, params = event_filter(**filters)
    # con.sql, not con.execute: Arrow from a DB-API cursor makes an extra copy of the rows.
    return con.sql(f"""SELECT e.*, a.id AS article_id FROM
                         (SELECT {EVENT_COLUMNS} FROM events {where}) e
                       LEFT JOIN articles a USING (article_key) {order_by(None, prefix="e.")}""",
                   params=params).to_arrow_reader(batch_rows)


def events_csv(con: Any, **filters: Any) -> Iterator[bytes]:
    """The filtered events as CSV, yielded batch by batch (never all in memory)."""
    import io

    import pyarrow.csv as pacsv

    header = True
    for batch in events_arrow(con, **filters):
        buf = io.BytesIO()
        pacsv.write_csv(batch, buf, pacsv.WriteOptions(include_header=header))
        header = False
        yield buf.getvalue()


def events_parquet(con: Any, path: str, **filters: Any) -> int:
    """Write the filtered events to a Parquet file batch by batch; returns the row count."""
    import pyarrow.parquet as pq

    reader = events_arrow(con, **filters)
    rows = 0
    with pq.ParquetWriter(path, reader.schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def dicts(cur: Any, rows: list[tuple]) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts keyed by column name (dates as ISO strings)."""
    import datetime

    names = [d[0] for d in cur.description]
    return [{k: (v.isoformat() if isinstance(v, datetime.date) else v)
             for k, v in zip(names, row)} for row in rows]


def article(con: Any, key: str) -> dict[str, Any] | None:
    """One article's whole record: text, events (every modality), quotes, actors with their
    mentions, places with their mentions; by article key or by the article's own id."""
    cur = con.execute("SELECT * FROM articles WHERE article_key = ? OR id = ? "
                      "ORDER BY article_key = ? DESC LIMIT 1", [key, key, key])
    row = cur.fetchone()
    if row is None:
        return None
    (record,) = dicts(cur, [row])
    ak = [record["article_key"]]

    def rows(sql: str) -> list[dict[str, Any]]:
        c = con.execute(sql, ak)
        return dicts(c, c.fetchall())

    record["events"] = rows(f"""SELECT e.*, se.story_id AS story FROM
        (SELECT {EVENT_COLUMNS} FROM events WHERE article_key = ?) e
        LEFT JOIN story_events se USING (article_key, event_id)
        ORDER BY evidence_start NULLS LAST, CAST(substr(event_id, 2) AS INTEGER), event_id""")
    record["quotes"] = rows("SELECT * EXCLUDE (article_key) FROM quotes WHERE article_key = ? "
                           "ORDER BY start NULLS LAST, quote_no")
    actors = rows("SELECT * EXCLUDE (article_key) FROM actors WHERE article_key = ? "
                  "ORDER BY n_mentions DESC, name")
    mentions = rows('SELECT actor_id, start, "end", text FROM mentions WHERE article_key = ? '
                    "ORDER BY start")
    record["actors"] = _with_mentions(actors, mentions, "actor_id")
    places = rows("SELECT * EXCLUDE (article_key) FROM places WHERE article_key = ? "
                  "ORDER BY n_mentions DESC, name")
    pm = rows('SELECT place_no, start, "end", text, use FROM place_mentions '
              "WHERE article_key = ? ORDER BY start")
    record["places"] = _with_mentions(places, pm, "place_no")
    return record


def _with_mentions(owners: list[dict[str, Any]], mentions: list[dict[str, Any]],
                   key: str) -> list[dict[str, Any]]:
    """Each owner (actor, place) with its mentions, matched on ``key``, in text order."""
    by_key: dict[Any, list[dict[str, Any]]] = {}
    for m in mentions:
        by_key.setdefault(m[key], []).append(m)
    for owner in owners:
        owner["mentions"] = by_key.get(owner[key], [])
    return owners
