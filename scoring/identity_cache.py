"""A small cache keyed by the identity of the frames a value was made from.

``IdentityCache.get(sources)`` returns what ``put(sources, value)`` stored for these very objects
(``is``, not equality); an entry lives only as long as all its sources do (weak references: when
a closed project's layers are collected, what was derived from them goes too) and at most
``size`` entries are kept, the least recently used dropped first.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any


class IdentityCache:
    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[int, ...], tuple[tuple[weakref.ref, ...], Any]] = OrderedDict()
        self._lock = threading.Lock()  # the GUI scores on worker threads

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, sources: tuple) -> Any | None:
        key = tuple(id(s) for s in sources)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or any(ref() is not src for ref, src in zip(entry[0], sources, strict=True)):
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, sources: tuple, value: Any) -> None:
        key = tuple(id(s) for s in sources)
        refs = tuple(weakref.ref(s, lambda _ref, key=key: self._drop(key)) for s in sources)
        with self._lock:
            self._entries[key] = (refs, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def _drop(self, key: tuple[int, ...]) -> None:
        """A source was collected: its entry goes (unless a newer entry took the key)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and any(ref() is None for ref in entry[0]):
                del self._entries[key]
