"""Fixtures for the time-credits admin: Medway's scheme administrator, and West Kent's
scheme (time credits on there too) whose partners and ledger Medway's administrator must
never reach."""

from functools import partial

import pytest

from chorus.common.factories import UserFactory
from plugins.timecredits import ledger
from plugins.timecredits.factories import (
    EarnPartnerFactory,
    OfferFactory,
    SchemeFactory,
    SpendPartnerFactory,
    volunteer,
)
from plugins.timecredits.permissions import scheme_admins
from tests import clients
from tests.clients import assert_refused, messages_of  # noqa: F401  (for the tests here)

MEDWAY = "medway-swale.localhost"
WEST_KENT = "west-kent.localhost"

#: A test browser signed in as ``user`` (if given), on ``MEDWAY`` unless ``host`` says.
signed_in = partial(clients.signed_in, host=MEDWAY)


@pytest.fixture
def medway_admin(scheme):
    """Medway Time Credits' administrator."""
    user = UserFactory(email="mva@example.org", first_name="Maya", last_name="Ward")
    user.groups.add(scheme_admins(scheme))
    return user


@pytest.fixture
def admin_browser(medway_admin):
    return signed_in(medway_admin)


@pytest.fixture
def west_kent_scheme(west_kent_site, enable):
    """West Kent Time Credits, run by another organisation."""
    enable("timecredits", west_kent_site)
    return SchemeFactory(
        site=west_kent_site,
        name="West Kent Time Credits",
        administered_by__name="West Kent Volunteer Centre",
    )


@pytest.fixture
def west_kent_library(west_kent_scheme):
    """Tonbridge Library Friends: West Kent's earn partner, with 40 credits."""
    partner = EarnPartnerFactory(
        scheme=west_kent_scheme, organisation__name="Tonbridge Library Friends"
    )
    ledger.allocate(partner, 40, by=None, idempotency_key="wk-allocation")
    partner.refresh_from_db()
    return partner


@pytest.fixture
def west_kent_cinema(west_kent_scheme):
    """Tonbridge cinema, a West Kent venue with one offer."""
    venue = SpendPartnerFactory(scheme=west_kent_scheme, organisation__name="Tonbridge Cinema")
    OfferFactory(partner=venue, title="A film", place="Tonbridge", price=3)
    return venue


@pytest.fixture
def west_kent_admin(west_kent_scheme):
    user = UserFactory(email="wk-credits@example.org")
    user.groups.add(scheme_admins(west_kent_scheme))
    return user


@pytest.fixture
def history(library, swim, amina):
    """Amina gave 3 hours at the library and bought a swim; Ben gave 1.5 hours."""
    ledger.earn(library, amina, "3", activity="Shelving", by=None, idempotency_key="h-1")
    ben = volunteer(library.scheme, email="ben@example.org", first_name="Ben")
    ledger.earn(library, ben, "1.5", activity="Story time", by=None, idempotency_key="h-2")
    voucher = ledger.redeem(amina, swim, by=None, idempotency_key="h-3")
    return {"amina": amina, "ben": ben, "voucher": voucher}
