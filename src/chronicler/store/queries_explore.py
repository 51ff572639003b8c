"""Read-side SQL for the server's browse routes: stats, quotes, actors, places, the network.
Parameterised throughout; an actor is known by its id when it has one, else by its name."""

from __future__ import annotations

from typing import Any

from ..eval.mappings import PENTACLASS_NAMES, PLOVER_QUAD
from ..types import COUNTED_MODALITIES
from .queries_serve import _like_escape, dicts, event_filter

COUNTED = list(COUNTED_MODALITIES)
#: The PLOVER manual's quad category of each type, as a SQL CASE over ``type``.
_QUAD_CASE = "CASE " + " ".join(f"WHEN type = '{t}' THEN '{PENTACLASS_NAMES[q]}'"
                                for t, q in sorted(PLOVER_QUAD.items())) + " END"
QUADS = PENTACLASS_NAMES[1:]


def stats(con: Any) -> dict[str, Any]:
    """Counts of what the store holds (events: the counted modalities only)."""
    one = lambda sql, *p: con.execute(sql, list(p)).fetchone()
    first, last = one("SELECT min(published), max(published) FROM articles")
    dates = one("SELECT min(date), max(date) FROM events WHERE date IS NOT NULL")
    by_type = con.execute("SELECT type, count(*) FROM events WHERE modality IN "
                          "(SELECT unnest(?)) GROUP BY 1 ORDER BY 2 DESC, 1", [COUNTED]).fetchall()
    return {
        "articles": one("SELECT count(*) FROM articles")[0],
        "events": one("SELECT count(*) FROM events WHERE modality IN (SELECT unnest(?))",
                      COUNTED)[0],
        "events_all_modalities": one("SELECT count(*) FROM events")[0],
        "quotes": one("SELECT count(*) FROM quotes")[0],
        "actors": one("SELECT count(DISTINCT actor_id) FROM actors")[0],
        "places": one("SELECT count(DISTINCT coalesce(CAST(geonameid AS VARCHAR), name)) "
                      "FROM places")[0],
        "stories": one("SELECT count(*) FROM stories")[0],
        "published_range": [first and str(first), last and str(last)],
        "event_date_range": [dates[0] and str(dates[0]), dates[1] and str(dates[1])],
        "events_by_type": dict(by_type),
    }


def quotes(con: Any, *, limit: int, offset: int, speaker: str | None = None,
           country: str | None = None, q: str | None = None, kind: str | None = None,
           article: str | None = None) -> dict[str, Any]:
    clauses, params = ["TRUE"], []
    if speaker:
        clauses.append("(speaker_actor = ? OR speaker_name ILIKE ? ESCAPE '\\')")
        params += [speaker, "%" + _like_escape(speaker) + "%"]
    for clause, value in (("speaker_country = ?", country and country.upper()),
                          ("kind = ?", kind), ("article_key = ?", article)):
        if value:
            clauses.append(clause)
            params.append(value)
    if q:
        clauses.append("text ILIKE ? ESCAPE '\\'")
        params.append("%" + _like_escape(q) + "%")
    where = "WHERE " + " AND ".join(clauses)
    total = con.execute(f"SELECT count(*) FROM quotes {where}", params).fetchone()[0]
    cur = con.execute(
        f"""SELECT q.*, a.id AS article_id, a.title AS article_title, a.published
            FROM (SELECT * FROM quotes {where}) q JOIN articles a USING (article_key)
            ORDER BY a.published DESC NULLS LAST, q.article_key, q.quote_no LIMIT ? OFFSET ?""",
        params + [limit, offset])
    return {"total": int(total), "limit": limit, "offset": offset,
            "quotes": dicts(cur, cur.fetchall())}


_SIDES = """SELECT coalesce(source_actor, source_name) AS key, source_name AS name,
                   source_country AS country, source_sector AS sector, 1 AS src, 0 AS tgt
            FROM events {where} AND source_name IS NOT NULL
            UNION ALL
            SELECT coalesce(target_actor, target_name), target_name, target_country,
                   target_sector, 0, 1
            FROM events {where} AND target_name IS NOT NULL"""


def actors(con: Any, *, limit: int, name_like: str | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Actors by the number of (filtered) events they take part in, as source or target."""
    where, params = event_filter(**filters)
    having, extra = "", []
    if name_like:
        having = "HAVING any_value(name) ILIKE ? ESCAPE '\\' OR key ILIKE ? ESCAPE '\\'"
        extra = ["%" + _like_escape(name_like) + "%"] * 2
    cur = con.execute(
        f"""SELECT key AS actor, mode(name) AS name, mode(country) AS country,
                   mode(sector) AS sector, count(*) AS events, sum(src) AS as_source,
                   sum(tgt) AS as_target
            FROM ({_SIDES.format(where=where)}) GROUP BY key {having}
            ORDER BY events DESC, key LIMIT ?""", params + params + extra + [limit])
    return dicts(cur, cur.fetchall())


def actor(con: Any, key: str, *, limit: int = 100) -> dict[str, Any] | None:
    """One actor (by id or name): its profile, its events and what it said."""
    (found,) = actors(con, limit=1, actor=key) or [None]
    quoted = con.execute("SELECT count(*) FROM quotes WHERE speaker_actor = ? OR speaker_name = ?",
                         [key, key]).fetchone()[0]
    if found is None and not quoted:
        return None
    from .queries_serve import events as event_page

    cur = con.execute(
        """SELECT q.*, a.id AS article_id, a.title AS article_title FROM
           (SELECT * FROM quotes WHERE speaker_actor = ? OR speaker_name = ?) q
           JOIN articles a USING (article_key) ORDER BY a.published DESC NULLS LAST, q.quote_no
           LIMIT ?""", [key, key, limit])
    return {"actor": found or {"actor": key, "name": key, "events": 0},
            "events": event_page(con, limit=limit, offset=0, actor=key)["events"],
            "quotes_total": int(quoted), "quotes": dicts(cur, cur.fetchall())}


def places(con: Any, *, limit: int, q: str | None = None,
           country: str | None = None) -> list[dict[str, Any]]:
    """Places by the number of articles that mention them, with their mention counts by use."""
    clauses, params = ["TRUE"], []
    if q:
        clauses.append("p.name ILIKE ? ESCAPE '\\'")
        params.append("%" + _like_escape(q) + "%")
    if country:
        clauses.append("p.country = ?")
        params.append(country.upper())
    cur = con.execute(
        f"""SELECT p.name, p.country, p.admin1, p.feature, p.geonameid,
                   round(avg(p.lat), 5) AS lat, round(avg(p.lon), 5) AS lon,
                   count(DISTINCT p.article_key) AS articles,
                   sum(p.n_mentions) AS mentions
            FROM places p WHERE {' AND '.join(clauses)}
            GROUP BY p.name, p.country, p.admin1, p.feature, p.geonameid
            ORDER BY articles DESC, mentions DESC, p.name LIMIT ?""", params + [limit])
    return dicts(cur, cur.fetchall())


def network(con: Any, *, limit: int, **filters: Any) -> dict[str, Any]:
    """Actor-to-actor edges (source → target) with event counts by quad class; the nodes are
    the actors of the ``limit`` heaviest edges."""
    where, params = event_filter(**filters)
    cur = con.execute(
        f"""SELECT coalesce(source_actor, source_name) AS source,
                   coalesce(target_actor, target_name) AS target,
                   mode(source_name) AS source_name, mode(target_name) AS target_name,
                   mode(source_country) AS source_country, mode(target_country) AS target_country,
                   count(*) AS events, {", ".join(
                       f"count(*) FILTER (WHERE {_QUAD_CASE} = '{q}') AS {q}" for q in QUADS)}
            FROM events {where} AND source_name IS NOT NULL AND target_name IS NOT NULL
                 AND coalesce(source_actor, source_name) <> coalesce(target_actor, target_name)
            GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ?""", params + [limit])
    edges = dicts(cur, cur.fetchall())
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for side in ("source", "target"):
            node = nodes.setdefault(e[side], {"id": e[side], "name": e[f"{side}_name"],
                                              "country": e[f"{side}_country"], "events": 0})
            node["events"] += e["events"]
    return {"quads": list(QUADS), "nodes": sorted(nodes.values(), key=lambda n: -n["events"]),
            "edges": [{"source": e["source"], "target": e["target"], "events": e["events"],
                       "by_quad": {q: e[q] for q in QUADS}} for e in edges]}
