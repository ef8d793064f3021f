"""One application in the admin: what the group sent, assessing it, and deciding it."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from chorus.common.factories import UserFactory
from chorus.mail.models import OutgoingEmail
from chorus.mail.tasks import deliver_emails
from plugins.grants.models import Application, Assessment, Attachment, GrantRound, PotEntry

from .conftest import assert_refused, messages_of, signed_in

pytestmark = pytest.mark.django_db


def page(application):
    return f"/admin/grants/applications/{application.pk}/"


def scores(application, values, recommendation="yes", comment=""):
    """POST data for the assessment form: one score per criterion, in the round's order."""
    data = {"action": "assess", "assess-recommendation": recommendation, "assess-comment": comment}
    for criterion, value in zip(application.round.criteria.all(), values, strict=True):
        data[f"assess-score_{criterion.pk}"] = str(value)
    return data


def decide(amount=None, reason=None):
    if reason is not None:
        return {"action": "decide", "decide-decision": "decline", "decide-reason": reason}
    return {"action": "decide", "decide-decision": "approve", "decide-amount": amount}


# --- What the applicant sent ----------------------------------------------------------------


def test_staff_see_everything_the_applicant_sent(assessor_client, submitted_application):
    attachment = Attachment.objects.create(
        application=submitted_application,
        file=ContentFile(b"%PDF-1.4 quote", name="quote.pdf"),
        original_name="Hall hire quote.pdf",
        content_type="application/pdf",
        size=14,
    )
    html = assessor_client.get(page(submitted_application)).content.decode()
    for text in (
        submitted_application.reference,
        "Coffee mornings for carers",
        "GB-CHC-1123456",
        "Hall hire, six sessions",
        "£360",
        "£600",
        "ME4 4HP (Medway)",
        "amina@example.org",
        "Hall hire quote.pdf",
    ):
        assert text in html
    assert f"http://medway-swale.localhost/plugins/grants/attachments/{attachment.pk}/" in html


def test_another_sites_application_is_not_found(assessor_client, west_kent_application):
    assert assessor_client.get(page(west_kent_application)).status_code == 404


def test_drafts_are_not_found(assessor_client, make_application):
    draft = make_application(status="draft")
    assert assessor_client.get(page(draft)).status_code == 404


# --- Assessing ------------------------------------------------------------------------------


def test_an_assessor_scores_and_recommends(assessor_client, assessor, submitted_application):
    response = assessor_client.post(
        page(submitted_application), scores(submitted_application, [4, 3, 5], comment="Strong.")
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get(application=submitted_application, assessor=assessor)
    assert (assessment.recommendation, assessment.comment, assessment.total_score) == (
        "yes",
        "Strong.",
        12,
    )
    html = assessor_client.get(page(submitted_application)).content.decode()
    assert "Change your assessment" in html
    assert "Fund: 1" in html


def test_an_assessor_changes_their_one_assessment(assessor_client, assessor, submitted_application):
    assessor_client.post(page(submitted_application), scores(submitted_application, [4, 3, 5]))
    assessor_client.post(
        page(submitted_application), scores(submitted_application, [1, 1, 1], "no")
    )
    [assessment] = Assessment.objects.filter(application=submitted_application)
    assert (assessment.recommendation, assessment.total_score) == ("no", 3)


def test_scores_outside_the_criterions_range_are_refused(assessor_client, submitted_application):
    response = assessor_client.post(
        page(submitted_application), scores(submitted_application, [6, 3, -1])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value is less than or equal to 5" in html
    assert "Ensure this value is greater than or equal to 0" in html
    assert not Assessment.objects.exists()


def test_the_panel_sees_averages_and_recommendations(
    assessor_client, manager_client, submitted_application
):
    assessor_client.post(page(submitted_application), scores(submitted_application, [4, 3, 5]))
    manager_client.post(
        page(submitted_application), scores(submitted_application, [3, 2, 4], "maybe")
    )
    html = manager_client.get(page(submitted_application)).content.decode()
    assert "3.5" in html and "2.5" in html and "4.5" in html  # per-criterion averages
    assert "10.5" in html  # average total
    assert "Fund: 1; Maybe: 1; Do not fund: 0" in html


def test_a_conflicted_assessor_cannot_then_score(assessor_client, assessor, submitted_application):
    assessor_client.post(page(submitted_application), scores(submitted_application, [4, 3, 5]))
    response = assessor_client.post(
        page(submitted_application),
        {"action": "conflict", "conflict-conflict_details": "I am the group's treasurer."},
    )
    assert "conflict of interest" in messages_of(response)[-1]
    assessment = Assessment.objects.get(application=submitted_application, assessor=assessor)
    assert assessment.conflict_of_interest
    assert (assessment.recommendation, assessment.scores.count()) == ("", 0)  # withdrawn

    html = assessor_client.get(page(submitted_application)).content.decode()
    assert "You declared a conflict of interest on this application" in html
    assert "Save assessment" not in html
    assert "I am the group&#x27;s treasurer." in html

    refused = assessor_client.post(
        page(submitted_application), scores(submitted_application, [5, 5, 5])
    )
    assert refused.status_code == 200
    assert "you cannot score it" in refused.content.decode()
    assessment.refresh_from_db()
    assert (assessment.recommendation, assessment.scores.count()) == ("", 0)


def test_the_database_refuses_a_conflicted_recommendation(assessor, submitted_application):
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.create(
            application=submitted_application,
            assessor=assessor,
            conflict_of_interest=True,
            recommendation="yes",
        )


def test_a_decided_application_can_no_longer_be_assessed(assessor_client, make_application):
    declined = make_application(status="declined")
    assert "Save assessment" not in assessor_client.get(page(declined)).content.decode()
    response = assessor_client.post(page(declined), scores(declined, [1, 1, 1]))
    assert "can no longer be assessed" in response.content.decode()
    assert not Assessment.objects.exists()


# --- Deciding -------------------------------------------------------------------------------


def test_the_decision_form_offers_the_amount_requested(manager_client, submitted_application):
    html = manager_client.get(page(submitted_application)).content.decode()
    assert 'name="decide-amount" value="600.00"' in html


def test_a_manager_approves_an_amount(
    manager_client, manager, submitted_application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(page(submitted_application), decide("550"))
    assert response.status_code == 302
    assert "a grant of £550" in messages_of(response)[0]
    submitted_application.refresh_from_db()
    assert submitted_application.status == "approved"
    assert submitted_application.award.amount == Decimal("550.00")
    assert GrantRound.objects.get(pk=submitted_application.round_id).allocated == Decimal("550")


def test_a_decision_stands_while_the_mail_server_is_down_and_the_email_follows(
    manager_client,
    submitted_application,
    mail_server,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    mail_server.down()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(page(submitted_application), decide("550"))
    assert response.status_code == 302
    assert "a grant of £550" in messages_of(response)[0]
    submitted_application.refresh_from_db()
    assert submitted_application.status == "approved"
    assert mailoutbox == []
    [email] = OutgoingEmail.objects.all()
    assert (email.status, email.attempts) == ("queued", 1)

    mail_server.up()
    deliver_emails.enqueue([email.pk])
    deliver_emails.enqueue([email.pk])
    [message] = mailoutbox
    assert message.subject.startswith("Your grant application was approved")
    assert submitted_application.applicant.email in message.to


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        ("700", "The award cannot be more than the £600 requested."),
        ("20", "Grants in this round are between £50 and £1,500."),
    ],
)
def test_an_out_of_range_amount_is_refused_and_changes_nothing(
    manager_client, submitted_application, amount, error
):
    response = manager_client.post(page(submitted_application), decide(amount))
    assert response.status_code == 200
    assert error in response.content.decode()
    submitted_application.refresh_from_db()
    assert submitted_application.status == "submitted"
    assert not PotEntry.objects.exists()


def test_an_award_the_pot_cannot_hold_is_refused(
    manager_client, manager, make_application, small_pot
):
    earlier = make_application(round=small_pot, project_title="Earlier", amount_requested="500")
    later = make_application(round=small_pot, project_title="Later", amount_requested="500")
    GrantRound.objects.filter(pk=small_pot.pk).update(budget=Decimal("900"))
    manager_client.post(page(earlier), decide("500"))
    response = manager_client.post(page(later), decide("500"))
    assert response.status_code == 200
    assert "Only £400 is left in this pot, not enough for £500." in response.content.decode()
    later.refresh_from_db()
    assert later.status == "submitted"
    assert GrantRound.objects.get(pk=small_pot.pk).allocated == Decimal("500")


def test_a_manager_declines_with_a_reason(
    manager_client, submitted_application, django_capture_on_commit_callbacks
):
    no_reason = manager_client.post(page(submitted_application), decide(reason=""))
    assert "Give a reason for declining" in no_reason.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(page(submitted_application), decide(reason="Outside Medway."))
    submitted_application.refresh_from_db()
    assert (submitted_application.status, submitted_application.decline_reason) == (
        "declined",
        "Outside Medway.",
    )


def test_a_second_decision_is_refused(manager_client, submitted_application):
    manager_client.post(page(submitted_application), decide(reason="Outside Medway."))
    submitted_application.refresh_from_db()
    assert (
        "Record the decision"
        not in manager_client.get(page(submitted_application)).content.decode()
    )
    response = manager_client.post(page(submitted_application), decide("500"))
    assert "has already been decided" in response.content.decode()
    assert not PotEntry.objects.exists()


def test_assessors_cannot_decide(assessor_client, submitted_application):
    assert (
        "Record the decision"
        not in assessor_client.get(page(submitted_application)).content.decode()
    )
    assert_refused(assessor_client.post(page(submitted_application), decide("600")))
    assert_refused(assessor_client.post(page(submitted_application), {"action": "invite"}))
    submitted_application.refresh_from_db()
    assert submitted_application.status == "submitted"


def test_a_manager_of_another_site_cannot_reach_the_application(
    west_kent_manager, submitted_application
):
    client = signed_in(west_kent_manager, host="west-kent.localhost")
    assert client.post(page(submitted_application), decide("600")).status_code == 404
    submitted_application.refresh_from_db()
    assert submitted_application.status == "submitted"


def test_an_expression_of_interest_is_invited_not_approved(
    manager_client, make_application, django_capture_on_commit_callbacks
):
    eoi = make_application(stage="eoi", project_title="Social action fund: youth club")
    html = manager_client.get(page(eoi)).content.decode()
    assert "Invite to full application" in html
    assert 'name="decide-amount"' not in html
    refused = manager_client.post(page(eoi), decide("500"))
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(page(eoi), {"action": "invite"})
    eoi.refresh_from_db()
    assert (eoi.stage, eoi.status) == ("full", "invited")


def test_moving_one_application_to_assessment(manager_client, submitted_application):
    response = manager_client.post(page(submitted_application), {"action": "move_to_assessment"})
    assert "is now being assessed" in messages_of(response)[0]
    submitted_application.refresh_from_db()
    assert submitted_application.status == Application.Status.IN_ASSESSMENT


def test_superusers_may_do_everything(submitted_application):
    admin = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    client = signed_in(admin)
    client.post(page(submitted_application), decide("600"))
    submitted_application.refresh_from_db()
    assert submitted_application.status == "approved"
