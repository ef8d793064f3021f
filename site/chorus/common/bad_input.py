"""Refuse requests carrying what no view can store or look up: NUL bytes, broken UTF-8,
and numbers too long to be any row's id.

PostgreSQL refuses a NUL byte in any text value, so a ``%00`` in an address, a query or a form
field would reach a lookup and fail as a server error. Bytes that are not UTF-8 are silently
replaced by Django, so what a view sees is not what was sent. Both are answered here, once,
with a plain "400 Bad Request" before any view, cache or database is reached. A run of 19
or more digits in an address is never an id (the largest a database holds has 19, and no
table gets near it), but would overflow the database's integers or Python's limit on turning
text into a number; it is answered "404 Not Found" the same way.
"""

import re
from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest, HttpResponseNotFound
from django.utils.translation import gettext_lazy as _

NUL = "\x00"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
PLAIN_TEXT = "text/plain; charset=utf-8"
NOT_UTF8 = _("Bad request: the address or form is not valid UTF-8 text.")
HAS_NUL = _("Bad request: the address or form contains a NUL character, which is not allowed.")
NOT_AN_ID = _("Not found: the address holds a number too long to be anything's id.")
TOO_LONG_FOR_AN_ID = re.compile(r"\d{19}")


def _wsgi_bytes(text):
    """The bytes a WSGI server handed over as latin-1 text; ``None`` for text decoded already
    (an ASGI server's), which cannot hold broken UTF-8."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def _unquoted(raw):
    """The bytes a URL-encoded query string or form body stands for."""
    return unquote_to_bytes(raw.replace(b"+", b" "))


def _raw_parts(request):
    """The parts of the request as sent, in bytes: path, query string, a URL-encoded body."""
    # Django turns bytes of the path that are not UTF-8 back into percent escapes (a path
    # can never hold those escapes otherwise: no slug or id contains "%").
    yield unquote_to_bytes(request.path_info)
    query = _wsgi_bytes(request.META.get("QUERY_STRING", ""))
    if query is not None:
        yield _unquoted(query)
    if request.method == "POST" and request.content_type == FORM_CONTENT_TYPE:
        yield _unquoted(request.body)


def _fields(request):
    """Every decoded name and value the views will read, form fields and uploads included."""
    yield request.path_info
    for data in (request.GET, request.POST):
        for name, values in data.lists():
            yield name
            yield from values
    for name, upload in request.FILES.items():
        yield name
        yield upload.name or ""
    for name, value in request.COOKIES.items():
        yield name
        yield value


def problem(request):
    """Why ``request`` cannot be served (a message for the visitor), or ``None`` if it can."""
    for raw in _raw_parts(request):
        if raw is None:
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return NOT_UTF8
        if NUL in text:
            return HAS_NUL
    if any(NUL in text for text in _fields(request)):
        return HAS_NUL
    return None


class BadInputMiddleware:
    """Answer 400 with a plain message for a request with a NUL byte or broken UTF-8, and
    404 for an address with a number too long to be an id.

    Install it near the top of ``MIDDLEWARE``, before anything that reads the path, the
    session cookie or the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        message = problem(request)
        if message is not None:
            return HttpResponseBadRequest(message, content_type=PLAIN_TEXT)
        if TOO_LONG_FOR_AN_ID.search(request.path_info):
            return HttpResponseNotFound(NOT_AN_ID, content_type=PLAIN_TEXT)
        return self.get_response(request)
