"""How the server reaches the store: read-only by default, one writer when writes are enabled.

Read-only: requests share one read-only DuckDB instance (its buffer pool stays warm; each
request takes a cursor of it). The instance is closed again once no request has come for
IDLE_SECONDS, so the server holds no lock while idle and a `chronicler ingest` can take the
file. While an ingest holds the write lock the store cannot be opened at all (DuckDB allows one
writer process and no readers beside it); requests then get 503 saying so, and work again once
it finishes. An ingest started while the dashboard is busy says the store is in use (E030).

Writable (``--token-file``): this process is the store's single writer. It keeps one
connection; readers take cursors of it and writes are serialised by a lock, one transaction
per posted article.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..store.db import Store, connect

#: Seconds without a request after which the read-only instance is closed (lock released).
IDLE_SECONDS = 2.0


class StoreAccess:
    def __init__(self, path: str | Path, *, writable: bool = False,
                 idle_seconds: float = IDLE_SECONDS) -> None:
        self.path = Path(path)
        self.writable = writable
        self.idle_seconds = idle_seconds
        self.write_lock = threading.Lock()
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._shared: Any = None  # the read-only instance, while requests come
        self._active = 0
        self._last_used = 0.0
        self._closer: threading.Thread | None = None
        if writable:
            self._store = Store(self.path)
        else:
            connect(self.path, read_only=True).close()  # fail at start, clearly, if absent

    @contextmanager
    def reader(self) -> Iterator[Any]:
        """A cursor for one request's reads, closed afterwards."""
        if self._store is not None:
            con = self._store.con.cursor()
        else:
            con = self._acquire()
        try:
            yield con
        finally:
            con.close()
            if self._store is None:
                with self._lock:
                    self._active -= 1
                    self._last_used = time.monotonic()

    def _acquire(self) -> Any:
        with self._lock:
            if self._shared is None:
                self._shared = connect(self.path, read_only=True)  # E030 while an ingest writes
                if self._closer is None or not self._closer.is_alive():
                    self._closer = threading.Thread(target=self._close_when_idle, daemon=True,
                                                    name="chronicler-store-idle")
                    self._closer.start()
            self._active += 1
            return self._shared.cursor()

    def _close_when_idle(self) -> None:
        while True:
            time.sleep(min(self.idle_seconds / 4, 0.5))
            with self._lock:
                if self._shared is None:
                    return
                if self._active == 0 and time.monotonic() - self._last_used >= self.idle_seconds:
                    self._shared.close()
                    self._shared = None
                    return

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store was opened read-only")
        return self._store

    def close(self) -> None:
        with self._lock:
            if self._shared is not None:
                self._shared.close()
                self._shared = None
        if self._store is not None:
            self._store.close()
