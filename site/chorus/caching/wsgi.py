"""Answer anonymous visitors' stored pages before Django handles the request.

A page in the server's page cache (:mod:`~chorus.caching.page_store`) was stored with every
header it was served with, so replaying it needs nothing of Django's request handling: no
request signals, no middleware, no URL resolving. :class:`StoredPageApplication` wraps the
project's WSGI application and answers such hits itself, with exactly the rules and lookup
the page-cache middleware uses (which still answers hits where this wrapper is absent: the
test client, ``runserver``). Everything else, and any request it cannot settle (a host that
is not allowed, a cache that cannot be read), goes to Django as usual.
"""

from django.core.handlers.wsgi import WSGIRequest

from . import page_store
from .middleware import may_share


class StoredPageApplication:
    """A WSGI application that serves hits from the page cache and passes the rest on."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        entry = self._stored_entry(environ)
        if entry is None:
            return self.application(environ, start_response)
        start_response(entry.wsgi_status(), entry.wsgi_headers())
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else entry.content]

    @staticmethod
    def _stored_entry(environ):
        try:
            request = WSGIRequest(environ)
            if not may_share(request):
                return None
            return page_store.look_up(request).entry
        except Exception:  # noqa: BLE001 - Django answers it properly (400, 500, a fresh page)
            return None
