"""`manage.py export_360giving --site HOSTNAME`: a site's grants as 360Giving open data."""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from chorus.plugins import is_enabled
from plugins.grants.models import GrantProgrammePage
from plugins.grants.open_data import GrantsExport


class Command(BaseCommand):
    """Write the grants of a site (or of one of its programmes) as a 360Giving JSON package
    or CSV file, exactly as the site publishes them at ``/plugins/grants/360giving.json``.

    Only active awards of live programmes are exported; withdrawn awards are left out, and
    no personal data is included.
    """

    help = "Export a site's grants in the 360Giving Data Standard (JSON package or CSV)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            required=True,
            metavar="HOSTNAME",
            help="the site's hostname, e.g. medway-swale.localhost (HOSTNAME:PORT if several)",
        )
        parser.add_argument(
            "--format",
            dest="output_format",
            choices=["json", "csv"],
            default="json",
            help="json (default) or csv",
        )
        parser.add_argument(
            "--programme",
            type=int,
            metavar="ID",
            help="export one programme (its page id) instead of the whole site",
        )
        parser.add_argument(
            "--output", metavar="FILE", help="write to FILE instead of standard output"
        )

    def handle(self, *args, site, output_format, programme, output, **options):
        site = self._site(site)
        if not is_enabled("grants", site):
            raise CommandError(
                f"The grants plugin is off for {site.hostname}: it publishes no grants. "
                f"Switch it on with `manage.py plugins enable grants --site {site.hostname}`."
            )
        export = GrantsExport(site, programme=self._programme(site, programme))
        base_url = site.root_url
        if output_format == "json":
            package = export.package(base_url=base_url)
            if not package["grants"]:
                self.stderr.write(
                    "No grants have been awarded yet. The file is written, but 360Giving data "
                    "needs at least one grant to be valid."
                )
            text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
        else:
            text = export.csv(base_url=base_url)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as file:
                file.write(text)
            self.stderr.write(self.style.SUCCESS(f"Wrote {output}."))
        else:
            self.stdout.write(text, ending="")

    def _site(self, hostname):
        host, _, port = hostname.partition(":")
        sites = Site.objects.filter(hostname=host).select_related("root_page")
        if port:
            if not port.isdigit():
                raise CommandError(f"{hostname!r} is not HOSTNAME or HOSTNAME:PORT.")
            sites = sites.filter(port=int(port))
        found = list(sites)
        if not found:
            known = ", ".join(Site.objects.order_by("hostname").values_list("hostname", flat=True))
            raise CommandError(f"No site has the hostname {hostname!r}. Sites: {known or 'none'}.")
        if len(found) > 1:
            ports = ", ".join(f"{host}:{site.port}" for site in found)
            raise CommandError(f"Several sites use {host}; say which with one of: {ports}.")
        return found[0]

    def _programme(self, site, programme_id):
        if programme_id is None:
            return None
        programme = GrantProgrammePage.objects.live().in_site(site).filter(pk=programme_id).first()
        if programme is None:
            programmes = ", ".join(
                f"{pk} ({title})"
                for pk, title in GrantProgrammePage.objects.live()
                .in_site(site)
                .values_list("pk", "title")
            )
            raise CommandError(
                f"{site.hostname} has no live grant programme with id {programme_id}. "
                f"Its programmes: {programmes or 'none'}."
            )
        return programme
