"""Time credits → Ledger: every transaction of the person's schemes, with its legs.

Read-only: filter by scheme, kind, wallet (a partner or volunteer) and date. There is no
edit or delete anywhere; a transaction is put right by *correcting* it, which records a
reversing transaction with the reason and who made it (:func:`plugins.timecredits.ledger.reverse`).
"""

import django_filters
from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button

from chorus.common import admin_ledger

from ... import ledger, permissions
from ...errors import CreditsError
from ...models import Scheme, Transaction, Wallet
from ..forms import CorrectionForm
from .base import CreditsAdminMixin, CreditsAdminView

LEDGER_CRUMB = (reverse_lazy("timecredits_admin:ledger"), gettext_lazy("Ledger"))


def visible_transactions(user):
    """The transactions of ``user``'s schemes, with what the listing shows."""
    return (
        Transaction.objects.filter(scheme__in=permissions.administered_schemes(user))
        .select_related("scheme", "created_by", "reverses")
        .prefetch_related("entries__wallet")
    )


def _schemes(request):
    if request is None:
        return Scheme.objects.none()
    return permissions.administered_schemes(request.user)


def _wallets(request):
    if request is None:
        return Wallet.objects.none()
    return permissions.administered_wallets(request.user).exclude(kind=Wallet.Kind.ISSUER)


class LedgerFilterSet(WagtailFilterSet):
    """Filter transactions by scheme, kind, a wallet they moved and the day recorded."""

    scheme = django_filters.ModelChoiceFilter(label=gettext_lazy("Scheme"), queryset=_schemes)
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"),
        choices=Transaction.Kind.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    wallet = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Partner or volunteer"),
        queryset=_wallets,
        method="filter_wallet",
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Recorded"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Transaction
        fields = ["scheme", "kind", "wallet", "created_at"]

    def filter_wallet(self, queryset, name, value):
        return queryset.filter(entries__wallet=value).distinct()


def legs_text(record):
    """The legs as one line, e.g. “+2 Amina Begum · −2 Chatham Library Friends”."""
    return " · ".join(
        f"{'+' if entry.amount > 0 else '−'}{abs(entry.amount)} {entry.wallet.display_name}"
        for entry in record.entries.all()
    )


def recorded_by(record):
    return admin_ledger.person_name(record.created_by, nobody=_("System"))


def transaction_url(record):
    return reverse("timecredits_admin:transaction", args=[record.pk])


def can_correct(record):
    """Whether a correction may be offered: not a correction itself, not already corrected."""
    return record.kind != Transaction.Kind.REVERSAL and not hasattr(record, "reversed_by")


class LedgerIndexView(CreditsAdminMixin, admin_ledger.LedgerIndexView):
    """The transactions of the person's schemes, newest first, 50 to a page."""

    model = Transaction
    page_title = gettext_lazy("Ledger")
    filterset_class = LedgerFilterSet
    default_ordering = "-created_at"
    index_url_name = "timecredits_admin:ledger"
    index_results_url_name = "timecredits_admin:ledger_results"
    no_rows_message = gettext_lazy("No credits have moved yet.")
    no_matches_message = gettext_lazy("No transactions match these filters.")

    def get_base_queryset(self):
        return visible_transactions(self.request.user).select_related("reversed_by")

    @cached_property
    def columns(self):
        return [
            Column(
                "created_at",
                label=gettext_lazy("Recorded"),
                accessor=lambda t: date_format(timezone.localtime(t.created_at), "j M Y H:i"),
                sort_key="created_at",
            ),
            Column("scheme", label=gettext_lazy("Scheme"), accessor="scheme"),
            Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
            self._get_title_column("description"),
            Column("legs", label=gettext_lazy("Credits"), accessor=legs_text),
            Column("created_by", label=gettext_lazy("By"), accessor=recorded_by),
            Column("status", label=gettext_lazy("Corrected"), accessor=self.status),
        ]

    @staticmethod
    def status(record):
        if record.kind == Transaction.Kind.REVERSAL:
            return _("Correction: %(reason)s") % {"reason": record.reason}
        if hasattr(record, "reversed_by"):
            return _("Corrected")
        return ""

    def get_inspect_url(self, instance):
        return transaction_url(instance)

    def get_list_more_buttons(self, instance):
        if not can_correct(instance):
            return []
        return [
            Button(
                _("Correct"),
                url=transaction_url(instance) + "#correct",
                icon_name="undo",
                priority=10,
            )
        ]


class TransactionView(CreditsAdminView):
    """One transaction with its legs, and (unless it is one) a form to correct it."""

    template_name = "timecredits/admin/transaction.html"
    page_title = gettext_lazy("Transaction")
    trail = (LEDGER_CRUMB,)

    @cached_property
    def record(self):
        return get_object_or_404(visible_transactions(self.request.user), pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.record)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.record
        correctable = can_correct(record)
        context.update(
            record=record,
            entries=record.entries.all(),
            recorded_by=recorded_by(record),
            correction=getattr(record, "reversed_by", None),
            form=kwargs.get("form") or (CorrectionForm() if correctable else None),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = CorrectionForm(request.POST)
        if form.is_valid():
            try:
                correction = ledger.reverse(
                    self.record, reason=form.cleaned_data["reason"], by=request.user
                )
            except CreditsError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Corrected: the credits have been moved back."))
                return redirect(transaction_url(correction))
        return self.render_to_response(self.get_context_data(form=form))
