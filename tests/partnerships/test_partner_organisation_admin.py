"""Editors keep partner organisations in the admin; the org-id is worked out for them."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerships.factories import PartnerOrganisationFactory
from partnerships.models import PartnerOrganisation

ADD_URL = "wagtailsnippets_partnerships_partnerorganisation:add"
LIST_URL = "wagtailsnippets_partnerships_partnerorganisation:list"


def form_data(**overrides):
    """The fields of the snippet's create form, filled in for a Medway CIC."""
    data = {
        "name": "Walderslade Together CIC (WALT)",
        "kind": "cic",
        "registered_identifier": "9876543",
        "website": "https://walt.example.org/",
        "logo": "",
        "description": "Reduces social isolation in Walderslade.",
        "places_served": "Walderslade",
        "tags": "isolation, volunteering",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_editor_adds_an_organisation_and_its_org_id_is_worked_out(admin_client):
    response = admin_client.post(reverse(ADD_URL), form_data())

    assert response.status_code == 302
    walt = PartnerOrganisation.objects.get(name="Walderslade Together CIC (WALT)")
    assert walt.org_id == "GB-COH-09876543"
    assert walt.registered_identifier == "9876543"
    assert sorted(walt.tags.names()) == ["isolation", "volunteering"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("number", "kind", "message"),
    [
        ("12345", "vcse", "Accepted forms"),
        ("GB-XYZ-1", "vcse", "org-id register Chorus does not know"),
        ("SC012345", "school", "could be a charity number or a company number"),
    ],
)
def test_admin_form_refuses_a_bad_registered_number_with_a_clear_message(
    admin_client, number, kind, message
):
    response = admin_client.post(
        reverse(ADD_URL), form_data(registered_identifier=number, kind=kind)
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors["registered_identifier"])
    assert message in response.content.decode()
    assert not PartnerOrganisation.objects.exists()


@pytest.mark.django_db
def test_saving_in_code_keeps_the_org_id_in_step_and_refuses_bad_numbers():
    group = PartnerOrganisationFactory(name="Red Zebra", registered_identifier="1123456")
    assert group.org_id == "GB-CHC-1123456"

    group.registered_identifier = ""
    group.save()
    assert group.org_id == ""

    group.registered_identifier = "not a number"
    with pytest.raises(ValidationError):
        group.save()


@pytest.mark.django_db
def test_partner_organisations_list_filters_by_kind_and_tag(admin_client):
    PartnerOrganisationFactory(name="DERiC", kind="cic", tags=["community development"])
    PartnerOrganisationFactory(name="Medway Council", kind="council")
    PartnerOrganisationFactory(name="Hoo Peninsula Carers CIC", kind="cic", tags=["carers"])
    carers = PartnerOrganisation.objects.get(name="Hoo Peninsula Carers CIC").tags.get()

    by_kind = admin_client.get(reverse(LIST_URL), {"kind": "cic"})
    by_tag = admin_client.get(reverse(LIST_URL), {"tags": carers.pk})

    assert by_kind.status_code == by_tag.status_code == 200
    assert [o.name for o in by_kind.context["object_list"]] == [
        "DERiC",
        "Hoo Peninsula Carers CIC",
    ]
    assert [o.name for o in by_tag.context["object_list"]] == ["Hoo Peninsula Carers CIC"]


@pytest.mark.django_db
def test_partner_organisations_menu_item_is_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Partner organisations" in response.content.decode()
