"""Results of the expensive read queries, kept until the evidence base changes.

Aggregates over the whole base (filter choices, overview counts, conflicts, the series
index) cost hundreds of milliseconds on 100,000 facts. They are kept per key and
recomputed when ``webqueries.data_version`` (a few primary-key lookups) changes, so a
page never shows stale figures, whoever wrote to the database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from tipwatch.store.db import Store
from tipwatch.store.webqueries import data_version

T = TypeVar("T")
MAX_ENTRIES = 256


class QueryCache:
    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[tuple[Any, ...], Any]] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock(self, key: Hashable) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``'s result for ``key``, recomputed only when the data changed."""
        version = data_version(store)
        with self._lock(key):  # one computation per key at a time: no thundering herd
            hit = self._entries.get(key)
            if hit is not None and hit[0] == version:
                return hit[1]
            value = compute()
            with self._guard:
                if len(self._entries) >= MAX_ENTRIES:
                    self._entries.clear()
                    self._locks = {key: self._locks[key]}
                self._entries[key] = (version, value)
            return value

    def clear(self) -> None:
        with self._guard:
            self._entries.clear()
