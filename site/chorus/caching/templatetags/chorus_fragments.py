"""``{% fragment %}``: a piece of a public template kept in the cache for a while.

    {% load chorus_fragments %}
    {% fragment "network-home-listings" page.pk %} ...partnerships... {% endfragment %}
    {% fragment "network-home-panels" page.pk anonymous_only %} ...panels... {% endfragment %}

The rendered HTML is cached under the fragment's name and the values after it, the content
generation, the site answering the request and the active and link languages
(:mod:`chorus.languages.addresses`), for
``CHORUS_FRAGMENT_CACHE_SECONDS``. A publish, a plugin switch or any other change that moves
the generation on (``chorus.caching.generation``) is shown on the next request; data that
changes with the clock alone (an event starting, a round closing) within those seconds.

A fragment must show the same to everyone it is cached for: ``anonymous_only`` keeps it
from signed-in people (whose panels a plugin may tailor), who get it rendered afresh.
Previews are never cached, nor served from the cache: they show a draft.
"""

import hashlib

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Site

from chorus.caching import generation, generational
from chorus.languages.addresses import link_language

register = template.Library()

ANONYMOUS_ONLY = "anonymous_only"
CACHE_KEY = "chorus:fragment:{generation}:{site}:{language}:{name}:{vary}"


@register.tag("fragment")
def do_fragment(parser, token):
    """Parse ``{% fragment name value... [anonymous_only] %}...{% endfragment %}``."""
    bits = token.split_contents()[1:]
    anonymous_only = bool(bits) and bits[-1] == ANONYMOUS_ONLY
    if anonymous_only:
        bits.pop()
    if not bits:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    name, *vary_on = (parser.compile_filter(bit) for bit in bits)
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, name, vary_on, anonymous_only=anonymous_only)


class FragmentNode(template.Node):
    """Render the enclosed template once per key, then serve it from the cache."""

    def __init__(self, nodelist, name, vary_on, *, anonymous_only):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.anonymous_only = anonymous_only

    def render(self, context):
        key = self.key(context)
        if key is None:
            return self.nodelist.render(context)
        html = generational.get(key)
        if html is None:
            html = self.nodelist.render(context)
            generational.put(key, html, settings.CHORUS_FRAGMENT_CACHE_SECONDS)
        return html

    def key(self, context):
        """Return the cache key for this rendering, or ``None`` when it must not be cached."""
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return None
        user = getattr(request, "user", None)
        if self.anonymous_only and (user is None or user.is_authenticated):
            return None
        site = Site.find_for_request(request)
        values = repr([value.resolve(context) for value in self.vary_on])
        return CACHE_KEY.format(
            generation=generation.current(),
            site=site.pk if site is not None else "none",
            # English content on a /pl/ page has English active and /pl/ links.
            language=f"{get_language()}>{link_language()}",
            name=self.name.resolve(context),
            vary=hashlib.md5(values.encode(), usedforsecurity=False).hexdigest(),
        )
