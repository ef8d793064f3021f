"""Joining the register from any site: the form, double opt-in by email, and confirming."""

import pytest

from chorus.mail.models import OutgoingEmail
from coproduction.factories import TopicFactory
from coproduction.models import (
    Consent,
    ConsentRecord,
    ConsentWording,
    Demographics,
    Person,
    Purpose,
    SignUp,
)
from coproduction.register.links import person_from_token, person_token

from .join_helpers import MEDWAY, answers, confirm_path, emails_to, links

pytestmark = pytest.mark.django_db


def own_page(email, site):
    """The person whose own page ``email`` links to on ``site`` (tokens carry a timestamp)."""
    prefix = f"{site.root_url}/your-involvement/"
    (url,) = [link for link in links(email) if link.startswith(prefix)]
    return person_from_token(url.removeprefix(prefix).strip("/"))


def _join_and_confirm(client, site, data, headers=MEDWAY):
    response = client.post("/join/", data, headers=headers)
    assert response.status_code == 302, response.content.decode()[:2000]
    email = emails_to(data["email"].strip().lower())[-1]
    path = confirm_path(email, site)
    assert client.post(path, headers=headers).status_code == 302
    return Person.objects.get(email=data["email"].strip().lower())


def test_the_form_preselects_the_site_s_partnership_and_shows_each_wording(
    client, network_site, medway_site
):
    ConsentWording.objects.create(
        purpose=Purpose.INVITATIONS, version=2, text="Invite me to things, version two."
    )
    page = client.get("/join/", headers=MEDWAY).content.decode()
    assert "Join the involvement register" in page
    assert f'value="{medway_site.root_page.pk}" id="id_places_0" checked' in page
    assert "Invite me to things, version two." in page
    assert "Send me bulletins and news about health and care where I live" in page
    assert "Citizens&#x27; Panel: invite me to surveys and panels" in page
    assert "Prefer not to say" in page
    # Reading the form stores nothing, not even the default wordings.
    assert ConsentWording.objects.count() == 1


def test_the_privacy_notice_is_linked_where_consent_is_asked(client, medway_site):
    from chorus.identity.models import SiteIdentity
    from pages.factories import ContentPageFactory

    privacy = ContentPageFactory(parent=medway_site.root_page, title="Privacy", slug="privacy")
    SiteIdentity.objects.create(site=medway_site, privacy_page=privacy)
    page = client.get("/join/", headers=MEDWAY).content.decode()
    assert '<a href="/privacy/">privacy notice</a>' in page


def test_joining_sends_a_link_and_adds_nobody_until_it_is_confirmed(
    client, network_site, medway_site
):
    data = answers(places=[str(medway_site.root_page.pk)])
    response = client.post("/join/", data, headers=MEDWAY, follow=True)
    assert "Check your email" in response.text
    assert "ola.nowak@example.org" in response.text
    assert not Person.objects.exists()
    sign_up = SignUp.objects.get()
    assert sign_up.email == "ola.nowak@example.org" and sign_up.confirmed_at is None

    (email,) = emails_to("ola.nowak@example.org")
    assert "Confirm that you want to join the register" in email.subject
    path = confirm_path(email, medway_site)
    assert path.startswith("/join/confirm/")
    assert sign_up.token_hash not in email.body  # only the hash is stored

    page = client.get(path, headers=MEDWAY)
    assert page.status_code == 200
    assert "Citizens&#x27; Panel: invite me to surveys and panels" in page.text
    assert not Person.objects.exists()  # opening the link is not enough

    done = client.post(path, headers=MEDWAY, follow=True)
    assert "You are on the register" in done.text
    person = Person.objects.get()
    assert person.email == "ola.nowak@example.org" and person.name == "Ola Nowak"
    assert list(person.roles.values_list("role", flat=True)) == ["citizens_panel"]
    assert list(person.places.all()) == [medway_site.root_page.specific]
    records = ConsentRecord.objects.filter(person=person)
    assert {(r.purpose, r.granted, r.method) for r in records} == {
        (Purpose.KEEP_INFORMED, True, "web"),
        (Purpose.INVITATIONS, True, "web"),
    }
    assert {r.wording.version for r in records} == {1}


def test_the_welcome_email_carries_the_person_s_own_link(client, network_site, medway_site):
    person = _join_and_confirm(client, medway_site, answers())
    welcome = emails_to(person.email)[-1]
    assert "Welcome to the involvement register" in welcome.subject
    assert own_page(welcome, medway_site) == person
    assert "Citizens' Panel" in welcome.body


def test_consent_records_the_wording_version_that_was_shown(client, network_site, medway_site):
    shown = ConsentWording.objects.create(
        purpose=Purpose.INVITATIONS, version=2, text="Version two words."
    )
    data = answers(wording_invitations="2")
    client.post("/join/", data, headers=MEDWAY)
    # Staff change the words before the person confirms: what they saw is recorded.
    ConsentWording.objects.create(purpose=Purpose.INVITATIONS, version=3, text="Three.")
    path = confirm_path(emails_to("ola.nowak@example.org")[0], medway_site)
    client.post(path, headers=MEDWAY)
    record = ConsentRecord.objects.get(purpose=Purpose.INVITATIONS)
    assert record.wording == shown


def test_a_repeat_sign_up_updates_the_one_person(client, network_site, medway_site, west_kent_site):
    topic = TopicFactory(name="Mental health", slug="mental-health")
    first = _join_and_confirm(client, medway_site, answers(places=[str(medway_site.root_page.pk)]))
    again = answers(
        email="OLA.NOWAK@example.org",
        name="",
        places=[str(west_kent_site.root_page.pk)],
        topics=[str(topic.pk)],
        roles=["champion"],
        consent_roles="on",
        consent_invitations=None,
        format="large_print",
        communication_support=["spoken_language"],
        interpreter_language="Polish",
    )
    second = _join_and_confirm(client, medway_site, again)
    assert second.pk == first.pk and Person.objects.count() == 1
    # Someone already on the register gets their own page's link with the new link too.
    second_link = [e for e in emails_to(first.email) if "Confirm" in e.subject][-1]
    assert own_page(second_link, medway_site) == first
    assert second.name == "Ola Nowak"  # a blank answer keeps what was given
    assert set(second.places.all()) == {
        medway_site.root_page.specific,
        west_kent_site.root_page.specific,
    }
    assert set(second.roles.values_list("role", flat=True)) == {"citizens_panel", "champion"}
    assert list(second.topics.all()) == [topic]
    assert second.format == "large_print" and second.interpreter_language == "Polish"
    granted = set(
        Consent.objects.filter(person=second, granted=True).values_list("purpose", flat=True)
    )
    # Joining again adds; it never withdraws what was agreed before.
    assert granted == {Purpose.KEEP_INFORMED, Purpose.INVITATIONS, Purpose.CONTACT_FOR_ROLES}
    assert ConsentRecord.objects.filter(person=second).count() == 3


def test_someone_who_left_is_back_on_the_register_when_they_join_again(
    client, network_site, medway_site
):
    person = _join_and_confirm(client, medway_site, answers())
    client.post(f"/your-involvement/{person_token(person)}/", {"action": "leave"})
    again = _join_and_confirm(client, medway_site, answers())
    assert again.status == Person.Status.ACTIVE
    assert Consent.objects.filter(person=again, granted=True).count() == 2


def test_equality_answers_are_kept_only_with_their_own_consent(client, network_site, medway_site):
    without = answers(email="a@example.org", age_band="25_34", ethnic_group="white_irish")
    page = client.post("/join/", without, headers=MEDWAY, follow=True)
    assert "we have not kept those answers" in page.text
    assert SignUp.objects.get().answers["demographics"] == {}
    person = _join_and_confirm(client, medway_site, without)
    assert not Demographics.objects.filter(person=person).exists()

    with_consent = answers(
        email="b@example.org",
        age_band="25_34",
        religion="prefer_not",
        consent_equality_monitoring="on",
    )
    person = _join_and_confirm(client, medway_site, with_consent)
    answers_kept = Demographics.objects.get(person=person)
    assert (answers_kept.age_band, answers_kept.religion, answers_kept.sex) == (
        "25_34",
        "prefer_not",
        "",
    )
    assert Consent.objects.get(person=person, purpose=Purpose.EQUALITY_MONITORING).granted


def test_the_emails_follow_the_chosen_language(client, network_site, medway_site):
    client.post("/pl/join/", answers(language="pl"), headers=MEDWAY)
    (email,) = emails_to("ola.nowak@example.org")
    assert "/pl/join/confirm/" in confirm_path(email, medway_site)
    client.post(confirm_path(email, medway_site), headers=MEDWAY)
    assert Person.objects.get().language == "pl"
    welcome = emails_to("ola.nowak@example.org")[-1]
    assert any("/pl/your-involvement/" in link for link in links(welcome))


def test_a_signed_in_person_s_account_is_linked_when_the_emails_match(
    client, network_site, medway_site
):
    from chorus.common.factories import UserFactory

    user = UserFactory(email="ola.nowak@example.org")
    client.force_login(user)
    person = _join_and_confirm(client, medway_site, answers())
    assert person.user == user


def test_it_works_from_the_network_site_too(client, network_site, medway_site):
    page = client.get("/join/", headers={"host": "localhost"}).content.decode()
    assert "checked" not in page.split('name="places"')[1].split("</fieldset>")[0]
    person = _join_and_confirm(client, network_site, answers(), headers={"host": "localhost"})
    assert not person.places.exists()
    assert OutgoingEmail.objects.count() == 2
