"""The one shared-cache read every stored-page hit makes: the current generation.

A page-cache hit (see :mod:`~chorus.caching.page_store`) usually costs nothing but this read,
so its overhead shows in every hit's time. Django's Redis backend builds a client object and
checks the key character by character on every ``get``; with Redis as the shared cache,
:func:`stored_generation` instead keeps one redis-py client per process and reads the key
Django's backend writes (``cache.make_key``), decoding the value as that backend encodes it.
It reads the same server and the same key, so it sees every bump as soon as ``cache.get``
would. With any other cache backend (the database cache, say) it is ``cache.get``.
"""

from functools import cache as once

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache, RedisSerializer
from django.core.signals import setting_changed

from .generation import GENERATION_KEY


def stored_generation():
    """The generation in the shared cache, or ``None`` when there is none yet."""
    return _reader()()


@once
def _reader():
    backend = caches["default"]
    location = settings.CACHES["default"].get("LOCATION", "")
    single_server = isinstance(location, str) and "," not in location
    if not (isinstance(backend, RedisCache) and single_server and location):
        return lambda: cache.get(GENERATION_KEY)
    from redis import Redis

    client = Redis.from_url(location)
    key = backend.make_key(GENERATION_KEY)
    serializer = RedisSerializer()

    def read():
        value = client.get(key)
        return None if value is None else serializer.loads(value)

    return read


def _forget_reader(*, setting, **kwargs):
    if setting == "CACHES":
        _reader.cache_clear()


setting_changed.connect(_forget_reader, dispatch_uid="chorus-generation-read-caches")
