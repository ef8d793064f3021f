"""Wagtail admin glue for the co-production app: the charter signatures screens, the
involvement register (Register → People and Exports, Settings → Involvement register), the
representativeness report with its population targets, sending bulletins, the bookings
and attendance registers of events and assemblies (Bookings), selection by lot for
assemblies, "You said, we did" (recommendations, commitments and the report of commitments
kept), and the insight bank."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from .accountability.admin_views import AccountabilityGroup, ReportView
from .accountability.permissions import commitment_policy, recommendation_policy
from .admin_views import APPROVE_ACTION, REJECT_ACTION, CharterSignatureViewSet
from .bulletins.permissions import can_send
from .insight.admin import insight_policy
from .models import (
    AssemblyPage,
    BulletinPage,
    Commitment,
    Insight,
    Person,
    Recommendation,
    RegisterExport,
    RegisterSettings,
)
from .register import history
from .register.admin_views import PersonViewSet
from .register.export_views import ExportViewSet, export_policy
from .register.permissions import person_policy

register_permission_policy(Person, person_policy)
register_permission_policy(Recommendation, recommendation_policy)
register_permission_policy(Commitment, commitment_policy)
register_permission_policy(RegisterExport, export_policy)
register_permission_policy(Insight, insight_policy)
register_setting(RegisterSettings, icon="group")


@hooks.register("register_admin_viewset")
def register_charter_signature_viewset():
    """Add "Charter signatures" to the admin menu."""
    return CharterSignatureViewSet("charter_signatures")


class RegisterViewSetGroup(ViewSetGroup):
    """The "Register" menu: People and Exports."""

    menu_label = _("Register")
    menu_icon = "group"
    menu_order = 310
    items = (PersonViewSet, ExportViewSet)


@hooks.register("register_admin_viewset")
def register_register_viewsets():
    return RegisterViewSetGroup()


@hooks.register("register_admin_viewset")
def register_accountability_viewsets():
    """The "You said, we did" menu: Recommendations, Commitments, Commitments kept."""
    return AccountabilityGroup()


@hooks.register("register_admin_urls")
def register_accountability_report_url():
    return [
        path("you-said-we-did/report/", ReportView.as_view(), name="accountability_report"),
    ]


@hooks.register("register_admin_viewset")
def register_insight_viewsets():
    """The "Insight bank" menu: records, themes, synonyms and partner organisations' staff."""
    from .insight.admin import InsightViewSetGroup

    return InsightViewSetGroup()


@hooks.register("register_log_actions")
def register_signature_log_actions(actions):
    """Name the review decisions recorded in a signature's history."""
    actions.register_action(APPROVE_ACTION, _("Approve signature"), _("Signature approved"))
    actions.register_action(REJECT_ACTION, _("Reject signature"), _("Signature rejected"))


@hooks.register("register_log_actions")
def register_person_log_actions(actions):
    """Name the entries in a person's history on the register."""
    history.register(actions)


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


@hooks.register("register_admin_urls")
def register_taking_part_urls():
    """The bookings, attendance registers and door check-in, under /admin/taking-part/."""
    from .taking_part import admin_views

    return [path("taking-part/", include(admin_views, namespace="taking_part_admin"))]


@hooks.register("register_admin_menu_item")
def register_taking_part_menu():
    """ "Bookings": the events and assemblies with bookings that the user may edit."""
    return MenuItem(
        _("Bookings"), reverse("taking_part_admin:index"), icon_name="list-ul", order=320
    )


def _attendance_button(page, user, priority):
    from .taking_part.admin_views import bookable, may_take_register

    specific = page.specific_deferred
    if bookable(specific) and specific.keeps_bookings and may_take_register(user, page):
        yield Button(
            _("Bookings and attendance"),
            reverse("taking_part_admin:register", args=[page.pk]),
            icon_name="list-ul",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def attendance_header_button(page, user, view_name, next_url=None):
    """Offer the attendance register on a page that takes bookings here."""
    yield from _attendance_button(page, user, 75)


@hooks.register("register_page_listing_more_buttons")
def attendance_listing_button(page, user, next_url=None):
    yield from _attendance_button(page, user, 60)


@hooks.register("register_admin_urls")
def register_sortition_urls():
    """The screens of an assembly's selection by lot, under /admin/selection-by-lot/."""
    from .sortition import admin_views

    return [path("selection-by-lot/", include(admin_views, namespace="sortition_admin"))]


@hooks.register("register_page_header_buttons")
def selection_by_lot_button(page, user, view_name, next_url=None):
    """Offer "Selection by lot" on an assembly to staff who may run its draw."""
    from .sortition.admin_views import can_run

    if page.specific_class is AssemblyPage and can_run(user, page):
        url = reverse("sortition_admin:overview", args=[page.pk])
        yield Button(_("Selection by lot"), url, icon_name="group", priority=71)


@hooks.register("register_log_actions")
def register_sortition_log_actions(actions):
    """Name the steps of a draw recorded in its history."""
    from .sortition import draws

    actions.register_action(draws.FREEZE_ACTION, _("Freeze pool"), _("Pool frozen"))
    actions.register_action(draws.REOPEN_ACTION, _("Reopen pool"), _("Pool reopened"))
    actions.register_action(draws.SEED_ACTION, _("Publish seed"), _("Seed published"))
    actions.register_action(draws.DRAW_ACTION, _("Draw"), _("Panel drawn"))
    actions.register_action(
        draws.START_AGAIN_ACTION, _("Start the draw again"), _("Draw set aside")
    )
    actions.register_action(draws.PUBLISH_ACTION, _("Publish result"), _("Result published"))


@hooks.register("register_permissions")
def register_sortition_permission():
    """Let groups be given "Can invite volunteers and run an assembly's draw"."""
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="coproduction", codename="run_draw")
