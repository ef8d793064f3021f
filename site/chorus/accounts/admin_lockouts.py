"""Settings → Sign-in lockouts: the accounts and addresses paused after wrong passwords.

A ``ModelViewSet`` over django-axes's failed-attempt records, for superusers only (no model
permissions are offered to groups). Each row can be unlocked: its account may sign in from
its address again straight away. ``manage.py axes_reset`` unlocks everyone from the shell.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button


def lock_status(attempt):
    """“Locked until 14:35” for a locked pair, else how many tries are left."""
    if attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT:
        until = timezone.localtime(attempt.attempt_time + get_cool_off())
        return _("Locked until %(time)s") % {"time": date_format(until, "H:i")}
    left = settings.AXES_FAILURE_LIMIT - attempt.failures_since_start
    return ngettext(
        "%(count)s more try before a pause", "%(count)s more tries before a pause", left
    ) % {"count": left}


class LockoutIndexView(generic.IndexView):
    """Failed sign-ins still counted (within the cool-off), the latest first."""

    default_ordering = "-attempt_time"

    def get_base_queryset(self):
        since = timezone.now() - get_cool_off()
        return AccessAttempt.objects.filter(attempt_time__gte=since)

    @cached_property
    def columns(self):
        return [
            # A title column, because it carries the row's buttons (here, Unlock).
            self._get_title_column_class(TitleColumn)(
                "username", label=gettext_lazy("Account"), get_url=lambda attempt: None
            ),
            Column("ip_address", label=gettext_lazy("Address")),
            Column("failures_since_start", label=gettext_lazy("Wrong passwords")),
            DateColumn("attempt_time", label=gettext_lazy("Last wrong password")),
            Column("status", label=gettext_lazy("Status"), accessor=lock_status),
        ]

    def get_list_more_buttons(self, instance):
        return [
            Button(
                _("Unlock"),
                url=self.get_delete_url(instance),
                icon_name="lock-open",
                priority=10,
            )
        ]


class UnlockView(generic.DeleteView):
    """Ask, then forget every failed sign-in of an account from an address."""

    page_title = gettext_lazy("Unlock")
    template_name = "accounts/admin/unlock.html"

    def get_page_subtitle(self):
        return self.object.username

    @property
    def confirmation_message(self):
        return _("%(account)s will be able to sign in from %(address)s again straight away.") % {
            "account": self.object.username,
            "address": self.object.ip_address,
        }

    def get_success_message(self):
        return _("%(account)s can sign in from %(address)s again.") % {
            "account": self.object.username,
            "address": self.object.ip_address,
        }

    def delete_action(self):
        AccessAttempt.objects.filter(
            username=self.object.username, ip_address=self.object.ip_address
        ).delete()


class LockoutViewSet(ModelViewSet):
    """The lockouts screen under Settings; index and unlock only."""

    model = AccessAttempt
    name = "sign_in_lockouts"
    url_prefix = "sign-in-lockouts"
    icon = "lock"
    menu_label = gettext_lazy("Sign-in lockouts")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(
            add_url_name=None, edit_url_name=None, history_url_name=None, usage_url_name=None
        )
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("unlock/<int:pk>/", self.delete_view, name="delete"),
        ]

    def get_permissions_to_register(self):
        # Only superusers unlock: no model permissions to hand out to groups.
        return Permission.objects.none()
