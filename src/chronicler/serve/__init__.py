"""``chronicler serve``: a read-only REST API over the event store."""


from datetime import date
from pathlib import Path
from typing import Annotated, Any

from ..store import queries, queries_serve
from ..store.db import connect


def create_app(store: str | Path) -> Any:
    """The FastAPI app over the store at ``store``; every request opens a read-only connection."""
    from fastapi import Depends, FastAPI, HTTPException, Query
    from fastapi.responses import StreamingResponse

    db = Path(store)
    connect(db, read_only=True).close()  # fail at start, with a clear message, if absent
    app = FastAPI(title="chronicler", description="Political event data from news articles.")

    def reader() -> Any:
        """A read-only connection for one request, closed when the request ends."""
        con = connect(db, read_only=True)
        try:
            yield con
        finally:
            con.close()

    Reader = Annotated[Any, Depends(reader)]

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        return queries.stats(db)

    def filters(type: str | None = None, country: str | None = None,
                modality: str | None = None, q: str | None = None,
                date_from: Annotated[date | None, Query(alias="from")] = None,
                date_to: Annotated[date | None, Query(alias="to")] = None,
                min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None) -> dict[str, Any]:
        return {"type": type, "country": country, "modality": modality, "q": q,
                "date_from": date_from and str(date_from), "date_to": date_to and str(date_to),
                "min_confidence": min_confidence}

    @app.get("/api/events")
    def events(con: Reader, f: Annotated[dict, Depends(filters)],
               limit: Annotated[int, Query(ge=1, le=1000)] = 100,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict:
        return queries_serve.events(con, limit=limit, offset=offset, **f)

    @app.get("/api/events.csv")
    def events_csv(f: Annotated[dict, Depends(filters)]) -> Any:
        # Its own connection: a dependency's would close before the response has streamed.
        def body() -> Any:
            con = connect(db, read_only=True)
            try:
                yield from queries_serve.events_csv(con, **f)
            finally:
                con.close()
        return StreamingResponse(body(), media_type="text/csv")

    @app.get("/api/timeline")
    def timeline(con: Reader, f: Annotated[dict, Depends(filters)],
                 interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "day") -> dict:
        return {"interval": interval,
                "counts": queries_serve.timeline(con, interval=interval, **f)}

    @app.get("/api/articles/{key}")
    def article(con: Reader, key: str) -> dict[str, Any]:
        found = queries_serve.article(con, key)
        if found is None:
            raise HTTPException(404, f"no article {key!r} in {db}; list ids via /api/events")
        return found

    return app
