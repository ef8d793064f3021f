"""The member dashboard's time-credits panels: the person's wallet, and partners they act for."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chorus.plugins import Panel

from .models import Scheme, Voucher, Wallet
from .views.common import history, rows

#: How many recent movements the wallet panel lists.
RECENT = 3


def _scheme(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return Scheme.objects.filter(site=site).first() if site is not None else None


def wallet_panels(user, request):
    """The "Your time credits" panel, if ``user`` has a wallet in this site's scheme; and a
    "Partners you act for" panel for partner staff. Nothing is opened here."""
    scheme = _scheme(request)
    if scheme is None or not user.is_authenticated:
        return []
    panels = []
    wallet = Wallet.objects.filter(scheme=scheme, user=user, kind=Wallet.Kind.VOLUNTEER).first()
    if wallet is not None:
        vouchers = wallet.vouchers.filter(
            status=Voucher.Status.ISSUED, expires_at__gt=timezone.now()
        ).select_related("offer")
        panels.append(
            Panel(
                title=_("Your time credits"),
                template_name="timecredits/panels/wallet.html",
                context={
                    "wallet": wallet,
                    "rows": rows(history(wallet)[:RECENT]),
                    "vouchers": list(vouchers),
                },
                order=45,
            )
        )
    partners = Wallet.objects.filter(
        scheme=scheme,
        kind__in=[Wallet.Kind.EARN_PARTNER, Wallet.Kind.SPEND_PARTNER],
        staff__user=user,
    ).order_by("display_name")
    if partners:
        panels.append(
            Panel(
                title=_("Time credits partners you act for"),
                template_name="timecredits/panels/partners.html",
                context={"partners": list(partners)},
                order=46,
            )
        )
    return panels
