"""The time-credits plugin's Chorus hook implementations."""

from plugins.manager import hookimpl

from .ledger import credit_participation
from .models import Scheme


@hookimpl
def chorus_on_participation(site, user, description, key):
    """Credit a community member for taking part, where the site's scheme says so."""
    scheme = Scheme.objects.filter(site=site).first()
    if scheme is not None:
        credit_participation(scheme, user, description=description, idempotency_key=key)
