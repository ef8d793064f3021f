"""Wagtail admin glue for the co-production app: the charter signatures screens."""

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
