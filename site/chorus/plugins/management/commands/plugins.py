"""`manage.py plugins list|enable|disable`: switch plugins on and off per site."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from chorus.plugins import enablement
from chorus.plugins.manager import get_plugin, installed_plugins
from chorus.plugins.models import SitePlugin


class Command(BaseCommand):
    help = "List plugins, or enable/disable one for a site (by hostname)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        actions.add_parser("list", help="every plugin, its version and the sites where it is on")
        for action in ("enable", "disable"):
            sub = actions.add_parser(action, help=f"{action} a plugin for one site")
            sub.add_argument("name", help="plugin name, as shown by `plugins list`")
            sub.add_argument("--site", required=True, help="the site's hostname")
            if action == "enable":
                sub.add_argument(
                    "--no-requirements",
                    action="store_true",
                    help="refuse instead of enabling the plugins this one needs",
                )

    def handle(self, *args, action, **options):
        if action == "list":
            return self.list_plugins()
        try:
            get_plugin(options["name"])
        except LookupError as error:
            raise CommandError(str(error)) from None
        site = self.find_site(options["site"])
        try:
            if action == "enable":
                self.enable(options["name"], site, not options["no_requirements"])
            else:
                self.disable(options["name"], site)
        except enablement.PluginDependencyError as error:
            raise CommandError(str(error)) from None

    def find_site(self, hostname):
        sites = list(Site.objects.filter(hostname__iexact=hostname))
        if len(sites) == 1:
            return sites[0]
        known = ", ".join(Site.objects.order_by("hostname").values_list("hostname", flat=True))
        if not sites:
            raise CommandError(f"No site has the hostname {hostname!r}. Sites: {known or 'none'}.")
        raise CommandError(f"Several sites share the hostname {hostname!r} (different ports).")

    def enable(self, name, site, with_requirements):
        switched = enablement.enable(name, site, with_requirements=with_requirements)
        if not switched:
            self.stdout.write(f"{name} was already enabled for {site.hostname}.")
            return
        for plugin in switched:
            self.stdout.write(self.style.SUCCESS(f"Enabled {plugin} for {site.hostname}."))

    def disable(self, name, site):
        if enablement.disable(name, site):
            self.stdout.write(
                self.style.SUCCESS(f"Disabled {name} for {site.hostname}. Its data is kept.")
            )
        else:
            self.stdout.write(f"{name} was already disabled for {site.hostname}.")

    def list_plugins(self):
        plugins = installed_plugins()
        if not plugins:
            self.stdout.write("No plugins are installed.")
            return
        on = {}
        for switch in SitePlugin.objects.filter(enabled=True).select_related("site"):
            on.setdefault(switch.plugin, []).append(switch.site.hostname)
        for name, meta in plugins.items():
            sites = ", ".join(sorted(on.get(name, []))) or "no sites"
            needs = f" (needs {', '.join(meta.requires)})" if meta.requires else ""
            self.stdout.write(f"{name} {meta.version}{needs}: {sites}")
            self.stdout.write(f"    {meta.verbose_name}: {meta.description}")
