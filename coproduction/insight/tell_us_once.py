"""Tell us once: in the editor of a survey or an assembly, what people have already told us
on its topic and in its place, so staff do not ask the same questions again.

Add the panel to a page type's panels (this module imports no models, so a models module
can import it)::

    content_panels = [..., TellUsOncePanel(topic_fields=("topic",))]

The records shown are those the editor may see (``visible_to``), about the page's place (or
about no place in particular), matching the page's topics by theme or tag name first, then
by the words of its title and ``topic_fields``.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

LIMIT = 5


def related_insight(user, *, words="", names=(), place=None, limit=LIMIT):
    """Up to ``limit`` records ``user`` may see on these theme/tag ``names`` or ``words``."""
    from coproduction.models import Insight

    from .visibility import visible_to

    records = visible_to(user)
    if place is not None:
        records = records.filter(Q(place=place) | Q(place__isnull=True))
    found = []
    names = [name for name in names if name]
    if names:
        by_name = Q()
        for name in names:
            by_name |= Q(themes__name__iexact=name) | Q(tags__name__iexact=name)
        found = list(records.filter(by_name).distinct().order_by("-date", "-pk")[:limit])
    words = " ".join(words.split())[:200]
    if len(found) < limit and words:
        candidates = Insight.objects.filter(pk__in=records.values("pk")).exclude(
            pk__in=[record.pk for record in found]
        )
        results = get_search_backend().search(
            PlainText(words, operator="or"), candidates, order_by_relevance=True
        )
        found += list(results[: limit - len(found)])
    return found


def _place_of(page):
    from .visibility import site_partnership

    try:
        site = page.get_site() if page.pk else None
    except Exception:  # a page not yet in the tree
        site = None
    return site_partnership(site)


class TellUsOncePanel(Panel):
    """A read-only panel: existing insight on the page's topic and place."""

    def __init__(self, topic_fields=(), names_field=None, **kwargs):
        kwargs.setdefault("heading", _("Already heard: insight on this topic and place"))
        super().__init__(**kwargs)
        self.topic_fields = tuple(topic_fields)
        self.names_field = names_field

    def clone_kwargs(self):
        return {
            **super().clone_kwargs(),
            "topic_fields": self.topic_fields,
            "names_field": self.names_field,
        }

    class BoundPanel(Panel.BoundPanel):
        template_name = "coproduction/insight/admin/tell_us_once_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            words = " ".join(
                [page.title or ""]
                + [getattr(page, name, "") or "" for name in self.panel.topic_fields]
            )
            names = []
            if self.panel.names_field and page.pk:
                names = [str(item) for item in getattr(page, self.panel.names_field).all()]
            context["records"] = related_insight(
                self.request.user, words=words, names=names, place=_place_of(page)
            )
            return context
