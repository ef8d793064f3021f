"""Bad input on the join form and bad confirmation links: a clear message, nothing lost."""

import datetime

import pytest
from django.utils import timezone

from coproduction.models import Person, SignUp

from .join_helpers import MEDWAY, answers, confirm_path, emails_to

pytestmark = pytest.mark.django_db


def _problems(response):
    html = response.content.decode()
    start = html.index('class="message message--error error-summary"')
    return html[start : html.index("</div>", start)]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "ola@"}, "Enter an email address like name@example.org"),
        ({"email": ""}, "Enter your email address"),
        ({"contact": ["phone"]}, "Enter your phone number, so we can phone or text you"),
        ({"contact": ["post"], "postcode": "ME4 4TR"}, "Enter your postal address"),
        (
            {"contact": ["post"], "postal_address": "1 High St", "postcode": "not a postcode"},
            "Enter a full UK postcode",
        ),
        ({"contact": []}, "Choose at least one way for us to contact you"),
        (
            {"communication_support": ["spoken_language"]},
            "Enter the language you need an interpreter for",
        ),
        ({"consent_invitations": None}, "You chose “Citizens&#x27; Panel"),
        (
            {"roles": [], "consent_keep_informed": None, "consent_invitations": None},
            "Tick at least one thing we may contact you about",
        ),
    ],
)
def test_a_bad_answer_gets_a_clear_message_and_keeps_the_rest(
    client, network_site, medway_site, changes, message
):
    data = answers(name="Ola Nowak", other_access_needs="A hearing loop", **changes)
    response = client.post("/join/", data, headers=MEDWAY)
    assert response.status_code == 200
    assert message in _problems(response)
    html = response.content.decode()
    assert "<title>Error: " in html
    assert 'value="Ola Nowak"' in html
    assert "A hearing loop</textarea>" in html
    assert not SignUp.objects.exists() and not emails_to("ola.nowak@example.org")


def test_a_postcode_is_tidied_and_maps_to_its_place(client, network_site, medway_site):
    from coproduction.models import PostcodeArea

    PostcodeArea.objects.create(prefix="ME4", place=medway_site.root_page.specific)
    data = answers(contact=["email", "post"], postal_address="1 High Street", postcode=" me4  4tr")
    client.post("/join/", data, headers=MEDWAY)
    assert SignUp.objects.get().answers["postcode"] == "ME4 4TR"
    client.post(confirm_path(emails_to("ola.nowak@example.org")[0], medway_site), headers=MEDWAY)
    person = Person.objects.get()
    assert person.postcode == "ME4 4TR" and person.contact_by_post
    assert person.home_place == medway_site.root_page.specific


def test_too_many_sign_ups_from_one_address_are_refused_keeping_the_answers(
    client, network_site, medway_site, settings
):
    settings.CHORUS_REGISTER_SIGNUPS_PER_HOUR = 2
    for number in range(2):
        client.post("/join/", answers(email=f"p{number}@example.org"), headers=MEDWAY)
    response = client.post("/join/", answers(email="third@example.org"), headers=MEDWAY)
    assert response.status_code == 429
    assert "several sign-ups from your connection" in response.content.decode()
    assert 'value="third@example.org"' in response.content.decode()
    assert SignUp.objects.count() == 2


def test_a_robot_filling_the_trap_is_thanked_and_nothing_is_kept(client, network_site):
    response = client.post("/join/", answers(website="http://spam.example"), follow=True)
    assert "Check your email" in response.text
    assert not SignUp.objects.exists() and not emails_to("ola.nowak@example.org")


@pytest.fixture
def link(client, network_site, medway_site):
    client.post("/join/", answers(), headers=MEDWAY)
    return confirm_path(emails_to("ola.nowak@example.org")[0], medway_site)


def test_a_used_link_says_so_and_changes_nothing(client, link):
    client.post(link, headers=MEDWAY)
    for method in (client.get, client.post):
        response = method(link, headers=MEDWAY)
        assert response.status_code == 200
        assert "You have already joined" in response.content.decode()
    assert Person.objects.count() == 1
    assert len(emails_to("ola.nowak@example.org")) == 2  # the link and one welcome


@pytest.mark.parametrize("token", ["not-a-token", "x" * 43])
def test_a_forged_link_gets_a_clear_page(client, network_site, token):
    response = client.post(f"/join/confirm/{token}/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert not Person.objects.exists()


def test_an_expired_link_offers_a_fresh_one_and_keeps_the_answers(client, link, medway_site):
    SignUp.objects.update(sent_at=timezone.now() - datetime.timedelta(days=7, minutes=1))
    for method in (client.get, client.post):
        response = method(link, headers=MEDWAY)
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
    assert not Person.objects.exists()

    page = client.post(link + "new-link/", headers=MEDWAY, follow=True)
    assert "Check your email" in page.text
    fresh = emails_to("ola.nowak@example.org")[-1]
    new_link = confirm_path(fresh, medway_site)
    assert new_link != link
    assert client.get(link, headers=MEDWAY).status_code == 404  # the old link is replaced
    client.post(new_link, headers=MEDWAY)
    person = Person.objects.get()
    assert person.name == "Ola Nowak" and person.roles.get().role == "citizens_panel"


def test_opening_a_link_changes_nothing(client, link):
    from tests.security.test_get_is_read_only import table_states

    before = table_states()
    assert client.get(link, headers=MEDWAY).status_code == 200
    assert client.get("/join/", headers=MEDWAY).status_code == 200
    assert client.get(link + "new-link/", headers=MEDWAY).status_code == 405
    assert table_states() == before


def test_confirming_keeps_no_copy_of_the_answers_and_stale_sign_ups_are_forgotten(
    client, link, medway_site
):
    from django.core.management import call_command

    client.post("/join/", answers(email="later@example.org"), headers=MEDWAY)
    client.post(link, headers=MEDWAY)
    assert SignUp.objects.get(email="ola.nowak@example.org").answers == {}

    SignUp.objects.update(sent_at=timezone.now() - datetime.timedelta(days=31))
    call_command("forget_unconfirmed_sign_ups", verbosity=0)
    assert list(SignUp.objects.values_list("email", flat=True)) == ["ola.nowak@example.org"]


def test_one_address_gets_only_a_few_links_an_hour_from_any_connection(
    network_site, medway_site, settings
):
    from django.test import Client

    settings.CHORUS_REGISTER_LINKS_PER_EMAIL_PER_HOUR = 2
    pages = [
        Client(REMOTE_ADDR=f"10.0.0.{number}").post(
            "/join/", answers(), headers=MEDWAY, follow=True
        )
        for number in range(3)
    ]
    assert len(emails_to("ola.nowak@example.org")) == SignUp.objects.count() == 2
    assert "we have not sent another" in pages[-1].text


def test_a_language_typed_for_an_interpreter_then_unticked_is_not_kept(
    client, network_site, medway_site
):
    client.post("/join/", answers(interpreter_language="Polish"), headers=MEDWAY)
    assert SignUp.objects.get().answers["interpreter_language"] == ""


def test_sign_ups_are_in_a_personal_data_export_and_erased_with_it(client, link):
    from coproduction.register.joining import erase_sign_ups, export_sign_ups

    (exported,) = export_sign_ups("Ola.Nowak@example.org")
    assert exported["confirmed"] is None and exported["answers"]["name"] == "Ola Nowak"
    assert erase_sign_ups("ola.nowak@example.org") == 1
    assert not SignUp.objects.exists()
    assert client.get(link, headers=MEDWAY).status_code == 404
