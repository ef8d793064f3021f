"""Time credits → Partners: opening partner wallets, balances, and who acts for a partner."""

import pytest

from chorus.common.factories import UserFactory
from partnerships.factories import PartnerOrganisationFactory
from plugins.timecredits.models import PartnerStaff, Wallet

from .conftest import messages_of

pytestmark = pytest.mark.django_db


def test_partners_are_listed_with_their_balances(admin_browser, library, pool):
    html = admin_browser.get("/admin/timecredits/partners/").content.decode()
    assert "Chatham Library Friends" in html and "Strood Sports Centre" in html
    assert "Earn partner" in html and "Spend partner" in html
    assert ">100<" in html.replace(" ", "").replace("\n", "")


def test_an_organisation_becomes_a_spend_partner(admin_browser, scheme):
    cinema = PartnerOrganisationFactory(name="Chatham Cinema")
    response = admin_browser.post(
        "/admin/timecredits/partners/new/",
        {"scheme": scheme.pk, "organisation": cinema.pk, "kind": "spend"},
    )
    wallet = Wallet.objects.get(organisation=cinema)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/timecredits/partners/{wallet.pk}/"
    assert (wallet.scheme, wallet.kind, wallet.display_name, wallet.balance) == (
        scheme,
        "spend",
        "Chatham Cinema",
        0,
    )


def test_the_same_partner_twice_is_refused(admin_browser, library):
    response = admin_browser.post(
        "/admin/timecredits/partners/new/",
        {"scheme": library.scheme_id, "organisation": library.organisation_id, "kind": "earn"},
    )
    assert response.status_code == 200
    assert "already a partner of this kind" in response.content.decode()
    assert Wallet.objects.filter(organisation=library.organisation).count() == 1


def test_staff_are_added_by_email_and_removed(admin_browser, pool):
    person = UserFactory(email="lifeguard@example.org")
    url = f"/admin/timecredits/partners/{pool.pk}/"
    response = admin_browser.post(url, {"email": "Lifeguard@example.org"})
    assert response.status_code == 302
    staff = PartnerStaff.objects.get(wallet=pool)
    assert staff.user == person
    assert "lifeguard@example.org now acts for Strood Sports Centre." in messages_of(response)
    assert "lifeguard@example.org" in admin_browser.get(url).content.decode()
    admin_browser.post(url, {"remove": staff.pk})
    assert not PartnerStaff.objects.filter(wallet=pool).exists()


def test_an_unknown_email_is_refused(admin_browser, pool):
    response = admin_browser.post(
        f"/admin/timecredits/partners/{pool.pk}/", {"email": "nobody@example.org"}
    )
    assert response.status_code == 200
    assert "Nobody has an account with nobody@example.org" in response.content.decode()
    assert not PartnerStaff.objects.exists()
