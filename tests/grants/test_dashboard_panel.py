"""The applicant's "Your grant applications" panel on their dashboard."""

import datetime
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import timezone

from chorus.plugins import enablement
from plugins.grants import ledger, workflow
from plugins.grants.dashboard import my_applications_panels
from plugins.grants.factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from plugins.grants.models import Award, MonitoringReport

pytestmark = pytest.mark.django_db


def panel_for(user, host="medway-swale.localhost"):
    request = RequestFactory().get("/account/", headers={"host": host})
    request.user = user
    return my_applications_panels(user, request)


def steps(panel):
    return {application.project_title: step for application, step in panel.context["rows"]}


def test_no_applications_no_panel(grants_site, applicant):
    assert panel_for(applicant) == []


def test_the_panel_gives_each_application_its_status_and_next_step(
    applicant, open_round, eoi_round, manager
):
    ApplicationFactory(round=open_round, applicant=applicant, project_title="Draft")
    ApplicationFactory(
        round=open_round, applicant=applicant, project_title="Waiting", status="submitted"
    )
    invited = ApplicationFactory(
        round=eoi_round,
        applicant=applicant,
        project_title="Invited",
        stage="eoi",
        status="submitted",
    )
    workflow.invite(invited, by=manager)
    due = ApplicationFactory(
        round=open_round, applicant=applicant, project_title="Due", status="submitted"
    )
    ledger.approve(due, Decimal("600"), by=manager)
    late = ApplicationFactory(
        round=open_round, applicant=applicant, project_title="Late", status="submitted"
    )
    Award.objects.filter(pk=ledger.approve(late, Decimal("500"), by=manager).pk).update(
        report_due_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    done = ApplicationFactory(
        round=open_round, applicant=applicant, project_title="Done", status="submitted"
    )
    MonitoringReport.objects.create(
        award=ledger.approve(done, Decimal("100"), by=manager), outcomes="Good", people_reached=9
    )

    (panel,) = panel_for(applicant)

    assert panel.title == "Your grant applications"
    found = steps(panel)
    assert found["Draft"].text == "Continue your draft application"
    assert found["Draft"].url.endswith("/edit/")
    assert found["Waiting"].url == ""
    assert found["Invited"].text == "Complete your full application"
    assert found["Due"].text.startswith("Monitoring report due by")
    assert found["Due"].url.endswith("/report/")
    assert found["Late"].urgency == "overdue"
    assert "overdue" in found["Late"].text
    assert found["Done"].text == "Monitoring report received: thank you."


def test_a_draft_in_a_closed_round_says_the_round_closed(applicant, open_round):
    ApplicationFactory(round=open_round, applicant=applicant, project_title="Too late")
    open_round.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    open_round.opens_at = timezone.now() - datetime.timedelta(days=30)
    open_round.save()

    (panel,) = panel_for(applicant)

    assert steps(panel)["Too late"].text.startswith("This round closed on")
    assert steps(panel)["Too late"].url == ""


def test_the_panel_shows_only_this_persons_applications_on_this_site(
    applicant, other_applicant, open_round, west_kent_site, enable
):
    ApplicationFactory(round=open_round, applicant=applicant, project_title="Mine here")
    ApplicationFactory(round=open_round, applicant=other_applicant, project_title="Someone else's")
    enable("grants", west_kent_site)
    elsewhere = GrantProgrammePageFactory(parent=west_kent_site.root_page, slug="wk-grants")
    ApplicationFactory(
        round=GrantRoundFactory(programme=elsewhere, title="West Kent"),
        applicant=applicant,
        project_title="Mine in West Kent",
    )

    (panel,) = panel_for(applicant)

    assert list(steps(panel)) == ["Mine here"]


def test_the_dashboard_shows_the_panel_where_grants_is_on_and_not_where_it_is_off(
    applicant_client, submitted_application, grants_site
):
    on = applicant_client.get("/account/").content.decode()
    enablement.disable("grants", grants_site)
    off = applicant_client.get("/account/").content.decode()

    assert "Your grant applications" in on
    assert "Coffee mornings for carers" in on
    assert f"/plugins/grants/applications/{submitted_application.reference}/" in on
    assert "Your grant applications" not in off
