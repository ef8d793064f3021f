"""Publishing a consultation's response: who may, when, and what it starts.

Staff write the response on the consultation page, then choose "Publish the response" on the
consultation's response screen. :func:`publish_response` checks that they may publish the
page, that the consultation has closed and that the response is written; it records a
:class:`~plugins.surveys.models.ResponsePublication` (once: a second publish finds it) and
queues the hear-back emails (:mod:`plugins.surveys.hearing_back`). Nothing slow happens in the
request.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from chorus.plugins import refresh_site_content

from . import hearing_back
from .models import ConsultationPage, HearBack, Response, ResponsePublication, SurveyPage


def original_consultation(page):
    """The consultation in the default language (``page`` itself, or its source)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return (
        ConsultationPage.objects.filter(
            translation_key=page.translation_key, locale=default
        ).first()
        or page
    )


def survey_family(survey):
    """The primary keys of ``survey``'s results survey and all its versions: translations,
    Easy Read versions, and their translations."""
    results = survey.results_survey
    originals = set(
        SurveyPage.objects.filter(translation_key=results.translation_key).values_list(
            "pk", flat=True
        )
    )
    versions = SurveyPage.objects.filter(original_id__in=originals).values_list(
        "translation_key", flat=True
    )
    translated = SurveyPage.objects.filter(translation_key__in=list(versions)).values_list(
        "pk", flat=True
    )
    return originals | set(translated)


def survey_responses(consultation):
    """How many submitted responses the consultation's survey has, every version counted."""
    if consultation.survey_id is None:
        return 0
    return Response.objects.filter(
        survey=consultation.survey.results_survey, status=Response.Status.SUBMITTED
    ).count()


def hear_back_requests(consultation):
    """Everyone who asked to hear back about the consultation's survey, any version."""
    if consultation.survey_id is None:
        return HearBack.objects.none()
    return HearBack.objects.filter(survey_id__in=survey_family(consultation.survey))


def may_publish(user, consultation):
    """Whether ``user`` may publish the response (and choose quotes): who may publish the
    consultation page itself."""
    return consultation.permissions_for_user(user).can_publish()


def publish_response(consultation, user, now=None):
    """Publish the response of ``consultation`` and queue the hear-back emails.

    Returns the :class:`ResponsePublication`. Raises ``PermissionDenied`` for people who may
    not publish the page, ``ValidationError`` before the consultation closes or while the
    response is not written. Publishing again returns the first publication and only
    resumes emails not yet sent: nobody is emailed twice.
    """
    consultation = original_consultation(consultation).specific
    if not may_publish(user, consultation):
        raise PermissionDenied
    live = ConsultationPage.objects.get(pk=consultation.pk)
    if not live.is_closed(now):
        raise ValidationError(
            _("The response can be published only after the consultation has closed.")
        )
    if not live.live or not live.response_is_written():
        raise ValidationError(
            _(
                "Write what we asked, what people said and what we did on the consultation "
                "page, and publish the page, before publishing the response."
            )
        )
    existing = ResponsePublication.objects.filter(consultation=live).first()
    if existing is not None:
        # Only people not yet told (a late request, a send that stopped) are emailed.
        if hear_back_requests(live).filter(notified_at__isnull=True).exists():
            hearing_back.queue(existing)
        return existing
    try:
        with transaction.atomic():
            publication = ResponsePublication.objects.create(
                consultation=live,
                published_by=user,
                published_at=timezone.now(),
                survey_responses=survey_responses(live),
                total=hear_back_requests(live).filter(notified_at__isnull=True).count(),
            )
            hearing_back.queue(publication)
    except IntegrityError:
        # Someone else published it at the same moment.
        return ResponsePublication.objects.get(consultation=live)
    refresh_site_content(live.get_site(), pages=[live, *live.get_translations()])
    return publication
