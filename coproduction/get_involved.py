"""The co-production app's part of "Get involved": assemblies that are recruiting participants,
and joining the involvement register (offered on every site)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chorus.plugins import GetInvolvedItem, in_default_language, interpolate_html

from .models import AssemblyIndexPage, AssemblyPage

#: Where assemblies come in "Get involved": first, the most direct way to have a say.
ORDER = 10
#: Joining the register is always open, so it comes after what is open only for a while.
REGISTER_ORDER = 50


def recruiting_assemblies(site, across_network):
    """Return the live assemblies recruiting participants on ``site`` (or anywhere), soonest
    first."""
    assemblies = AssemblyPage.objects.live().filter(status=AssemblyPage.Status.RECRUITING)
    if not across_network:
        assemblies = assemblies.descendant_of(site.root_page, inclusive=True)
    return assemblies.order_by("start_date", "pk")


def assembly_items(site, request, across_network):
    """Return ``[GetInvolvedItem]`` for the recruiting assemblies, or ``[]`` when none is.

    One assembly links to itself; several link to the site's assemblies filtered to those
    recruiting.
    """
    assemblies = list(recruiting_assemblies(site, across_network)[:2])
    if not assemblies:
        return []
    if len(assemblies) == 1:
        assembly = assemblies[0]
        return [
            GetInvolvedItem(
                heading=_("Take part in an assembly"),
                summary=interpolate_html(
                    _("%(title)s is looking for residents to take part: %(topic)s"),
                    {
                        "title": in_default_language(assembly.title),
                        "topic": in_default_language(assembly.topic),
                    },
                ),
                url=assembly.get_url(request) or "",
                action=interpolate_html(
                    _("How to take part in %(title)s"),
                    {"title": in_default_language(assembly.title)},
                ),
                order=ORDER,
            )
        ]
    count = recruiting_assemblies(site, across_network).count()
    index = AssemblyIndexPage.objects.live().in_site(site).order_by("path").first()
    url = f"{index.get_url(request)}?status={AssemblyPage.Status.RECRUITING}" if index else ""
    return [
        GetInvolvedItem(
            heading=_("Take part in an assembly"),
            summary=ngettext(
                "%(count)d assembly is looking for residents to take part.",
                "%(count)d assemblies are looking for residents to take part.",
                count,
            )
            % {"count": count},
            url=url or assemblies[0].get_url(request) or "",
            action=_("See the assemblies you can join"),
            order=ORDER,
        )
    ]


def register_items(site, request, across_network):
    """Return the item inviting residents to join the involvement register (on every site)."""
    return [
        GetInvolvedItem(
            heading=_("Join the register"),
            summary=_(
                "Hear about health and care where you live, and be invited to surveys and "
                "panels. You choose what we contact you about."
            ),
            url=reverse("involvement:join"),
            action=_("Join the involvement register"),
            order=REGISTER_ORDER,
        )
    ]
