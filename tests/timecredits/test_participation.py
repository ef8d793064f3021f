"""Taking part (e.g. in an assembly) credits a community member where the scheme says so."""

import pytest

from chorus.common.factories import UserFactory
from chorus.plugins import hooks_for_site
from plugins.timecredits.models import Transaction, Wallet

pytestmark = pytest.mark.django_db


def test_chorus_on_participation_credits_once_per_occasion(scheme, credits_site):
    person = UserFactory(email="sam@example.org")

    for _ in range(2):  # the same attendance reported twice
        hooks_for_site(credits_site).chorus_on_participation(
            site=credits_site,
            user=person,
            description="Attended the Medway health assembly",
            key=f"assembly-7:person-{person.pk}",
        )

    wallet = Wallet.objects.get(scheme=scheme, user=person)
    assert wallet.balance == 1
    assert Transaction.objects.get(kind="participation").description == (
        "Attended the Medway health assembly"
    )


def test_no_credit_for_taking_part_when_the_scheme_does_not_give_it(scheme, credits_site):
    scheme.credit_participation = False
    scheme.save()
    person = UserFactory(email="sam@example.org")

    hooks_for_site(credits_site).chorus_on_participation(
        site=credits_site, user=person, description="Attended", key="k"
    )

    assert not Wallet.objects.filter(user=person).exists()


def test_no_credit_where_time_credits_is_off(scheme, credits_site):
    from chorus.plugins.enablement import disable

    disable("timecredits", credits_site)
    person = UserFactory(email="sam@example.org")

    hooks_for_site(credits_site).chorus_on_participation(
        site=credits_site, user=person, description="Attended", key="k"
    )

    assert not Wallet.objects.filter(user=person).exists()
