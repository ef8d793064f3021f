"""A change of status tells the people who took part, once each, in their language and format,
and only those who consented; "not doing" needs a reason (the database holds it too)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from chorus.plugins import PersonToTell
from coproduction.accountability import notifying, recipients
from coproduction.accountability.sources import source_of
from coproduction.accountability.updates import change_status
from coproduction.factories import (
    AssemblyIndexPageFactory,
    AssemblyPageFactory,
    CommitmentFactory,
    PersonFactory,
    RecommendationFactory,
)
from coproduction.models import (
    Commitment,
    CommitmentUpdate,
    Method,
    Purpose,
    SourceKind,
    UpdateDelivery,
)
from coproduction.register.consent import set_consent
from coproduction.taking_part.booking import book, mark_attended
from plugins.ideas.factories import IdeaBoardPageFactory, IdeaFactory
from plugins.ideas.models import Support
from plugins.surveys.factories import ConsultationPageFactory, SurveyPageFactory
from plugins.surveys.models import HearBack
from tests.testplugins.needs_events import hooks as test_plugin

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(medway_site, enable):
    enable("surveys", medway_site)
    page = ConsultationPageFactory(parent=medway_site.root_page, title="Sheppey nursing clinics")
    survey = SurveyPageFactory(parent=page, slug="survey")
    page.survey = survey
    page.save_revision().publish()
    HearBack.objects.create(survey=survey, email="Anna@Example.org", language="pl")
    HearBack.objects.create(survey=survey, email="ben@example.org", easy_read=True)
    return page


@pytest.fixture
def from_consultation(consultation, medway_site, trust, owner):
    recommendation = RecommendationFactory(
        site=medway_site,
        title="Keep the Sheerness clinic open on Saturdays",
        source_kind=SourceKind.CONSULTATION,
        source_page=consultation,
    )
    return CommitmentFactory(recommendation=recommendation, organisation=trust, owner=owner)


@pytest.fixture
def idea(west_kent_site, enable):
    enable("ideas", west_kent_site)
    board = IdeaBoardPageFactory(parent=west_kent_site.root_page)
    return IdeaFactory(board=board, title="A minibus to Maidstone hospital")


def test_a_change_of_status_tells_who_asked_to_hear_back_in_their_language_and_format(
    from_consultation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change_status(from_consultation, Commitment.Status.DONE, text="Open every Saturday now.")

    by_address = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_address) == ["anna@example.org", "ben@example.org"]
    polish, easy_read = by_address["anna@example.org"], by_address["ben@example.org"]
    with translation.override("pl"):
        done = str(Commitment.Status.DONE.label)
    assert done in polish.subject
    assert "You took part and told us what should change." in easy_read.body
    assert "This is now done." in easy_read.body
    assert "Open every Saturday now." in easy_read.body
    assert set(UpdateDelivery.objects.values_list("email", flat=True)) == set(by_address)


def test_a_retried_task_tells_nobody_twice(
    from_consultation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        update = change_status(from_consultation, Commitment.Status.IN_PROGRESS)
    assert len(mailoutbox) == 2

    with django_capture_on_commit_callbacks(execute=True):
        again = notifying.tell_people.enqueue(update.pk)

    assert again.return_value == 0
    assert len(mailoutbox) == 2
    assert UpdateDelivery.objects.filter(update=update).count() == 2


def test_the_database_refuses_a_second_delivery_for_one_update_and_address(from_consultation):
    update = change_status(from_consultation, Commitment.Status.IN_PROGRESS)
    UpdateDelivery.objects.create(update=update, email="anna@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        UpdateDelivery.objects.create(update=update, email="anna@example.org")


def test_a_note_without_a_change_of_status_is_shown_but_emailed_to_nobody(
    from_consultation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change_status(from_consultation, Commitment.Status.NOT_STARTED, text="Budget agreed.")

    assert mailoutbox == []
    assert CommitmentUpdate.objects.get().text == "Budget agreed."


def test_not_doing_needs_a_reason(commitment):
    with pytest.raises(ValidationError) as refused:
        change_status(commitment, Commitment.Status.NOT_DOING)
    assert "Say why this will not be done" in str(refused.value)

    commitment.status, commitment.reason = Commitment.Status.NOT_DOING, ""
    with pytest.raises(IntegrityError), transaction.atomic():
        commitment.save()


def test_supporters_of_an_idea_are_told_only_if_they_asked_to_be_kept_posted(
    idea, west_kent_site, trust, owner, mailoutbox, django_capture_on_commit_callbacks
):
    Support.objects.create(idea=idea, email="kept@example.org", hear_about_progress=True)
    Support.objects.create(idea=idea, email="quiet@example.org")
    recommendation = RecommendationFactory(
        site=west_kent_site, source_kind=SourceKind.IDEA, source_object_id=idea.pk, source_label=""
    )
    recommendation.clean()  # fills in the idea's content type and name
    recommendation.save()
    commitment = CommitmentFactory(recommendation=recommendation, organisation=trust, owner=owner)

    with django_capture_on_commit_callbacks(execute=True):
        change_status(commitment, Commitment.Status.IN_PROGRESS)

    assert [message.to[0] for message in mailoutbox] == ["kept@example.org"]
    assert recommendation.source_label == "A minibus to Maidstone hospital"


def test_people_to_tell_asks_the_plugins_on_for_the_site(recommendation, enable):
    test_plugin.CALLS.clear()
    source = source_of(recommendation)

    recipients.people_to_tell(recommendation.site, source)
    assert not [call for call in test_plugin.CALLS if call[0] == "chorus_people_to_tell"]

    enable("events", recommendation.site)
    enable("needs_events", recommendation.site)
    recipients.people_to_tell(recommendation.site, source)
    [call] = [call for call in test_plugin.CALLS if call[0] == "chorus_people_to_tell"]
    assert call[1] == "medway-swale.localhost" and call[2].kind == "meeting"


def test_attendees_are_one_function_away(
    commitment, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    """The core's chorus_people_to_tell returns attendees_to_tell: consent still decides."""
    monkeypatch.setattr(
        recipients,
        "attendees_to_tell",
        lambda site, source: [
            PersonToTell(email="came@example.org", name="Ada", consented=True),
            PersonToTell(email="came@example.org", name="Ada again", consented=True),
            PersonToTell(email="no@example.org", consented=False),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        change_status(commitment, Commitment.Status.DONE)

    assert [message.to[0] for message in mailoutbox] == ["came@example.org"]
    assert "Dear Ada," in mailoutbox[0].body


def test_a_change_of_status_tells_the_assemblys_attendees_who_asked_or_agreed_to_hear(
    medway_site, trust, owner, mailoutbox, django_capture_on_commit_callbacks
):
    """Attendees who ticked "tell me what happens" when they booked, or who agreed on the
    register to hear from us, are told; someone who did not come, or did not agree, is not."""
    index = AssemblyIndexPageFactory(parent=medway_site.root_page)
    assembly = AssemblyPageFactory(parent=index, title="Medway health assembly")
    registered = PersonFactory(email="reg@example.org", name="Rita")
    set_consent(registered, Purpose.KEEP_INFORMED, True, method=Method.WEB)
    asked = book(assembly, name="Asha", email="asha@example.org", hear_back=True, notify=False)
    quiet = book(assembly, name="Quentin", email="quiet@example.org", notify=False)
    on_register = book(assembly, person=registered, notify=False)
    book(assembly, name="Absent", email="absent@example.org", hear_back=True, notify=False)
    for booking in (asked, quiet, on_register):
        mark_attended(booking)
    recommendation = RecommendationFactory(
        site=medway_site,
        title="A quiet room at every clinic",
        source_kind=SourceKind.ASSEMBLY,
        source_page=assembly,
    )
    commitment = CommitmentFactory(recommendation=recommendation, organisation=trust, owner=owner)

    with django_capture_on_commit_callbacks(execute=True):
        change_status(commitment, Commitment.Status.IN_PROGRESS, text="Two clinics so far.")

    assert sorted(message.to[0] for message in mailoutbox) == [
        "asha@example.org",
        "reg@example.org",
    ]
    assert "Two clinics so far." in mailoutbox[0].body
