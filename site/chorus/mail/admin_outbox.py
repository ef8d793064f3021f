"""Settings → Outgoing email: the outbox, read-only, for superusers.

Lists every email still in the outbox (sent ones are deleted after a week) with its status,
attempts, next attempt and last error, the newest first, filtered by status; each one can
be inspected. Nothing is edited here: ``manage.py send_queued_emails --retry-failed`` tries
failed emails again once the mail server works.
"""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import OutgoingEmail


def recipients(email):
    """The addresses in To, comma-separated."""
    return ", ".join(email.to)


class OutboxIndexView(generic.IndexView):
    """The outbox, newest first; the subject opens the email's details."""

    default_ordering = "-created_at"

    @property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "subject",
                label=gettext_lazy("Subject"),
                get_url=lambda email: self.get_inspect_url(email),
            ),
            Column("to", label=gettext_lazy("To"), accessor=recipients),
            Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
            Column("attempts", label=gettext_lazy("Attempts")),
            DateColumn("created_at", label=gettext_lazy("Queued at")),
            DateColumn("next_attempt_at", label=gettext_lazy("Next attempt")),
            Column("last_error", label=gettext_lazy("Last error")),
        ]


class OutboxViewSet(ModelViewSet):
    """The outgoing-email screen under Settings: index and inspect only."""

    model = OutgoingEmail
    name = "outgoing_email"
    url_prefix = "outgoing-email"
    icon = "mail"
    menu_label = gettext_lazy("Outgoing email")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = OutboxIndexView
    list_filter = ["status"]
    inspect_view_fields = [
        "subject",
        "to",
        "cc",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
        "body",
    ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
        )
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        # Superusers only: no model permissions to hand out to groups.
        return Permission.objects.none()
