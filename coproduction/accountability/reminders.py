"""Reminding owners of overdue commitments.

A commitment is overdue when its due date has passed and it is neither done nor "not
doing". :func:`remind_overdue` (a task; ``manage.py remind_overdue_commitments`` queues it,
daily from cron) emails each overdue commitment's owner at most once every
``CHORUS_COMMITMENT_REMINDER_DAYS`` days (default 7). The reminder is claimed by a
conditional update of ``last_reminded_at`` in the same transaction as the outbox email, so
two runs at once remind once.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from coproduction.models import Commitment

#: Default days between two reminders about one commitment.
DEFAULT_DAYS = 7


def reminder_days():
    """``CHORUS_COMMITMENT_REMINDER_DAYS``: days between two reminders about a commitment."""
    return max(1, int(getattr(settings, "CHORUS_COMMITMENT_REMINDER_DAYS", DEFAULT_DAYS)))


def due_reminders(now=None):
    """The overdue commitments whose owner has not been reminded in the last few days."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=reminder_days())
    return Commitment.objects.filter(
        Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lte=since),
        status__in=Commitment.OPEN,
        due_date__lt=timezone.localdate(now),
        owner__is_active=True,
    ).exclude(owner__email="")


@task()
def remind_overdue():
    """Email the owner of each overdue commitment due a reminder; return how many."""
    return send_reminders()


def send_reminders(now=None):
    """The work of :func:`remind_overdue`."""
    now = now or timezone.now()
    sent = 0
    for pk in list(due_reminders(now).order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            claimed = due_reminders(now).filter(pk=pk).update(last_reminded_at=now)
            if not claimed:
                continue
            commitment = Commitment.objects.select_related(
                "owner", "organisation", "recommendation__site"
            ).get(pk=pk)
            _message(commitment, now).send()
            sent += 1
    return sent


def _message(commitment, now):
    site = commitment.recommendation.site
    edit = reverse("commitments:edit", args=[commitment.pk])
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "commitment": commitment,
            "recommendation": commitment.recommendation,
            "owner": commitment.owner,
            "days_overdue": (timezone.localdate(now) - commitment.due_date).days,
            "edit_url": f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{edit}",
            "site_name": site.site_name or site.hostname,
        }
        subject = " ".join(
            render_to_string("coproduction/accountability/overdue_subject.txt", context).split()
        )
        body = render_to_string("coproduction/accountability/overdue_body.txt", context)
    return EmailMessage(subject, body, None, [commitment.owner.email])
