"""The 360Giving export of a site (all its live programmes) or of one programme.

Used by the open-data views (``/plugins/grants/360giving.json`` and friends) and by
``manage.py export_360giving``, so both publish the same thing::

    export = GrantsExport(site)                       # every live programme of the site
    export = GrantsExport(site, programme=programme)  # one programme
    export.package(base_url="https://medway-swale.example.org")  # JSON-ready dict
    export.csv(base_url=...)                                      # CSV text
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import GrantProgrammePage
from .flat import csv_text
from .package import data_package
from .records import grant, grant_prefix, published_awards


class GrantsExport:
    """The grants one site publishes, or one of its programmes publishes."""

    def __init__(self, site, programme=None):
        self.site = site
        self.programme = programme
        self._paths = {}

    # --- what is exported ------------------------------------------------------------

    def programmes(self):
        """The live programmes whose grants are exported."""
        if self.programme is not None:
            return GrantProgrammePage.objects.filter(pk=self.programme.pk)
        return GrantProgrammePage.objects.live().in_site(self.site)

    def grants(self, *, base_url="", request=None):
        """Return the 360Giving grant records, oldest award first."""
        return [
            grant(award, round_url=self._round_url(award.application.round, base_url, request))
            for award in published_awards(self.programmes())
        ]

    # --- the two formats -----------------------------------------------------------------

    def package(self, *, base_url, request=None):
        """Return the JSON data package (a dict) with every grant and its metadata."""
        name = self.site.site_name or self.site.root_page.title
        if self.programme is not None:
            title = _("%(programme)s: grants awarded") % {"programme": self.programme.title}
            description = _(
                "Grants awarded by %(programme)s, published by %(site)s in the 360Giving "
                "Data Standard. Withdrawn awards are not included."
            ) % {"programme": self.programme.title, "site": name}
            identifier = f"{grant_prefix(self.programme)}-{self.programme.slug}"
            access_url = self._page_url(self.programme, base_url, request, "awarded/")
            download_path = reverse(
                "grants:programme_360giving_json", kwargs={"programme_id": self.programme.pk}
            )
        else:
            title = _("Grants awarded through %(site)s") % {"site": name}
            description = _(
                "Grants awarded by every grant programme of %(site)s, in the 360Giving Data "
                "Standard. Withdrawn awards are not included."
            ) % {"site": name}
            identifier = f"{self.site.hostname}-grants"
            access_url = f"{base_url}/"
            download_path = reverse("grants:360giving_json")
        return data_package(
            self.grants(base_url=base_url, request=request),
            title=title,
            description=description,
            identifier=identifier,
            publisher={"name": name, "website": f"{base_url}/" if base_url else ""},
            access_url=access_url,
            download_url=f"{base_url}{download_path}" if base_url else "",
        )

    def csv(self, *, base_url="", request=None):
        """Return the grants as CSV text with 360Giving's column titles."""
        return csv_text(self.grants(base_url=base_url, request=request))

    def filename(self, extension):
        """A download name: ``medway-swale.localhost-360giving.json`` or the programme's slug."""
        stem = self.programme.slug if self.programme is not None else self.site.hostname
        return f"{stem}-360giving.{extension}"

    # --- addresses ---------------------------------------------------------------------

    def _page_url(self, programme, base_url, request, subpath=""):
        """Return the absolute address of ``programme`` (plus ``subpath``), or ``""``."""
        if not base_url:
            return ""
        if programme.pk not in self._paths:
            parts = programme.get_url_parts(request)
            self._paths[programme.pk] = parts[2] if parts else None
        path = self._paths[programme.pk]
        return f"{base_url}{path}{subpath}" if path is not None else ""

    def _round_url(self, pot, base_url, request):
        programme = pot.programme
        return self._page_url(
            programme, base_url, request, programme.reverse_subpage("round", args=[pot.slug])
        )
