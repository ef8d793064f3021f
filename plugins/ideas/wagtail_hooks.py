"""Wagtail admin glue for idea boards: the moderation queue and its menu item."""

from django.urls import include, path
from wagtail import hooks

from .admin import urls as admin_urls
from .admin.menu import moderation_menu_item


@hooks.register("register_admin_urls")
def register_ideas_admin_urls():
    return [path("ideas/", include(admin_urls, namespace="ideas_admin"))]


@hooks.register("register_admin_menu_item")
def register_ideas_menu_item():
    return moderation_menu_item()
