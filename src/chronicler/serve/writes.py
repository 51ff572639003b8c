"""``POST /api/articles``: code one article and store it (only with ``--token-file``).

The body is one JSON object as in a JSONL input line (``text`` or ``html``, optional ``id``,
``title``, ``published``, ``url``, ``source``), at most ``max_bytes``. Articles are coded one at
a time in a worker thread (the event loop keeps serving reads) and written in one transaction.
"""

from __future__ import annotations

import asyncio
from typing import Any

from ..errors import Problem
from ..ingest import IngestConfig
from ..ingest.readers import read_jsonl_lines
from ..store.ingest import producer_id
from ..store.rows import article_key
from ..store.stories import build_stories
from .access import StoreAccess
from .cache import AnswerCache


class ArticleWriter:
    def __init__(self, access: StoreAccess, *, cache: AnswerCache, max_bytes: int) -> None:
        self.access = access
        self.cache = cache
        self.max_bytes = max_bytes
        self._pipeline: Any = None

    async def read_body(self, request: Any) -> bytes:
        """The request body, refused with 413 as soon as it passes ``max_bytes``."""
        from fastapi import HTTPException

        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise HTTPException(413, f"the article is {int(declared):,} bytes; the limit is "
                                f"{self.max_bytes:,}")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_bytes:
                raise HTTPException(413, f"the article is over the limit of {self.max_bytes:,} "
                                    "bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    async def submit(self, body: bytes) -> tuple[int, dict[str, Any]]:
        return await asyncio.to_thread(self._code_and_store, body)

    def _code_and_store(self, body: bytes) -> tuple[int, dict[str, Any]]:
        if not body.strip():
            return 422, {"detail": "the body is empty; send one JSON object with 'text' or "
                         "'html'"}
        (item,) = list(read_jsonl_lines([body.replace(b"\n", b" ").replace(b"\r", b" ")],
                                        origin="POST /api/articles", stem="posted",
                                        config=IngestConfig(max_bytes=self.max_bytes)))
        if isinstance(item, Problem):
            return 422, {"detail": str(item)}
        with self.access.write_lock:
            store = self.access.store
            key = article_key(item.text)
            if store.known([key]):
                return 200, {"article_key": key, "id": item.id, "stored": False,
                             "detail": "this article text is stored already"}
            if self._pipeline is None:
                from ..pipeline import PipelineConfig, build

                self._pipeline = build(PipelineConfig(n_process=1))
            record = self._pipeline.process(item)
            producer, settings = producer_id(self._pipeline.config)
            from .. import __version__

            store.register_producer(producer, __version__, settings)
            store.write([record], producer)
            build_stories(store.con)
            self.cache.writes += 1  # every cached answer is stale now
        return 201, {"article_key": key, "id": item.id, "stored": True,
                     "events": len(record.events), "quotes": len(record.quotes),
                     "actors": len(record.actors), "places": len(record.places)}
