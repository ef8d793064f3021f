"""The language switcher's data, and pages whose words are in another language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from wagtail.models import Site

from chorus.caching import generation, generational
from chorus.languages.addresses import in_language, link_language, links_in, readdress_html
from chorus.languages.content import (
    content_language,
    default_language,
    html_lang,
    in_default_language,
    live_translation,
    same_language,
    shows_other_language,
    source_page,
)

register = template.Library()

#: A page's addresses in the other languages, per site and active language (the switch).
VERSIONS_KEY = "chorus:language-versions:{generation}:{site}:{page}:{language}"


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


# --- Pages in every language (chorus.languages) ----------------------------------------


def _served_page(context):
    """Return the page this request serves (Wagtail's page view), or None."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return None
    return context.get("page")


@register.simple_tag(takes_context=True)
def served_page(context):
    """Return the page this request serves through Wagtail's page view, or None (a plugin's
    or an account view, even one that puts a ``page`` in its context)."""
    return _served_page(context)


@register.simple_tag(takes_context=True)
def page_content_lang(context):
    """Return the ``lang`` of the served page's words when they are not in the active
    language (``"en-GB"`` for an untranslated page at a ``/pl/`` address), else ``""``.

        {% page_content_lang as content_lang %}
        {% if content_lang %}...the page is not yet translated...{% endif %}
    """
    # Unprefixed addresses route through the default language's tree: no query for them.
    if same_language(get_language(), default_language()):
        return ""
    page = _served_page(context)
    if page is None or not shows_other_language(page):
        return ""
    return html_lang(content_language(page))


@register.simple_tag(takes_context=True)
def page_language_versions(context, page):
    """Return ``[(language code, address)]``: ``page`` in each other language.

    The default language's address is the English page's; another language's is the page's
    live translation, or the English page's address under that language's prefix (served in
    English with a notice, see :mod:`chorus.languages.serving`). A view routed below the page
    (``/events/past/``) keeps that part of its address.
    """
    request = context.get("request")
    if page is None or not hasattr(page, "get_translations"):
        return []
    site = Site.find_for_request(request) if request is not None else None
    key = VERSIONS_KEY.format(
        generation=generation.current(),
        site=site.pk if site is not None else "none",
        page=page.pk,
        language=get_language(),
    )
    found = generational.get(key)
    if found is None:
        found = _page_addresses(page, request)
        generational.put(key, found, settings.CHORUS_FRAGMENT_CACHE_SECONDS)
    here, versions = found
    path = getattr(request, "path", "")
    below = path[len(here) :] if here.endswith("/") and path.startswith(here) else ""
    return [(code, address + below) for code, address in versions]


def _page_addresses(page, request):
    """Return ``(page's address here, [(language code, address)])`` (see above)."""
    current = get_language()
    here = page.get_url(request) or ""
    source = source_page(page)
    versions = []
    with links_in(None):
        english = source.get_url(request)
        if english is None:
            return here, []
        for code, _name in settings.LANGUAGES:
            if same_language(code, current):
                continue
            translation = live_translation(source, code)
            if translation is not None:
                address = translation.get_url(request)
            else:
                address = in_language(english, code)
            versions.append((code, address))
    return here, versions


@register.tag("in_content_language")
def do_in_content_language(parser, token):
    """``{% in_content_language lang %}...{% endin_content_language %}``: content in ``lang``.

    With an empty ``lang`` the block renders as usual. Otherwise it renders with that language
    active (its labels and dates in English, say), inside ``<div lang="...">``, and its
    addresses are moved back under the page's language prefix
    (:func:`chorus.languages.addresses.readdress_html`).
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% in_content_language %} takes one language.")
    nodelist = parser.parse(("endin_content_language",))
    parser.delete_first_token()
    return InContentLanguageNode(nodelist, parser.compile_filter(bits[1]))


class InContentLanguageNode(template.Node):
    """Render a block in the language of the page's words (see ``in_content_language``)."""

    def __init__(self, nodelist, language):
        self.nodelist = nodelist
        self.language = language

    def render(self, context):
        lang = self.language.resolve(context)
        if not lang:
            return self.nodelist.render(context)
        with override(lang.lower()):
            html = self.nodelist.render(context)
        html = readdress_html(html, link_language())
        wrapper = '<div class="content-language" lang="{}">{}</div>'
        return format_html(wrapper, lang, mark_safe(html))


@register.simple_tag
def site_name_lang():
    """Return `` lang="en-GB"`` (the default language's) while another language is active:
    a site's name is entered once, in the default language. Empty otherwise."""
    if same_language(get_language(), default_language()):
        return ""
    return format_html(' lang="{}"', html_lang(default_language()))


@register.filter
def entered_in_default_language(text):
    """Mark ``text`` that editors enter once, in the default language (who runs a site, its
    address and opening hours), as that language while another one is active.

        {{ identity.organisation|entered_in_default_language }}

    gives ``<span lang="en-GB">…</span>`` on a Polish page, and the plain text otherwise.
    """
    return in_default_language(text)


@register.filter
def in_active_language(page):
    """Return the live translation of ``page`` into the active language, or ``page``.

        {% with partnership=partnership|in_active_language %}...{% endwith %}

    Costs no query while the default language is active.
    """
    if page is None or same_language(get_language(), default_language()):
        return page
    return live_translation(page, get_language()) or page


@register.simple_tag
def content_lang_attr(page):
    """Return `` lang="en-GB"`` when ``page``'s words are not in the active language (an
    untranslated page listed on a Polish page), else ``""``.

        <li class="card"{% content_lang_attr partnership %}>

    Costs no query while the default language is active.
    """
    if page is None or same_language(get_language(), default_language()):
        return ""
    if not shows_other_language(page):
        return ""
    return format_html(' lang="{}"', html_lang(content_language(page)))
