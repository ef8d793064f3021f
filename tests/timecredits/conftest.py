"""Fixtures for time credits: Medway's scheme with a library that gives credits and a pool."""

import pytest
from django.db.models import Sum

from plugins.timecredits import ledger
from plugins.timecredits.factories import (
    EarnPartnerFactory,
    OfferFactory,
    SchemeFactory,
    SpendPartnerFactory,
    volunteer,
)
from plugins.timecredits.models import Entry


@pytest.fixture
def credits_site(medway_site, enable):
    """Medway and Swale's site, with time credits on."""
    return enable("timecredits", medway_site)


@pytest.fixture
def scheme(credits_site):
    """Medway Time Credits."""
    return SchemeFactory(site=credits_site)


@pytest.fixture
def library(scheme):
    """Chatham Library's volunteering team: an earn partner with 100 credits to give."""
    partner = EarnPartnerFactory(scheme=scheme, organisation__name="Chatham Library Friends")
    ledger.allocate(partner, 100, by=None)
    partner.refresh_from_db()
    return partner


@pytest.fixture
def pool(scheme):
    """Strood Sports Centre: a spend partner."""
    return SpendPartnerFactory(scheme=scheme, organisation__name="Strood Sports Centre")


@pytest.fixture
def swim(pool):
    """A swim for two credits."""
    return OfferFactory(partner=pool, title="A swim", price=2)


@pytest.fixture
def amina(scheme):
    """Amina's volunteer wallet."""
    return volunteer(scheme, email="amina@example.org", first_name="Amina", last_name="Begum")


@pytest.fixture(autouse=True)
def ledger_sums_to_zero(request):
    """After every test, whatever it did, the ledger's entries add up to zero."""
    yield
    if "db" in request.fixturenames or "transactional_db" in request.fixturenames:
        assert (Entry.objects.aggregate(total=Sum("amount"))["total"] or 0) == 0


# --- The web pages (volunteers' and partners') ------------------------------------------


def _browser(user=None, host="medway-swale.localhost"):
    """A test browser on ``host``, signed in as ``user`` if given."""
    from django.test import Client

    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def amina_browser(amina):
    """A browser signed in as Amina, on Medway's site."""
    return _browser(amina.user)


@pytest.fixture
def browser():
    """Return a function making a browser: ``browser(user=None, host=...)``."""
    return _browser


@pytest.fixture
def library_staff(library):
    """Priya, who records volunteers' time for Chatham Library Friends."""
    from chorus.common.factories import UserFactory
    from plugins.timecredits.models import PartnerStaff

    user = UserFactory(email="priya@example.org", first_name="Priya", last_name="Shah")
    PartnerStaff.objects.create(wallet=library, user=user)
    return user


@pytest.fixture
def pool_staff(pool):
    """Dan, on the till at Strood Sports Centre."""
    from chorus.common.factories import UserFactory
    from plugins.timecredits.models import PartnerStaff

    user = UserFactory(email="dan@example.org", first_name="Dan", last_name="Okafor")
    PartnerStaff.objects.create(wallet=pool, user=user)
    return user
