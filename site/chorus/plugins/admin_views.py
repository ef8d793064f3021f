"""The Wagtail admin "Plugins" screens: pick a site, then switch its plugins on and off."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from . import enablement
from .manager import get_plugin, installed_plugins
from .site_settings import settings_url

PERMISSION = "plugins.change_siteplugin"


def _check_permission(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def site_list(request):
    """List every site with the number of plugins it has on."""
    _check_permission(request)
    sites = Site.objects.select_related("root_page").order_by("hostname")
    rows = [(site, len(enablement.enabled_plugins(site))) for site in sites]
    return TemplateResponse(
        request,
        "plugins/admin/site_list.html",
        {"rows": rows, "plugin_count": len(installed_plugins())},
    )


@require_http_methods(["GET", "POST"])
def site_plugins(request, site_id):
    """Show each plugin for one site with its description, version, needs and (while it is on)
    a link to its settings for the site; switch on POST."""
    _check_permission(request)
    site = get_object_or_404(Site, pk=site_id)
    if request.method == "POST":
        return _switch(request, site)
    on = enablement.enabled_plugins(site)
    plugins = [
        {
            "meta": meta,
            "enabled": name in on,
            "missing": [r for r in meta.requires if r not in on],
            "settings_url": settings_url(meta, site) if name in on else "",
        }
        for name, meta in installed_plugins().items()
    ]
    return TemplateResponse(
        request, "plugins/admin/site_plugins.html", {"site": site, "plugins": plugins}
    )


def _switch(request, site):
    name = request.POST.get("plugin", "")
    action = request.POST.get("action", "")
    try:
        meta = get_plugin(name)
        if action == "enable":
            switched = enablement.enable(name, site)
            extra = [n for n in switched if n != name]
            text = _("%(plugin)s is now on for %(site)s.") % {
                "plugin": meta.verbose_name,
                "site": site.hostname,
            }
            if extra:
                text += " " + _("It needed %(names)s, which was switched on too.") % {
                    "names": ", ".join(extra)
                }
            messages.success(request, text)
        elif action == "disable":
            enablement.disable(name, site)
            messages.success(
                request,
                _("%(plugin)s is now off for %(site)s. Its content is kept.")
                % {"plugin": meta.verbose_name, "site": site.hostname},
            )
        else:
            messages.error(request, _("Choose whether to enable or disable the plugin."))
    except (LookupError, enablement.PluginDependencyError) as error:
        messages.error(request, str(error))
    return redirect("chorus_plugins:site", site_id=site.pk)
