"""`manage.py export_360giving --site HOSTNAME`: the same open data as the site publishes."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from plugins.grants import ledger
from plugins.grants.factories import ApplicationFactory, GrantProgrammePageFactory

from .threesixty import assert_valid_package

pytestmark = pytest.mark.django_db

HOSTNAME = "medway-swale.localhost"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("export_360giving", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def awarded(open_round, manager, applicant):
    """Two grants in Medway's round, and one that was withdrawn."""
    awards = []
    for title, amount in (("Coffee mornings", "600"), ("Day out", "450"), ("Minibus", "900")):
        application = ApplicationFactory(
            round=open_round,
            status="submitted",
            project_title=title,
            amount_requested=Decimal(amount),
            applicant=applicant if title == "Day out" else None,
        )
        awards.append(ledger.approve(application, amount, by=manager))
    ledger.withdraw(awards[-1], "The minibus company closed.", by=manager)
    return awards


def test_prints_a_valid_360giving_package_of_the_sites_grants(awarded, applicant):
    out, _ = run("--site", HOSTNAME)

    package = json.loads(out)
    assert_valid_package(package)
    assert sorted(grant["title"] for grant in package["grants"]) == ["Coffee mornings", "Day out"]
    assert package["downloadURL"] == f"http://{HOSTNAME}/plugins/grants/360giving.json"
    assert applicant.email not in out and "Amina" not in out


def test_writes_csv_with_360giving_columns(awarded):
    out, _ = run("--site", HOSTNAME, "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["Title"] for row in rows] == ["Coffee mornings", "Day out"]
    assert rows[0]["Identifier"].startswith("360G-involvingmedway-G-")
    assert rows[0]["Amount Awarded"] == "600"


def test_exports_one_programme_to_a_file(awarded, programme, grants_site, manager, tmp_path):
    other = GrantProgrammePageFactory(parent=grants_site.root_page, title="Fast grants")
    target = tmp_path / "medway.json"

    out, err = run("--site", HOSTNAME, "--programme", str(programme.pk), "--output", str(target))

    assert out == ""
    assert f"Wrote {target}." in err
    package = json.loads(target.read_text(encoding="utf-8"))
    assert_valid_package(package)
    assert len(package["grants"]) == 2
    assert package["title"] == "Involving Medway community grants: grants awarded"
    empty, warning = run("--site", HOSTNAME, "--programme", str(other.pk))
    assert json.loads(empty)["grants"] == []
    assert "needs at least one grant to be valid" in warning


def test_an_unknown_site_is_refused_with_the_sites_there_are(medway_site):
    with pytest.raises(CommandError, match=r"No site has the hostname 'nowhere\.localhost'\. "):
        run("--site", "nowhere.localhost")
    with pytest.raises(CommandError, match="medway-swale.localhost"):
        run("--site", "nowhere.localhost")


def test_a_site_with_grants_off_is_refused(medway_site):
    with pytest.raises(CommandError, match="The grants plugin is off for medway-swale.localhost"):
        run("--site", HOSTNAME)


def test_a_programme_of_another_site_is_refused(programme, west_kent_site, enable):
    enable("grants", west_kent_site)
    with pytest.raises(CommandError, match=f"has no live grant programme with id {programme.pk}"):
        run("--site", "west-kent.localhost", "--programme", str(programme.pk))


def test_a_site_can_be_named_with_its_port(awarded):
    out, _ = run("--site", f"{HOSTNAME}:80", "--format", "csv")
    assert "Coffee mornings" in out
    with pytest.raises(CommandError, match="No site has the hostname"):
        run("--site", f"{HOSTNAME}:8080")
