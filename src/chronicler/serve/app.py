"""``create_app(store) -> FastAPI``: the REST API and the dashboard over an event store.

Routes are thin: they check parameters and call the SQL in ``store/queries_serve.py`` and
``store/queries_explore.py``. Read-only unless a token is given; then ``POST /api/articles``
codes and stores new articles for callers that send ``Authorization: Bearer <token>``.
"""


import hmac
import logging
import os
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from ..errors import StoreInUseError
from ..store import queries_explore as qx
from ..store import queries_serve as qs
from ..types import MODALITIES, PLOVER_TYPES
from .access import StoreAccess
from .cache import DEFAULT_SIZE, AnswerCache
from .security import SecurityHeaders, validation_message
from .writes import ArticleWriter

log = logging.getLogger("chronicler.serve")
#: The largest POST body accepted (bytes): a long article with its HTML fits comfortably.
MAX_POST_BYTES = 2_000_000
STATIC = resources.files(__package__).joinpath("static")

PloverType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
SortKey = Literal[tuple(k for s in qs.SORTS for k in (s, "-" + s))]  # type: ignore[valid-type]


def create_app(store: str | Path, *, token: str | None = None,
               max_post_bytes: int = MAX_POST_BYTES, cache_size: int = DEFAULT_SIZE) -> Any:
    """The FastAPI app over the store at ``store`` (read-only unless ``token`` is given);
    ``cache_size`` JSON answers are kept until the store changes (0: no cache)."""
    from fastapi import Depends, FastAPI, HTTPException, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
    from starlette.background import BackgroundTask

    access = StoreAccess(store, writable=token is not None)
    cache = AnswerCache(access.path, size=cache_size)
    writer = ArticleWriter(access, cache=cache, max_bytes=max_post_bytes) if token else None

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(lifespan=lifespan, title="chronicler",
                  description="Political event data from news articles: events, quotes, actors "
                              "and places, each with the words it came from.",
                  docs_url=None, redoc_url=None)  # /docs is our own page: no CDN
    app.add_middleware(SecurityHeaders)
    app.state.access = access
    app.state.cache = cache

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": validation_message(exc.errors()),
                             "errors": [{"loc": list(e["loc"]), "msg": e["msg"]}
                                        for e in exc.errors()]}, status_code=422)

    @app.exception_handler(StoreInUseError)
    async def busy(request: Request, exc: StoreInUseError) -> JSONResponse:
        return JSONResponse({"detail": f"the store {access.path} is busy: another process (a "
                             "running `chronicler ingest`) is writing to it. Try again when it "
                             "has finished."}, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error serving %s", request.url.path)
        return JSONResponse({"detail": "internal error; the server log has the details"},
                            status_code=500)

    def reader() -> Any:
        with access.reader() as con:
            yield con

    Reader = Annotated[Any, Depends(reader)]
    Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page (at most 1000)")]
    Offset = Annotated[int, Query(ge=0, le=10_000_000)]

    def filters(type: Annotated[PloverType | None, Query(description="PLOVER event type")] = None,
                mode: Annotated[str | None, Query(max_length=40)] = None,
                country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$",
                                                     description="ISO3 or IGO/NGO/MNC: source, "
                                                                 "target or location")] = None,
                actor: Annotated[str | None, Query(max_length=200,
                                                   description="actor id or name")] = None,
                place: Annotated[str | None, Query(max_length=200)] = None,
                modality: Annotated[Modality | None,
                                    Query(description="default: the counted modalities")] = None,
                q: Annotated[str | None, Query(max_length=200,
                                               description="words in the evidence")] = None,
                date_from: Annotated[date | None, Query(alias="from")] = None,
                date_to: Annotated[date | None, Query(alias="to")] = None,
                min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
                story: Annotated[str | None, Query(max_length=64)] = None) -> dict[str, Any]:
        return {"type": type, "mode": mode, "country": country, "actor": actor, "place": place,
                "modality": modality, "q": q, "date_from": date_from and str(date_from),
                "date_to": date_to and str(date_to), "min_confidence": min_confidence,
                "story": story}

    Filters = Annotated[dict, Depends(filters)]

    def _key(f: dict[str, Any]) -> tuple:
        return tuple(sorted((k, v) for k, v in f.items() if v is not None))

    @app.get("/api/stats", summary="Counts of articles, events, quotes, actors, places")
    def stats(con: Reader) -> dict[str, Any]:
        return cache.get(("stats",), lambda: qx.stats(con)) | {"writable": writer is not None}

    @app.get("/api/events", summary="Filtered events, one page: {total, events}")
    def events(con: Reader, f: Filters, limit: Limit = 100, offset: Offset = 0,
               sort: SortKey = "date") -> dict:
        return cache.get(("events", _key(f), limit, offset, sort),
                         lambda: qs.events(con, limit=limit, offset=offset, sort=sort, **f))

    @app.get("/api/events.csv", summary="The filtered events as CSV (streamed)")
    def events_csv(f: Filters) -> Any:
        # The body streams after the route returns: its connection lives in the generator.
        def body() -> Any:
            with access.reader() as con:
                yield from qs.events_csv(con, **f)
        return StreamingResponse(body(), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": 'attachment; filename="events.csv"'})

    @app.get("/api/events.parquet", summary="The filtered events as Parquet")
    def events_parquet(con: Reader, f: Filters) -> Any:
        # Parquet's footer comes last, so the file is written batch by batch to a temporary
        # file (memory stays flat) and streamed from there, then deleted.
        fd, path = tempfile.mkstemp(prefix="chronicler-", suffix=".parquet")
        os.close(fd)
        qs.events_parquet(con, path, **f)
        return FileResponse(path, media_type="application/vnd.apache.parquet",
                            filename="events.parquet", background=BackgroundTask(os.unlink, path))

    @app.get("/api/timeline", summary="Event counts per day/week/month/year by type")
    def timeline(con: Reader, f: Filters,
                 interval: Literal[qs.INTERVALS] = "day") -> dict:  # type: ignore[valid-type]
        return cache.get(("timeline", _key(f), interval), lambda: {
            "interval": interval, "counts": qs.timeline(con, interval=interval, **f)})

    @app.get("/api/map", summary="Located events clustered on a grid for a zoom level")
    def map_cells(con: Reader, f: Filters, zoom: Annotated[int, Query(ge=0, le=18)] = 2,
                  limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> dict:
        return cache.get(("map", _key(f), zoom, limit), lambda: {
            "zoom": zoom, "cells": qs.map_cells(con, zoom=zoom, limit=limit, **f)})

    @app.get("/api/network", summary="Actor-to-actor edges with counts by quad class")
    def network(con: Reader, f: Filters,
                limit: Annotated[int, Query(ge=1, le=500)] = 40) -> dict:
        return cache.get(("network", _key(f), limit), lambda: qx.network(con, limit=limit, **f))

    @app.get("/api/quotes", summary="Quotations with their speakers: {total, quotes}")
    def quotes(con: Reader, limit: Limit = 100, offset: Offset = 0,
               speaker: Annotated[str | None, Query(max_length=200)] = None,
               country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None,
               q: Annotated[str | None, Query(max_length=200)] = None,
               kind: Literal["direct", "indirect"] | None = None) -> dict:
        return qx.quotes(con, limit=limit, offset=offset, speaker=speaker, country=country,
                         q=q, kind=kind)

    @app.get("/api/actors", summary="Top actors by the number of (filtered) events")
    def actors(con: Reader, f: Filters, limit: Limit = 50,
               name: Annotated[str | None, Query(max_length=200,
                                                 description="part of a name")] = None) -> dict:
        return cache.get(("actors", _key(f), limit, name), lambda: {
            "actors": qx.actors(con, limit=limit, name_like=name, **f)})

    @app.get("/api/actors/{key}", summary="One actor: its events and quotes")
    def actor(con: Reader, key: str) -> dict:
        found = qx.actor(con, key)
        if found is None:
            raise HTTPException(404, f"no actor {key!r} in the store; list actors at /api/actors")
        return found

    @app.get("/api/places", summary="Places by the number of articles naming them")
    def places(con: Reader, limit: Limit = 100,
               q: Annotated[str | None, Query(max_length=200)] = None,
               country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None) -> dict:
        return {"places": qx.places(con, limit=limit, q=q, country=country)}

    @app.get("/api/articles/{key}", summary="One article's whole record")
    def article(con: Reader, key: str) -> dict[str, Any]:
        found = qs.article(con, key)
        if found is None:
            raise HTTPException(404, f"no article {key!r} in the store; article ids are listed "
                                "by /api/events (article_id)")
        return found

    if writer is not None:
        expected = token.encode()  # type: ignore[union-attr]

        @app.post("/api/articles", status_code=201,
                  summary="Code and store an article (needs Authorization: Bearer <token>)")
        async def post_article(request: Request) -> Any:
            sent = request.headers.get("authorization", "")
            scheme, _, given = sent.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                                     expected):
                raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is "
                                    "needed to add articles", headers={"WWW-Authenticate":
                                                                       "Bearer"})
            body = await writer.read_body(request)
            status, result = await writer.submit(body)
            return JSONResponse(result, status_code=status)

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        return _static_file("docs.html")

    @app.get("/", include_in_schema=False)
    def index() -> Any:
        return _static_file("index.html")

    @app.get("/static/{path:path}", include_in_schema=False)
    def static(path: str) -> Any:
        return _static_file(path)

    def _static_file(path: str) -> Any:
        root = Path(str(STATIC)).resolve()
        file = (root / path).resolve()
        if root not in file.parents or not file.is_file():
            raise HTTPException(404, f"no file {path!r}")
        return FileResponse(file, headers={"Cache-Control": "no-cache"})

    return app
