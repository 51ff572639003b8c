"""Read-side SQL for the server: filtered events, one article. Parameterised, never raw SQL."""

from __future__ import annotations

from typing import Any

from ..types import COUNTED_MODALITIES

EVENT_COLUMNS = ("article_key, event_id, type, mode, cameo, source_name, source_country, "
                 "target_name, target_country, location_name, lat, lon, date, modality, "
                 "confidence, evidence_start, evidence_end, evidence_text")
#: Events listed in time order, then by where they are in their article.
EVENT_ORDER = "ORDER BY date NULLS LAST, article_key, event_id"


def event_filter(*, type: str | None = None, country: str | None = None,
                 modality: str | None = None, q: str | None = None,
                 date_from: str | None = None, date_to: str | None = None,
                 min_confidence: float | None = None) -> tuple[str, list[Any]]:
    """A WHERE clause and its parameters; counted modalities unless ``modality`` is given."""
    clauses: list[str] = []
    params: list[Any] = []
    if modality:
        clauses.append("modality = ?")
        params.append(modality)
    else:
        clauses.append("modality IN (SELECT unnest(?))")
        params.append(list(COUNTED_MODALITIES))
    if type:
        clauses.append("type = ?")
        params.append(type)
    if country:
        clauses.append("(source_country = ? OR target_country = ?)")
        params += [country, country]
    if q:
        clauses.append("evidence_text ILIKE ?")
        params.append(f"%{q}%")
    for clause, value in (("date >= CAST(? AS DATE)", date_from),
                          ("date <= CAST(? AS DATE)", date_to),
                          ("confidence >= ?", min_confidence)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return "WHERE " + " AND ".join(clauses), params


def timeline(con: Any, *, interval: str, **filters: Any) -> list[dict[str, Any]]:
    """Counts per day, week or month by type (``interval`` is checked by the route)."""
    where, params = event_filter(**filters)
    rows = con.execute(f"SELECT CAST(date_trunc('{interval}', date) AS DATE) AS d, type, count(*) FROM events "
                       f"{where} AND date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
                       params).fetchall()
    return [{"date": str(d), "type": t, "count": n} for d, t, n in rows]


def events_csv(con: Any, **filters: Any) -> Any:
    """The filtered events as CSV, yielded in Arrow batches (streamed, never all in memory)."""
    import io

    import pyarrow.csv as pacsv

    where, params = event_filter(**filters)
    # con.sql, not con.execute: Arrow from a DB-API cursor makes an extra copy of the rows.
    reader = con.sql(f"SELECT {EVENT_COLUMNS} FROM events {where} {EVENT_ORDER}",
                     params=params).to_arrow_reader(10_000)
    header = True
    for batch in reader:
        buf = io.BytesIO()
        pacsv.write_csv(batch, buf, pacsv.WriteOptions(include_header=header))
        header = False
        yield buf.getvalue()


def events(con: Any, *, limit: int, offset: int, **filters: Any) -> dict[str, Any]:
    where, params = event_filter(**filters)
    total = con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()[0]
    cur = con.execute(f"SELECT {EVENT_COLUMNS} FROM events {where} {EVENT_ORDER} "
                      "LIMIT ? OFFSET ?", params + [limit, offset])
    return {"total": int(total), "events": _dicts(cur, cur.fetchall(), dates=("date",))}


def _dicts(cur: Any, rows: list[tuple], *, dates: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows as dicts keyed by column name, the ``dates`` columns as ISO strings (JSON-ready)."""
    names = [d[0] for d in cur.description]
    return [{k: (str(v) if k in dates and v is not None else v) for k, v in zip(names, row)}
            for row in rows]


def article(con: Any, key: str) -> dict[str, Any] | None:
    cur = con.execute("SELECT * FROM articles WHERE article_key = ? OR id = ? LIMIT 1",
                      [key, key])
    row = cur.fetchone()
    if row is None:
        return None
    (record,) = _dicts(cur, [row], dates=("published",))
    cur = con.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE article_key = ? "
                      "ORDER BY evidence_start NULLS LAST, event_id", [record["article_key"]])
    record["events"] = _dicts(cur, cur.fetchall(), dates=("date",))
    return record
