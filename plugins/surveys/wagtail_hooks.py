"""The surveys plugin's admin glue: paper and phone entry, and invitations, per survey
(here), the results screens (``results_hooks``) and the consultations' response screens
(``consultation_hooks``), each with its menu item.

The entry and invitation screens are reached from the survey page's header menu, for people
who may edit the page; where surveys is off for the admin's site the screens answer 404 (the
plugin admin guard) and the page type is not offered.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

# The results screens, their menu item and the "Results" button on survey pages; the
# consultations' response screens, their menu item and the "Response" button.
from . import consultation_hooks, results_hooks  # noqa: F401
from .admin_entry import PaperEntryView
from .admin_switch import surveys_on_for
from .invitations import InvitationsView
from .models import SurveyPage


@hooks.register("register_admin_urls")
def register_surveys_admin_urls():
    urls = [
        path("<int:page_id>/enter/", PaperEntryView.as_view(), name="enter"),
        path("<int:page_id>/invitations/", InvitationsView.as_view(), name="invitations"),
    ]
    return [path("surveys/", include((urls, "surveys_admin"), namespace="surveys_admin"))]


@hooks.register("register_page_header_buttons")
def survey_respondent_buttons(page, user, view_name, next_url=None):
    """ "Enter a paper response" and "Invite people" in a survey's header menu."""
    if (
        page.specific_class is not SurveyPage
        or not surveys_on_for(page)
        or not page.permissions_for_user(user).can_edit()
    ):
        return
    yield Button(
        _("Enter a paper response"),
        reverse("surveys_admin:enter", args=[page.pk]),
        icon_name="doc-full",
        priority=80,
    )
    yield Button(
        _("Invite people"),
        reverse("surveys_admin:invitations", args=[page.pk]),
        icon_name="mail",
        priority=81,
    )
