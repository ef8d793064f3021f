"""Grants → Programmes: the grant programme pages of the person's sites, at a glance.

A programme is a Wagtail page (its story is edited in the page editor); its rounds and
money are under Grants → Rounds. This listing joins the two: each programme with its
site, whether it is live, how many rounds it has and how many are open, and the way to
its page, its rounds and its reports. Managers also get a link to add a programme under
each site they manage.
"""

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ... import permissions
from ...models import GrantProgrammePage
from .base import GrantsAdminView


def programmes_in(sites):
    """The grant programme pages under the root pages of ``sites``."""
    paths = Q()
    for site in sites:
        paths |= Q(path__startswith=site.root_page.path)
    if not paths:
        return GrantProgrammePage.objects.none()
    return GrantProgrammePage.objects.filter(paths)


def with_round_counts(programmes, now=None):
    """Annotate ``rounds_count`` and ``open_rounds_count``, open as a round's stage says:
    between its dates, with at least the smallest grant left in the pot."""
    now = now or timezone.now()
    open_now = Q(
        rounds__opens_at__lte=now,
        rounds__closes_at__gt=now,
        rounds__budget__gte=F("rounds__allocated") + F("rounds__min_award"),
    )
    return programmes.annotate(
        rounds_count=Count("rounds"), open_rounds_count=Count("rounds", filter=open_now)
    )


def site_of(page, sites):
    """The site whose root is nearest above ``page`` (sites' roots may nest)."""
    found = [site for site in sites if page.path.startswith(site.root_page.path)]
    return max(found, key=lambda site: len(site.root_page.path), default=None)


def status_label(page):
    """Live, live with unpublished changes, or draft (without the per-page queries of
    Wagtail's ``status_string``, which also looks for schedules and workflows)."""
    if not page.live:
        return gettext_lazy("Draft")
    if page.has_unpublished_changes:
        return gettext_lazy("Live + draft")
    return gettext_lazy("Live")


def open_data_url(programme, site):
    """The programme's 360Giving JSON, served by its own site (only live programmes have it)."""
    if site is None or not programme.live:
        return None
    return site.root_url + reverse("grants:programme_360giving_json", args=[programme.pk])


class ProgrammeIndexView(GrantsAdminView):
    """Every grant programme in the person's sites, with its rounds and links."""

    template_name = "grants/admin/programmes/index.html"
    page_title = gettext_lazy("Programmes")
    header_icon = "folder-inverse"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        sites = list(
            permissions.assessable_sites(user)
            .select_related("root_page")
            .order_by("site_name", "hostname")
        )
        managed = set(permissions.managed_sites(user).values_list("pk", flat=True))
        programmes = with_round_counts(programmes_in(sites)).order_by("title", "pk")
        rounds_url = reverse("grant_rounds:index")
        reports_url = reverse("grants_admin:reports")
        rows = []
        for programme in programmes:
            site = site_of(programme, sites)
            rows.append(
                {
                    "programme": programme,
                    "site": site,
                    "status": status_label(programme),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[programme.pk]),
                    "live_url": programme.get_url(self.request) if programme.live else None,
                    # The rounds listing has no filters, so this is every round of the sites.
                    "rounds_url": rounds_url,
                    # Reports are per round; the reports page lists them by programme.
                    "reports_url": reports_url,
                    "open_data_url": open_data_url(programme, site),
                    "can_manage": site is not None and site.pk in managed,
                }
            )
        context.update(
            rows=rows,
            add_links=[
                {
                    "site": site,
                    "url": reverse(
                        "wagtailadmin_pages:add",
                        args=["grants", "grantprogrammepage", site.root_page_id],
                    ),
                }
                for site in sites
                if site.pk in managed
            ],
        )
        return context
