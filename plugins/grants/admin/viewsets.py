"""Grants → Rounds: a ``ModelViewSet`` over funding rounds, scoped to the person's sites.

Everyone in a site's grant team sees its rounds and their money; its managers create and
edit them (with their assessment criteria). There is no delete: a round is a record of
money and decisions. ``allocated`` is never in the form; the ledger alone changes it.
"""

from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import Button

from chorus.common.admin_records import RecordViewSet

from .. import permissions, reports
from ..models import GrantRound
from ..models.money import pounds
from .forms import GrantRoundForm


class MoneyColumn(Column):
    """A column of pounds, e.g. “£1,500”."""

    def get_value(self, instance):
        return pounds(super().get_value(instance))


def stage_label(pot):
    """The round's stage as people read it: “Open”, “Closed”, “Opens soon”."""
    return GrantRound.Stage(pot.stage()).label


class ManagedRoundsMixin:
    """Edit links only for rounds the person manages."""

    @cached_property
    def managed_round_ids(self):
        return set(permissions.managed_rounds(self.request.user).values_list("pk", flat=True))

    def can_edit(self, pot):
        return pot.pk in self.managed_round_ids


class RoundIndexView(ManagedRoundsMixin, generic.IndexView):
    """The rounds of the person's sites with their money, newest first."""

    def get_base_queryset(self):
        rounds = permissions.assessable_rounds(self.request.user).select_related("programme")
        return reports.with_money(rounds)

    @cached_property
    def columns(self):
        return [
            self._get_title_column("title"),
            Column("programme", label=gettext_lazy("Programme"), accessor="programme.title"),
            Column("stage", label=gettext_lazy("Stage"), accessor=stage_label),
            MoneyColumn("budget", label=gettext_lazy("Budget"), sort_key="budget"),
            MoneyColumn("allocated", label=gettext_lazy("Committed"), sort_key="allocated"),
            MoneyColumn("paid", label=gettext_lazy("Paid")),
            MoneyColumn("remaining", label=gettext_lazy("Remaining")),
            Column(
                "applications_count",
                label=gettext_lazy("Applications"),
                sort_key="applications_count",
            ),
        ]

    def get_edit_url(self, instance):
        if self.can_edit(instance):
            return super().get_edit_url(instance)
        return None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            Button(
                _("Applications"),
                url=reverse("grants_admin:applications") + f"?round={instance.pk}",
                icon_name="form",
                priority=40,
            )
        )
        buttons.append(
            Button(
                _("Report"),
                url=reverse("grants_admin:round_report", args=[instance.pk]),
                icon_name="table",
                priority=50,
            )
        )
        return buttons


class RoundCreateView(generic.CreateView):
    """Open a new round in one of the person's programmes."""


class RoundEditView(generic.EditView):
    """Change a round the person manages; another site's round is not found."""

    def get_queryset(self):
        return permissions.managed_rounds(self.request.user)


class RoundInspectView(ManagedRoundsMixin, generic.InspectView):
    """A round at a glance: money (budget, committed, paid, remaining), stage, criteria."""

    page_title = gettext_lazy("Round")
    template_name = "grants/admin/rounds/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            permissions.assessable_rounds(self.request.user).select_related("programme"),
            pk=self.pk,
        )

    def get_fields(self):
        return []

    def get_edit_url(self):
        if self.can_edit(self.object):
            return reverse(self.edit_url_name, args=(quote(self.object.pk),))
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pot = self.object
        context.update(
            round=pot,
            money=reports.round_money(pot),
            stage=stage_label(pot),
            closed_reason=pot.closed_reason(),
            criteria=pot.criteria.all(),
            applications_url=reverse("grants_admin:applications") + f"?round={pot.pk}",
            report_url=reverse("grants_admin:round_report", args=[pot.pk]),
            edit_url=self.get_edit_url(),
        )
        return context


class GrantRoundViewSet(RecordViewSet):
    """Funding rounds under Grants → Rounds (the menu item is the plugin's own)."""

    model = GrantRound
    name = "grant_rounds"
    url_prefix = "grants/rounds"
    icon = "table"
    inspect_view_enabled = True
    list_per_page = 20
    index_view_class = RoundIndexView
    add_view_class = RoundCreateView
    edit_view_class = RoundEditView
    inspect_view_class = RoundInspectView
    edit_handler = ObjectList(GrantRound.panels, base_form_class=GrantRoundForm)
