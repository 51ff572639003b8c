"""``chronicler serve``: a read-only REST API over the event store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store import queries, queries_serve
from ..store.db import connect


def create_app(store: str | Path) -> Any:
    """The FastAPI app over the store at ``store``; every request opens a read-only connection."""
    from fastapi import FastAPI, HTTPException, Query

    db = Path(store)
    connect(db, read_only=True).close()  # fail at start, with a clear message, if absent
    app = FastAPI(title="chronicler", description="Political event data from news articles.")

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        return queries.stats(db)

    @app.get("/api/events")
    def events(type: str | None = None, country: str | None = None,
               modality: str | None = None, q: str | None = None,
               limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict:
        con = connect(db, read_only=True)
        try:
            return queries_serve.events(con, limit=limit, offset=offset, type=type,
                                        country=country, modality=modality, q=q)
        finally:
            con.close()

    @app.get("/api/articles/{key}")
    def article(key: str) -> dict[str, Any]:
        con = connect(db, read_only=True)
        try:
            found = queries_serve.article(con, key)
        finally:
            con.close()
        if found is None:
            raise HTTPException(404, f"no article {key!r} in {db}; list ids via /api/events")
        return found

    return app
