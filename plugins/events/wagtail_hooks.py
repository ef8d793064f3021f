"""Wagtail admin glue for the events plugin: an "Events" menu item for the current site."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Site

from chorus.plugins import PluginMenuItem

from .models import EventIndexPage


def open_events(request):
    """Open the page explorer at this site's events index, or explain how to add one."""
    site = Site.find_for_request(request)
    index = (
        EventIndexPage.objects.in_site(site).order_by("path").first() if site is not None else None
    )
    if index is not None:
        return redirect("wagtailadmin_explore", index.pk)
    messages.info(
        request,
        _("This site has no events index yet. Add an “Events index” page under the home page."),
    )
    if site is not None:
        return redirect("wagtailadmin_explore", site.root_page_id)
    return redirect("wagtailadmin_home")


@hooks.register("register_admin_urls")
def register_events_admin_urls():
    return [path("events/", open_events, name="events_admin")]


@hooks.register("register_admin_menu_item")
def register_events_menu_item():
    # Events are pages: the item is for everyone who may edit pages.
    return PluginMenuItem(
        "events",
        gettext_lazy("Events"),
        reverse("events_admin"),
        icon_name="date",
        order=250,
        permission_check=user_has_any_page_permission,
    )
