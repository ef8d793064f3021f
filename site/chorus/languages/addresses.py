"""Links on a ``/pl/`` page stay under ``/pl/``.

Wagtail gives a page the address of its own locale: an English page's URL has no prefix, so
every menu, breadcrumb, card and ``{% pageurl %}`` on a Polish page would lead back to English.
While a request under a language prefix is answered, :class:`LinkLanguageMiddleware` sets the
*link language*, and :func:`install` makes ``Page.get_url_parts`` give a default-language page
address in that language instead: ``/charter/`` becomes ``/pl/charter/``. English content
shown on a Polish page is rendered with English active, so its ``{% url %}`` addresses are
English: :func:`readdress_html` moves them under ``/pl/`` too. Under the serving rule
(:mod:`chorus.languages.serving`) such an address shows the Polish translation when there is
one, and the English page marked as English otherwise. Nothing changes outside such requests
(the admin, the sitemap, tasks)::

    with links_in("pl"):
        english_charter.url       # "/pl/charter/"
        polish_charter.url        # "/pl/karta/"
    with links_in(None):
        english_charter.url       # "/charter/" (the language switcher's English link)
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_from_path, override
from wagtail.models import Page

_link_language: ContextVar[str | None] = ContextVar("chorus_link_language", default=None)


def link_language():
    """Return the language default-language addresses are given in now, or None."""
    return _link_language.get()


@contextmanager
def links_in(language):
    """Give default-language addresses in ``language`` inside the block (``None``: as usual)."""
    token = _link_language.set(language)
    try:
        yield
    finally:
        _link_language.reset(token)


def in_language(path, language):
    """Return the address of the default-language address ``path`` in ``language``.

    >>> in_language("/charter/", "pl")
    '/pl/charter/'
    """
    if not path or language is None or get_language_from_path(path) is not None:
        return path
    with override(settings.LANGUAGE_CODE), links_in(None):
        return translate_url(path, language)


_original_get_url_parts = Page.get_url_parts


def get_url_parts(self, request=None):
    """``Page.get_url_parts``, with a default-language address in the link language."""
    parts = _original_get_url_parts(self, request)
    language = link_language()
    if parts is None or language is None or parts[2] is None:
        return parts
    site_id, root_url, page_path = parts
    return site_id, root_url, in_language(page_path, language)


def install():
    """Make every page model's addresses follow the link language (once, at start-up).

    ``Page.get_url_parts`` is behind ``page.url``, ``get_url``, ``full_url``, ``{% pageurl %}``
    and Wagtail's rich-text page links; page models that override it call it through
    ``super()``, so they follow too.
    """
    if Page.get_url_parts is not get_url_parts:
        Page.get_url_parts = get_url_parts


ADDRESS = re.compile(r'(?P<attr>\b(?:href|action)=")(?P<path>/[^"]*)"')


def readdress_html(html, language):
    """Return ``html`` with its default-language addresses (``href="/..."`` and
    ``action="/..."``) given in ``language``; others (static files, media, the admin,
    documents, other sites) stay as they are.

    For content rendered in another language than the page's (see ``{% in_content_language %}``),
    whose ``{% url %}`` addresses are that language's.
    """
    if language is None:
        return html

    def replace(match):
        return f'{match["attr"]}{in_language(match["path"], language)}"'

    return ADDRESS.sub(replace, html)


class LinkLanguageMiddleware:
    """Set the link language for a request under another language's prefix (``/pl/...``).

    Comes after Django's ``LocaleMiddleware``; unprefixed requests are left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        if language is None or language == settings.LANGUAGE_CODE:
            return self.get_response(request)
        with links_in(language):
            return self.get_response(request)
