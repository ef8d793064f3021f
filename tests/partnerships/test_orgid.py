"""Registered numbers become org-ids; look-alike and unknown numbers get a clear message."""

import pytest
from django.core.exceptions import ValidationError

from partnerships.orgid import to_org_id


@pytest.mark.parametrize(
    ("number", "kind", "expected"),
    [
        # England and Wales charities: 6 or 7 digits.
        ("1123456", None, "GB-CHC-1123456"),
        ("1123456", "vcse", "GB-CHC-1123456"),
        (" 1123 456 ", "vcse", "GB-CHC-1123456"),
        ("212345", "vcse", "GB-CHC-212345"),
        ("212345", "healthwatch", "GB-CHC-212345"),
        # Scottish and Northern Irish charities.
        ("SC012345", "vcse", "GB-SC-SC012345"),
        ("sc012345", "vcse", "GB-SC-SC012345"),
        ("NIC100000", None, "GB-NIC-100000"),
        ("nic 100002", "vcse", "GB-NIC-100002"),
        ("NI100002", "vcse", "GB-NIC-100002"),
        # Companies House: 8 characters, or a shorter number for a CIC or business.
        ("09876543", None, "GB-COH-09876543"),
        ("09876543", "vcse", "GB-COH-09876543"),
        ("9876543", "cic", "GB-COH-09876543"),
        ("876543", "business", "GB-COH-00876543"),
        ("SC123456", "cic", "GB-COH-SC123456"),
        ("NI012345", "business", "GB-COH-NI012345"),
        ("OC301234", None, "GB-COH-OC301234"),
        ("oc 301234", "vcse", "GB-COH-OC301234"),
        # Mutuals Public Register: co-operative and community benefit societies.
        ("RS007123", None, "GB-MPR-RS007123"),
        ("IP12345R", None, "GB-MPR-IP12345R"),
        ("12345R", "business", "GB-MPR-12345R"),
        ("12345r", None, "GB-MPR-12345R"),
        # School URN: six digits, for a school.
        ("123456", "school", "GB-EDU-123456"),
        # Already an org-id.
        ("GB-CHC-1123456", None, "GB-CHC-1123456"),
        ("gb-chc-1123456", "school", "GB-CHC-1123456"),
        ("GB-SC-SC012345", None, "GB-SC-SC012345"),
        ("GB-NIC-100000", None, "GB-NIC-100000"),
        ("GB-COH-9876543", None, "GB-COH-09876543"),
        ("GB-COH-SC123456", "vcse", "GB-COH-SC123456"),
        ("GB-MPR-RS007123", None, "GB-MPR-RS007123"),
        ("GB-EDU-123456", None, "GB-EDU-123456"),
        ("GB-EDU-123456", "vcse", "GB-EDU-123456"),
        # Nothing to normalise.
        ("", None, ""),
        ("   ", "vcse", ""),
    ],
)
def test_registered_numbers_become_org_ids(number, kind, expected):
    assert to_org_id(number, kind=kind) == expected


@pytest.mark.parametrize(
    ("number", "kind", "hint"),
    [
        ("123456", None, "GB-EDU-123456"),
        ("SC012345", None, "GB-SC-SC012345"),
        ("SC012345", "school", "GB-COH-SC012345"),
        ("NI100002", None, "GB-NIC-100002"),
    ],
)
def test_look_alike_numbers_without_a_deciding_kind_ask_for_kind_or_org_id(number, kind, hint):
    with pytest.raises(ValidationError) as error:
        to_org_id(number, kind=kind)
    message = error.value.messages[0]
    assert error.value.code == "ambiguous"
    assert "kind" in message
    assert hint in message


@pytest.mark.parametrize(
    "number",
    [
        "12345",  # too short for any register
        "123456789",  # too long
        "charity 1123456",
        "ZZ123456",  # not a Companies House prefix
        "SC12345",  # one digit short
        "NIC10000",
        "RS07123",
        "GB-XYZ-123456",  # unknown register
        "GB-CHC-12345",  # wrong length for the register
        "GB-EDU-SC123456",
        "1123456-1",
    ],
)
def test_unrecognisable_numbers_are_refused_with_the_accepted_forms(number):
    with pytest.raises(ValidationError) as error:
        to_org_id(number, kind="vcse")
    message = error.value.messages[0]
    assert "Accepted forms" in message
    assert "GB-CHC-1123456" in message
