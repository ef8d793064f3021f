"""Grants → Rounds: each site's team sees its rounds and their money; managers run them."""

from decimal import Decimal

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from plugins.grants import ledger
from plugins.grants.models import GrantRound

from .conftest import assert_refused, messages_of, signed_in

pytestmark = pytest.mark.django_db


def round_form(pot=None, **changes):
    """POST data for the round form: ``pot``'s values (or a new round's), with ``changes``."""
    fields = {
        "programme": pot.programme_id if pot else None,
        "title": pot.title if pot else "Autumn 2027",
        "slug": pot.slug if pot else "autumn-2027",
        "summary": pot.summary if pot else "",
        "budget": str(pot.budget) if pot else "15000.00",
        "min_award": str(pot.min_award) if pot else "50.00",
        "max_award": str(pot.max_award) if pot else "1500.00",
        "opens_at": (pot.opens_at if pot else None) and pot.opens_at.strftime("%Y-%m-%d %H:%M"),
        "closes_at": (pot.closes_at if pot else None) and pot.closes_at.strftime("%Y-%m-%d %H:%M"),
        "report_due_days": "60",
        "published": "on",
    }
    criteria = changes.pop("criteria", None)
    if criteria is None and pot is not None:
        criteria = [
            {"id": c.pk, "title": c.title, "guidance": c.guidance, "max_score": c.max_score}
            for c in pot.criteria.all()
        ]
    initial = len([c for c in criteria or [] if c.get("id")])
    fields.update(changes)
    fields["criteria"] = inline_formset(criteria or [], initial=initial)
    return nested_form_data({k: v for k, v in fields.items() if v is not None})


def test_assessors_see_their_sites_rounds_with_the_money(
    assessor_client, open_round, submitted_application, manager, west_kent_round
):
    ledger.approve(submitted_application, "600", by=manager)
    html = assessor_client.get("/admin/grants/rounds/").content.decode()
    assert "Spring 2027" in html
    assert "£20,000" in html and "£600" in html and "£19,400" in html
    assert "Fast grants 2027" not in html  # West Kent's round


def test_a_round_shows_budget_committed_paid_remaining_and_stage(
    assessor_client, open_round, submitted_application, manager
):
    award = ledger.approve(submitted_application, "500", by=manager)
    award.checks.update(completed_at=award.awarded_at)
    ledger.record_payment(award, "200", by=manager)
    html = assessor_client.get(f"/admin/grants/rounds/inspect/{open_round.pk}/").content.decode()
    for text in ("£20,000", "£500", "£200", "£19,500", "Open", "Benefit to the community"):
        assert text in html
    assert f"/admin/grants/rounds/edit/{open_round.pk}/" not in html  # assessors do not edit


def test_another_sites_round_is_not_found(manager_client, assessor_client, west_kent_round):
    assert manager_client.get(f"/admin/grants/rounds/edit/{west_kent_round.pk}/").status_code == 404
    inspect = f"/admin/grants/rounds/inspect/{west_kent_round.pk}/"
    assert assessor_client.get(inspect).status_code == 404


def test_assessors_cannot_create_or_edit_rounds(assessor_client, open_round):
    assert_refused(assessor_client.get("/admin/grants/rounds/new/"))
    assert_refused(assessor_client.post(f"/admin/grants/rounds/edit/{open_round.pk}/", {}))


def test_a_manager_opens_a_round_with_its_criteria(manager_client, programme):
    data = round_form(
        programme=programme.pk,
        opens_at="2027-09-01 09:00",
        closes_at="2027-10-31 17:00",
        criteria=[
            {"title": "Benefit to the community", "guidance": "", "max_score": "5"},
            {"title": "Value for money", "guidance": "Is the budget realistic?", "max_score": "3"},
        ],
    )
    response = manager_client.post("/admin/grants/rounds/new/", data)
    assert response.status_code == 302, response.content.decode()
    pot = GrantRound.objects.get(slug="autumn-2027")
    assert pot.programme_id == programme.pk
    assert pot.budget == Decimal("15000.00") and pot.allocated == 0
    assert [(c.title, c.max_score) for c in pot.criteria.all()] == [
        ("Benefit to the community", 5),
        ("Value for money", 3),
    ]


def test_programme_choices_are_only_the_managers_own(manager_client, programme, west_kent_round):
    form_html = manager_client.get("/admin/grants/rounds/new/").content.decode()
    assert "Involving Medway community grants" in form_html
    assert "West Kent fast grants" not in form_html
    data = round_form(
        programme=west_kent_round.programme_id,
        opens_at="2027-09-01 09:00",
        closes_at="2027-10-31 17:00",
    )
    response = manager_client.post("/admin/grants/rounds/new/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not GrantRound.objects.filter(slug="autumn-2027").exists()


def test_a_budget_below_what_is_committed_is_refused(
    manager_client, manager, open_round, submitted_application
):
    ledger.approve(submitted_application, "600", by=manager)
    response = manager_client.post(
        f"/admin/grants/rounds/edit/{open_round.pk}/", round_form(open_round, budget="500.00")
    )
    assert response.status_code == 200
    assert "£600 is already committed from this pot" in response.content.decode()
    open_round.refresh_from_db()
    assert open_round.budget == Decimal("20000.00")


def test_editing_a_round_keeps_the_money_committed_meanwhile(
    manager_client, manager, open_round, submitted_application
):
    form = round_form(open_round, budget="25000.00", title="Spring 2027 (extended)")
    ledger.approve(submitted_application, "600", by=manager)  # while the form was open
    response = manager_client.post(f"/admin/grants/rounds/edit/{open_round.pk}/", form)
    assert response.status_code == 302, response.content.decode()
    open_round.refresh_from_db()
    assert (open_round.title, open_round.budget) == ("Spring 2027 (extended)", Decimal("25000"))
    assert open_round.allocated == Decimal("600.00")
    assert any("updated" in text for text in messages_of(response))


def test_rounds_cannot_be_deleted(manager_client, open_round):
    edit_html = manager_client.get(f"/admin/grants/rounds/edit/{open_round.pk}/").content.decode()
    assert "/delete/" not in edit_html
    assert manager_client.get(f"/admin/grants/rounds/delete/{open_round.pk}/").status_code == 404
    assert GrantRound.objects.filter(pk=open_round.pk).exists()


def test_west_kents_manager_runs_only_west_kents_rounds(
    west_kent_manager, open_round, west_kent_round
):
    client = signed_in(west_kent_manager, host="west-kent.localhost")
    html = client.get("/admin/grants/rounds/").content.decode()
    assert "Fast grants 2027" in html and "Spring 2027" not in html
    assert client.get(f"/admin/grants/rounds/edit/{west_kent_round.pk}/").status_code == 200
    assert client.get(f"/admin/grants/rounds/edit/{open_round.pk}/").status_code == 404
