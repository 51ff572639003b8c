"""The embedded event store (DuckDB): schema, single writer, stories, queries."""

from .db import DEFAULT_DB, Store, connect
from .ingest import IngestReport, ingest

__all__ = ["DEFAULT_DB", "IngestReport", "Store", "connect", "ingest"]
