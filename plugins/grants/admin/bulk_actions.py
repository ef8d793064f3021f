"""Bulk status changes from the applications listing, on Wagtail's bulk-action framework.

Tick applications, choose an action, confirm: each application is processed on its own,
so one refusal (an application already decided, say) does not stop the rest, and the
summary says what was done and why anything was refused. Only managers act, and only on
their own sites' applications; ids from anywhere else are not found.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.views.bulk_action import BulkAction

from chorus.common.ids import id_or_none

from .. import permissions, workflow
from ..errors import GrantActionError
from ..models import Application
from .forms import DeclineForm


class ApplicationBulkAction(BulkAction):
    """A status change applied to each ticked application independently."""

    models = [Application]
    template_name = "grants/admin/bulk/confirm.html"
    #: Sentence for the confirmation page, e.g. "Move these applications to assessment?"
    question = ""
    button_label = ""

    def __init__(self, request, model):
        super().__init__(request, model)
        self.refusals = []

    def get_actionable_objects(self):
        user = self.request.user
        ids = [pk for pk in map(id_or_none, self.request.GET.getlist("id")) if pk is not None]
        # "Select all in listing" is not offered: a bulk decision names each application.
        visible = list(
            permissions.visible_applications(user)
            .filter(pk__in=ids)
            .select_related("round__programme")
        )
        if not visible:
            raise Http404
        managed = set(permissions.managed_rounds(user).values_list("pk", flat=True))
        objects = [a for a in visible if a.round_id in managed]
        no_access = [a for a in visible if a.round_id not in managed]
        return objects, {"items_with_no_access": no_access}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            question=self.question,
            button_label=self.button_label,
            header_icon="form",
            title=self.display_name,
        )
        return context

    def get_execution_context(self):
        return {"user": self.request.user, "refusals": self.refusals}

    @classmethod
    def act(cls, application, *, user, **kwargs):
        """Do the action to one application; raise GrantActionError to refuse."""
        raise NotImplementedError

    def summary(self, count):
        """Say how many applications the action was done to."""
        raise NotImplementedError

    @classmethod
    def execute_action(cls, objects, *, user, refusals, **kwargs):
        done = 0
        for application in objects:
            try:
                cls.act(application, user=user, **kwargs)
            except GrantActionError as error:
                refusals.append(str(error))
            else:
                done += 1
        return done, len(refusals)

    def get_success_message(self, num_parent_objects, num_child_objects):
        if num_parent_objects:
            messages.success(self.request, self.summary(num_parent_objects))
        for refusal in self.refusals:
            messages.error(self.request, refusal)
        return None


class MoveToAssessmentBulkAction(ApplicationBulkAction):
    """Move submitted applications on to assessment (:func:`workflow.mark_in_assessment`)."""

    display_name = _("Move to assessment")
    action_type = "move_to_assessment"
    aria_label = _("Move the selected applications to assessment")
    action_priority = 10
    question = _("Move these applications on to assessment, so assessors can score them?")
    button_label = _("Yes, move to assessment")

    def summary(self, count):
        return ngettext(
            "%(count)s application moved to assessment.",
            "%(count)s applications moved to assessment.",
            count,
        ) % {"count": count}

    @classmethod
    def act(cls, application, *, user, **kwargs):
        workflow.mark_in_assessment(application, by=user)


class InviteBulkAction(ApplicationBulkAction):
    """Invite expressions of interest to the full stage (:func:`workflow.invite`)."""

    display_name = _("Invite to full application")
    action_type = "invite"
    aria_label = _("Invite the selected expressions of interest to apply in full")
    action_priority = 20
    question = _(
        "Invite these expressions of interest to complete a full application? Each group is "
        "emailed."
    )
    button_label = _("Yes, invite them")

    def summary(self, count):
        return ngettext(
            "%(count)s expression of interest invited to apply in full.",
            "%(count)s expressions of interest invited to apply in full.",
            count,
        ) % {"count": count}

    @classmethod
    def act(cls, application, *, user, **kwargs):
        workflow.invite(application, by=user)


class DeclineBulkAction(ApplicationBulkAction):
    """Decline applications, each told the same reason (:func:`workflow.decline`)."""

    display_name = _("Decline with reason")
    action_type = "decline"
    aria_label = _("Decline the selected applications, giving one reason")
    action_priority = 30
    form_class = DeclineForm
    question = _("Decline these applications? Each group is emailed the reason below.")
    button_label = _("Yes, decline them")

    def summary(self, count):
        return ngettext(
            "%(count)s application declined.",
            "%(count)s applications declined.",
            count,
        ) % {"count": count}

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "reason": self.cleaned_form.cleaned_data["reason"],
        }

    @classmethod
    def act(cls, application, *, user, reason, **kwargs):
        workflow.decline(application, reason, by=user)


BULK_ACTIONS = [MoveToAssessmentBulkAction, InviteBulkAction, DeclineBulkAction]
