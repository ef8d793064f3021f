"""Template tags for the site's identity, in the footer and the ``<head>``.

{% load chorus_identity %}
{% site_identity as identity %}
<p>{{ identity.organisation }}</p>

<title>{% title_with_site %}{% block title %}...{% endblock %}{% endtitle_with_site %}</title>

<link rel="canonical" href="{% canonical_url %}">
"""

from django import template
from django.utils.html import conditional_escape
from wagtail.models import Site

from chorus.identity import public

register = template.Library()

SEPARATOR = " · "


@register.simple_tag(takes_context=True)
def site_identity(context):
    """Return the :class:`~chorus.identity.public.PublicIdentity` of the request's site."""
    request = context.get("request")
    if request is None:
        return public.PublicIdentity()
    identity = getattr(request, "_chorus_identity", None)
    if identity is None:
        identity = request._chorus_identity = public.for_request(request)
    return identity


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """Return the full address of this page on its site, without the query string."""
    request = context.get("request")
    if request is None:
        return ""
    return site_identity(context).absolute(request.path)


@register.tag("title_with_site")
def do_title_with_site(parser, token):
    """Parse ``{% title_with_site %}...{% endtitle_with_site %}``."""
    nodelist = parser.parse(("endtitle_with_site",))
    parser.delete_first_token()
    return TitleWithSiteNode(nodelist)


class TitleWithSiteNode(template.Node):
    """Render the enclosed title, then `` · <site name>``, unless that would name the site
    twice: the home page's own title (which names the site), a title that is the site's
    name or already ends with it are shown alone, and an empty title becomes the name."""

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        title = " ".join(self.nodelist.render(context).split())
        site_name = conditional_escape(site_identity(context).site_name)
        if not site_name:
            return title
        if not title or title.casefold() == site_name.casefold():
            return site_name
        if _is_home_page_title(context, title):
            return title
        if title.casefold().endswith((SEPARATOR + site_name).casefold()):
            return title
        return f"{title}{SEPARATOR}{site_name}"


def _is_home_page_title(context, title):
    """Whether ``title`` is the site's home page's own title (not a view routed under it)."""
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None or not hasattr(page, "seo_title"):
        return False
    site = Site.find_for_request(request)
    if site is None or page.pk != site.root_page_id:
        return False
    own_titles = {conditional_escape(page.seo_title), conditional_escape(page.title)}
    return title in own_titles
