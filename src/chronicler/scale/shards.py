"""Parquet shards of records: what Ray workers write and the store's one writer loads.

One row per article: its position in the input window (``seq``), its id, its store key, the
record as SPEC JSON, the record's warnings, and ``error`` when the article could not be coded
(then ``record`` is null). Loading is idempotent: articles the store already has are skipped,
so a shard loaded twice (a crash between loading and deleting it) adds nothing.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import E_POISONED, Problem
from ..types import (
    Actor,
    ActorRef,
    Article,
    Event,
    Evidence,
    Location,
    Mention,
    Place,
    PlaceMention,
    Quote,
    Record,
    Speaker,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from ..store.db import Store

# Records written to the store per transaction while loading shards.
LOAD_BATCH = 256


def shard_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([("seq", pa.int64()), ("article_id", pa.string()),
                      ("article_key", pa.string()), ("record", pa.string()),
                      ("warnings", pa.list_(pa.string())), ("error", pa.string())])



def record_from_dict(data: dict[str, Any]) -> Record:
    """The Record of a SPEC JSON record (``Record.to_dict`` inverted)."""
    a = data["article"]
    return Record(
        article=Article(id=a["id"], text=a["text"], title=a["title"], author=a["author"],
                        published=a["published"], source=a["source"], url=a["url"],
                        language=a["language"]),
        actors=tuple(Actor(**{**x, "mentions": tuple(Mention(**m) for m in x["mentions"])})
                     for x in data["actors"]),
        quotes=tuple(Quote(**{**q, "speaker": Speaker(**q["speaker"]) if q["speaker"] else None})
                     for q in data["quotes"]),
        events=tuple(_event(e) for e in data["events"]),
        places=tuple(Place(**{**p, "mentions": tuple(PlaceMention(**m) for m in p["mentions"])})
                     for p in data["places"]),
        schema_version=data["schema_version"])


def _event(e: dict[str, Any]) -> Event:
    return Event(**{**e, "context": tuple(e["context"]), "evidence": Evidence(**e["evidence"]),
                    "source": ActorRef(**e["source"]) if e["source"] else None,
                    "target": ActorRef(**e["target"]) if e["target"] else None,
                    "location": Location(**e["location"]) if e["location"] else None})


def shard_row(seq: int, record: Record | None, *, article: Article,
              error: str | None = None) -> dict[str, Any]:
    """One shard row (``record`` None with an ``error``)."""
    from ..store.rows import article_key

    return {"seq": seq, "article_id": article.id, "article_key": article_key(article.text),
            "record": None if record is None else json.dumps(record.to_dict(), ensure_ascii=False),
            "warnings": list(record.warnings) if record is not None else [], "error": error}


def shard_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.parquet")) if folder.is_dir() else []


def read_shard_rows(folder: Path) -> Iterator[dict[str, Any]]:
    """Every row of every shard under ``folder`` (a shard that will not read is reported and
    left alone: a crash while writing it; its articles are redone by the next run)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for path in shard_files(folder):
        try:
            table = pq.read_table(path)
        except (OSError, pa.ArrowInvalid) as exc:
            print(f"chronicler: shard {path} is unreadable ({exc}); its articles will be redone",
                  file=sys.stderr)
            continue
        yield from table.to_pylist()


def problem_of(row: dict[str, Any]) -> Problem:
    return Problem(f"article {row['article_id']}", E_POISONED, row["error"])


def load_shards(store: Store, folder: Path, producer: str, *, delete: bool = True
                ) -> tuple[int, int, list[Problem]]:
    """Write the shards' records the store lacks; (written, events, problems). Deletes the
    shard files once their records are committed (``delete``)."""
    written = events = 0
    problems: list[Problem] = []
    pending: list[Record] = []

    def flush() -> None:
        nonlocal written, events
        if not pending:
            return
        known = store.known(_keys(pending))
        fresh, seen = [], set(known)
        for record in pending:
            key = _keys([record])[0]
            if key not in seen:
                seen.add(key)
                fresh.append(record)
        if fresh:
            store.write(fresh, producer)
        written += len(fresh)
        events += sum(len(r.events) for r in fresh)
        pending.clear()

    files = shard_files(folder)
    for row in read_shard_rows(folder):
        if row["error"] is not None:
            problems.append(problem_of(row))
            continue
        pending.append(record_from_dict(json.loads(row["record"])))
        if len(pending) >= LOAD_BATCH:
            flush()
    flush()
    if delete:
        for path in files:
            path.unlink(missing_ok=True)
    return written, events, problems


def _keys(records: list[Record]) -> list[str]:
    from ..store.rows import article_key

    return [article_key(r.article.text) for r in records]
