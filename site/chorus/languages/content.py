"""Which language a page's words are in, and whether a page has a real translation.

A page in the Polish locale tree is not always Polish: wagtail-localize makes an untranslated
parent page an *alias* of the English one (it keeps the English words, in sync) so that a
translated child has somewhere to live. Such a page counts as English here.
"""

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page


def default_language():
    """Return the language of unprefixed addresses (``LANGUAGE_CODE``, e.g. ``"en-gb"``)."""
    return settings.LANGUAGE_CODE


def html_lang(code):
    """Return ``code`` as written in a ``lang`` attribute: ``"en-gb"`` becomes ``"en-GB"``.

    >>> html_lang("en-gb"), html_lang("pl")
    ('en-GB', 'pl')
    """
    language, _, region = (code or "").partition("-")
    return f"{language}-{region.upper()}" if region else language


def same_language(a, b):
    """Whether two language codes name the same language (``"en-GB"`` and ``"en-gb"`` do)."""
    return (a or "").lower() == (b or "").lower()


def in_default_language(text):
    """Mark ``text`` that editors enter once, in the default language (an event's title, a
    grant round's name, who runs a site), as that language while another one is active::

        in_default_language("Roadshow at Westwood Cross")
        # on a Polish page: '<span lang="en-GB">Roadshow at Westwood Cross</span>'
        # on an English page: the text as it is

    so English is never shown as if it were Polish.
    """
    if not text or same_language(get_language(), default_language()):
        return text
    return format_html('<span lang="{}">{}</span>', html_lang(default_language()), text)


def interpolate_html(template, values):
    """``template % values`` as safe HTML: the (translated) template and every text value
    not already safe are escaped first (numbers are left for ``%(count)d``), like
    :func:`~django.utils.html.format_html` for the ``%(name)s`` placeholders of gettext
    strings::

        interpolate_html(_("The next is %(title)s."), {"title": in_default_language(title)})
    """
    escaped = {
        name: conditional_escape(value) if isinstance(value, str) else value
        for name, value in values.items()
    }
    return mark_safe(conditional_escape(template) % escaped)


def content_language(page):
    """Return the language code of the words ``page`` shows.

    That is its locale's language, except for an alias of a page in another locale, whose
    words are the original's::

        content_language(polish_charter)        # "pl"
        content_language(polish_alias_of_index)  # "en-gb": still the English words
    """
    if page is None or not hasattr(page, "locale_id"):
        return None
    if page.alias_of_id is not None:
        original = (
            Page.objects.filter(pk=page.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )
        if original is not None:
            return original
    return page.locale.language_code


def shows_other_language(page, language=None):
    """Whether ``page``'s words are in another language than ``language`` (the active one).

    True for the English page served at a ``/pl/`` address because it has no translation.
    """
    language = language or get_language()
    page_language = content_language(page)
    return page_language is not None and not same_language(page_language, language)


def live_translation(page, language):
    """Return the live, real (not alias) translation of ``page`` into ``language``, or None."""
    if page is None or not hasattr(page, "get_translations"):
        return None
    if same_language(page.locale.language_code, language) and page.alias_of_id is None:
        return page
    return (
        page.get_translations()
        .live()
        .filter(locale__language_code__iexact=language, alias_of__isnull=True)
        .specific()
        .first()
    )


def source_page(page):
    """Return the default-language page ``page`` translates (or ``page`` itself)."""
    if page is None or same_language(page.locale.language_code, default_language()):
        return page
    original = (
        page.get_translations()
        .filter(locale__language_code__iexact=default_language())
        .specific()
        .first()
    )
    return original or page
