"""The time-credits plugin's audience for bulletins: the site's volunteers."""

from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from chorus.plugins import Audience

from .models import Wallet


def volunteers(site):
    """Everyone with an open volunteer wallet in ``site``'s scheme."""

    def emails():
        return Wallet.objects.filter(
            scheme__site=site,
            kind=Wallet.Kind.VOLUNTEER,
            closed_at__isnull=True,
            user__isnull=False,
        ).values(address=Lower("user__email"))

    return Audience(
        key="timecredits:volunteers", label=_("Time-credit volunteers on this site"), emails=emails
    )
