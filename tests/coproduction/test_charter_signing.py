"""Partner organisations sign the co-production charter through its public form."""

import pytest
from django.test import Client

from coproduction.factories import CharterSignatureFactory
from coproduction.models import CharterSignature

pytestmark = pytest.mark.django_db


def sign_url(charter):
    """The charter's signing form."""
    return charter.url + "sign/"


def signing(partner, **overrides):
    """Form data for a complete, valid signature on behalf of ``partner``."""
    data = {
        "organisation": str(partner.pk),
        "contact_name": "Asha Patel",
        "contact_email": "asha.patel@healthwatchmedway.example.org",
        "contact_role": "Chief Executive",
        "commitment": "We will bring what people tell us to every partnership board.",
        "authorised": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_charter_page_shows_principles_version_and_a_way_to_sign(client, charter):
    html = client.get(charter.url).content.decode()

    assert "We involve people and communities as early as possible" in html
    assert "What this means in practice:" in html
    assert "Version 1.0, adopted on 1 July 2023." in html
    assert f'href="{sign_url(charter)}"' in html
    assert "No organisation has signed this version yet." in html


def test_signing_form_lists_the_networks_organisations_and_asks_for_authority(
    client, charter, organisations
):
    html = client.get(sign_url(charter)).content.decode()

    assert html.count("<h1>") == 1
    for organisation in organisations:
        assert organisation.name in html
    assert "I am authorised to sign on behalf of this organisation" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_signing_records_a_pending_signature_that_is_not_yet_listed(client, charter, organisations):
    healthwatch = organisations[0]
    response = client.post(sign_url(charter), signing(healthwatch))

    assert response.status_code == 302
    assert response["Location"] == charter.url + "sign/thank-you/"
    signature = CharterSignature.objects.get()
    assert signature.status == CharterSignature.Status.PENDING
    assert signature.charter_version == "1.0"
    assert signature.organisation == healthwatch

    thanks = client.get(response["Location"]).content.decode()
    assert "an editor will review your signature" in thanks
    charter_html = client.get(charter.url).content.decode()
    assert "Healthwatch Medway" not in charter_html
    assert "every partnership board" not in charter_html


def test_a_second_signature_for_the_same_organisation_and_version_is_refused(
    client, charter, organisations
):
    healthwatch = organisations[0]
    client.post(sign_url(charter), signing(healthwatch))

    response = client.post(sign_url(charter), signing(healthwatch, contact_name="Someone Else"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Healthwatch Medway has already signed version 1.0 of this charter" in html
    assert "waiting for an editor" in html
    assert CharterSignature.objects.count() == 1


def test_an_approved_organisation_is_told_it_has_already_signed(client, charter, organisations):
    CharterSignatureFactory(charter=charter, organisation=organisations[0], approved=True)

    response = client.post(sign_url(charter), signing(organisations[0]))

    assert "has already signed version 1.0 of this charter." in response.content.decode()
    assert CharterSignature.objects.count() == 1


def test_signing_at_the_same_moment_is_caught_by_the_database(
    client, charter, organisations, monkeypatch
):
    """Two submissions racing past the form's check: the constraint refuses the second."""
    CharterSignatureFactory(charter=charter, organisation=organisations[0])
    monkeypatch.setattr(CharterSignature, "existing_signature", lambda self: None)

    response = client.post(sign_url(charter), signing(organisations[0]))

    assert response.status_code == 200
    assert "has already signed version 1.0" in response.content.decode()
    assert CharterSignature.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"authorised": None},
            "Please confirm that you are authorised to sign on behalf of this organisation.",
        ),
        ({"contact_email": "asha-at-healthwatch"}, "Enter an email address like name@example.org."),
        ({"contact_email": ""}, "Enter your email address."),
        ({"commitment": ""}, "Say what your organisation commits to."),
        ({"organisation": "999999"}, "Choose your organisation from the list."),
    ],
)
def test_incomplete_signatures_are_refused_with_a_message_and_nothing_is_stored(
    client, charter, organisations, overrides, message
):
    response = client.post(sign_url(charter), signing(organisations[0], **overrides))

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert message in html
    assert CharterSignature.objects.count() == 0


def test_a_new_charter_version_can_be_signed_again(client, charter, organisations):
    healthwatch = organisations[0]
    CharterSignatureFactory(charter=charter, organisation=healthwatch, approved=True)
    charter.version = "2.0"
    charter.save_revision().publish()

    response = client.post(sign_url(charter), signing(healthwatch))

    assert response.status_code == 302
    versions = sorted(CharterSignature.objects.values_list("charter_version", flat=True))
    assert versions == ["1.0", "2.0"]


def test_a_rejected_organisation_may_sign_again(client, charter, organisations):
    CharterSignatureFactory(charter=charter, organisation=organisations[0], rejected=True)

    response = client.post(sign_url(charter), signing(organisations[0]))

    assert response.status_code == 302
    statuses = sorted(CharterSignature.objects.values_list("status", flat=True))
    assert statuses == ["pending", "rejected"]


def test_signing_without_a_csrf_token_is_refused(charter, organisations):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(sign_url(charter), signing(organisations[0]))
    assert response.status_code == 403
    assert CharterSignature.objects.count() == 0


def test_approved_signatories_are_listed_without_personal_data(client, charter, organisations):
    CharterSignatureFactory(
        charter=charter,
        organisation=organisations[1],
        contact_name="Jo Bloggs",
        contact_email="jo@mva.example.org",
        contact_role="Trustee",
        commitment="We will co-design our services with the people who use them.",
        approved=True,
    )
    CharterSignatureFactory(charter=charter, organisation=organisations[0])  # still pending

    html = Client().get(charter.url).content.decode()

    assert "Medway Voluntary Action" in html
    assert "We will co-design our services with the people who use them." in html
    for private in ("Jo Bloggs", "jo@mva.example.org", "Trustee", "Healthwatch Medway"):
        assert private not in html


def test_signatories_of_an_earlier_version_are_listed_apart(client, charter, organisations):
    CharterSignatureFactory(charter=charter, organisation=organisations[1], approved=True)
    charter.version = "2.0"
    charter.save_revision().publish()

    html = client.get(charter.url).content.decode()

    assert "No organisation has signed this version yet." in html
    assert "Medway Voluntary Action (version 1.0)" in html
