"""Telling everyone who asked to hear back that a consultation's response is published.

:func:`queue` hands a :class:`~plugins.surveys.models.ResponsePublication` to the task queue;
:func:`notify` (the task) walks the consultation survey's hear-back requests (every version)
not yet told, in primary-key order, :data:`BATCH_SIZE` at a time. In each batch's transaction
a request is claimed by setting its ``notified_at`` with a conditional update (only where it
is still empty) and its email is stored in the outbox: both commit or neither. So a task run
twice, two workers at once, or a second publish never email anyone twice, and a task stopped
half way is resumed by queueing it again (the response screen's "Resume" button).

Each email is in the person's language (the consultation's translation in that language when
there is one) and, for those who asked for Easy Read, carries the Easy Read summary of the
response when the page has one, otherwise the standard response with a note saying so.
"""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend
from wagtail.models import Locale

from chorus.identity.models import SiteIdentity
from coproduction.bulletins.emails import as_text

from .models import ConsultationPage, HearBack, ResponsePublication

logger = logging.getLogger(__name__)

#: Requests per batch (one transaction, one hand-over to the outbox).
BATCH_SIZE = 200
SUBJECT_TEMPLATE = "surveys/emails/hear_back_subject.txt"
HTML_TEMPLATE = "surveys/emails/hear_back.html"


def queue(publication):
    """Enqueue :func:`notify` for ``publication`` (again, to resume one that stopped)."""
    if isinstance(notify_task.get_backend(), DatabaseBackend | ImmediateBackend):
        notify_task.enqueue(publication.pk)
    else:
        transaction.on_commit(partial(notify_task.enqueue, publication.pk), robust=True)


@task()
def notify_task(publication_id):
    """The queued job: :func:`notify`."""
    return notify(publication_id)


def notify(publication_id):
    """Email everyone not yet told about the published response; return how many now.

    Safe to call again at any time.
    """
    # Imported here: consultations imports this module to queue the task.
    from .consultations import hear_back_requests

    publication = ResponsePublication.objects.select_related("consultation").get(pk=publication_id)
    requests = hear_back_requests(publication.consultation).filter(notified_at__isnull=True)
    ResponsePublication.objects.filter(pk=publication.pk).update(
        status=ResponsePublication.Sending.SENDING,
        updated_at=timezone.now(),
        last_error="",
        # Everyone told so far, and everyone still to tell (someone may have asked since).
        total=F("emailed") + requests.count(),
    )
    try:
        renderer = Renderer(publication)
        reached = 0
        while True:
            keys = list(requests.order_by("pk").values_list("pk", flat=True)[:BATCH_SIZE])
            if not keys:
                break
            reached += _send_batch(publication, keys, renderer)
    except Exception as error:
        ResponsePublication.objects.filter(pk=publication.pk).update(
            status=ResponsePublication.Sending.FAILED,
            last_error=f"{type(error).__name__}: {error}",
        )
        raise
    ResponsePublication.objects.filter(pk=publication.pk).update(
        status=ResponsePublication.Sending.DONE, finished_at=timezone.now()
    )
    return reached


def _send_batch(publication, keys, renderer):
    with transaction.atomic():
        messages = []
        now = timezone.now()
        for request in HearBack.objects.filter(pk__in=keys, notified_at__isnull=True).order_by(
            "pk"
        ):
            # The claim: another worker that got there first leaves nothing to update.
            claimed = HearBack.objects.filter(pk=request.pk, notified_at__isnull=True).update(
                notified_at=now
            )
            if claimed:
                messages.append(renderer.message(request))
        if messages:
            get_connection().send_messages(messages)
        ResponsePublication.objects.filter(pk=publication.pk).update(
            emailed=F("emailed") + len(messages), updated_at=timezone.now()
        )
    return len(messages)


def language_of(code):
    """A language Chorus has, for a request's ``language`` (English otherwise)."""
    available = {language for language, _name in settings.LANGUAGES}
    code = (code or "").lower()
    if code in available:
        return code
    short = code.split("-")[0]
    return short if short in available else settings.LANGUAGE_CODE


class Renderer:
    """Builds each person's email for one published response, once per language and format."""

    def __init__(self, publication):
        self.publication = publication
        self.consultation = publication.consultation
        site = self.consultation.get_site()
        identity = SiteIdentity.read(site)
        self.reply_to = [identity.email] if identity.email else []
        self.site_name = site.site_name or site.hostname
        self._rendered = {}

    def page_in(self, language):
        """The consultation as published in ``language`` (the original if not translated)."""
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None or locale.pk == self.consultation.locale_id:
            return self.consultation
        translated = (
            ConsultationPage.objects.live()
            .filter(translation_key=self.consultation.translation_key, locale=locale)
            .first()
        )
        # A translation made before the response was written has none: send the original.
        if translated is None or not translated.response_is_written():
            return self.consultation
        return translated

    def rendered(self, language, easy_read):
        key = (language, easy_read)
        if key not in self._rendered:
            page = self.page_in(language)
            context = {
                "page": page,
                "publication": self.publication,
                "url": page.get_full_url(),
                "site_name": self.site_name,
                "easy_read": easy_read and bool(page.easy_read_summary),
                "easy_read_missing": easy_read and not page.easy_read_summary,
            }
            with translation.override(language):
                markup = render_to_string(HTML_TEMPLATE, context)
                self._rendered[key] = (
                    " ".join(render_to_string(SUBJECT_TEMPLATE, context).split()),
                    as_text(markup),
                    markup,
                )
        return self._rendered[key]

    def message(self, request):
        subject, text, markup = self.rendered(language_of(request.language), request.easy_read)
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[request.email],
            reply_to=self.reply_to,
        )
        message.attach_alternative(markup, "text/html")
        return message
