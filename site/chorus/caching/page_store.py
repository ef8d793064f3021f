"""The server's own copy of the pages anonymous visitors see, kept in the shared cache.

One entry per scheme, host, language, path and query string (its parameters sorted), stored
with the content generation it was rendered under. :func:`look_up` reads the current
generation and accepts an entry only if it was stored under it: publishing, a plugin switch
or ``refresh_site_content`` moves the generation on, so every stored page is forgotten at
once without knowing its key, and a stale entry is simply overwritten by the next visitor.
An entry also expires after ``CHORUS_PAGE_CACHE_SECONDS``, like the CDN's copy, so what
changes with time alone (a ballot opening, an event passing) is never shown out of date for
longer than a CDN would show it anyway. Each process also keeps the pages it served lately
(a :class:`~chorus.caching.lru.LeastRecentlyUsed` map), so a hit usually costs one small
read: the generation.

Which responses may be stored is decided by :mod:`chorus.caching.middleware`; this module
only keys, reads and writes them.
"""

import time
from dataclasses import dataclass
from hashlib import blake2b
from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language_from_path

from . import generation
from .generation_read import stored_generation
from .lru import LeastRecentlyUsed

# The version changes whenever ``Entry`` does, so no release reads another's entries.
KEY = "chorus:page:v1:{digest}"
#: Says whether a page came from the server's cache (``hit``) or was just stored (``miss``).
HEADER = "X-Chorus-Cache"

#: The pages this process served lately (about 15 kB each for Chorus's pages).
_recent = LeastRecentlyUsed(300)


@dataclass(frozen=True)
class Entry:
    """A stored page: the generation it belongs to, when it expires (a Unix time), and its
    status, headers and content."""

    generation: str
    expires: float
    status: int
    headers: tuple
    content: bytes

    def serves(self, current):
        """Whether this entry may answer a request while ``current`` is the generation."""
        return self.generation == current and time.time() < self.expires

    def wsgi_status(self):
        """The status line, as a WSGI server wants it."""
        return f"{self.status} {HTTPStatus(self.status).phrase}"

    def wsgi_headers(self):
        """The stored headers and the hit header, as a WSGI server wants them."""
        return [*self.headers, (HEADER, "hit")]

    def replay(self, request):
        """A response like the stored one (headers only for HEAD)."""
        response = HttpResponse(
            b"" if request.method == "HEAD" else self.content, status=self.status
        )
        for name, value in self.headers:
            response[name] = value
        response[HEADER] = "hit"
        return response


@dataclass
class Lookup:
    """The outcome of looking a request up: its key, language and generation, and the
    stored entry when there is a current one."""

    key: str
    language: str
    generation: str | None
    entry: Entry | None = None

    def store(self, response):
        """Keep ``response`` (status, headers and content; cookies are never stored)."""
        entry = Entry(
            self.generation,
            time.time() + settings.CHORUS_PAGE_CACHE_SECONDS,
            response.status_code,
            tuple(response.items()),
            response.content,
        )
        cache.set(self.key, entry, settings.CHORUS_PAGE_CACHE_SECONDS)
        _recent.put(self.key, entry)
        response[HEADER] = "miss"


def page_language(request):
    """The language the page is served in: the path's prefix (``/pl/…``), else the default.

    Pages are routed by ``i18n_patterns(prefix_default_language=False)``, so the path alone
    settles the language; the middleware stores nothing whose language came out otherwise.
    """
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Address:
    """Where the page a request asks for is stored: its cache key, and its language."""

    key: str
    language: str


def address_of(request):
    """The :class:`Address` of the page ``request`` asks for.

    The key is a hash of the scheme, host, language, path and query string (its parameters
    sorted), so any path or query makes a key every cache backend accepts.
    """
    language = page_language(request)
    parameters = request.META.get("QUERY_STRING", "").split("&")
    query = "&".join(sorted(part for part in parameters if part))
    address = f"{request.scheme}://{request.get_host()}\n{language}\n{request.path}\n{query}"
    digest = blake2b(address.encode(), digest_size=16).hexdigest()
    return Address(KEY.format(digest=digest), language)


def look_up(request):
    """Return the :class:`Lookup` for ``request``, with the stored entry if it is current."""
    return look_up_at(address_of(request))


def look_up_at(address):
    """Return the :class:`Lookup` for ``address``, with the stored entry if it is current.

    Reads the generation, then the page only if this process has no current copy of it.
    When there is no generation yet, one is started before the page is rendered, so that
    the page is stored under the generation that was current when its content was read.
    """
    current = stored_generation()
    if current is None:
        return Lookup(address.key, address.language, generation.current())
    lookup = Lookup(address.key, address.language, current)
    entry = _recent.get(address.key)
    if entry is None or not entry.serves(current):
        entry = cache.get(address.key)
        if entry is None or not entry.serves(current):
            return lookup
        _recent.put(address.key, entry)
    lookup.entry = entry
    return lookup
