"""Subject-access requests and erasure reach charter signatures through the Chorus hooks."""

import pytest

from chorus.plugins.manager import get_manager
from coproduction.factories import CharterSignatureFactory
from coproduction.models import CharterSignature

pytestmark = pytest.mark.django_db

EMAIL = "asha.patel@healthwatchmedway.example.org"


def export(email):
    """Merge every plugin's export for ``email``, as the export screen does."""
    merged = {}
    for section in get_manager().hook.chorus_export_personal_data(email=email):
        merged.update(section)
    return merged


def erase(email):
    """Erase ``email`` everywhere; return how many records changed."""
    return sum(get_manager().hook.chorus_erase_personal_data(email=email))


def asha_signs(charter, organisation):
    """Asha Patel signs ``charter`` for ``organisation`` with her email, already approved."""
    return CharterSignatureFactory(
        charter=charter,
        organisation=organisation,
        contact_name="Asha Patel",
        contact_email=EMAIL,
        contact_role="Chief Executive",
        commitment="We will bring what people tell us to every partnership board.",
        approved=True,
    )


def test_export_lists_the_signatures_submitted_with_an_email(charter, organisations):
    asha_signs(charter, organisations[0])
    CharterSignatureFactory(charter=charter, organisation=organisations[1])  # someone else

    records = export(EMAIL.upper())["co-production charter signatures"]

    assert len(records) == 1
    record = records[0]
    assert record["organisation"] == "Healthwatch Medway"
    assert record["contact_name"] == "Asha Patel"
    assert record["contact_role"] == "Chief Executive"
    assert record["commitment"].startswith("We will bring what people tell us")
    assert record["status"] == "approved"
    assert record["charter_version"] == "1.0"
    assert record["submitted_at"] and record["reviewed_at"]


def test_export_holds_nothing_for_an_unknown_email(charter, organisations):
    CharterSignatureFactory(charter=charter, organisation=organisations[0])
    assert "co-production charter signatures" not in export("nobody@example.org")


def test_erasure_pseudonymises_the_contact_and_keeps_the_signature(client, charter, organisations):
    signature = asha_signs(charter, organisations[0])
    other = CharterSignatureFactory(charter=charter, organisation=organisations[1])

    assert erase(EMAIL) >= 1

    signature.refresh_from_db()
    assert (signature.contact_name, signature.contact_email, signature.contact_role) == (
        "(erased)",
        "",
        "(erased)",
    )
    assert signature.status == CharterSignature.Status.APPROVED
    assert signature.organisation == organisations[0]
    assert CharterSignature.objects.count() == 2
    other.refresh_from_db()
    assert other.contact_name != "(erased)"
    assert export(EMAIL) == {} or "co-production charter signatures" not in export(EMAIL)
    html = client.get(charter.url).content.decode()
    assert "every partnership board" in html  # the public record is unchanged
