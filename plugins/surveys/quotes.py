"""Choosing, redacting and showing quotes on a consultation's published response.

The rules live in the :class:`~plugins.surveys.models.Quote` model (consent on every save,
a database check that only redacted quotes are shown); these functions are what the admin
screens call, so that a script does the same thing a member of staff does.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from chorus.plugins import refresh_site_content

from .models import Answer, Quote, Response
from .questions import FREE_TEXT_KINDS


def candidates(consultation, limit=200):
    """Free-text answers to the consultation's survey that may be quoted, newest first,
    leaving out those already chosen."""
    if consultation.survey_id is None:
        return Answer.objects.none()
    survey = consultation.survey.results_survey
    free_text = [q.reference for q in survey.questions if q.kind in FREE_TEXT_KINDS]
    return (
        Answer.objects.filter(
            survey=survey,
            question__in=free_text,
            response__status=Response.Status.SUBMITTED,
            response__may_quote=True,
        )
        .exclude(text="")
        .exclude(pk__in=Quote.objects.filter(consultation=consultation).values("answer"))
        .order_by("-response__submitted_at", "-pk")[:limit]
    )


def choose(consultation, answer, user):
    """Make ``answer`` a quote (not yet redacted, not shown) of ``consultation``."""
    quote = Quote(consultation=consultation, answer=answer, chosen_by=user)
    if Quote.objects.filter(consultation=consultation, answer=answer).exists():
        raise ValidationError(_("This answer is already one of the quotes."))
    quote.save()
    return quote


def redact(quote, text, user):
    """Set the words ``quote`` shows, edited by ``user``; the change is logged."""
    with transaction.atomic():
        quote.redact(text, user)
    if quote.published:
        _refresh(quote)
    return quote


def show(quote, shown):
    """Show ``quote`` on the published response, or take it off."""
    if shown and quote.redacted_at is None:
        raise ValidationError(_("Redact the quote before it is shown."))
    quote.published = shown
    quote.save(update_fields=["published"])
    _refresh(quote)
    return quote


def _refresh(quote):
    page = quote.consultation
    refresh_site_content(page.get_site(), pages=[page, *page.get_translations()])
