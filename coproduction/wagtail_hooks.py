"""Wagtail admin glue for the co-production app: the charter signatures screens, and sending
bulletins."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .admin_views import APPROVE_ACTION, REJECT_ACTION, CharterSignatureViewSet
from .bulletins.permissions import can_send
from .models import BulletinPage


@hooks.register("register_admin_viewset")
def register_charter_signature_viewset():
    """Add "Charter signatures" to the admin menu."""
    return CharterSignatureViewSet("charter_signatures")


@hooks.register("register_log_actions")
def register_signature_log_actions(actions):
    """Name the review decisions recorded in a signature's history."""
    actions.register_action(APPROVE_ACTION, _("Approve signature"), _("Signature approved"))
    actions.register_action(REJECT_ACTION, _("Reject signature"), _("Signature rejected"))


@hooks.register("register_admin_urls")
def register_bulletin_urls():
    """The screens for sending a bulletin and following its progress."""
    from .bulletins.admin_views import urlpatterns

    return urlpatterns


@hooks.register("register_page_header_buttons")
def send_bulletin_button(page, user, view_name, next_url=None):
    """Offer "Send bulletin" on a bulletin to editors who may publish it."""
    if page.specific_class is BulletinPage and can_send(user, page):
        url = reverse("bulletin_send", args=[page.pk])
        yield Button(_("Send bulletin"), url, icon_name="mail", priority=70)
