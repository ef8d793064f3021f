"""Wagtail admin glue for survey results: the "Surveys" menu item, the results screens'
URLs, and a "Results" button on every survey page in the page explorer and its header.

The menu item is a ``PluginMenuItem``, so it is gone where surveys is off; the screens are
the plugin's (registered from this module), so the admin guard answers 404 for them there.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from chorus.plugins import PluginMenuItem

from . import export_admin, results_admin
from .admin_switch import surveys_on_for
from .models import SurveyPage
from .results_access import may_see_results, sees_any_results


@hooks.register("register_admin_urls")
def register_results_urls():
    return [
        path(
            "surveys/",
            include(
                (results_admin.urlpatterns() + export_admin.urlpatterns(), "surveys_results"),
                namespace="surveys_results",
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_surveys_menu_item():
    return PluginMenuItem(
        "surveys",
        _("Surveys"),
        reverse("surveys_results:index"),
        icon_name="tasks",
        order=260,
        permission_check=sees_any_results,
    )


class ResultsButton(PageMenuItem):
    """ "Results" for a survey whose results the user may see."""

    label = _("Results")
    icon_name = "tasks"

    def __init__(self, *, page, **kwargs):
        super().__init__(
            page=page, url=reverse("surveys_results:results", args=[page.pk]), **kwargs
        )

    def is_shown(self, user):
        return may_see_results(user, self.page)


def _results_button(page, priority):
    if page.specific_class is SurveyPage and surveys_on_for(page):
        yield ResultsButton(page=page, priority=priority)


@hooks.register("register_page_listing_more_buttons")
def survey_results_listing_button(page, user, next_url=None):
    yield from _results_button(page, 5)


@hooks.register("register_page_header_buttons")
def survey_results_header_button(page, user, view_name, next_url=None):
    yield from _results_button(page, 12)
