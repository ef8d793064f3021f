"""``{% easy_read_url page as url %}``: the address of a page's Easy Read version, or nothing.

    {% load easyread_tags %}
    {% easy_read_url page as easy_read %}
    {% if easy_read %}<a href="{{ easy_read }}">Easy Read version</a>{% endif %}

No query on a warm page (see ``chorus.easyread.versions``).
"""

from django import template

from ..versions import easy_read_url as find_easy_read_url

register = template.Library()


@register.simple_tag(takes_context=True)
def easy_read_url(context, page):
    """Return the address of ``page``'s Easy Read version, or ``None``."""
    return find_easy_read_url(page, context.get("request"))
