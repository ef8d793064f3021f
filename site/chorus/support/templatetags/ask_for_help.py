"""``{% ask_for_help_url page %}``: the address of the "Ask for help or another format" form,
carrying the page the person is on, in the current language.

Any template (core or plugin) loads it by name::

    {% load ask_for_help %}
    <a href="{% ask_for_help_url page %}">Ask for Easy Read, an interpreter or another format</a>

gives ``/ask-for-help/?from=42`` (``/pl/ask-for-help/?from=42`` in Polish). Without a page
(``{% ask_for_help_url %}``) it is the plain form.
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def ask_for_help_url(page=None):
    """The form's address, with ``?from=<page id>`` when ``page`` is a saved page."""
    url = reverse("support:ask")
    page_id = getattr(page, "pk", None)
    if page_id:
        url += "?" + urlencode({"from": page_id})
    return url
