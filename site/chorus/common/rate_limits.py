"""Count things someone did in the shared cache, and say when they have done enough.

A sliding window per key: the moments of the last actions are kept in the cache (shared by
every process when the cache is Redis or the database), so "5 an hour" means at most five in
any hour, not five per clock hour. Keys are hashed, so a client's address is never a cache key.

Example::

    SUBMISSIONS = RateLimit("support:submit", limit=5, seconds=3600)

    if SUBMISSIONS.exceeded(address):
        return render(request, "too_many.html", status=429)
    ...
    SUBMISSIONS.note(address)
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` actions named ``name`` per ``seconds``, per key (an address, say)."""

    name: str
    limit: int
    seconds: int

    def _key(self, key):
        digest = hashlib.sha256(str(key).encode()).hexdigest()
        return f"chorus:rate:{self.name}:{digest}"

    def _recent(self, key, now):
        return [moment for moment in cache.get(self._key(key), []) if moment > now - self.seconds]

    def exceeded(self, key) -> bool:
        """Whether ``key`` has already done ``limit`` actions in the last ``seconds``."""
        return len(self._recent(key, time.time())) >= self.limit

    def note(self, key) -> None:
        """Count one more action by ``key``."""
        now = time.time()
        cache.set(self._key(key), [*self._recent(key, now), now], self.seconds)
