"""factory-boy factories for time credits, shared by the tests and ``seed_demo``.

A scheme is fetched by site, partners' wallets by scheme, organisation and kind, and
volunteers' wallets by scheme and person, so the demo can be built twice::

    scheme = SchemeFactory(site=medway_site)
    library = EarnPartnerFactory(scheme=scheme, organisation=...)
    ledger.allocate(library, 200, by=None)
"""

import factory

from chorus.common.factories import UserFactory
from partnerships.factories import PartnerOrganisationFactory
from partnerships.models import PartnerOrganisation

from .models import Offer, Scheme, Wallet
from .wallets import volunteer_wallet


class SchemeFactory(factory.django.DjangoModelFactory):
    """Medway Time Credits, administered by a local volunteer centre (``site`` required)."""

    class Meta:
        model = Scheme
        django_get_or_create = ("site",)

    site = None
    name = "Medway Time Credits"
    rules = (
        "Give an hour of your time to a community group and earn one time credit. Spend "
        "credits on a swim, a film or a day out at partner venues."
    )
    administered_by = factory.SubFactory(
        PartnerOrganisationFactory,
        name="Medway Voluntary Action",
        kind=PartnerOrganisation.Kind.VCSE,
    )
    network_spending = True
    allow_gifting = True
    credit_participation = True


class PartnerWalletFactory(factory.django.DjangoModelFactory):
    """A partner organisation's wallet in a scheme (``scheme`` required)."""

    class Meta:
        model = Wallet
        django_get_or_create = ("scheme", "organisation", "kind")

    scheme = None
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    display_name = factory.LazyAttribute(lambda o: o.organisation.name)


class EarnPartnerFactory(PartnerWalletFactory):
    """A community organisation that gives credits for time (starts with no allocation)."""

    kind = Wallet.Kind.EARN_PARTNER


class SpendPartnerFactory(PartnerWalletFactory):
    """A venue that accepts credits."""

    kind = Wallet.Kind.SPEND_PARTNER
    organisation = factory.SubFactory(
        PartnerOrganisationFactory,
        name=factory.Sequence(lambda n: f"Leisure centre {n}"),
        kind=PartnerOrganisation.Kind.BUSINESS,
    )


def volunteer(scheme, **user_fields):
    """Return a volunteer's wallet in ``scheme`` for a new (or existing, by email) person."""
    return volunteer_wallet(scheme, UserFactory(**user_fields))


class OfferFactory(factory.django.DjangoModelFactory):
    """A swim at a leisure centre for two credits (``partner`` required: a spend wallet)."""

    class Meta:
        model = Offer
        django_get_or_create = ("partner", "title")

    partner = None
    title = factory.Sequence(lambda n: f"A swim, session {n}")
    description = "One adult swim in the main pool."
    place = "Strood Sports Centre, Strood"
    postcode = "ME2 3DT"
    price = 2
    availability = "Weekdays before 4pm"
