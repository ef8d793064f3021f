"""Wagtail admin glue for the co-production app: the charter signatures screens, and the
representativeness report with its population targets."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin_views import APPROVE_ACTION, REJECT_ACTION, CharterSignatureViewSet


@hooks.register("register_admin_viewset")
def register_charter_signature_viewset():
    """Add "Charter signatures" to the admin menu."""
    return CharterSignatureViewSet("charter_signatures")


@hooks.register("register_log_actions")
def register_signature_log_actions(actions):
    """Name the review decisions recorded in a signature's history."""
    actions.register_action(APPROVE_ACTION, _("Approve signature"), _("Signature approved"))
    actions.register_action(REJECT_ACTION, _("Reject signature"), _("Signature rejected"))


@hooks.register("register_admin_viewset")
def register_population_target_viewset():
    """The population targets screens (in the Representativeness menu)."""
    from .register.targets_admin import PopulationTargetViewSet

    return PopulationTargetViewSet("population_targets")


@hooks.register("register_admin_urls")
def register_representation_urls():
    """The representativeness report and target imports, under /admin/representativeness/."""
    from .register import admin_urls

    return [path("representativeness/", include(admin_urls, namespace="representation_admin"))]


@hooks.register("register_admin_menu_item")
def register_representation_menu():
    from .register.admin_menu import representation_menu_item

    return representation_menu_item()
