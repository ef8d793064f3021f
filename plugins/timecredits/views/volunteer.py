"""A volunteer's pages: wallet and history, statement, redeeming offers, vouchers and gifts.

The wallet is always the signed-in person's own in this site's scheme. Looking never opens
one: a volunteer opens their wallet (and gets a card number) with the button on the wallet
page, and spending or giving opens it too, since those are POSTs. A voucher is found only
among that wallet's vouchers, so anyone else's code answers 404.
"""

import csv

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from chorus.common.csv_cells import safe_cell
from chorus.common.error_summary import problems

from .. import ledger
from ..errors import CreditsError
from ..forms import GiftForm, RedeemForm
from ..models import Transaction, Voucher, Wallet
from ..wallets import volunteer_wallet
from .common import history, offers_for, own_wallet, rows, scoped_key, site_scheme

HISTORY_PAGE_SIZE = 20


def _wallet(request):
    """The signed-in person's wallet in this site's scheme, opened if they have none (POST only)."""
    return volunteer_wallet(site_scheme(request), request.user)


def _wallet_to_show(request):
    """The signed-in person's wallet, or an unsaved empty one to show if they have none yet."""
    scheme = site_scheme(request)
    return own_wallet(request, scheme) or Wallet(scheme=scheme, kind=Wallet.Kind.VOLUNTEER)


def _vouchers_ready(wallet):
    return wallet.vouchers.filter(
        status=Voucher.Status.ISSUED, expires_at__gt=timezone.now()
    ).select_related("offer")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def wallet(request):
    """Balance, card number, vouchers ready to use and the history, a page at a time.

    Someone without a wallet here sees a button to open one; that POST opens it with a new
    card number (once, however often it is pressed) and comes back to this page.
    """
    if request.method == "POST":
        _wallet(request)
        return redirect("timecredits:wallet")
    scheme = site_scheme(request)
    mine = own_wallet(request, scheme)
    if mine is None:
        context = {"wallet": None, "scheme": scheme}
        return TemplateResponse(request, "timecredits/wallet.html", context)
    page = Paginator(history(mine), HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "wallet": mine,
        "scheme": scheme,
        "page": page,
        "rows": rows(page.object_list),
        "vouchers": _vouchers_ready(mine),
    }
    return TemplateResponse(request, "timecredits/wallet.html", context)


@never_cache
@login_required
def statement(request):
    """The whole history as a CSV file, safe to open in a spreadsheet."""
    mine = own_wallet(request, site_scheme(request))
    if mine is None:
        raise Http404(_("You have no time-credits wallet here yet."))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"time-credits-{mine.card_number}-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(
        [_("Date"), _("Recorded"), _("Why"), _("What for"), _("Where"), _("Credits"), _("Balance")]
    )
    running = 0
    lines = []
    # Oldest first, so the balance column reads down like a bank statement.
    for row in reversed(rows(history(mine))):
        running += row["credits"]
        lines.append(
            [
                row["date"].isoformat(),
                timezone.localtime(row["transaction"].created_at).strftime("%Y-%m-%d %H:%M"),
                safe_cell(row["why"]),
                safe_cell(row["what"]),
                safe_cell(row["where"]),
                row["credits"],
                running,
            ]
        )
    writer.writerows(lines)
    return response


def _offer(request, offer_id):
    return get_object_or_404(offers_for(site_scheme(request)), pk=offer_id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def redeem(request, offer_id):
    """Check, then spend credits on an offer and show the voucher.

    GET shows what it costs and what the person has; POST pays and issues the voucher. The
    form's key makes a double click issue one voucher, not two.
    """
    offer = _offer(request, offer_id)
    mine = _wallet(request) if request.method == "POST" else _wallet_to_show(request)
    form = RedeemForm(request.POST if request.method == "POST" else None)
    context = {"offer": offer, "wallet": mine, "form": form}
    if request.method == "GET":
        return TemplateResponse(request, "timecredits/redeem.html", context)
    if form.is_valid():
        key = scoped_key(f"redeem:{offer.pk}", mine, form.cleaned_data["key"])
        try:
            voucher = ledger.redeem(mine, offer, by=request.user, idempotency_key=key)
        except CreditsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Here is your voucher for “%(offer)s”. Show it at %(place)s.")
                % {"offer": offer.title, "place": offer.place},
            )
            return redirect("timecredits:voucher", code=voucher.code)
    context["problems"] = problems(form)
    mine.refresh_from_db()
    return TemplateResponse(request, "timecredits/redeem.html", context, status=400)


def qr_svg(text, title):
    """``text`` as a QR code, drawn as inline SVG (dark on light, with a quiet zone)."""
    return segno.make(text, error="m").svg_inline(
        scale=8, border=4, dark="#000", light="#fff", title=title, svgclass="timecredits-qr"
    )


@never_cache
@login_required
def voucher(request, code):
    """One of the person's vouchers: the code big, its expiry and a QR code for the venue."""
    mine = own_wallet(request, site_scheme(request))
    if mine is None:
        raise Http404(_("You have no vouchers here."))
    found = get_object_or_404(
        Voucher.objects.select_related("offer__partner"), wallet=mine, code=code.upper()
    )
    confirm_url = request.build_absolute_uri(
        reverse("timecredits:confirm", kwargs={"wallet_id": found.offer.partner_id})
        + f"?code={found.code}"
    )
    context = {
        "voucher": found,
        "offer": found.offer,
        "usable": found.status == Voucher.Status.ISSUED and found.expires_at > timezone.now(),
        "qr": qr_svg(confirm_url, _("QR code for voucher %(code)s") % {"code": found.code}),
    }
    return TemplateResponse(request, "timecredits/voucher.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def gift(request):
    """Give credits to another volunteer by card number, where the scheme allows gifts."""
    scheme = site_scheme(request)
    if not scheme.allow_gifting:
        raise Http404(_("%(scheme)s does not allow gifts.") % {"scheme": scheme.name})
    mine = _wallet(request) if request.method == "POST" else _wallet_to_show(request)
    form = GiftForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        key = scoped_key("gift", mine, data["key"])
        again = Transaction.objects.filter(idempotency_key=key).exists()
        try:
            ledger.gift(
                mine, data["card_number"], data["credits"], by=request.user, idempotency_key=key
            )
        except CreditsError as error:
            form.add_error(None, str(error))
        else:
            if again:
                messages.info(request, _("That gift was already sent; nothing was sent twice."))
            else:
                messages.success(
                    request,
                    _("You gave %(credits)s credits to card %(card)s.")
                    % {"credits": data["credits"], "card": data["card_number"]},
                )
            return redirect("timecredits:wallet")
    context = {"wallet": mine, "form": form, "problems": problems(form)}
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "timecredits/gift.html", context, status=status)
