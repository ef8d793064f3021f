"""Who sees which survey's results: staff who may edit the survey page (Wagtail's page
permissions: its site's editors, superusers everywhere), for surveys on sites where the
surveys plugin is on. Seeing respondents' email addresses in exports takes
``surveys.view_response`` too (superusers have it)."""

from django.db.models import Count, Q
from wagtail.models import Locale
from wagtail.permissions import page_permission_policy

from chorus.plugins import in_enabled_sites, sites_with

from .models import Response, SurveyPage

#: Seeing who answered an identified survey (their email address in exports).
VIEW_RESPONDENTS = "surveys.view_response"


def surveys_for(user):
    """The results surveys (originals, in the default language) whose results ``user`` may
    see, newest first, each with ``submitted``: how many responses it has."""
    if not user.is_authenticated or not user.is_active:
        return SurveyPage.objects.none()
    surveys = SurveyPage.objects.filter(original__isnull=True, locale_id=Locale.get_default().pk)
    if not user.is_superuser:
        editable = page_permission_policy.instances_user_has_permission_for(user, "change")
        surveys = surveys.filter(pk__in=editable.values("pk"))
    return (
        in_enabled_sites(surveys, "surveys")
        .annotate(
            submitted=Count("responses", filter=Q(responses__status=Response.Status.SUBMITTED))
        )
        .order_by("-first_published_at", "-pk")
    )


def may_see_results(user, survey):
    """Whether ``user`` may see ``survey``'s results, tag its answers and export them."""
    if not user.is_authenticated or not user.is_active:
        return False
    roots = [site.root_page.path for site in sites_with("surveys")]
    if not any(survey.path.startswith(root) for root in roots):
        return False
    return page_permission_policy.user_has_permission_for_instance(user, "change", survey)


def sees_respondents(user, survey):
    """Whether exports of ``survey`` may say who answered: only for identified surveys, and
    only to staff with ``surveys.view_response``."""
    return not survey.anonymous and user.has_perm(VIEW_RESPONDENTS)


def sees_any_results(user):
    """Whether ``user`` might see some survey's results (for the menu item)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return page_permission_policy.user_has_any_permission(user, {"change", "add"})
