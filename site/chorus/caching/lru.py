"""A small, thread-safe map that forgets its least recently used entries.

Each process keeps a few such maps beside the shared cache, for what it may reuse without a
round trip: the pages it served lately (``page_store``), entries keyed on the content
generation (``generational``) and the cache addresses of the requests it has seen (``wsgi``).
Whatever is kept in one must be safe to reuse by its key alone, or be checked on the way out
(a stored page still has to carry the current generation).
"""

from collections import OrderedDict
from threading import Lock


class LeastRecentlyUsed:
    """Up to ``size`` keys and their values, the least recently used going first."""

    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = Lock()

    def get(self, key, default=None):
        """Return the value kept under ``key``, or ``default``."""
        with self._lock:
            value = self._entries.get(key, default)
            if key in self._entries:
                self._entries.move_to_end(key)
            return value

    def put(self, key, value):
        """Keep ``value`` under ``key``, forgetting the least recently used beyond ``size``."""
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
