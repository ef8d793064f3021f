"""`manage.py seed_demo`: build the Kent and Medway demo network, idempotently.

The core demo (organisations, the network and partnership sites, spotlights, the assembly,
the charter and the members' register) is built here; every installed plugin then adds its
own part through ``chorus_register_demo_sections`` (see :mod:`chorus.demo.sections`).
Section pages (spotlights, assemblies, the charter, events) are shown in the menus.

Everything is looked up before it is created (organisations by name, sites by hostname,
pages by slug under their parent, signatures by organisation and charter version), so a
second run changes nothing.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from chorus.common.factories import PageFactory
from chorus.demo import content
from chorus.demo import publications as demo_publications
from chorus.demo.accountability import build_accountability
from chorus.demo.bulletins import build_bulletin
from chorus.demo.easyread import build_easy_read_versions
from chorus.demo.insight import build_insight
from chorus.demo.members import build_register
from chorus.demo.register_people import build_register_people
from chorus.demo.register_targets import build_population_targets
from chorus.demo.sections import build_plugin_sections
from chorus.demo.site_pages import build_site_pages
from chorus.demo.sortition import build_assembly_draw
from chorus.demo.translations import build_translations
from chorus.network.models import NetworkHomePage
from chorus.plugins import DemoContext
from coproduction.factories import (
    AssemblyIndexPageFactory,
    AssemblyPageFactory,
    CharterPageFactory,
    CharterSignatureFactory,
)
from coproduction.models import CharterSignature
from partnerships.factories import (
    PartnerOrganisationFactory,
    SpotlightIndexPageFactory,
    SpotlightPageFactory,
    make_partnership_site,
)
from partnerships.models import PartnerOrganisation

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "chorus-demo"


class NetworkHomePageFactory(PageFactory):
    """The network home (idempotent by slug, like every page factory)."""

    class Meta:
        model = NetworkHomePage


class Command(BaseCommand):
    help = "Build the demo network (safe to run again: existing content is left as it is)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help="the port the demo is served on, used in links between sites (default 8000)",
        )
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="create the demo admin account even when DEBUG is off (never in production)",
        )

    def handle(self, *args, port, with_admin, **options):
        # The grants demo moves applications along with the real workflow, which emails
        # applicants once the transaction commits: keep those emails in memory, never send.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self.build(port=port, with_admin=with_admin or settings.DEBUG)

    @transaction.atomic
    def build(self, *, port, with_admin):
        self.port = port
        # A second content language, so editors can translate pages with wagtail-localize.
        Locale.objects.get_or_create(language_code="pl")
        organisations = self.organisations()
        network = self.network_site()
        sites = {
            spec["hostname"]: self.partnership_site(spec, organisations)
            for spec in content.PARTNERSHIPS
        }
        self.spotlights(sites, organisations)
        self.assembly(network, organisations)
        self.charter(network, organisations)
        publication_lines = demo_publications.build(network, sites)
        build_easy_read_versions(network)
        build_register(sites, with_people=with_admin)
        context = DemoContext(
            network=network, sites=sites, organisations=organisations, with_people=with_admin
        )
        # Before the plugins' sections: a plugin that translates its own pages needs the
        # Polish partnership homes to be translations, not aliases made on the way.
        lines = build_translations(network, sites)
        # Before the plugins' sections too: the events demo's bookings are register people.
        lines += build_register_people(sites, with_people=with_admin)
        lines += build_plugin_sections(context)
        lines.append(build_population_targets(sites))
        # From the register's people and the population figures: the assembly's draw.
        lines.append(build_assembly_draw(network, with_people=with_admin))
        # Who runs each site: identity settings, About, accessibility, privacy and contact.
        lines += build_site_pages([network, *sites.values()])
        # After the register's people: the bulletin goes to whoever is in its segment.
        lines += build_bulletin(network, sites)
        # After the plugins' sections: recommendations come from a consultation and an idea.
        lines += build_accountability(network, sites, organisations, with_people=with_admin)
        # After the spotlights and the assembly, whose words it draws on.
        lines += build_insight(network, sites, with_people=with_admin)
        self.report(network, sites, with_admin)
        for line in [*publication_lines, *lines]:
            self.stdout.write(line)

    # --- building blocks -----------------------------------------------------------

    def organisations(self):
        """Create the partner organisations that do not exist yet; return all by name."""
        found = {}
        for spec in content.ORGANISATIONS:
            organisation = PartnerOrganisation.objects.filter(name=spec["name"]).first()
            if organisation is None:
                organisation = PartnerOrganisationFactory(website="", **spec)
            found[spec["name"]] = organisation
        return found

    def network_site(self):
        """Return the network's site on localhost, replacing Wagtail's stock welcome page."""
        root = Page.get_first_root_node()
        self._remove_stock_welcome_page(root)
        spec = content.NETWORK
        home = NetworkHomePageFactory(
            parent=root, title=spec["title"], slug="network", introduction=spec["introduction"]
        )
        return self._site(spec["hostname"], home, spec["site_name"], is_default_site=True)

    def partnership_site(self, spec, organisations):
        """Return a partnership's site, with its partner roles."""
        site = Site.objects.filter(hostname=spec["hostname"]).first()
        if site is None:
            site = make_partnership_site(
                spec["hostname"],
                spec["title"],
                port=self.port,
                roles=[(organisations[name], role) for name, role in spec["roles"]],
                slug=spec["slug"],
                kind=spec["kind"],
                area_served=spec["area_served"],
                summary=spec["summary"],
                introduction=spec["introduction"],
            )
        return self._site(spec["hostname"], site.root_page, spec["title"])

    def spotlights(self, sites, organisations):
        """Add each site's spotlight index and the demo spotlights."""
        for hostname, organisation, fields in content.SPOTLIGHTS:
            index = SpotlightIndexPageFactory(
                parent=sites[hostname].root_page, slug="spotlights", show_in_menus=True
            )
            fields = dict(fields)
            SpotlightPageFactory(
                parent=index,
                organisation=organisations[organisation],
                date_published=datetime.date(2025, 1, 15),
                **fields,
            )

    def assembly(self, network, organisations):
        """Add the health assembly pilot, with its sessions, on the network site."""
        index = AssemblyIndexPageFactory(
            parent=network.root_page, slug="assemblies", show_in_menus=True
        )
        spec = dict(content.ASSEMBLY)
        names = spec.pop("organisations")
        AssemblyPageFactory(
            parent=index,
            start_date=timezone.localdate() + datetime.timedelta(days=45),
            participating_organisations=[organisations[name] for name in names],
            **spec,
        )

    def charter(self, network, organisations):
        """Add the co-production charter and its signatories."""
        charter = CharterPageFactory(parent=network.root_page, slug="charter", show_in_menus=True)
        for name, status, commitment in content.CHARTER_SIGNATORIES:
            organisation = organisations[name]
            exists = CharterSignature.objects.filter(
                charter=charter, charter_version=charter.version, organisation=organisation
            ).exists()
            if not exists:
                CharterSignatureFactory(
                    charter=charter,
                    organisation=organisation,
                    contact_name=f"{name} engagement lead",
                    contact_email="engagement@example.org",
                    contact_role="Engagement lead",
                    commitment=commitment,
                    approved=status == "approved",
                )

    def report(self, network, sites, with_admin):
        """Create the local demo admin if asked, and print where everything is."""
        self.stdout.write(self.style.SUCCESS("The demo network is ready:"))
        for site in [network, *sites.values()]:
            self.stdout.write(f"  {site.root_url}/  {site.site_name}")
        if not with_admin:
            return
        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            User.objects.create_superuser(
                DEMO_ADMIN_USERNAME, "admin@example.org", DEMO_ADMIN_PASSWORD
            )
        self.stdout.write(
            f"Admin (local use only): {network.root_url}/admin/  "
            f"username {DEMO_ADMIN_USERNAME}, password {DEMO_ADMIN_PASSWORD}"
        )

    # --- helpers -------------------------------------------------------------------

    def _site(self, hostname, root_page, site_name, is_default_site=False):
        """Return the site on ``hostname``, created or moved to this run's port."""
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            return Site.objects.create(
                hostname=hostname,
                port=self.port,
                root_page=root_page,
                site_name=site_name,
                is_default_site=is_default_site,
            )
        if site.port != self.port:
            site.port = self.port
            site.save(update_fields=["port"])
        return site

    @staticmethod
    def _remove_stock_welcome_page(root):
        """Delete Wagtail's "Welcome to your new Wagtail site!" page and its site, if present."""
        for page in root.get_children().filter(depth=2, slug="home"):
            if page.specific_class is Page:
                Site.objects.filter(root_page=page).delete()
                page.delete()
