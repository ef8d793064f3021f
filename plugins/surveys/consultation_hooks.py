"""Wagtail admin glue for consultations: the response screens, the "Consultations" menu item
and a "Response" button on each consultation page in the page explorer and editor."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.widgets import Button

from chorus.plugins import PluginMenuItem

from . import consultation_admin
from .admin_switch import surveys_on_for
from .models import ConsultationPage


@hooks.register("register_admin_urls")
def register_consultation_admin_urls():
    return [
        path(
            "surveys/consultations/",
            include(
                (consultation_admin.urlpatterns, consultation_admin.app_name),
                namespace=consultation_admin.app_name,
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_consultations_menu_item():
    # Consultations are pages: the item is for everyone who may edit pages.
    return PluginMenuItem(
        "surveys",
        _("Consultations"),
        reverse("surveys_consultations:index"),
        icon_name="help",
        order=420,
        permission_check=user_has_any_page_permission,
    )


@hooks.register("register_page_header_buttons")
def consultation_response_button(page, user, view_name, next_url=None):
    """Offer "Response" on a consultation to editors who may edit it."""
    if (
        page.specific_class is ConsultationPage
        and surveys_on_for(page)
        and page.permissions_for_user(user).can_edit()
    ):
        url = reverse("surveys_consultations:response", args=[page.pk])
        yield Button(_("Response"), url, icon_name="help", priority=70)
