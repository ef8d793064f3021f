"""Wagtail admin glue for the test plugin. None of it checks whether the plugin is on:
the framework hides and blocks it where it is off."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from chorus.plugins import PluginMenuItem

from . import admin_screens
from .models import Note

MENU_LABEL = "Needs events notes"

register_permission_policy(Note, admin_screens.NotePolicy(Note))


@hooks.register("register_admin_viewset")
def register_notes_viewset():
    return admin_screens.NoteViewSet()


@hooks.register("register_admin_urls")
def register_needs_events_admin_urls():
    return [path("needs-events/", admin_screens.admin_hello, name="needs_events_admin")]


@hooks.register("register_admin_menu_item")
def register_needs_events_menu_item():
    return PluginMenuItem(
        "needs_events", MENU_LABEL, reverse("needs_events_admin"), icon_name="doc-full"
    )


@hooks.register("construct_homepage_panels")
def add_notes_panel(request, panels):
    panels.append(admin_screens.NotesPanel())
