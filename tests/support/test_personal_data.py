"""Subject-access export and erasure cover help requests."""

import pytest

from chorus.plugins.personal_data import erase_personal_data, export_personal_data
from chorus.support.models import SupportRequest

from .conftest import ASK, request_data

pytestmark = pytest.mark.django_db


def test_export_lists_the_persons_requests(client, network_site):
    client.post(ASK, request_data(email="Amina@Example.org", phone="07700 900000"))
    client.post(ASK, request_data(email="someone.else@example.org", name="Someone else"))

    [exported] = export_personal_data("amina@example.org")["help requests"]

    saved = SupportRequest.objects.get(email="Amina@Example.org")
    assert exported["reference"] == saved.reference
    assert exported["name"] == "Amina Begum"
    assert exported["phone"] == "07700 900000"
    assert exported["formats"] == ["Easy Read"]
    assert exported["communication_support"] == ["Interpreter for another spoken language: Polish"]
    assert exported["status"] == "new"


def test_erase_pseudonymises_the_request_but_keeps_the_needs(client, network_site):
    client.post(ASK, request_data(phone="07700 900000", other_adjustment="A quiet room"))
    client.post(ASK, request_data(email="someone.else@example.org", name="Someone else"))

    assert erase_personal_data("AMINA@example.org") >= 1

    erased = SupportRequest.objects.exclude(name="Someone else").get()
    assert (erased.name, erased.email, erased.phone, erased.message) == ("(erased)", "", "", "")
    assert erased.other_adjustment == ""
    assert erased.formats == ["easy_read"]
    assert SupportRequest.objects.get(name="Someone else").email == "someone.else@example.org"
    assert "help requests" not in export_personal_data("amina@example.org")
