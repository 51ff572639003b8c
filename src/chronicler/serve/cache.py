"""A small cache of JSON answers, keyed by route and parameters and by the store's version.

Dashboards ask the same questions again and again (every visitor's first page is the same
unfiltered view; the map re-asks on every pan). The store changes only when an ingest or a
POST writes it, so an answer stays right until the store file changes: the version is the
(mtime, size) of the DuckDB file and its write-ahead log, or a counter bumped on each POST.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

#: Answers kept (each a page of at most 1,000 events, so at most a few tens of MB).
DEFAULT_SIZE = 256


class AnswerCache:
    def __init__(self, store: Path, *, size: int = DEFAULT_SIZE) -> None:
        self.store = Path(store)
        self.size = size
        self.writes = 0  # bumped by this process's own writes
        self._lock = threading.Lock()
        self._answers: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self.hits = self.misses = 0

    def version(self) -> Hashable:
        stamps: list[tuple[int, int]] = []
        for path in (self.store, self.store.with_name(self.store.name + ".wal")):
            try:
                st = os.stat(path)
                stamps.append((st.st_mtime_ns, st.st_size))
            except OSError:
                stamps.append((0, 0))
        return (self.writes, *stamps)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self.size <= 0:
            return compute()
        version = self.version()
        with self._lock:
            found = self._answers.get(key)
            if found is not None and found[0] == version:
                self._answers.move_to_end(key)
                self.hits += 1
                return found[1]
        self.misses += 1
        answer = compute()
        with self._lock:
            self._answers[key] = (version, answer)
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return answer
