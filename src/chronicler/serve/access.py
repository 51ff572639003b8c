"""How the server reaches the store: read-only by default, one writer when writes are enabled.

Read-only: each request opens its own read-only connection and closes it when done, so the
server holds no lock between requests and a `chronicler ingest` can take the file. While an
ingest holds the write lock the store cannot be opened at all (DuckDB allows one writer process
and no readers beside it); requests then get 503 saying so, and work again once it finishes.

Writable (``--token-file``): this process is the store's single writer. It keeps one
connection; readers take cursors of it (DuckDB's concurrent readers within one process) and
writes are serialised by a lock, one transaction per posted article.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..store.db import Store, connect


class StoreAccess:
    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        self.write_lock = threading.Lock()
        self._store: Store | None = None
        if writable:
            self._store = Store(self.path)
        else:
            connect(self.path, read_only=True).close()  # fail at start, clearly, if absent

    @contextmanager
    def reader(self) -> Iterator[Any]:
        """A connection for one request's reads, closed afterwards."""
        if self._store is not None:
            con = self._store.con.cursor()
        else:
            con = connect(self.path, read_only=True)
        try:
            # A request is small; several run at once on few cores: one thread each.
            con.execute("SET threads = 1")
            yield con
        finally:
            con.close()

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store was opened read-only")
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
