"""Time credits → Allocations: top up an earn partner's credits to give out.

The form carries a hidden idempotency key made when it is shown, so submitting it twice
(a double click, a refresh) tops up once. A refusal from the ledger is shown on the form.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chorus.common.ids import id_or_none

from ... import ledger
from ...errors import CreditsError
from ...models import Transaction
from ..forms import AllocationForm
from .base import CreditsAdminFormView


class AllocationView(CreditsAdminFormView):
    """Top up an earn partner of one of the person's schemes."""

    form_class = AllocationForm
    page_title = gettext_lazy("Allocate credits")
    submit_label = gettext_lazy("Allocate")

    def get_initial(self):
        initial = super().get_initial()
        partner = id_or_none(self.request.GET.get("partner"))
        if partner is not None:
            initial["partner"] = partner
        return initial

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        partner = form.cleaned_data["partner"]
        try:
            record = ledger.allocate(
                partner,
                form.cleaned_data["credits"],
                by=self.request.user,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except CreditsError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        amount = next(
            (e.amount for e in record.entries.all() if e.wallet_id == partner.pk),
            None,
        )
        if record.kind != Transaction.Kind.ALLOCATION or amount is None:
            # The key was used before, for another movement: nothing new was recorded.
            form.add_error(
                None,
                _("This form was already used for another allocation. Reload it and try again."),
            )
            return self.form_invalid(form)
        partner.refresh_from_db()
        messages.success(
            self.request,
            _("%(credits)s credits allocated to %(partner)s, who now has %(balance)s to give.")
            % {"credits": amount, "partner": partner.display_name, "balance": partner.balance},
        )
        return redirect(reverse("timecredits_admin:partner", args=[partner.pk]))
