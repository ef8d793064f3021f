"""`seed_demo`'s grants: Involving Medway in every state, a Social Action Fund, Fast Grants.

Everything a visitor, an applicant or the grant team would look at in a browser is here,
and the money adds up: each pot's committed total is explained by its ledger rows.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Site

from chorus.plugins import enablement
from plugins.grants.models import (
    Application,
    Assessment,
    Award,
    GrantProgrammePage,
    GrantRound,
    PotEntry,
)
from tests.demo.seeded import seeded_once
from tests.grants.threesixty import assert_valid_package

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-grants")]

PORT = 8000
MEDWAY = {"host": f"medway-swale.localhost:{PORT}"}
WEST_KENT = {"host": f"west-kent.localhost:{PORT}"}
NETWORK = {"host": f"localhost:{PORT}"}
Status = Application.Status


demo = seeded_once(port=PORT, with_admin=True)


def medway_programme():
    return GrantProgrammePage.objects.get(slug="community-grants")


def test_grants_is_on_for_medway_west_kent_and_the_network_only(demo):
    on = {
        site.hostname
        for site in Site.objects.all()
        if enablement.is_enabled("grants", Site.objects.get(pk=site.pk))
    }
    assert on == {"medway-swale.localhost", "west-kent.localhost", "localhost"}


def test_involving_medway_has_an_application_in_every_state(demo):
    programme = medway_programme()
    assert programme.administering_organisation.name == "Kent Community Foundation"
    assert programme.funder.name == "Medway and Swale Health and Care Partnership"
    open_round = GrantRound.objects.get(programme=programme, slug="community-grants-2026")
    assert open_round.is_open()
    assert (open_round.budget, open_round.min_award, open_round.max_award) == (20000, 50, 1500)

    applications = Application.objects.filter(round__programme=programme)
    statuses = set(applications.values_list("status", flat=True))
    assert statuses >= {
        Status.DRAFT,
        Status.SUBMITTED,
        Status.IN_ASSESSMENT,
        Status.INVITED,
        Status.APPROVED,
        Status.DECLINED,
        Status.WITHDRAWN,
    }
    assert applications.exclude(decline_reason="").filter(status=Status.DECLINED).exists()
    kinds = set(applications.values_list("organisation_kind", flat=True))
    assert {"school", "cic", "unregistered", "charity"} <= kinds
    assert set(applications.values_list("area_name", flat=True)) >= {"Medway", "Swale"}
    assert all(
        postcode.startswith("ME") for postcode in applications.values_list("postcode", flat=True)
    )


def test_awards_show_due_diligence_payment_reports_and_an_overdue_report(demo):
    awards = Award.objects.filter(
        application__round__programme=medway_programme(), status=Award.Status.ACTIVE
    )
    partly_checked = [
        award
        for award in awards
        if not award.due_diligence_complete() and award.checks.exclude(completed_at=None)
    ]
    assert partly_checked
    paid = [award for award in awards if award.paid() == award.amount]
    assert any(hasattr(award, "report") for award in paid)
    assert any(award.report_overdue() for award in awards)
    assert Award.objects.filter(status=Award.Status.WITHDRAWN).exists()


def test_every_pots_money_is_explained_by_its_ledger(demo):
    for pot in GrantRound.objects.all():
        rows = PotEntry.objects.filter(round=pot)
        committed = rows.filter(kind="commitment").aggregate(total=Sum("amount"))["total"] or 0
        released = rows.filter(kind="release").aggregate(total=Sum("amount"))["total"] or 0
        paid = rows.filter(kind="payment").aggregate(total=Sum("amount"))["total"] or 0
        assert pot.allocated == committed - released, pot
        assert paid <= pot.allocated <= pot.budget, pot


def test_the_social_action_fund_takes_expressions_of_interest_first(demo):
    fund = GrantRound.objects.get(slug="social-action-fund-2026")
    assert fund.two_stage and fund.is_open()
    interests = Application.objects.filter(
        round=fund, stage=Application.Stage.EXPRESSION_OF_INTEREST
    )
    assert interests.filter(status=Status.SUBMITTED).count() >= 4
    assert Application.objects.filter(round=fund, status=Status.INVITED).exists()


def test_west_kent_runs_fast_grants_with_a_pot_opening_on_a_future_date(demo):
    programme = GrantProgrammePage.objects.get(slug="fast-grants")
    assert programme.get_site().hostname == "west-kent.localhost"
    first, second = GrantRound.objects.filter(programme=programme).order_by("opens_at")
    assert (first.budget, first.min_award, first.max_award) == (60000, 50, 500)
    assert first.is_open()
    assert second.stage() == GrantRound.Stage.UPCOMING and second.opens_at > timezone.now()
    assert Award.objects.filter(application__round=first).exists()


def test_medways_grant_team_has_a_demo_assessor_and_manager_who_scored(demo):
    User = get_user_model()
    assessor = User.objects.get(email="grants.assessor@example.org")
    manager = User.objects.get(email="grants.manager@example.org")
    team = Site.objects.get(hostname="medway-swale.localhost").grant_team
    assert team.assessors in assessor.groups.all()
    assert team.managers in manager.groups.all()
    scored = Assessment.objects.filter(assessor=assessor, conflict_of_interest=False)
    assert scored.exists() and all(assessment.scores.exists() for assessment in scored)
    assert Assessment.objects.filter(assessor=assessor, conflict_of_interest=True).exists()
    assert User.objects.get(email="amina@example.org").grant_applications.count() >= 2


def test_the_grants_pages_and_open_data_answer_in_a_browser(client, demo):
    programme = medway_programme()
    path = programme.get_url_parts()[2]
    awarded = client.get(f"{path}awarded/", headers=MEDWAY)
    assert awarded.status_code == 200
    assert "Riverside Primary School" in awarded.content.decode()
    assert "Sheppey Youth Drama CIC" not in awarded.content.decode()  # withdrawn

    package = client.get("/plugins/grants/360giving.json", headers=MEDWAY).json()
    assert_valid_package(package)
    assert all(grant["id"].startswith("360G-involvingmedway-") for grant in package["grants"])
    fast = client.get("/plugins/grants/360giving.json", headers=WEST_KENT).json()
    assert_valid_package(fast)

    home = client.get("/", headers=MEDWAY).content.decode()
    assert "Open funding rounds" in home and "Community grants 2026" in home
    network = client.get("/", headers=NETWORK).content.decode()
    assert "Funding open across the network" in network and "Fast Grants pot 1" in network
    sharing_care = Site.objects.get(hostname="sharing-care.localhost")
    assert not enablement.is_enabled("grants", sharing_care)
