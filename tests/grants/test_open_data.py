"""The 360Giving open data: one valid grant per active award, and nothing about people."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chorus.common.factories import UserFactory
from chorus.plugins import enablement
from partnerships.factories import PartnerOrganisationFactory
from plugins.grants import ledger
from plugins.grants.factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from plugins.grants.open_data.flat import COLUMNS

from .threesixty import assert_valid_package, csv_title

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}
SITE_JSON = "/plugins/grants/360giving.json"
SITE_CSV = "/plugins/grants/360giving.csv"
REQUIRED = [
    "id",
    "title",
    "description",
    "currency",
    "amountAwarded",
    "awardDate",
    "recipientOrganization",
    "fundingOrganization",
]


def programme_json(programme):
    return f"/plugins/grants/programmes/{programme.pk}/360giving.json"


def programme_csv(programme):
    return f"/plugins/grants/programmes/{programme.pk}/360giving.csv"


@pytest.fixture
def award(open_round, manager):
    """Return a function that approves a new submitted application in the open round."""

    def make(amount="500", pot=None, **fields):
        fields.setdefault("amount_requested", Decimal(amount))
        application = ApplicationFactory(round=pot or open_round, status="submitted", **fields)
        return ledger.approve(application, amount, by=manager)

    return make


@pytest.fixture
def awards(award, applicant):
    """Four grants: a charity (Amina's, paid in part), a school, a CIC, an unregistered group."""
    amina = award(
        "600",
        applicant=applicant,
        project_title="Coffee mornings for carers",
        organisation_name="Chatham Carers Together",
    )
    amina.checks.update(completed_at=timezone.now())
    ledger.record_payment(amina, "400", by=None)
    return {
        "charity": amina,
        "school": award(
            "750",
            project_title="Sensory garden equipment",
            organisation_name="Featherby Junior School",
            organisation_kind="school",
            registered_number="118552",
            org_id="GB-EDU-118552",
            contact_name="Gill Teacher",
            contact_email="office@featherby.example.org",
            contact_phone="01634 111222",
        ),
        "cic": award(
            "1200.50",
            project_title="Shared space kitchen",
            organisation_name="Walderslade Together CIC",
            organisation_kind="cic",
            registered_number="09512345",
            org_id="GB-COH-09512345",
            area_name="",
            area_code="",
            start_date=None,
            end_date=None,
        ),
        "group": award(
            "250",
            project_title="Volunteer meet-ups",
            organisation_name="Strood Knit and Natter",
            organisation_kind="unregistered",
            registered_number="",
            org_id="",
            postcode="ME2 4AB",
        ),
    }


def grants_by_title(package):
    return {grant["title"]: grant for grant in package["grants"]}


def test_programme_package_validates_against_the_360giving_schema(client, programme, awards):
    response = client.get(programme_json(programme), headers=MEDWAY)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    package = response.json()
    assert_valid_package(package)
    assert len(package["grants"]) == 4


def test_site_package_holds_every_live_programme_and_validates(client, programme, awards, manager):
    fast = GrantProgrammePageFactory(
        parent=programme.get_parent(),
        title="Fast grants",
        slug="fast-grants",
        grant_id_prefix="360G-medwayfast",
    )
    pot = GrantRoundFactory(programme=fast, title="Pot one", slug="pot-one", max_award="500")
    ledger.approve(
        ApplicationFactory(round=pot, status="submitted", project_title="Seaside trip"),
        "450",
        by=manager,
    )

    package = client.get(SITE_JSON, headers=MEDWAY).json()

    assert_valid_package(package)
    ids = [grant["id"] for grant in package["grants"]]
    assert len(ids) == 5 and len(set(ids)) == 5
    assert any(grant_id.startswith("360G-medwayfast-G-") for grant_id in ids)
    assert package["publisher"]["name"] == "Medway and Swale Health and Care Partnership"
    assert package["version"] == "1.4"
    assert package["license"].startswith("https://creativecommons.org/")
    assert package["downloadURL"] == "http://medway-swale.localhost/plugins/grants/360giving.json"


def test_every_grant_has_the_required_fields_in_the_standards_form(client, programme, awards):
    package = client.get(programme_json(programme), headers=MEDWAY).json()

    for grant in package["grants"]:
        assert all(grant.get(field) not in (None, "", []) for field in REQUIRED), grant
        assert grant["id"].startswith("360G-involvingmedway-G-")
        assert grant["currency"] == "GBP"
    grants = grants_by_title(package)
    charity = grants["Coffee mornings for carers"]
    application = awards["charity"].application
    assert charity["id"] == f"360G-involvingmedway-{application.reference}"
    assert charity["description"] == application.project_description
    assert charity["amountAwarded"] == 600
    assert charity["amountDisbursed"] == 400
    assert charity["awardDate"] == timezone.localdate(awards["charity"].awarded_at).isoformat()
    assert charity["recipientOrganization"] == [
        {"id": "GB-CHC-1123456", "name": "Chatham Carers Together", "charityNumber": "1123456"}
    ]
    assert charity["beneficiaryLocation"] == [
        {"name": "Medway", "countryCode": "GB", "geoCode": "E06000035", "geoCodeType": "LAD"}
    ]
    assert charity["plannedDates"] == [
        {
            "startDate": application.start_date.isoformat(),
            "endDate": application.end_date.isoformat(),
        }
    ]
    assert charity["grantProgramme"] == [
        {
            "code": f"{programme.slug}/spring-2027",
            "title": "Involving Medway community grants: Spring 2027",
            "url": f"http://medway-swale.localhost{programme.url}rounds/spring-2027/",
        }
    ]
    assert grants["Shared space kitchen"]["amountAwarded"] == 1200.5
    assert grants["Shared space kitchen"]["recipientOrganization"][0]["companyNumber"] == (
        "09512345"
    )
    assert "beneficiaryLocation" not in grants["Shared space kitchen"]
    assert "plannedDates" not in grants["Shared space kitchen"]
    assert "amountDisbursed" not in grants["Sensory garden equipment"]
    assert grants["Sensory garden equipment"]["recipientOrganization"][0]["id"] == "GB-EDU-118552"


def test_an_unregistered_group_and_a_funder_without_org_id_get_prefixed_identifiers(
    client, programme, awards
):
    grants = grants_by_title(client.get(programme_json(programme), headers=MEDWAY).json())

    assert grants["Volunteer meet-ups"]["recipientOrganization"] == [
        {"id": "360G-involvingmedway-org-strood-knit-and-natter", "name": "Strood Knit and Natter"}
    ]
    # The factory's funder has no registered number, so no org-id.
    assert grants["Volunteer meet-ups"]["fundingOrganization"] == [
        {
            "id": "360G-involvingmedway-org-medway-and-swale-health-and-care-partnership",
            "name": "Medway and Swale Health and Care Partnership",
        }
    ]


def test_a_funder_with_a_registered_number_is_identified_by_its_org_id(
    client, grants_site, manager
):
    funder = PartnerOrganisationFactory(
        name="Kent and Medway Community Fund", registered_identifier="1099999"
    )
    programme = GrantProgrammePageFactory(
        parent=grants_site.root_page, slug="community-fund", funder=funder
    )
    pot = GrantRoundFactory(programme=programme, title="Round one", slug="round-one")
    ledger.approve(ApplicationFactory(round=pot, status="submitted"), "300", by=manager)

    package = client.get(programme_json(programme), headers=MEDWAY).json()

    assert package["grants"][0]["fundingOrganization"] == [
        {"id": "GB-CHC-1099999", "name": "Kent and Medway Community Fund"}
    ]
    assert_valid_package(package)


def test_no_personal_data_is_published(client, programme, awards, applicant):
    school = awards["school"].application
    personal = [
        "Amina",
        "Begum",
        applicant.email,
        "01634 000000",
        school.contact_name,
        school.contact_email,
        school.contact_phone,
        "ME2 4AB",  # a postcode can point at someone's home
    ]
    for url in (programme_json(programme), programme_csv(programme), SITE_JSON, SITE_CSV):
        body = client.get(url, headers=MEDWAY).content.decode()
        for value in personal:
            assert value not in body, (url, value)


def test_withdrawn_awards_and_undecided_applications_are_left_out(
    client, programme, open_round, awards, award, manager
):
    withdrawn = award("900", project_title="Minibus day out")
    ledger.withdraw(withdrawn, "The group folded.", by=manager)
    ApplicationFactory(round=open_round, status="submitted", project_title="Still waiting")
    declined = ApplicationFactory(round=open_round, status="declined", project_title="Said no")

    package = client.get(programme_json(programme), headers=MEDWAY).json()
    sheet = client.get(programme_csv(programme), headers=MEDWAY).content.decode()

    titles = {grant["title"] for grant in package["grants"]}
    assert titles == {
        "Coffee mornings for carers",
        "Sensory garden equipment",
        "Shared space kitchen",
        "Volunteer meet-ups",
    }
    for left_out in ("Minibus day out", "Still waiting", declined.project_title):
        assert left_out not in sheet
    assert withdrawn.application.reference not in json.dumps(package)


def test_csv_uses_360givings_column_titles_with_one_row_per_grant(client, programme, awards):
    response = client.get(programme_csv(programme), headers=MEDWAY)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        'filename="involving-medway-community-grants-360giving.csv"'
        in (response["Content-Disposition"])
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    header = next(csv.reader(io.StringIO(response.content.decode())))
    for required in (
        "Identifier",
        "Title",
        "Description",
        "Currency",
        "Amount Awarded",
        "Award Date",
        "Recipient Org:Identifier",
        "Recipient Org:Name",
        "Funding Org:Identifier",
        "Funding Org:Name",
        "Beneficiary Location:Name",
        "Beneficiary Location:Geographic Code",
        "Beneficiary Location:Geographic Code Type",
        "Grant Programme:Code",
        "Grant Programme:Title",
        "Planned Dates:Start Date",
        "Planned Dates:End Date",
        "Last Modified",
    ):
        assert required in header
    assert len(rows) == 4
    row = next(row for row in rows if row["Title"] == "Coffee mornings for carers")
    assert row["Identifier"] == f"360G-involvingmedway-{awards['charity'].application.reference}"
    assert (row["Amount Awarded"], row["Amount Disbursed"], row["Currency"]) == (
        "600",
        "400",
        "GBP",
    )
    assert row["Recipient Org:Identifier"] == "GB-CHC-1123456"
    assert row["Beneficiary Location:Geographic Code"] == "E06000035"
    assert row["Beneficiary Location:Geographic Code Type"] == "LAD"


@pytest.mark.parametrize(("title", "path"), COLUMNS)
def test_every_csv_column_title_is_the_one_the_schema_gives(title, path):
    assert csv_title(path) == title


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, programme, award):
    award(
        "300",
        organisation_name='=HYPERLINK("http://evil.example","click")',
        project_title="+SUM(A1:A9)",
        project_description="@cmd",
    )

    rows = list(csv.DictReader(io.StringIO(client.get(SITE_CSV, headers=MEDWAY).content.decode())))

    assert rows[0]["Recipient Org:Name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows[0]["Title"] == "'+SUM(A1:A9)"
    assert rows[0]["Description"] == "'@cmd"
    assert rows[0]["Amount Awarded"] == "300"


def test_a_programme_without_grants_answers_with_an_empty_package(client, programme):
    package = client.get(programme_json(programme), headers=MEDWAY).json()
    assert package["grants"] == []
    assert package["title"] == "Involving Medway community grants: grants awarded"


def test_unpublished_programmes_are_not_published_as_open_data(client, programme, awards):
    programme.unpublish()

    assert client.get(SITE_JSON, headers=MEDWAY).json()["grants"] == []
    assert client.get(programme_json(programme), headers=MEDWAY).status_code == 404


def test_open_data_answers_404_where_grants_is_off(client, programme, awards, west_kent_site):
    for url in (SITE_JSON, SITE_CSV, programme_json(programme), programme_csv(programme)):
        assert client.get(url, headers=WEST_KENT).status_code == 404, url

    enablement.disable("grants", programme.get_site())
    for url in (SITE_JSON, SITE_CSV, programme_json(programme), programme_csv(programme)):
        assert client.get(url, headers=MEDWAY).status_code == 404, url


def test_another_sites_programme_is_not_found(client, programme, awards, west_kent_site, enable):
    enable("grants", west_kent_site)

    assert client.get(programme_json(programme), headers=WEST_KENT).status_code == 404
    assert client.get(programme_csv(programme), headers=WEST_KENT).status_code == 404
    assert client.get(SITE_JSON, headers=WEST_KENT).json()["grants"] == []


def test_open_data_costs_a_constant_number_of_queries(client, programme, award):
    award("100")
    client.get(programme_json(programme), headers=MEDWAY)  # warm the site caches
    with CaptureQueriesContext(connection) as few:
        client.get(programme_json(programme), headers=MEDWAY)
    for amount in ("200", "300", "400", "500"):
        award(amount, applicant=UserFactory())
    with CaptureQueriesContext(connection) as more:
        package = client.get(programme_json(programme), headers=MEDWAY).json()

    assert len(package["grants"]) == 5
    assert len(more) == len(few)
    assert Decimal(str(sum(grant["amountAwarded"] for grant in package["grants"]))) == 1500
