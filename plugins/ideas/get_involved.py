"""The ideas plugin's part of "Get involved": the open idea boards, the newest named."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chorus.plugins import (
    GetInvolvedItem,
    in_default_language,
    in_enabled_sites,
    interpolate_html,
    sites_with,
)

from .models import IdeaBoardPage

PLUGIN = "ideas"
ORDER = 35


def idea_board_items(site, request, across_network):
    """Return ``[GetInvolvedItem]`` inviting ideas on the open boards (on the network, those
    of every site with ideas on); ``[]`` when no board is open."""
    boards = IdeaBoardPage.objects.live().filter(accepting_ideas=True)
    if across_network:
        boards = in_enabled_sites(boards, PLUGIN, sites_with(PLUGIN))
    else:
        boards = boards.descendant_of(site.root_page, inclusive=True)
    found = list(boards.order_by("-first_published_at", "-pk")[:1])
    if not found:
        return []
    board, count = found[0], boards.count()
    title = in_default_language(board.title)
    return [
        GetInvolvedItem(
            heading=_("Share your ideas"),
            summary=interpolate_html(
                ngettext(
                    "Suggest and support ideas on %(title)s.",
                    "%(count)d idea boards are open, the newest is %(title)s.",
                    count,
                ),
                {"count": count, "title": title},
            ),
            url=board.get_url(request) or "",
            action=interpolate_html(_("Go to %(title)s"), {"title": title}),
            order=ORDER,
        )
    ]
