"""The dashboard's "Your ideas" panel: what the person suggested on this site, and its status."""

from django.utils.translation import gettext_lazy as _

from chorus.common.site_urls import request_site
from chorus.plugins import Panel

from .models import Idea, IdeaBoardPage

#: How many of the person's ideas the panel lists, newest first.
RECENT = 5


def your_ideas_panels(user, request):
    """A "Your ideas" panel when ``user`` suggested ideas on this site's boards, else ``[]``."""
    boards = IdeaBoardPage.objects.descendant_of(request_site(request).root_page, inclusive=True)
    ideas = list(
        Idea.objects.filter(board__in=boards, author_email__iexact=user.email).order_by(
            "-created_at", "-pk"
        )[:RECENT]
    )
    if not ideas:
        return []
    return [
        Panel(
            title=_("Your ideas"),
            template_name="ideas/panels/yours.html",
            context={"ideas": ideas},
            order=45,
        )
    ]
