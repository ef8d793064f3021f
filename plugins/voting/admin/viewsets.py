"""Voting → Ballots: list, draft, edit (drafts only) and delete (drafts only) ballots.

Each ballot's own page (its actions, electorate and result) is
:class:`plugins.voting.admin.views.ballots.BallotView`; after adding or editing a ballot
the secretary lands there. The list shows turnout so far for open ballots and never a
count of choices before a ballot closes.
"""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .. import lifecycle, permissions, proposals
from ..models import Ballot
from .forms import BallotForm
from .policies import ballot_policy

BALLOT_PANELS = [
    FieldPanel("site", heading=gettext_lazy("Co-op")),
    FieldPanel("title"),
    FieldPanel("question"),
    MultiFieldPanel(
        [FieldPanel("kind"), FieldPanel("seats")], heading=gettext_lazy("Kind of ballot")
    ),
    InlinePanel(
        "options",
        panels=[FieldPanel("label"), FieldPanel("description")],
        heading=gettext_lazy("Options or candidates"),
        label=gettext_lazy("Option or candidate"),
        help_text=gettext_lazy(
            "Leave this empty for a resolution: For, Against and Abstain are added when the "
            "ballot is scheduled. A choice also gets an Abstain option."
        ),
    ),
    InlinePanel(
        "eligible_classes",
        panels=[FieldPanel("member_class"), FieldPanel("weight"), FieldPanel("cap_percent")],
        heading=gettext_lazy("Member classes that vote"),
        label=gettext_lazy("Member class"),
    ),
    InlinePanel(
        "documents",
        panels=[FieldPanel("document")],
        heading=gettext_lazy("Supporting documents"),
        label=gettext_lazy("Document"),
    ),
    FieldRowPanel(
        [FieldPanel("opens_at"), FieldPanel("closes_at")], heading=gettext_lazy("When it is open")
    ),
    MultiFieldPanel(
        [FieldPanel("quorum_kind"), FieldPanel("quorum_value")], heading=gettext_lazy("Quorum")
    ),
    MultiFieldPanel(
        [FieldPanel("secret"), FieldPanel("allow_change")], heading=gettext_lazy("Voting")
    ),
]


def ballot_url(ballot):
    """The admin page of ``ballot``: its actions, electorate and result."""
    return reverse("voting_admin:ballot", args=[ballot.pk])


def turnout_text(ballot):
    """Who has voted so far (open) or in the end (closed), as “3 of 8 voted”; never choices."""
    if ballot.status == Ballot.Status.OPEN:
        voted = lifecycle.turnout_so_far(ballot)
    elif ballot.status == Ballot.Status.CLOSED:
        voted = ballot.turnout or 0
    else:
        return "—"
    return _("%(voted)d of %(size)d voted") % {"voted": voted, "size": ballot.electorate_size or 0}


def when(moment):
    return date_format(timezone.localtime(moment), "j M Y H:i")


class BallotIndexView(generic.IndexView):
    """The ballots of the secretary's co-ops, newest first."""

    default_ordering = "-opens_at"

    def get_base_queryset(self):
        ballots = permissions.ballots_for(self.request.user)
        lifecycle.bring_all_up_to_date(ballots)
        return ballots.select_related("site")

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=gettext_lazy("Title"), get_url=ballot_url, sort_key="title"),
            Column("site", label=gettext_lazy("Co-op"), accessor="site"),
            Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
            Column(
                "opens_at",
                label=gettext_lazy("Opens"),
                accessor=lambda b: when(b.opens_at),
                sort_key="opens_at",
            ),
            Column(
                "closes_at",
                label=gettext_lazy("Closes"),
                accessor=lambda b: when(b.closes_at),
                sort_key="closes_at",
            ),
            Column("turnout", label=gettext_lazy("Turnout"), accessor=turnout_text),
        ]

    def get_edit_url(self, instance):
        # Only a draft's rules may change; the title links to every ballot's page.
        return super().get_edit_url(instance) if instance.is_editable else None

    @cached_property
    def no_results_message(self):
        return _("No ballots yet.")


class BallotCreateView(generic.CreateView):
    """Draft a ballot for one of the secretary's co-ops."""

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return ballot_url(self.object)


class BallotEditView(generic.EditView):
    """Change a draft ballot; a ballot that has been scheduled keeps its rules."""

    def get_queryset(self):
        return permissions.ballots_for(self.request.user)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()  # another co-op's ballot is not found

    def dispatch(self, request, *args, **kwargs):
        if not self.object.is_editable:
            messages.error(
                request,
                _(
                    "“%(ballot)s” has been scheduled, so its rules are locked. Put it back to "
                    "draft (before it opens) to change them."
                )
                % {"ballot": self.object},
            )
            return redirect(ballot_url(self.object))
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        ballot = super().save_instance()
        # A draft back from scheduling still has For/Against/Abstain; scheduling adds
        # again those that suit its (perhaps changed) kind.
        ballot.options.exclude(code="").delete()
        return ballot

    def get_success_url(self):
        return ballot_url(self.object)


class BallotDeleteView(generic.DeleteView):
    """Delete a draft; a ballot that has been scheduled is kept."""

    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        return get_object_or_404(permissions.ballots_for(self.request.user), pk=self.kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not self.object.is_editable:
            messages.error(
                request,
                _("Only a draft can be deleted: “%(ballot)s” stays on the record.")
                % {"ballot": self.object},
            )
            return redirect(ballot_url(self.object))
        return super().dispatch(request, *args, **kwargs)

    def delete_action(self):
        # A draft made from a proposal goes, and the proposal goes back to the secretary.
        proposal = self.object.proposal
        with transaction.atomic():
            super().delete_action()
            if proposal is not None:
                proposals.return_to_secretary(proposal)


class BallotViewSet(ModelViewSet):
    """Ballots under Voting → Ballots (the menu item is the plugin's own)."""

    model = Ballot
    name = "voting_ballots"
    url_prefix = "voting/ballots"
    icon = "tasks"
    add_to_admin_menu = False
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    permission_policy = ballot_policy
    index_view_class = BallotIndexView
    add_view_class = BallotCreateView
    edit_view_class = BallotEditView
    delete_view_class = BallotDeleteView
    edit_handler = ObjectList(BALLOT_PANELS, base_form_class=BallotForm)

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(history_url_name=None, usage_url_name=None)
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
        ]

    def get_permissions_to_register(self):
        # Secretaries get their powers from their register's group, not model permissions.
        return Permission.objects.none()
