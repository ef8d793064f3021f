"""Grants → To assess: the applications waiting for the signed-in assessor, oldest first.

An application waits for someone while it can still be assessed (submitted, or being
assessed) in a round of their sites, and they have neither scored it nor declared a
conflict of interest on it. Once they do either, it leaves their list.
"""

from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ... import permissions
from ...models import Application
from .base import GrantsAdminView


def waiting_for(user):
    """The applications ``user`` may assess and has not yet assessed, oldest first."""
    return (
        permissions.visible_applications(user)
        .filter(status__in=Application.DECIDABLE)
        .exclude(assessments__assessor=user)
        .select_related("round__programme")
        .annotate(sent_at=Coalesce("submitted_at", "eoi_submitted_at"))
        .order_by("sent_at", "pk")
    )


class AssessmentQueueView(GrantsAdminView):
    """The person's own queue: what to score next, with how long each has waited."""

    template_name = "grants/admin/queue/index.html"
    page_title = gettext_lazy("To assess")
    header_icon = "clipboard-list"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        rows = []
        for application in waiting_for(self.request.user):
            sent = application.sent_at
            rows.append(
                {
                    "application": application,
                    "sent": sent,
                    "days_waiting": (today - timezone.localdate(sent)).days if sent else None,
                    "url": reverse("grants_admin:application", args=[application.pk])
                    + "#assessments-heading",
                }
            )
        context["rows"] = rows
        return context
