"""``chronicler query``: user SQL on the store, read-only and local, streamed.

Three locks, each enough for most attacks, together for all of them:

1. the statement check: exactly one statement, and it is a SELECT (``WITH``, ``FROM t``,
   ``VALUES``, ``DESCRIBE``, ``SHOW`` and ``SUMMARIZE`` are SELECTs to DuckDB); COPY, ATTACH,
   INSTALL/LOAD, SET/RESET, PRAGMA, CALL, EXPORT/IMPORT, CHECKPOINT, transactions and every write
   are refused before anything runs;
2. the connection: read-only, ``enable_external_access=false`` (no file reader -- read_csv,
   read_text, read_blob, read_parquet, read_json, glob -- no COPY TO, no ATTACH, no extension
   install or load, no network) and ``lock_configuration=true`` so no statement can undo that;
3. the result is fetched in batches, so a query of millions of rows streams in flat memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import QueryError, QueryRefusedError, StoreCorruptError, UsageError
from .db import connect, store_failure

FETCH_ROWS = 10_000
# Extensions are never installed or loaded, not even the ones DuckDB would load by itself.
SAFE_CONFIG = {"enable_external_access": False, "autoinstall_known_extensions": False,
               "autoload_known_extensions": False, "lock_configuration": True}


def check_sql(sql: str) -> None:
    """Refuse anything but one SELECT statement, with the reason (QueryRefusedError, E032)."""
    import duckdb

    if not sql.strip():
        raise UsageError("the query is empty; give a SELECT statement")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"the query does not parse: {_first_line(exc)}") from exc
    if not statements:
        raise UsageError("the query is empty (only comments); give a SELECT statement")
    if len(statements) > 1:
        raise QueryRefusedError(f"{len(statements)} statements given; `chronicler query` runs "
                                "exactly one SELECT (remove the ';'-separated extra statements)")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        name = getattr(kind, "name", str(kind))
        raise QueryRefusedError(f"{name} statements are refused: `chronicler query` is "
                                "read-only and runs one SELECT on the store; use `chronicler "
                                "export` to write files")


def stream_query(db: str | Path, sql: str, *,
                 batch: int = FETCH_ROWS) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Column names and a row iterator (fetched ``batch`` rows at a time) of one SELECT.

    The connection closes when the iterator is exhausted or garbage-collected."""
    import duckdb

    check_sql(sql)
    con = connect(db, read_only=True, config=SAFE_CONFIG)
    try:
        cur = con.execute(sql)
    except duckdb.Error as exc:
        con.close()
        raise _run_error(db, exc) from exc
    if cur.description is None:  # pragma: no cover - check_sql lets only SELECTs through
        con.close()
        raise QueryRefusedError("the statement returned no rows; `chronicler query` runs SELECTs")
    columns = [d[0] for d in cur.description]

    def rows() -> Iterator[tuple[Any, ...]]:
        try:
            while chunk := cur.fetchmany(batch):
                yield from chunk
        except duckdb.Error as exc:
            raise _run_error(db, exc) from exc
        finally:
            con.close()

    return columns, rows()


def _run_error(db: str | Path, exc: Exception) -> UsageError:
    import duckdb

    if isinstance(exc, duckdb.PermissionException):
        return QueryRefusedError(
            f"the query reads or writes outside the store ({_first_line(exc)}); `chronicler "
            "query` reads only the store's tables -- file readers (read_csv, read_text, "
            "read_parquet, glob ...), COPY, ATTACH and extensions are disabled")
    failure = store_failure(db, exc)
    if isinstance(failure, StoreCorruptError):
        return failure
    return QueryError(f"query failed: {_first_line(exc)}")


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
