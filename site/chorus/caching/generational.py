"""Cache entries keyed on the content generation, also kept in each process's memory.

An entry whose key carries the current generation (see ``generation``) goes stale only by
expiring: every change that could make it wrong moves the generation on, and the next request
reads the new generation from the shared cache and so asks for other keys. Such an entry can
therefore also be kept in the memory of the process that read or built it, which saves a read
of the shared cache (a query, on the database cache) every time it is used again.

The shared cache holds ``(expires at, value)`` under ``SHARED_PREFIX`` + the key (so no entry
written by other code under the same key is misread), and a copy kept in memory expires when
the shared entry does. Copies are pickled, so every reader gets its own objects to change (a
``Site`` found for one request is decorated for that request only). At most
``MAX_ENTRIES`` are kept per process, the least recently used going first.
"""

import pickle
import time

from django.core.cache import cache

from . import generation
from .lru import LeastRecentlyUsed

MAX_ENTRIES = 2000
SHARED_PREFIX = "chorus:generational:"

# key -> (expires at, pickled value)
_copies = LeastRecentlyUsed(MAX_ENTRIES)


def get(key):
    """Return the value cached under ``key`` (which must carry the current generation), or
    ``None``: from this process's memory if it has a copy, else from the shared cache."""
    _check(key)
    now = time.time()
    copy = _copies.get(key)
    if copy is not None and copy[0] > now:
        return pickle.loads(copy[1])
    shared = cache.get(SHARED_PREFIX + key)
    if shared is None or shared[0] <= now:
        return None
    expires, value = shared
    _keep(key, expires, value)
    return value


def put(key, value, timeout):
    """Cache ``value`` under ``key`` for ``timeout`` seconds (``None``: until the generation
    ends), in the shared cache and in this process's memory.

    Nothing is stored if the generation moved on since ``key`` was made (the value was built
    while content changed): nobody would ask for that key again.
    """
    if generation.current() not in key:
        return
    expires = time.time() + (timeout if timeout is not None else generation.GENERATION_SECONDS)
    cache.set(SHARED_PREFIX + key, (expires, value), timeout)
    _keep(key, expires, value)


def _keep(key, expires, value):
    _copies.put(key, (expires, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))


def _check(key):
    if generation.current() not in key:
        raise ValueError(f"{key!r} does not carry the current content generation.")
