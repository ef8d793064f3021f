"""Sign-ups taken by phone or on paper, and consents recorded by staff later."""

# The fixtures are imported from .staff, and named as arguments: ruff sees redefinitions.
# ruff: noqa: F401, F811

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from coproduction.factories import PersonFactory
from coproduction.models import ConsentRecord, ConsentWording, Person, Purpose, Role
from coproduction.register.consent import has_consent

from .staff import PEOPLE, medway, team_of, west_kent

pytestmark = pytest.mark.django_db

SIGNUP = PEOPLE + "sign-up/"


def signup_data(place, **changes):
    data = {
        "method": "phone",
        "name": "Grace Okafor",
        "email": "",
        "phone": "01634 000000",
        "postal_address": "",
        "postcode": "",
        "places": [place.pk],
        "roles": [Role.CITIZENS_PANEL],
        "contact_by_phone": "on",
        "language": "en-gb",
        "format": "large_print",
        "consents": [Purpose.INVITATIONS],
    }
    data.update(changes)
    return data


def test_a_phone_sign_up_without_email_is_recorded_with_its_consents(
    client, medway_site, medway, team_of
):
    staff = team_of(medway_site, "record_signup")
    staff.first_name, staff.last_name = "Priya", "Shah"
    staff.save()
    client.force_login(staff)
    form = client.get(SIGNUP).content.decode()
    assert ConsentWording.current(Purpose.INVITATIONS).text in form

    response = client.post(SIGNUP, signup_data(medway))
    person = Person.objects.get(name="Grace Okafor")
    assert response.status_code == 302
    assert person.source == Person.Source.PHONE and person.recorded_by == staff
    assert person.email == "" and list(person.places.all()) == [medway]
    record = ConsentRecord.objects.get(person=person)
    assert (record.purpose, record.method, record.recorded_by) == (
        Purpose.INVITATIONS,
        "phone",
        staff,
    )
    assert record.wording == ConsentWording.current(Purpose.INVITATIONS)
    page = client.get(response.url).content.decode()
    today = timezone.localdate().strftime("%-d %B %Y")
    assert f"Recorded by Priya Shah, by phone, on {today}" in page


def test_a_sign_up_with_a_known_email_updates_that_person(client, medway_site, medway, team_of):
    known = PersonFactory(name="Grace O", email="grace@example.org", phone="")
    client.force_login(team_of(medway_site, "record_signup"))
    data = signup_data(medway, email="Grace@Example.org ", method="paper", contact_by_email="on")
    response = client.post(SIGNUP, data)
    assert response.status_code == 302, response.context["form"].errors
    assert Person.objects.count() == 1
    known.refresh_from_db()
    assert known.name == "Grace O" and known.phone == "01634 000000"
    assert list(known.places.all()) == [medway]
    assert has_consent(known, Purpose.INVITATIONS)
    assert ConsentRecord.objects.get(person=known).method == "paper"
    entry = ModelLogEntry.objects.get(action="coproduction.person.signup")
    assert entry.data == {"method": "paper", "updated": True}


def test_recording_a_sign_up_needs_the_permission(client, medway_site, medway, team_of):
    client.force_login(team_of(medway_site))
    assert client.get(SIGNUP)["Location"] == "/admin/"  # Wagtail's "permission denied"
    assert "Record a sign-up" not in client.get(PEOPLE).content.decode()


def test_a_partnership_team_must_choose_one_of_its_places(
    client, medway_site, medway, west_kent, team_of
):
    client.force_login(team_of(medway_site, "record_signup"))
    response = client.post(SIGNUP, signup_data(medway, places=[]))
    assert "Choose at least one of your places." in response.content.decode()
    # Another partnership's place is not on offer.
    response = client.post(SIGNUP, signup_data(west_kent))
    assert response.status_code == 200 and not Person.objects.exists()


def test_staff_record_a_withdrawal_by_phone(client, medway_site, medway, team_of):
    person = PersonFactory(places=[medway], consents=[Purpose.KEEP_INFORMED])
    staff = team_of(medway_site)
    client.force_login(staff)
    data = {"purpose": Purpose.KEEP_INFORMED, "granted": "no", "method": "phone"}
    response = client.post(f"{PEOPLE}{person.pk}/consent/", data)
    assert response.status_code == 302
    assert not has_consent(person, Purpose.KEEP_INFORMED)
    latest = ConsentRecord.objects.filter(person=person).first()
    assert (latest.granted, latest.method, latest.recorded_by) == (False, "phone", staff)
    history = client.get(f"{PEOPLE}{person.pk}/history/").content.decode()
    assert "Consent withdrawn: Bulletins and news (By phone)" in history
