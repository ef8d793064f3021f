"""Wagtail admin glue for the co-production app: the charter signatures screens, the
involvement register (Register → People and Exports, Settings → Involvement register), the
representativeness report with its population targets, sending bulletins, and the insight bank."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from .admin_views import APPROVE_ACTION, REJECT_ACTION, CharterSignatureViewSet
from .bulletins.permissions import can_send
from .insight.admin import insight_policy
from .models import BulletinPage, Insight, Person, RegisterExport, RegisterSettings
from .register import history
from .register.admin_views import PersonViewSet
from .register.export_views import ExportViewSet, export_policy
from .register.permissions import person_policy

register_permission_policy(Person, person_policy)
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
