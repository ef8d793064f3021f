"""The pages one process served lately, so that serving one again needs only the generation.

A stored page is ten or more kilobytes; the content generation is a few bytes. Keeping the
last few hundred pages in the process's memory lets :mod:`~chorus.caching.page_store` answer
a hit with one small read from the shared cache (the generation) instead of fetching and
decoding the whole page each time (about 0.2 ms with the database cache). A copy is used only
while its generation is still the shared current one and it has not expired, exactly as the
shared entry would be, so it is never staler than the shared cache.
"""

from collections import OrderedDict
from threading import Lock

#: How many pages a process keeps (about 15 kB each for Chorus's pages).
SIZE = 300


class RecentPages:
    """A small, thread-safe, least-recently-used map of cache keys to stored page entries."""

    def __init__(self, size=SIZE):
        self.size = size
        self._entries = OrderedDict()
        self._lock = Lock()

    def get(self, key):
        """Return the entry kept under ``key``, or ``None``."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        """Keep ``entry`` under ``key``, forgetting the least recently used beyond ``size``."""
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
