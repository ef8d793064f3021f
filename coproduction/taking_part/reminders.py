"""Reminders: one email per confirmed booking, ``CHORUS_BOOKING_REMINDER_DAYS`` days before.

``manage.py send_booking_reminders`` (run it daily or hourly from cron, docs/tasks.md) calls
:func:`send_reminders`; the :func:`send_booking_reminders` task does the same in the queue.
Each booking is claimed with a conditional update of ``reminder_sent_at`` before its email
is written, in one transaction, so two runs at once, or a retried task, remind once.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import get_page_models

from coproduction.models import Booking

from .emails import render_booking_email
from .pages import TakesBookings


def bookable_models():
    """Every installed page type that takes bookings (the core's and the plugins')."""
    return [model for model in get_page_models() if issubclass(model, TakesBookings)]


def pages_starting_soon(now=None, days=None):
    """The ids of live pages keeping bookings here (sign-up, or invitation and draw) that start
    between now and ``days`` ahead."""
    now = now or timezone.now()
    days = settings.CHORUS_BOOKING_REMINDER_DAYS if days is None else days
    ids = []
    for model in bookable_models():
        field = model._meta.get_field(model.starts_field)
        if field.get_internal_type() == "DateField":
            today = timezone.localdate(now)
            window = (today, today + datetime.timedelta(days=days))
        else:
            window = (now, now + datetime.timedelta(days=days))
        ids += (
            model.objects.live()
            .filter(
                booking_mode__in=TakesBookings.KEEPS_BOOKINGS,
                **{f"{model.starts_field}__range": window},
            )
            .values_list("pk", flat=True)
        )
    return ids


def send_reminders(now=None, days=None):
    """Remind everyone with a place on an occasion starting soon; return how many."""
    now = now or timezone.now()
    due = Booking.objects.filter(
        page_id__in=pages_starting_soon(now, days),
        status=Booking.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
    ).exclude(email="")
    sent = 0
    for booking_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            claimed = Booking.objects.filter(
                pk=booking_id, status=Booking.Status.CONFIRMED, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            booking = Booking.objects.select_related("page").get(pk=booking_id)
            # A fresh cancel link: only its hash is kept, so the email needs a new one.
            token = booking.new_cancel_token()
            booking.save(update_fields=["cancel_token_hash"])
            render_booking_email(booking, "reminder", token).send()
        sent += 1
    return sent


@task()
def send_booking_reminders():
    """The task form of :func:`send_reminders`."""
    return send_reminders()
