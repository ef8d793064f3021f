"""Bad input and tampering on the applicant side: each gets a clear error and changes nothing.

Amounts out of range, a budget that does not add up, closed rounds, second submissions,
missing answers and declarations, forged form fields, and other people's applications.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from plugins.grants.factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from plugins.grants.models import Application, BudgetItem, GrantRound

pytestmark = pytest.mark.django_db


def apply_url(pot):
    return f"/plugins/grants/rounds/{pot.pk}/apply/"


def app_url(application, suffix=""):
    return f"/plugins/grants/applications/{application.reference}/{suffix}"


def snapshot(application):
    """The application's row and budget, to compare before and after a refused request."""
    application = Application.objects.get(pk=application.pk)
    fields = {f.attname: getattr(application, f.attname) for f in Application._meta.concrete_fields}
    fields.pop("updated_at")
    lines = list(application.budget_items.values_list("description", "amount", "sort_order"))
    return fields, lines


# --- Amounts -----------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["1500.01", "20000", "49.99", "0", "-100"])
def test_an_amount_outside_the_round_range_is_refused_and_nothing_is_saved(
    applicant_client, draft, form_data, amount
):
    before = snapshot(draft)

    response = applicant_client.post(
        app_url(draft, "edit/"),
        form_data(draft, amount_requested=amount, project_title="Changed title"),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Grants in this round are between £50 and £1,500" in html or "more than £0" in html
    assert snapshot(draft) == before


def test_an_amount_that_is_not_money_says_how_to_write_it(applicant_client, draft, form_data):
    before = snapshot(draft)

    response = applicant_client.post(
        app_url(draft, "edit/"), form_data(draft, amount_requested="six hundred")
    )

    assert "Enter an amount in pounds, such as 600 or 62.50." in response.content.decode()
    assert snapshot(draft) == before


def test_amounts_typed_with_a_pound_sign_and_commas_are_understood(
    applicant_client, draft, form_data
):
    applicant_client.post(
        app_url(draft, "edit/"),
        form_data(
            draft, budget=[("Hall hire", "1,200"), ("Tea", "£300")], amount_requested="£1,500"
        ),
    )

    draft.refresh_from_db()
    assert draft.amount_requested == Decimal("1500.00")


def test_an_amount_that_does_not_match_the_budget_cannot_be_sent(
    applicant_client, draft, form_data
):
    response = applicant_client.post(
        app_url(draft, "edit/"),
        form_data(draft, amount_requested="900", action="submit"),
        follow=True,
    )

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == app_url(draft, "edit/?check=1")
    assert "Your budget adds up to £600 but you are asking for £900" in html
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT
    assert draft.submitted_at is None


def test_a_budget_line_without_a_cost_is_refused(applicant_client, draft, form_data):
    before = snapshot(draft)

    response = applicant_client.post(
        app_url(draft, "edit/"), form_data(draft, budget=[("Hall hire", "")])
    )

    assert "Give the cost of this item." in response.content.decode()
    assert snapshot(draft) == before


def test_a_draft_whose_amount_no_longer_fits_the_round_cannot_be_sent(applicant_client, draft):
    GrantRound.objects.filter(pk=draft.round_id).update(max_award=Decimal("500"))

    response = applicant_client.post(app_url(draft, "submit/"), follow=True)

    assert "Grants in this round are between £50 and £500" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT


# --- Closed rounds -----------------------------------------------------------------------


def _days(n):
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("dates", "allocated", "message"),
    [
        ((-60, -1), "0", "This round closed on"),
        ((10, 40), "0", "This round opens on"),
        ((-10, 20), "950", "its pot is fully committed"),
    ],
)
def test_starting_an_application_in_a_round_that_is_not_open_is_refused(
    applicant_client, programme, dates, allocated, message
):
    pot = GrantRoundFactory(
        programme=programme,
        title="Not open",
        budget=Decimal("1000"),
        min_award=Decimal("100"),
        max_award=Decimal("500"),
        opens_at=_days(dates[0]),
        closes_at=_days(dates[1]),
    )
    GrantRound.objects.filter(pk=pot.pk).update(allocated=Decimal(allocated))

    response = applicant_client.post(apply_url(pot))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_a_draft_cannot_be_sent_after_its_round_closed(applicant_client, draft):
    GrantRound.objects.filter(pk=draft.round_id).update(opens_at=_days(-60), closes_at=_days(-1))

    response = applicant_client.post(app_url(draft, "submit/"), follow=True)

    assert "This round closed on" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT


# --- Second submissions --------------------------------------------------------------------


def test_sending_an_application_twice_is_refused_and_changes_nothing(applicant_client, draft):
    applicant_client.post(app_url(draft, "submit/"))
    before = snapshot(draft)

    response = applicant_client.post(app_url(draft, "submit/"), follow=True)

    assert f"Application {draft.reference} has been submitted" in response.content.decode()
    assert snapshot(draft) == before
    assert snapshot(draft)[0]["status"] == Application.Status.SUBMITTED


# --- Missing answers and declarations ------------------------------------------------------


def test_a_missing_declaration_is_named_and_the_application_stays_a_draft(
    applicant_client, draft, form_data
):
    data = form_data(draft, action="submit", declares_safeguarding=None)

    response = applicant_client.post(app_url(draft, "edit/"), data, follow=True)

    html = response.content.decode()
    assert "Before you can send this" in html
    assert "Tick the declaration: “We have a safeguarding policy" in html
    assert 'href="#id_declares_safeguarding"' in html
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT
    # The rest was saved once, and the form shows what was saved, ready to fix and send.
    assert draft.budget_items.count() == 2
    assert 'name="budget-INITIAL_FORMS" value="2"' in html


def test_sending_an_empty_draft_lists_everything_missing(applicant_client, open_round):
    applicant_client.post(apply_url(open_round))
    application = Application.objects.get()

    response = applicant_client.post(app_url(application, "submit/"), follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == app_url(application, "edit/?check=1")
    for missing in (
        "Give the name of your organisation or group.",
        "Say what type of organisation you are.",
        "Give your project a title.",
        "Describe what you will do.",
        "Tell us who will benefit.",
        "Give the postcode where the activity happens.",
        "Say how much you are asking for.",
        "List what the money will buy",
        "Tick the declaration: “The information in this application is true and complete.”",
    ):
        assert missing in html
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT


def test_a_registered_kind_without_a_number_cannot_be_sent(applicant_client, draft, form_data):
    response = applicant_client.post(
        app_url(draft, "edit/"),
        form_data(draft, registered_number="", action="submit"),
        follow=True,
    )

    assert "Give your registered number" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "ME4 4H", "Enter a full UK postcode, such as ME4 4HP."),
        ("registered_number", "12AB", "Accepted forms"),
        ("contact_email", "amina-at-example", "Enter a valid email address."),
        ("people_benefiting", "-5", "greater than or equal to 0"),
    ],
)
def test_wrong_answers_get_a_field_error_and_nothing_is_saved(
    applicant_client, draft, form_data, field, value, message
):
    before = snapshot(draft)

    response = applicant_client.post(app_url(draft, "edit/"), form_data(draft, **{field: value}))

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "There is a problem" in html
    assert snapshot(draft) == before


def test_a_project_cannot_end_before_it_starts(applicant_client, draft, form_data):
    before = snapshot(draft)

    response = applicant_client.post(
        app_url(draft, "edit/"), form_data(draft, start_date="2027-06-10", end_date="2027-06-01")
    )

    assert "The project cannot end before it starts." in response.content.decode()
    assert snapshot(draft) == before


def test_a_one_day_project_may_start_and_end_on_the_same_day(applicant_client, draft, form_data):
    applicant_client.post(
        app_url(draft, "edit/"), form_data(draft, start_date="2027-06-10", end_date="2027-06-10")
    )

    draft.refresh_from_db()
    assert draft.start_date == draft.end_date == datetime.date(2027, 6, 10)


# --- Tampered fields -----------------------------------------------------------------------


def test_posted_owner_round_status_and_reference_are_ignored(
    applicant_client, applicant, draft, form_data, other_applicant, small_pot
):
    reference = draft.reference
    data = form_data(
        draft,
        applicant=other_applicant.pk,
        applicant_id=other_applicant.pk,
        round=small_pot.pk,
        round_id=small_pot.pk,
        status="approved",
        stage="eoi",
        reference="G-HACKED00",
        org_id="GB-CHC-999999",
        area_code="E99999999",
        submitted_at="2020-01-01T00:00:00Z",
        decline_reason="forged",
        project_title="Still my project",
    )

    applicant_client.post(app_url(draft, "edit/"), data)

    draft.refresh_from_db()
    assert draft.project_title == "Still my project"  # the real answers were saved
    assert draft.applicant == applicant
    assert draft.round_id != small_pot.pk
    assert draft.status == Application.Status.DRAFT
    assert draft.stage == Application.Stage.FULL
    assert draft.reference == reference
    assert draft.org_id == "GB-CHC-1123456"
    assert draft.area_code == "E06000035"
    assert draft.submitted_at is None
    assert draft.decline_reason == ""


def test_a_budget_line_of_another_application_cannot_be_edited_through_mine(
    applicant_client, draft, form_data, open_round, other_applicant
):
    theirs = ApplicationFactory(round=open_round, applicant=other_applicant)
    their_line = theirs.budget_items.first()
    data = form_data(draft, budget=[])
    data["budget-0-id"] = str(their_line.pk)
    data["budget-0-description"] = "Stolen"
    data["budget-0-DELETE"] = ""
    before = snapshot(draft)

    response = applicant_client.post(app_url(draft, "edit/"), data)

    assert response.status_code == 400
    assert "reload it and try again" in response.content.decode()
    assert BudgetItem.objects.get(pk=their_line.pk).description == their_line.description
    assert snapshot(draft) == before


def test_starting_in_a_round_of_another_site_answers_404(applicant_client, west_kent_site, enable):
    enable("grants", west_kent_site)
    theirs = GrantProgrammePageFactory(parent=west_kent_site.root_page, slug="west-kent-grants")
    pot = GrantRoundFactory(programme=theirs, title="West Kent round")

    response = applicant_client.post(apply_url(pot))

    assert response.status_code == 404
    assert not Application.objects.exists()


def test_starting_in_an_unpublished_round_answers_404(applicant_client, programme):
    pot = GrantRoundFactory(programme=programme, title="Hidden", published=False)

    assert applicant_client.post(apply_url(pot)).status_code == 404
    assert not Application.objects.exists()


# --- Other people's applications -----------------------------------------------------------


def test_another_applicants_application_answers_404_everywhere(
    applicant_client, open_round, other_applicant, form_data
):
    theirs = ApplicationFactory(round=open_round, applicant=other_applicant, project_title="Jo's")
    before = snapshot(theirs)

    for suffix in ("", "edit/", "report/"):
        assert applicant_client.get(app_url(theirs, suffix)).status_code == 404
    assert applicant_client.post(app_url(theirs, "edit/"), form_data(theirs)).status_code == 404
    assert applicant_client.post(app_url(theirs, "submit/")).status_code == 404
    assert snapshot(theirs) == before


def test_my_applications_never_lists_other_peoples(
    applicant_client, open_round, other_applicant, submitted_application
):
    ApplicationFactory(round=open_round, applicant=other_applicant, project_title="Jo's lunch club")

    html = applicant_client.get("/plugins/grants/mine/").content.decode()

    assert "Coffee mornings for carers" in html
    assert "Jo&#x27;s lunch club" not in html


def test_the_round_page_shows_a_person_only_their_own_applications(
    applicant_client, programme, grants_site, open_round, other_applicant
):
    ApplicationFactory(round=open_round, applicant=other_applicant, project_title="Jo's lunch club")

    html = applicant_client.get(programme.relative_url(grants_site) + "rounds/spring-2027/")

    assert "Jo&#x27;s lunch club" not in html.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(visitor, submitted_application):
    for suffix in ("", "edit/", "report/"):
        response = visitor.get(app_url(submitted_application, suffix))
        assert response.status_code == 302
        assert response["Location"].startswith("/account/sign-in/")
    assert visitor.get("/plugins/grants/mine/").status_code == 302
