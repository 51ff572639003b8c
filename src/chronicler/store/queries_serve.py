"""Read-side SQL for the server: filtered events, one article. Parameterised, never raw SQL."""

from __future__ import annotations

from typing import Any

from ..types import COUNTED_MODALITIES

EVENT_COLUMNS = ("article_key, event_id, type, mode, cameo, source_name, source_country, "
                 "target_name, target_country, location_name, lat, lon, date, modality, "
                 "confidence, evidence_start, evidence_end, evidence_text")


def event_filter(*, type: str | None = None, country: str | None = None,
                 modality: str | None = None, q: str | None = None) -> tuple[str, list[Any]]:
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
    return "WHERE " + " AND ".join(clauses), params


def events(con: Any, *, limit: int, offset: int, **filters: Any) -> dict[str, Any]:
    where, params = event_filter(**filters)
    total = con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()[0]
    cur = con.execute(f"SELECT {EVENT_COLUMNS} FROM events {where} "
                      "ORDER BY date NULLS LAST, article_key, event_id LIMIT ? OFFSET ?",
                      params + [limit, offset])
    names = [d[0] for d in cur.description]
    rows = [{k: (str(v) if k == "date" and v is not None else v) for k, v in zip(names, r)}
            for r in cur.fetchall()]
    return {"total": int(total), "events": rows}


def article(con: Any, key: str) -> dict[str, Any] | None:
    cur = con.execute("SELECT * FROM articles WHERE article_key = ? OR id = ? LIMIT 1",
                      [key, key])
    row = cur.fetchone()
    if row is None:
        return None
    record = {d[0]: (str(v) if d[0] == "published" and v is not None else v)
              for d, v in zip(cur.description, row)}
    found = events(con, limit=1000, offset=0)["events"]
    record["events"] = [e for e in found if e["article_key"] == record["article_key"]]
    return record
