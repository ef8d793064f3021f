"""The public "grants awarded" page: the record of who received what, and nothing personal."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.dateformat import format as date_format

from chorus.common.factories import UserFactory
from chorus.plugins import enablement
from plugins.grants import ledger
from plugins.grants.factories import ApplicationFactory, GrantRoundFactory
from plugins.grants.views import awarded

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}


@pytest.fixture
def award(open_round, manager):
    """Return a function that approves a new submitted application in the open round."""

    def make(amount, pot=None, **fields):
        fields.setdefault("amount_requested", Decimal(amount))
        fields.setdefault("applicant", UserFactory())
        application = ApplicationFactory(round=pot or open_round, status="submitted", **fields)
        return ledger.approve(application, amount, by=manager)

    return make


def awarded_url(programme):
    return f"{programme.url}awarded/"


def grant_rows(html):
    table = re.search(r'<table class="grants-awarded">(.*?)</table>', html, re.S)
    return re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</th>", table.group(1)) if table else []


def test_lists_each_active_award_with_organisation_project_amount_area_and_date(
    client, programme, award
):
    grant = award(
        "600",
        organisation_name="Chatham Carers Together",
        project_title="Coffee mornings for carers",
    )
    award("1050", organisation_name="Strood Knit and Natter", project_title="Volunteer meet-ups")

    response = client.get(awarded_url(programme), headers=MEDWAY)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Grants awarded</h1>" in html
    assert grant_rows(html) == ["Strood Knit and Natter", "Chatham Carers Together"]
    for text in ("Coffee mornings for carers", "£600", "£1,050", "Medway"):
        assert text in html
    assert date_format(timezone.localtime(grant.awarded_at), "j F Y") in html
    assert "2 grants awarded, £1,650 in total." in html


def test_withdrawn_awards_are_not_listed_or_counted(client, programme, award, manager):
    award("600", organisation_name="Chatham Carers Together")
    gone = award("900", organisation_name="Minibus Friends")
    ledger.withdraw(gone, "The group folded.", by=manager)

    html = client.get(awarded_url(programme), headers=MEDWAY).content.decode()

    assert grant_rows(html) == ["Chatham Carers Together"]
    assert "Minibus Friends" not in html
    assert "1 grant awarded, £600 in total." in html


def test_no_personal_data_is_shown(client, programme, award, applicant):
    award(
        "600",
        applicant=applicant,
        contact_name="Amina Begum",
        contact_email="amina.contact@example.org",
        contact_phone="07700 900123",
    )

    html = client.get(awarded_url(programme), headers=MEDWAY).content.decode()

    for personal in ("Amina", "Begum", applicant.email, "amina.contact@example.org", "07700"):
        assert personal not in html


def test_links_to_the_programmes_open_data(client, programme, award):
    award("600")

    html = client.get(awarded_url(programme), headers=MEDWAY).content.decode()

    json_url = f"/plugins/grants/programmes/{programme.pk}/360giving.json"
    csv_url = f"/plugins/grants/programmes/{programme.pk}/360giving.csv"
    assert f'href="{json_url}"' in html and f'href="{csv_url}"' in html
    assert client.get(json_url, headers=MEDWAY).status_code == 200
    assert client.get(csv_url, headers=MEDWAY).status_code == 200


def test_an_empty_programme_says_nothing_has_been_awarded(client, programme):
    html = client.get(awarded_url(programme), headers=MEDWAY).content.decode()
    assert "No grants have been awarded yet." in html
    assert "0 grants awarded, £0 in total." in html


def test_long_lists_are_paginated(client, programme, award, monkeypatch):
    monkeypatch.setattr(awarded, "PER_PAGE", 2)
    for number in range(1, 6):
        award(str(100 * number), organisation_name=f"Group {number}")

    first = client.get(awarded_url(programme), headers=MEDWAY).content.decode()
    last = client.get(awarded_url(programme), {"page": 3}, headers=MEDWAY).content.decode()

    assert grant_rows(first) == ["Group 5", "Group 4"]
    assert "Page 1 of 3" in first and 'rel="next" href="?page=2#grants"' in first
    assert grant_rows(last) == ["Group 1"]
    assert "5 grants awarded, £1,500 in total." in last


def test_totals_by_round_appear_when_there_are_several_rounds(client, programme, award):
    autumn = GrantRoundFactory(
        programme=programme,
        title="Autumn 2026",
        slug="autumn-2026",
        opens_at=timezone.now() - timezone.timedelta(days=200),
        closes_at=timezone.now() - timezone.timedelta(days=150),
    )
    award("600")
    award("400", pot=autumn)
    award("200", pot=autumn)

    html = client.get(awarded_url(programme), headers=MEDWAY).content.decode()

    table = re.search(r'<table class="grants-by-round">(.*?)</table>', html, re.S).group(1)
    assert re.findall(r'<th scope="row">(.*?)</th><td>(\d+)</td><td>(.*?)</td>', table) == [
        ("Spring 2027", "1", "£600"),
        ("Autumn 2026", "2", "£600"),
    ]


def test_the_page_costs_the_same_queries_however_many_grants(client, programme, award):
    award("100")
    client.get(awarded_url(programme), headers=MEDWAY)  # warm the site caches
    with CaptureQueriesContext(connection) as one:
        client.get(awarded_url(programme), headers=MEDWAY)
    for amount in ("200", "300", "400", "500", "600"):
        award(amount)
    with CaptureQueriesContext(connection) as six:
        html = client.get(awarded_url(programme), headers=MEDWAY).content.decode()

    assert len(grant_rows(html)) == 6
    assert len(six) == len(one)


def test_answers_404_where_grants_is_off(client, programme, award):
    award("600")
    enablement.disable("grants", programme.get_site())

    assert client.get(awarded_url(programme), headers=MEDWAY).status_code == 404
