"""What every time-credits page needs: this site's scheme, the offers it can see, history rows.

Every lookup starts from the scheme of the site being visited, so an id from another site's
scheme, or a wallet the signed-in person does not own or act for, answers 404.
"""

import re

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from ..models import Entry, Scheme, Wallet
from ..panels import available_offers


def site_scheme(request):
    """The scheme of the site being visited; 404 if the site has none."""
    site = Site.find_for_request(request)
    scheme = Scheme.objects.filter(site=site).first() if site is not None else None
    if scheme is None:
        raise Http404(_("This site has no time-credits scheme."))
    return scheme


def offers_for(scheme, today=None):
    """Offers a volunteer of ``scheme`` can use today, cheapest first.

    Its own spend partners' offers, and, when the scheme spends across the network, those of
    other schemes that do too (the same rule as :meth:`Scheme.accepts_credits_from`).
    """
    where = Q(partner__scheme=scheme)
    if scheme.network_spending:
        where |= Q(partner__scheme__network_spending=True)
    return (
        available_offers(today)
        .filter(where)
        .select_related("partner__scheme")
        .order_by("price", "title", "pk")
    )


def outward_code(postcode):
    """The first half of a UK postcode (``ME2`` of ``ME2 3DT``), upper case; "" if unreadable."""
    text = re.sub(r"\s+", " ", (postcode or "").strip().upper())
    if " " in text:
        return text.split(" ")[0]
    compact = text.replace(" ", "")
    # A full postcode without its space: the inward code is always the last three characters.
    if len(compact) >= 5:
        return compact[:-3]
    return compact


def postcode_area(postcode):
    """The letters a postcode starts with (``ME`` of ``ME2 3DT``)."""
    match = re.match(r"[A-Z]+", outward_code(postcode))
    return match.group(0) if match else ""


def near_first(offers, postcode):
    """``offers`` with those nearest ``postcode`` first.

    "Near" is kept deliberately simple: offers in the same postcode district (outward code,
    e.g. ``ME2``) come first, then those in the same postcode area (``ME``), then the rest;
    within each group the order is unchanged (cheapest first). No distances are computed and
    no postcode is looked up anywhere.
    """
    district, area = outward_code(postcode), postcode_area(postcode)
    if not district:
        return list(offers)

    def rank(offer):
        if outward_code(offer.postcode) == district:
            return 0
        if area and postcode_area(offer.postcode) == area:
            return 1
        return 2

    return sorted(offers, key=rank)


def own_wallet(request, scheme):
    """The signed-in volunteer's wallet in ``scheme`` if they have one (not opened here)."""
    if not request.user.is_authenticated:
        return None
    return Wallet.objects.filter(
        scheme=scheme, user=request.user, kind=Wallet.Kind.VOLUNTEER
    ).first()


def partner_for(request, wallet_id, kinds=(Wallet.Kind.EARN_PARTNER, Wallet.Kind.SPEND_PARTNER)):
    """The partner wallet ``wallet_id`` of this site's scheme, if the person acts for it.

    Staff of the partner (a :class:`PartnerStaff` row) and superusers may; for anyone else,
    and for a wallet of another scheme or kind, it is 404, as if it did not exist.
    """
    scheme = site_scheme(request)
    partners = Wallet.objects.filter(scheme=scheme, kind__in=kinds).select_related("scheme")
    if not request.user.is_superuser:
        partners = partners.filter(staff__user=request.user)
    return get_object_or_404(partners, pk=wallet_id)


def history(wallet):
    """``wallet``'s entries, newest first, each with its transaction and the other legs."""
    return (
        Entry.objects.filter(wallet=wallet)
        .select_related("transaction")
        .prefetch_related(
            Prefetch(
                "transaction__entries",
                queryset=Entry.objects.select_related("wallet").order_by("pk"),
            )
        )
        .order_by("-transaction__created_at", "-transaction__pk", "-pk")
    )


def where(entry, *, show_volunteers=False):
    """Who was on the other side of ``entry``: the partner (or scheme) named on the other legs.

    A volunteer sees partners' names only, never another volunteer's on the same register;
    a partner's staff (``show_volunteers``) see the volunteers they recorded or served.
    """
    names = []
    for leg in entry.transaction.entries.all():
        if leg.wallet_id == entry.wallet_id:
            continue
        if leg.wallet.kind == Wallet.Kind.VOLUNTEER and not show_volunteers:
            continue
        if leg.wallet.display_name not in names:
            names.append(leg.wallet.display_name)
    return ", ".join(names)


def rows(entries, *, show_volunteers=False):
    """History rows for a template or a CSV: one dict per entry."""
    return [
        {
            "entry": entry,
            "transaction": entry.transaction,
            "date": entry.transaction.activity_date
            or timezone.localdate(entry.transaction.created_at),
            "what": entry.transaction.description,
            "why": entry.transaction.get_kind_display(),
            "where": where(entry, show_volunteers=show_volunteers),
            "credits": entry.amount,
            "size": abs(entry.amount),
            # The whole transaction's hours: a register's total, so partners' pages only.
            "hours": entry.transaction.hours,
        }
        for entry in entries
    ]


def scoped_key(action, owner, key):
    """The ledger's idempotency key for a form's ``key``, tied to who is acting.

    A key copied from someone else's page can then only ever find one's own transaction.
    """
    return f"web:{action}:{owner.pk}:{key}"
