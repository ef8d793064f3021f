"""A person's own page from the link in an email, and one-click unsubscribe (RFC 8058)."""

import pytest

from coproduction.factories import PersonFactory
from coproduction.models import Consent, ConsentRecord, Person, Purpose
from coproduction.register.links import person_token, unsubscribe_headers

pytestmark = pytest.mark.django_db

BOTH = [Purpose.KEEP_INFORMED, Purpose.INVITATIONS]


def _granted(person):
    return set(
        Consent.objects.filter(person=person, granted=True).values_list("purpose", flat=True)
    )


@pytest.fixture
def person(network_site):
    return PersonFactory(email="ola@example.org", consents=BOTH)


def test_the_page_shows_each_choice_and_reading_it_changes_nothing(client, person):
    response = client.get(f"/your-involvement/{person_token(person)}/")
    assert response.status_code == 200
    assert "ola@example.org" in response.text
    assert "Stop: Bulletins and news" in response.text
    assert "Start: Equality monitoring" in response.text
    assert _granted(person) == set(BOTH)


def test_stopping_one_purpose_takes_effect_at_once_and_twice_says_so(client, person):
    url = f"/your-involvement/{person_token(person)}/"
    stop = {"action": "stop", "purpose": Purpose.INVITATIONS}
    page = client.post(url, stop, follow=True)
    assert "you said no to “Invitations to surveys, panels and events”" in page.text
    assert _granted(person) == {Purpose.KEEP_INFORMED}

    again = client.post(url, stop, follow=True)
    assert "That was already your choice. Nothing has changed." in again.text
    assert ConsentRecord.objects.filter(person=person, granted=False).count() == 1


def test_leaving_withdraws_everything_and_keeps_the_ledger(client, person):
    url = f"/your-involvement/{person_token(person)}/"
    client.post(url, {"action": "leave"})
    person.refresh_from_db()
    assert person.status == Person.Status.LEFT and _granted(person) == set()
    assert ConsentRecord.objects.filter(person=person).count() == 4
    assert "already left" in client.post(url, {"action": "leave"}, follow=True).text


def test_one_click_unsubscribe_from_a_mail_program(client, person, network_site):
    headers = unsubscribe_headers(person, network_site)
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    address = headers["List-Unsubscribe"].strip("<>")
    path = address.removeprefix(network_site.root_url)

    # A mail program posts without a CSRF token or cookie.
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert _granted(person) == {Purpose.INVITATIONS}
    assert ConsentRecord.objects.filter(person=person, granted=False).get().method == "one_click"
    assert "already stopped" in csrf_client.post(path, {"List-Unsubscribe": "One-Click"}).text


def test_the_unsubscribe_link_asks_before_it_acts(client, person):
    response = client.get(f"/your-involvement/{person_token(person)}/unsubscribe/")
    assert "Stop sending bulletins and news to ola@example.org?" in response.text
    assert _granted(person) == set(BOTH)


@pytest.mark.parametrize("token", ["not-a-token", "MQ:forged:signature"])
def test_a_bad_link_gets_a_clear_page(client, network_site, token):
    response = client.get(f"/your-involvement/{token}/")
    assert response.status_code == 404
    assert "This link does not work" in response.text


def test_a_merged_record_s_link_leads_to_the_kept_one(client, person):
    duplicate = PersonFactory(email="")
    Person.objects.filter(pk=duplicate.pk).update(status=Person.Status.MERGED, merged_into=person)
    response = client.get(f"/your-involvement/{person_token(duplicate)}/")
    assert "ola@example.org" in response.text
