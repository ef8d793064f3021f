"""Answer anonymous visitors' stored pages before Django handles the request.

A page in the server's page cache (:mod:`~chorus.caching.page_store`) was stored with every
header it was served with, so replaying it needs nothing of Django's request handling: no
request signals, no middleware, no URL resolving. :class:`StoredPageApplication` wraps the
project's WSGI application and answers such hits itself, with exactly the rules and lookup
the page-cache middleware uses (which still answers hits where this wrapper is absent: the
test client, ``runserver``). Everything else, and any request it cannot settle (a host that
is not allowed, a cache that cannot be read), goes to Django as usual.

Working out a request's address (whether it may share a stored page at all, and under which
key) means building Django's request and validating its host. For a request with no cookie
and no credentials that depends only on a few fields of the WSGI environ
(:func:`address_inputs`), so the wrapper remembers the address per combination of those
fields and a repeat visit skips that work: a hit then costs the read of the generation.
"""

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest

from . import page_store
from .lru import LeastRecentlyUsed
from .middleware import may_share

#: How many request addresses each process remembers.
ADDRESSES = 1000

_UNKNOWN = object()


def address_inputs():
    """The names of the environ fields that settle a request's address when it carries no
    cookie and no credentials: everything :func:`~chorus.caching.middleware.may_share` and
    :func:`~chorus.caching.page_store.address_of` read from such a request (method, path,
    query, scheme and host, including the proxy headers Django trusts under the settings)."""
    names = [
        "REQUEST_METHOD",
        "SCRIPT_NAME",
        "PATH_INFO",
        "QUERY_STRING",
        "wsgi.url_scheme",
        "HTTP_HOST",
        "SERVER_NAME",
        "SERVER_PORT",
    ]
    if settings.USE_X_FORWARDED_HOST:
        names.append("HTTP_X_FORWARDED_HOST")
    if settings.SECURE_PROXY_SSL_HEADER:
        names.append(settings.SECURE_PROXY_SSL_HEADER[0])
    return names


class StoredPageApplication:
    """A WSGI application that serves hits from the page cache and passes the rest on."""

    def __init__(self, application):
        self.application = application
        self._addresses = LeastRecentlyUsed(ADDRESSES)

    def __call__(self, environ, start_response):
        entry = self._stored_entry(environ)
        if entry is None:
            return self.application(environ, start_response)
        start_response(entry.wsgi_status(), entry.wsgi_headers())
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else entry.content]

    def _stored_entry(self, environ):
        if not settings.CHORUS_SERVER_PAGE_CACHE:
            return None
        try:
            address = self._address(environ)
            return None if address is None else page_store.look_up_at(address).entry
        except Exception:  # noqa: BLE001 - Django answers it properly (400, 500, a fresh page)
            return None

    def _address(self, environ):
        """The request's :class:`~chorus.caching.page_store.Address`, or ``None`` when it may
        not share a stored page."""
        if "HTTP_COOKIE" in environ or "HTTP_AUTHORIZATION" in environ:
            return _address_of(WSGIRequest(environ))
        inputs = tuple(environ.get(name) for name in address_inputs())
        address = self._addresses.get(inputs, _UNKNOWN)
        if address is _UNKNOWN:
            address = _address_of(WSGIRequest(environ))
            self._addresses.put(inputs, address)
        return address


def _address_of(request):
    return page_store.address_of(request) if may_share(request) else None
