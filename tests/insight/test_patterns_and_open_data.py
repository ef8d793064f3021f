"""A theme's patterns (suppressed small numbers, chart and table, CSV, citation) and the
open data (public records only, with its licence)."""

import datetime
import json

import pytest

from coproduction.models import ConsentLevel

from .conftest import make_insight

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme_records(medway, theme):
    """12 public records in 2026 Q1, 2 in Q2 and 6 in Q3, and 5 shared with partners in Q2."""
    for count, day, consent in (
        (12, datetime.date(2026, 2, 1), ConsentLevel.PUBLIC),
        (2, datetime.date(2026, 5, 1), ConsentLevel.PUBLIC),
        (6, datetime.date(2026, 8, 1), ConsentLevel.PUBLIC),
        (5, datetime.date(2026, 5, 2), ConsentLevel.PARTNERS),
    ):
        for number in range(count):
            make_insight(
                f"Waited {number} weeks ({consent})",
                kind="quote",
                date=day,
                consent=consent,
                place=medway,
                partnership=medway,
                themes=[theme],
            )


def cells(html):
    import re

    return re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td>', html)


def test_a_theme_page_suppresses_small_numbers_and_can_be_cited(
    client, theme_records, insight_bank
):
    html = client.get(f"{insight_bank.url}themes/waiting-times/").content.decode()
    assert cells(html)[:4] == [
        ("2026 Q1", "10"),
        ("2026 Q2", "fewer than 5"),
        ("2026 Q3", "withheld"),
        ("Total", "20"),
    ]
    assert "<svg" in html and 'role="img"' in html
    assert "Numbers under 5 are shown as" in html
    assert "insight bank: “Waiting times”, figures as of" in html
    assert "partners" not in html.split("<h2>")[1]  # no partner-only quotes


def test_partner_staff_see_patterns_over_what_is_shared_with_them(
    client, theme_records, insight_bank, users
):
    client.force_login(users["partner_here"])
    html = client.get(f"{insight_bank.url}themes/waiting-times/").content.decode()
    assert ("2026 Q2", "5") in cells(html)


def test_the_patterns_download_as_csv(client, theme_records, insight_bank):
    response = client.get(f"{insight_bank.url}themes/waiting-times/csv/")
    assert response.status_code == 200, response.status_code
    lines = response.content.decode().splitlines()
    assert lines[0] == "theme,breakdown,group,records"
    assert "Waiting times,quarter,2026 Q2,fewer than 5" in lines


def test_open_data_has_public_records_only_with_the_licence(
    client, users, every_level, insight_bank
):
    client.force_login(users["superuser"])  # even a superuser gets public records only
    data = json.loads(b"".join(client.get(f"{insight_bank.url}open-data/json/").streaming_content))
    assert data["licence"] == "Open Government Licence v3.0"
    assert sorted(record["text"] for record in data["records"]) == [
        "Waiting times for public medway",
        "Waiting times for public west_kent",
    ]
    assert set(data["records"][0]) >= {"id", "text", "source", "place", "date", "themes"}
    lines = b"".join(client.get(f"{insight_bank.url}open-data/csv/").streaming_content)
    lines = lines.decode().splitlines()
    assert lines[0].startswith("id,text,kind,source")
    assert len(lines) == 3
