"""Editors review charter signatures in the Wagtail admin."""

import pytest
from django.urls import reverse

from coproduction.factories import CharterSignatureFactory
from coproduction.models import CharterSignature

pytestmark = pytest.mark.django_db

INDEX = "charter_signatures:index"


def approve_url(signature):
    """The admin URL that approves ``signature``."""
    return reverse("charter_signatures:approve", args=[signature.pk])


def reject_url(signature):
    """The admin URL that rejects ``signature``."""
    return reverse("charter_signatures:reject", args=[signature.pk])


def test_pending_signatures_are_listed_first(client, editor, charter, organisations):
    CharterSignatureFactory(charter=charter, organisation=organisations[0], approved=True)
    CharterSignatureFactory(charter=charter, organisation=organisations[1])
    CharterSignatureFactory(charter=charter, organisation=organisations[2], rejected=True)
    client.force_login(editor)

    html = client.get(reverse(INDEX)).content.decode()

    assert html.index("Medway Voluntary Action") < html.index("Healthwatch Medway")
    assert html.index("Medway Voluntary Action") < html.index("Medway NHS Foundation Trust")
    assert html.count("/admin/charter_signatures/approve/") == 1  # only the pending one


def test_signatures_can_be_filtered_by_status(client, editor, charter, organisations):
    CharterSignatureFactory(charter=charter, organisation=organisations[0], approved=True)
    CharterSignatureFactory(charter=charter, organisation=organisations[1])
    client.force_login(editor)

    html = client.get(reverse(INDEX), {"status": "approved"}).content.decode()

    assert "Healthwatch Medway" in html
    assert "Medway Voluntary Action" not in html


def test_approving_a_signature_lists_it_on_the_charter(client, editor, charter, organisations):
    signature = CharterSignatureFactory(
        charter=charter,
        organisation=organisations[0],
        commitment="We will publish what we heard and what we changed.",
    )
    client.force_login(editor)

    confirm = client.get(approve_url(signature))
    assert confirm.status_code == 200
    assert "Yes, approve" in confirm.content.decode()
    response = client.post(approve_url(signature))

    assert response.status_code == 302
    signature.refresh_from_db()
    assert signature.status == CharterSignature.Status.APPROVED
    assert signature.reviewed_by == editor
    assert signature.reviewed_at is not None
    client.logout()
    html = client.get(charter.url).content.decode()
    assert "Healthwatch Medway" in html
    assert "We will publish what we heard and what we changed." in html


def test_rejecting_a_signature_keeps_it_off_the_charter(client, editor, charter, organisations):
    signature = CharterSignatureFactory(charter=charter, organisation=organisations[0])
    client.force_login(editor)

    client.post(reject_url(signature))

    signature.refresh_from_db()
    assert signature.status == CharterSignature.Status.REJECTED
    assert signature.reviewed_by == editor
    client.logout()
    assert "Healthwatch Medway" not in client.get(charter.url).content.decode()


def test_a_reviewed_signature_cannot_be_reviewed_again(client, editor, charter, organisations):
    signature = CharterSignatureFactory(charter=charter, organisation=organisations[0])
    client.force_login(editor)
    client.post(reject_url(signature))

    response = client.post(approve_url(signature), follow=True)

    assert "has already been reviewed" in response.content.decode()
    signature.refresh_from_db()
    assert signature.status == CharterSignature.Status.REJECTED


def test_an_admin_user_without_permission_cannot_approve(
    client, admin_only_user, charter, organisations
):
    signature = CharterSignatureFactory(charter=charter, organisation=organisations[0])
    client.force_login(admin_only_user)

    response = client.post(approve_url(signature))

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != reverse(INDEX)
    signature.refresh_from_db()
    assert signature.status == CharterSignature.Status.PENDING
    assert signature.reviewed_by is None


def test_visitors_cannot_reach_the_review_screens(client, charter, organisations):
    signature = CharterSignatureFactory(charter=charter, organisation=organisations[0])

    response = client.post(approve_url(signature))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    signature.refresh_from_db()
    assert signature.status == CharterSignature.Status.PENDING


def test_review_is_recorded_in_the_signature_history(client, editor, charter, organisations):
    signature = CharterSignatureFactory(charter=charter, organisation=organisations[0])
    client.force_login(editor)
    client.post(approve_url(signature))

    history = client.get(reverse("charter_signatures:history", args=[signature.pk]))

    assert "Signature approved" in history.content.decode()


def record_paper_signature(admin_client, charter, organisation, commitment):
    """Fill in the admin's "add signature" form, as an editor copying a paper form does."""
    return admin_client.post(
        reverse("charter_signatures:add"),
        {
            "charter": charter.pk,
            "organisation": organisation.pk,
            "contact_name": "Sam Okoro",
            "contact_email": "sam.okoro@nhs.example.org",
            "contact_role": "Director of Nursing",
            "commitment": commitment,
        },
    )


def test_editors_can_record_a_signature_made_on_paper(admin_client, charter, organisations):
    response = record_paper_signature(
        admin_client,
        charter,
        organisations[2],
        "We will involve patients in every service redesign.",
    )

    assert response.status_code == 302
    signature = CharterSignature.objects.get()
    assert signature.status == CharterSignature.Status.PENDING
    assert signature.charter_version == "1.0"


def test_editors_cannot_record_a_duplicate_signature(admin_client, charter, organisations):
    CharterSignatureFactory(charter=charter, organisation=organisations[2])
    response = record_paper_signature(admin_client, charter, organisations[2], "Again.")

    assert response.status_code == 200
    assert "has already signed version 1.0" in response.content.decode()
    assert CharterSignature.objects.count() == 1


def test_page_editing_screens_open(admin_client, assembly, charter):
    for page in (assembly, assembly.get_parent(), charter):
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    signature = CharterSignatureFactory(charter=charter)
    assert (
        admin_client.get(reverse("charter_signatures:inspect", args=[signature.pk])).status_code
        == 200
    )
