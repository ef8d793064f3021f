"""The hello plugin's Chorus hooks: one URL and one navigation item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from chorus.plugins import NavigationItem, hookimpl

from . import views


@hookimpl
def chorus_register_urls():
    """Serve the greeting at ``/plugins/hello/`` (reversed as ``hello:greeting``)."""
    return [path("", views.greeting, name="greeting")]


@hookimpl
def chorus_register_navigation_items(site, request):
    """Link to the greeting from the main menu of every site where the plugin is on."""
    return [NavigationItem(label=_("Hello"), url=reverse("hello:greeting"), order=200)]
