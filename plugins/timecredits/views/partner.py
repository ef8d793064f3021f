"""Partner staff's pages: their partner's transactions, recording time, and the till.

Every view finds the partner through :func:`.common.partner_for`: a wallet of this site's
scheme that the signed-in person acts for (superusers act for all). Anyone else, and a
wallet id of another scheme or of the wrong kind, gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from chorus.common.error_summary import problems

from .. import ledger, rounding
from ..errors import CreditsError
from ..forms import (
    MAX_REGISTER_ROWS,
    ConfirmVoucherForm,
    SessionForm,
    TakeCreditsForm,
    register_formset,
)
from ..models import Transaction, Wallet
from .common import history, partner_for, rows, scoped_key

HISTORY_PAGE_SIZE = 25


@never_cache
@login_required
def partner_home(request, wallet_id):
    """The partner's own transactions and, for an earn partner, the credits it has left."""
    partner = partner_for(request, wallet_id)
    page = Paginator(history(partner), HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "partner": partner,
        "scheme": partner.scheme,
        "page": page,
        "rows": rows(page.object_list, show_volunteers=True),
        "is_earn": partner.kind == Wallet.Kind.EARN_PARTNER,
    }
    return TemplateResponse(request, "timecredits/partner.html", context)


def _register_rows(request):
    try:
        wanted = int(request.GET.get("rows", 5))
    except ValueError:
        wanted = 5
    return max(1, min(wanted, MAX_REGISTER_ROWS))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def record_time(request, wallet_id):
    """Record time given: one volunteer, or a whole session register, in one go.

    Every line is checked before anything is recorded; a problem on any line (an unknown
    card, another scheme's volunteer, nonsense hours) names the line and records nothing.
    """
    partner = partner_for(request, wallet_id, kinds=[Wallet.Kind.EARN_PARTNER])
    data = request.POST if request.method == "POST" else None
    form = SessionForm(data)
    formset = register_formset(partner.scheme, data, rows=_register_rows(request))
    if data is not None and form.is_valid() and formset.is_valid():
        register = formset.rows()
        key = scoped_key("earn", partner, form.cleaned_data["key"])
        again = Transaction.objects.filter(idempotency_key=key).exists()
        try:
            ledger.earn_register(
                partner,
                register,
                activity=form.cleaned_data["activity"],
                activity_date=form.cleaned_data["activity_date"],
                by=request.user,
                idempotency_key=key,
            )
        except CreditsError as error:
            form.add_error(None, str(error))
        else:
            if again:
                messages.info(
                    request, _("That register was already recorded; nobody was credited twice.")
                )
            else:
                messages.success(
                    request,
                    ngettext(
                        "Time recorded for %(count)s volunteer.",
                        "Time recorded for %(count)s volunteers.",
                        len(register),
                    )
                    % {"count": len(register)},
                )
            return redirect("timecredits:partner", wallet_id=partner.pk)
    partner.refresh_from_db()
    context = {
        "partner": partner,
        "form": form,
        "formset": formset,
        "problems": problems(form, formset=formset) if data is not None else [],
        "rule": rounding.RULE,
    }
    return TemplateResponse(
        request, "timecredits/record.html", context, status=400 if data is not None else 200
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def confirm_voucher(request, wallet_id):
    """Confirm a voucher at the till. GET (even from the voucher's QR code) only fills the form."""
    partner = partner_for(request, wallet_id, kinds=[Wallet.Kind.SPEND_PARTNER])
    if request.method == "POST":
        form = ConfirmVoucherForm(request.POST)
    else:
        form = ConfirmVoucherForm(initial={"code": request.GET.get("code", "")[:20]})
    if form.is_bound and form.is_valid():
        try:
            voucher = ledger.confirm_voucher(partner, form.cleaned_data["code"], by=request.user)
        except CreditsError as error:
            form.add_error("code", str(error))
        else:
            messages.success(
                request,
                _("Voucher %(code)s is good: “%(offer)s” for %(name)s. It is now used.")
                % {
                    "code": voucher.code,
                    "offer": voucher.offer.title,
                    "name": voucher.wallet.display_name,
                },
            )
            return redirect("timecredits:confirm", wallet_id=partner.pk)
    context = {
        "partner": partner,
        "form": form,
        "problems": problems(form) if form.is_bound else [],
    }
    return TemplateResponse(
        request, "timecredits/confirm.html", context, status=400 if form.is_bound else 200
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def take_credits(request, wallet_id):
    """Take credits from a volunteer's card at the till."""
    partner = partner_for(request, wallet_id, kinds=[Wallet.Kind.SPEND_PARTNER])
    form = TakeCreditsForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        key = scoped_key("take", partner, data["key"])
        again = Transaction.objects.filter(idempotency_key=key).exists()
        try:
            ledger.spend_by_card(
                partner,
                data["card_number"],
                data["credits"],
                description=data["description"],
                by=request.user,
                idempotency_key=key,
            )
        except CreditsError as error:
            form.add_error(None, str(error))
        else:
            if again:
                messages.info(request, _("Those credits were already taken; nothing taken twice."))
            else:
                messages.success(
                    request,
                    _("%(credits)s credits taken from card %(card)s.")
                    % {"credits": data["credits"], "card": data["card_number"]},
                )
            return redirect("timecredits:take", wallet_id=partner.pk)
    context = {
        "partner": partner,
        "form": form,
        "problems": problems(form) if form.is_bound else [],
    }
    return TemplateResponse(
        request, "timecredits/take.html", context, status=400 if form.is_bound else 200
    )
