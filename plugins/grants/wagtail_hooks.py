"""Wagtail admin glue for the grants plugin: the Grants menu, its screens and bulk actions.

The permission policies are registered at import, before anything asks Wagtail for the
policy of a round or an application (which would otherwise create a default one).
"""

from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import deletion
from .admin import urls as admin_urls
from .admin.bulk_actions import BULK_ACTIONS
from .admin.menu import grants_menu_item
from .admin.policies import application_policy, round_policy
from .admin.viewsets import GrantRoundViewSet
from .models import Application, GrantRound

register_permission_policy(GrantRound, round_policy)
register_permission_policy(Application, application_policy)


@hooks.register("register_admin_viewset")
def register_round_viewset():
    return GrantRoundViewSet()


@hooks.register("register_admin_urls")
def register_grants_admin_urls():
    return [path("grants/", include(admin_urls, namespace="grants_admin"))]


@hooks.register("register_admin_menu_item")
def register_grants_menu_item():
    return grants_menu_item()


hooks.register("before_delete_page", deletion.before_delete_page)
hooks.register("before_bulk_action", deletion.before_bulk_action)

for action in BULK_ACTIONS:
    hooks.register("register_bulk_action", action)
