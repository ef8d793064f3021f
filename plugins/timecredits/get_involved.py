"""The time-credits plugin's part of "Get involved": give an hour, earn a credit, spend it."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chorus.plugins import GetInvolvedItem, in_default_language, interpolate_html, sites_with

from .models import Scheme
from .panels import PLUGIN, available_offers, scheme_home

ORDER = 40


def time_credit_items(site, request, across_network):
    """Return ``[GetInvolvedItem]`` for the site's scheme (on the network, the first scheme of a
    site where time credits is on), saying how many offers credits can be spent on; ``[]``
    when there is no scheme to join."""
    schemes = Scheme.objects.select_related("site")
    if across_network:
        schemes = schemes.filter(site__in=sites_with(PLUGIN)).order_by("site__hostname", "pk")
    else:
        schemes = schemes.filter(site=site)
    scheme = schemes.first()
    url = scheme_home(scheme.site) if scheme is not None else ""
    if not url:
        return []
    offers = available_offers().filter(partner__scheme=scheme).count()
    if offers:
        summary = interpolate_html(
            ngettext(
                "Give an hour to a community group, earn a time credit with %(scheme)s and spend "
                "it on %(count)d offer.",
                "Give an hour to a community group, earn a time credit with %(scheme)s and spend "
                "it on one of %(count)d offers.",
                offers,
            ),
            {"scheme": in_default_language(scheme.name), "count": offers},
        )
    else:
        summary = interpolate_html(
            _("Give an hour to a community group and earn a time credit with %(scheme)s."),
            {"scheme": in_default_language(scheme.name)},
        )
    return [
        GetInvolvedItem(
            heading=_("Give time, earn time credits"),
            summary=summary,
            url=url,
            action=_("How time credits work"),
            order=ORDER,
        )
    ]
