"""The DuckDB store: one writer (this process), bulk Arrow inserts, one transaction per batch.

Crash safety: a batch's rows for every table are committed together, so a run killed at any
moment leaves only whole articles; the next run skips those (their content hash is known) and
redoes the rest. Stories are brought up to date from the events table at the end of each run (store/stories.py).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import StoreCorruptError, StoreInUseError, UsageError
from ..types import Record
from .rows import TABLE_COLUMNS, record_rows

DEFAULT_DB = "chronicler.duckdb"
# Tables whose rows belong to one article, in the order rows are deleted (children first).
ARTICLE_TABLES = ("story_events", "place_mentions", "places", "events", "quotes", "mentions",
                  "actors", "articles")


def _open_error(path: Path, exc: Exception) -> UsageError:
    """A clear error for a store DuckDB would not open: in use, not a database, or other."""
    detail = str(exc)
    if "lock" in detail.lower():
        return StoreInUseError(
            f"the store {path} is in use: another process is writing to it ({detail}). Wait for "
            "that ingest to finish, or give another --db; only one ingest may run per store.")
    if "not a valid DuckDB database" in detail:
        return StoreCorruptError(
            f"{path} is not a chronicler store: it is not a DuckDB database file (wrong path, or "
            "the file was truncated or overwritten). Check --db; to rebuild, move the file aside "
            "and re-run `chronicler ingest`.")
    return UsageError(f"cannot open the store {path}: {detail}")


def connect(path: str | Path, *, read_only: bool = False,  # type: ignore[no-untyped-def]
            config: dict[str, Any] | None = None):
    """Open (and for writers, create) the store at ``path``; ``config`` is DuckDB's."""
    import duckdb

    path = Path(path)
    if read_only and not path.exists():
        raise UsageError(f"no store at {path}; create one with `chronicler ingest PATH --db {path}`")
    try:
        con = duckdb.connect(str(path), read_only=read_only, config=config or {})
    except duckdb.Error as exc:
        raise _open_error(path, exc) from exc
    if not read_only:
        try:
            con.execute(resources.files(__package__).joinpath("schema.sql").read_text("utf-8"))
        except duckdb.Error as exc:
            con.close()
            raise store_failure(path, exc) from exc
    return con


# DuckDB's words for a file whose blocks cannot be read back: truncated, zeroed, overwritten.
_DAMAGE = ("attempted to read", "corrupt", "checksum", "serialization", "invalid block",
           "failed to load", "not a valid duckdb database", "could not read")


def store_failure(path: str | Path, exc: Exception) -> UsageError:
    """A DuckDB error raised while using the store at ``path``, as a coded error naming it:
    [E031] when the file is damaged, else the DuckDB message with the file's name."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    kind = type(exc).__name__.lower()
    if any(word in f"{kind} {detail}".lower() for word in _DAMAGE):
        return StoreCorruptError(
            f"the store {path} is damaged: DuckDB cannot read it back ({detail}); the file "
            "was truncated, zeroed or overwritten. Restore it from a backup, or move it aside "
            "and re-run `chronicler ingest` to rebuild it.")
    return UsageError(f"the store {path} failed: {detail}")


def _checked_size(size: str) -> str:
    """A DuckDB memory size ("64MB", "1.5GB"): checked, because SET takes no parameters."""
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", size.strip()):
        raise ValueError(f"memory size {size!r}: write it like 64MB or 1.5GB")
    return size.strip()


class Store:
    """Writer side of the store."""

    def __init__(self, path: str | Path, *, memory_limit: str | None = None) -> None:
        """``memory_limit`` caps DuckDB's buffer pool (e.g. "64MB"; default 80 % of RAM)."""
        self.memory_limit = _checked_size(memory_limit) if memory_limit is not None else None
        self.path = Path(path)
        self.con = connect(self.path)
        self.cap_memory(True)

    def cap_memory(self, on: bool) -> None:
        """Apply this store's ``memory_limit`` (on) or DuckDB's default (off)."""
        if self.memory_limit is not None:
            self.con.execute(f"SET memory_limit = '{self.memory_limit}'" if on
                             else "RESET memory_limit")

    def close(self) -> None:
        self.con.close()

    def register_producer(self, producer: str, version: str, config: dict[str, Any]) -> None:
        self.con.execute("INSERT INTO producers VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         [producer, version, json.dumps(config, sort_keys=True)])

    def known(self, keys: Iterable[str]) -> set[str]:
        """Which of these article keys are stored already."""
        keys = list(keys)
        if not keys:
            return set()
        found = self.con.execute("SELECT article_key FROM articles WHERE article_key IN "
                                 "(SELECT unnest(?))", [keys]).fetchall()
        return {k for (k,) in found}

    def delete(self, keys: Iterable[str]) -> None:
        """Forget these articles (for --force), with their rows in every table."""
        keys = list(keys)
        if not keys:
            return
        self.con.execute("BEGIN TRANSACTION")
        for table in ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE article_key IN (SELECT unnest(?))",
                             [keys])
        self.con.execute("COMMIT")

    def write(self, records: list[Record], producer: str) -> None:
        """All rows of these records in one transaction (Arrow bulk inserts)."""
        import pyarrow as pa

        columns: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for record in records:
            for table, rows in record_rows(record, producer).items():
                columns[table].extend(rows)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, cols in TABLE_COLUMNS.items():
                rows = columns.get(table)
                if not rows:
                    continue
                arrow = pa.Table.from_pylist([dict(zip(cols, r)) for r in rows])
                self.con.register("_batch", arrow)
                names = ", ".join(f'"{c}"' for c in cols)
                self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _batch")
                self.con.unregister("_batch")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
