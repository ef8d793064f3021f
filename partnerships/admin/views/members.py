"""Members → Register of members, Applications waiting, and one member's page with its actions.

Every action goes through :mod:`partnerships.membership` (approve, decline, lapse,
reinstate, leave), which refuses a move from the wrong status; the member's page offers
only the moves their status allows. Changing class is not a status change: it is recorded
in the membership's history with a note.
"""

import io
from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ... import membership as membership_changes
from ...members import notifications
from ...models import Membership, MembershipEvent
from .. import permissions, register
from ..forms import (
    ApproveForm,
    ChangeClassForm,
    DeclineForm,
    LeaveForm,
    NoteForm,
    RegisterFilterForm,
)
from .base import MEMBERS_CRUMB, SecretaryMixin, SecretaryView

Status = Membership.Status
PAGE_SIZE = 50


def member_url(membership):
    return reverse("members_admin:member", args=[membership.pk])


class _Filtered:
    """The register's filter form, read from the query string, and what it selects."""

    def filter_form(self):
        user = self.request.user
        return RegisterFilterForm(
            self.request.GET or None,
            registers=permissions.kept_registers(user),
            classes=permissions.kept_classes(user).order_by("register", "sort_order", "name"),
        )

    def memberships(self, form):
        found = permissions.kept_memberships(self.request.user)
        if form.is_bound and form.is_valid():
            found = register.filtered(found, form.cleaned_data)
        elif form.is_bound:
            found = found.none()  # a forged filter shows nothing rather than everything
        return register.ordered(found)


class MemberIndexView(_Filtered, SecretaryView):
    """The register: every membership of the person's registers, filtered and searchable."""

    template_name = "partnerships/admin/members/index.html"
    page_title = gettext_lazy("Register of members")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filter_form()
        page = Paginator(self.memberships(form), PAGE_SIZE).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            form=form,
            page=page,
            query=query.urlencode(),
            export_url=reverse("members_admin:export") + (f"?{query.urlencode()}" if query else ""),
            waiting=permissions.kept_memberships(self.request.user)
            .filter(status=Status.APPLIED)
            .count(),
        )
        return context


class MemberExportView(_Filtered, SecretaryMixin, View):
    """The register (as filtered on screen) as a CSV file, safe to open in a spreadsheet."""

    def get(self, request):
        out = io.StringIO()
        register.write_csv(self.memberships(self.filter_form()), out)
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        filename = f"register-of-members-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ApplicationsView(SecretaryView):
    """Applications waiting for a decision, oldest first."""

    template_name = "partnerships/admin/members/applications.html"
    page_title = gettext_lazy("Applications waiting")
    trail = (MEMBERS_CRUMB,)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["applications"] = (
            permissions.kept_memberships(self.request.user)
            .filter(status=Status.APPLIED)
            .order_by("applied_at", "pk")
        )
        return context


def _approve(membership, by, data):
    membership = membership_changes.approve(membership, by, joined_on=data["joined_on"])
    transaction.on_commit(partial(notifications.decided, membership.pk))
    return _("Approved: %(name)s is member %(number)s.") % {
        "name": membership.display_name,
        "number": membership.membership_number,
    }


def _decline(membership, by, data):
    membership = membership_changes.decline(membership, by, data["reason"])
    transaction.on_commit(partial(notifications.decided, membership.pk))
    return _("Declined: %(name)s has been told why.") % {"name": membership.display_name}


def _lapse(membership, by, data):
    membership_changes.lapse(membership, by, note=data["note"])
    return _("%(name)s's membership has lapsed.") % {"name": membership.display_name}


def _reinstate(membership, by, data):
    membership_changes.reinstate(membership, by, note=data["note"])
    return _("%(name)s is an active member again.") % {"name": membership.display_name}


def _leave(membership, by, data):
    membership_changes.leave(membership, by, left_on=data["left_on"], note=data["note"])
    return _("%(name)s has left; they stay on the register as a former member.") % {
        "name": membership.display_name
    }


def _change_class(membership, by, data):
    new_class = data["member_class"]
    with transaction.atomic():
        # Conditional, like the status moves: a membership that ended meanwhile keeps its class.
        changed = Membership.objects.filter(
            pk=membership.pk, status__in=Membership.CURRENT, member_class=membership.member_class
        ).update(member_class=new_class)
        if not changed:
            raise membership_changes.MembershipError(
                _("This membership changed meanwhile. Look at it again and try once more.")
            )
        note = _("Class changed from %(old)s to %(new)s.") % {
            "old": membership.member_class.name,
            "new": new_class.name,
        }
        if data["note"]:
            note = f"{note} {data['note']}"
        MembershipEvent.objects.create(
            membership=membership, status=membership.status, by=by, note=note
        )
    return _("%(name)s is now a %(class)s.") % {
        "name": membership.display_name,
        "class": new_class.name,
    }


#: Each action: its form, the statuses it applies to, what it does, and its button.
ACTIONS = {
    "approve": (ApproveForm, (Status.APPLIED,), _approve, gettext_lazy("Approve")),
    "decline": (DeclineForm, (Status.APPLIED,), _decline, gettext_lazy("Decline")),
    "change-class": (
        ChangeClassForm,
        Membership.CURRENT,
        _change_class,
        gettext_lazy("Change class"),
    ),
    "lapse": (NoteForm, (Status.ACTIVE,), _lapse, gettext_lazy("Mark as lapsed")),
    "reinstate": (NoteForm, (Status.LAPSED,), _reinstate, gettext_lazy("Reinstate")),
    "leave": (LeaveForm, (Status.ACTIVE, Status.LAPSED), _leave, gettext_lazy("Record leaving")),
}


class MemberView(SecretaryView):
    """One membership: details, statement, history, and the actions its status allows."""

    template_name = "partnerships/admin/members/member.html"
    page_title = gettext_lazy("Member")
    trail = (MEMBERS_CRUMB,)

    @cached_property
    def membership(self):
        return get_object_or_404(
            permissions.kept_memberships(self.request.user), pk=self.kwargs["pk"]
        )

    def get_page_subtitle(self):
        return self.membership.display_name

    def actions(self, bound=None):
        """``[(name, label, form)]`` for the actions open to this membership now."""
        found = []
        for name, (form_class, statuses, _do, label) in ACTIONS.items():
            if self.membership.status not in statuses:
                continue
            if bound is not None and bound[0] == name:
                form = bound[1]
            else:
                form = form_class(membership=self.membership, prefix=name)
            if name == "change-class" and not form.fields["member_class"].queryset.exists():
                continue  # the register has no other class
            found.append((name, label, form))
        return found

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        membership = self.membership
        context.update(
            membership=membership,
            events=MembershipEvent.objects.filter(membership=membership).select_related("by"),
            actions=self.actions(kwargs.get("bound")),
        )
        return context


class MemberActionView(MemberView):
    """POST one action from the member's page; on a problem, the page again with the error."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        if action not in ACTIONS:
            raise Http404
        form_class, statuses, do, _label = ACTIONS[action]
        membership = self.membership
        form = form_class(request.POST, membership=membership, prefix=action)
        if membership.status not in statuses:
            form.is_valid()
            form.add_error(
                None,
                _("This membership is %(status)s: that cannot be done now.")
                % {"status": membership.get_status_display().lower()},
            )
        elif form.is_valid():
            try:
                message = do(membership, request.user, form.cleaned_data)
            except membership_changes.MembershipError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, message)
                return redirect(member_url(membership))
        context = self.get_context_data(bound=(action, form))
        if not any(name == action for name, _l, _f in context["actions"]):
            context["refused"] = form.non_field_errors()
        return self.render_to_response(context)
