"""Register → People: who sees whom, search and filters, a person's page, edits and history."""

# The fixtures are imported from .staff, and named as arguments: ruff sees redefinitions.
# ruff: noqa: F401, F811

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import ModelLogEntry

from chorus.common.factories import UserFactory
from coproduction.factories import PersonFactory, TopicFactory
from coproduction.models import Person, PostcodeArea, Purpose, Role

from .staff import PEOPLE, medway, team_of, west_kent

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(network_site, medway, west_kent):
    return {
        "medway": PersonFactory(name="Medway Only", email="medway@example.org", places=[medway]),
        "west_kent": PersonFactory(name="West Kent Only", places=[west_kent]),
        "both": PersonFactory(name="Both Places", places=[medway, west_kent]),
        "nowhere": PersonFactory(name="No Place Chosen"),
    }


def test_a_partnership_team_sees_only_people_who_chose_its_place(
    client, people, west_kent_site, team_of
):
    client.force_login(team_of(west_kent_site))
    page = client.get(PEOPLE).content.decode()
    assert "West Kent Only" in page and "Both Places" in page
    assert "Medway Only" not in page and "No Place Chosen" not in page
    assert "/admin/register/people/" in client.get("/admin/").content.decode()


@pytest.mark.parametrize("screen", ["", "edit/", "history/", "consent/", "merge/"])
def test_another_partnerships_person_is_not_found_on_any_screen(
    client, people, west_kent_site, team_of, screen
):
    client.force_login(team_of(west_kent_site))
    medway_only = people["medway"].pk
    assert client.get(f"{PEOPLE}{medway_only}/{screen}").status_code == 404
    assert client.get(f"{PEOPLE}{people['both'].pk}/{screen}").status_code == 200


def test_a_medway_person_cannot_be_changed_by_west_kent_staff(
    client, people, west_kent_site, team_of
):
    client.force_login(team_of(west_kent_site))
    response = client.post(f"{PEOPLE}{people['medway'].pk}/edit/", {"name": "Changed"})
    assert response.status_code == 404
    people["medway"].refresh_from_db()
    assert people["medway"].name == "Medway Only"


def test_the_network_team_and_superusers_see_everyone(client, people, network_site, team_of):
    for user in (team_of(network_site), UserFactory(is_superuser=True, email="su@example.org")):
        client.force_login(user)
        page = client.get(PEOPLE).content.decode()
        for name in ("Medway Only", "West Kent Only", "Both Places", "No Place Chosen"):
            assert name in page


def test_staff_outside_any_team_cannot_open_the_register(client, people):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(PEOPLE).status_code in (302, 403)
    assert client.get(f"{PEOPLE}{people['medway'].pk}/").status_code in (302, 403, 404)


def test_search_by_name_email_or_postcode(client, people, network_site, team_of):
    Person.objects.filter(pk=people["both"].pk).update(postcode="ME7 1HF")
    client.force_login(team_of(network_site))
    assert "Medway Only" in client.get(PEOPLE, {"q": "MEDWAY@example"}).content.decode()
    by_postcode = client.get(PEOPLE, {"q": "ME7 1"}).content.decode()
    assert "Both Places" in by_postcode and "Medway Only" not in by_postcode


def test_filters_by_place_role_topic_needs_consent_contact_and_status(
    client, network_site, medway, west_kent, team_of
):
    carers = TopicFactory(name="Carers")
    match = PersonFactory(
        name="The Match",
        places=[medway],
        topics=[carers],
        roles=[Role.CITIZENS_PANEL],
        consents=[Purpose.INVITATIONS],
        format="easy_read",
        communication_support=["bsl_interpreter"],
        contact_by_post=True,
    )
    PersonFactory(name="Someone Else", places=[west_kent], roles=[Role.CHAMPION])
    client.force_login(team_of(network_site))
    filters = [
        {"place": medway.pk},
        {"role": Role.CITIZENS_PANEL},
        {"topic": carers.pk},
        {"format": "easy_read"},
        {"support": "bsl_interpreter"},
        {"consent": Purpose.INVITATIONS},
        {"contact": "post"},
    ]
    for query in filters:
        page = client.get(PEOPLE, query).content.decode()
        assert "The Match" in page and "Someone Else" not in page, query
    match.status = Person.Status.LEFT
    match.save()
    page = client.get(PEOPLE, {"status": "active"}).content.decode()
    assert "Someone Else" in page and "The Match" not in page


def test_an_empty_register_says_so(client, network_site, team_of):
    client.force_login(team_of(network_site))
    assert "No one you can see is on the register yet." in client.get(PEOPLE).content.decode()


def test_a_persons_page_flags_access_needs_and_shows_the_ledger_not_demographics(
    client, medway_site, medway, team_of
):
    person = PersonFactory(
        name="Amina Begum",
        places=[medway],
        format="large_print",
        communication_support=["spoken_language"],
        interpreter_language="Polish",
        consents=[Purpose.KEEP_INFORMED],
        demographics={"ethnic_group": "asian_bangladeshi", "religion": "muslim"},
    )
    client.force_login(team_of(medway_site))
    page = client.get(f"{PEOPLE}{person.pk}/").content.decode()
    assert "Access needs: meet them whenever you contact this person" in page
    assert "Large print" in page and "Polish" in page
    assert "Bulletins and news" in page and "Version 1" in page and "Online" in page
    for secret in ("Bangladeshi", "Muslim", "Equality monitoring answers"):
        assert secret not in page
    listing = client.get(PEOPLE).content.decode()
    assert "Bangladeshi" not in listing and "register-needs-flag" in listing


def edit_data(person, **changes):
    data = {
        "name": person.name,
        "email": person.email,
        "phone": person.phone,
        "postal_address": person.postal_address,
        "postcode": person.postcode,
        "places": [place.pk for place in person.places.all()],
        "topics": [],
        "roles": list(person.roles.values_list("role", flat=True)),
        "lived_experience": "",
        "contact_by_email": "on",
        "language": person.language,
        "format": person.format,
        "communication_support": person.communication_support,
        "interpreter_language": "",
        "other_access_needs": "",
    }
    data.update(changes)
    return data


def test_an_edit_maps_the_postcode_and_is_logged_with_the_fields_changed(
    client, medway_site, medway, team_of
):
    PostcodeArea.objects.create(prefix="ME7", place=medway)
    person = PersonFactory(name="Before", places=[medway])
    staff = team_of(medway_site)
    client.force_login(staff)
    response = client.post(
        f"{PEOPLE}{person.pk}/edit/",
        edit_data(person, name="After", postcode="me7 1hf", roles=[Role.EXPERT]),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "After" and person.postcode == "ME7 1HF"
    assert person.home_place == medway
    assert list(person.roles.values_list("role", flat=True)) == [Role.EXPERT]
    entry = ModelLogEntry.objects.get(action="coproduction.person.edit", object_id=str(person.pk))
    assert entry.user == staff and set(entry.data["fields"]) == {"name", "postcode", "roles"}
    history = client.get(f"{PEOPLE}{person.pk}/history/").content.decode()
    assert "Changed: name, postcode, roles" in history
    assert "After" not in str(entry.data)


def test_a_bad_postcode_gets_a_clear_message(client, medway_site, medway, team_of):
    person = PersonFactory(places=[medway])
    client.force_login(team_of(medway_site))
    response = client.post(f"{PEOPLE}{person.pk}/edit/", edit_data(person, postcode="ME7 XYZ"))
    assert response.status_code == 200
    assert "Enter a full UK postcode, like ME7 1HF." in response.content.decode()


def test_an_edit_keeps_the_places_the_staff_member_cannot_see(
    client, medway_site, medway, west_kent, team_of
):
    person = PersonFactory(places=[medway, west_kent])
    client.force_login(team_of(medway_site))
    data = edit_data(person, places=[medway.pk])
    assert client.post(f"{PEOPLE}{person.pk}/edit/", data).status_code == 302
    assert set(person.places.all()) == {medway, west_kent}


def test_the_list_reads_the_same_number_of_queries_for_more_people(
    client, network_site, medway, team_of, django_assert_max_num_queries
):
    client.force_login(team_of(network_site))
    PersonFactory.create_batch(2, places=[medway], communication_support=["advocate"])
    with django_assert_max_num_queries(40) as few:
        client.get(PEOPLE)
    PersonFactory.create_batch(20, places=[medway], format="braille")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(PEOPLE)
