"""The language switcher's data, in at most one query."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale

from chorus.caching import generation, generational

register = template.Library()

LOCALE_COUNT_KEY = "chorus:locale-count:{generation}"


def locale_count():
    """Return how many content locales exist (cached until a locale changes)."""
    key = LOCALE_COUNT_KEY.format(generation=generation.current())
    count = generational.get(key)
    if count is None:
        count = Locale.objects.count()
        generational.put(key, count, None)
    return count


@register.simple_tag
def live_translations(page):
    """Return the live translations of ``page`` with their locales.

    With a single content locale there can be none, so no query is made.
    """
    if page is None or not hasattr(page, "get_translations") or locale_count() < 2:
        return []
    return list(page.get_translations().live().select_related("locale").order_by("locale_id"))


@register.simple_tag
def other_language_addresses(request):
    """Return ``[(language code, address)]`` for the other languages of a non-page view.

    Views under the language prefix (accounts, plugin pages, search) have an address in every
    language; views outside it have none, and nothing is returned for them.
    """
    if request is None:
        return []
    current = get_language()
    addresses = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        # The path only: a query string (a sign-in's ``next``, say) is not repeated in links.
        address = translate_url(request.path, code)
        if address != request.path:
            addresses.append((code, address))
    return addresses
