"""Quotes: only from people who agreed, shown only once redacted, every redaction logged."""

import pytest
from django.core.exceptions import ValidationError

from plugins.surveys import quotes
from plugins.surveys.consultations import publish_response
from plugins.surveys.models import Answer, Quote, QuoteRedaction

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}


def free_text(response):
    return Answer.objects.get(response=response, question="improve")


def test_answers_of_people_who_did_not_agree_cannot_be_quoted(
    client, consultation, staff, responses
):
    private = free_text(responses["private"])
    with pytest.raises(ValidationError):
        Quote(consultation=consultation, answer=private).save()
    client.force_login(staff)
    client.post(
        f"/admin/surveys/consultations/{consultation.pk}/quotes/",
        {"answer": private.pk},
        headers=MEDWAY,
    )
    assert not Quote.objects.exists()
    screen = client.get(f"/admin/surveys/consultations/{consultation.pk}/", headers=MEDWAY)
    assert "Ask Nurse Jones at Twydall" in screen.text
    assert "My mum waited six weeks" not in screen.text


def test_a_quote_is_shown_only_redacted_and_each_redaction_is_logged(
    client, closed_consultation, staff, responses
):
    page = closed_consultation
    client.force_login(staff)
    client.post(
        f"/admin/surveys/consultations/{page.pk}/quotes/",
        {"answer": free_text(responses["quotable"]).pk},
        headers=MEDWAY,
    )
    quote = Quote.objects.get()
    form = client.get(f"/admin/surveys/consultations/{page.pk}/quotes/{quote.pk}/", headers=MEDWAY)
    assert "Ask Nurse Jones at Twydall to visit on Tuesdays." in form.text
    with pytest.raises(ValidationError):
        quotes.show(quote, True)

    redacted = "Ask [name removed] at [place removed] to visit on Tuesdays."
    response = client.post(
        f"/admin/surveys/consultations/{page.pk}/quotes/{quote.pk}/",
        {"text": redacted, "checked": "on"},
        headers=MEDWAY,
    )
    assert response.status_code == 302
    log = QuoteRedaction.objects.get()
    assert (log.redacted_by, log.redacted) == (staff, redacted)
    assert log.original == "Ask Nurse Jones at Twydall to visit on Tuesdays."
    client.post(
        f"/admin/surveys/consultations/{page.pk}/quotes/{quote.pk}/show/",
        {"shown": "1"},
        headers=MEDWAY,
    )
    publish_response(page, staff)

    public = client.get(page.url, headers=MEDWAY)
    assert redacted in public.text
    assert "Nurse Jones" not in public.text
    screen = client.get(f"/admin/surveys/consultations/{page.pk}/", headers=MEDWAY)
    assert "Redaction log" in screen.text
