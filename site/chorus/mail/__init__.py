"""The outbox: every email Chorus sends is stored, then delivered by the task queue.

``EMAIL_BACKEND`` is :class:`chorus.mail.backend.OutboxBackend`, so Django's ``send_mail``,
password-reset forms and Wagtail's notifications all write an :class:`OutgoingEmail` row in
the caller's transaction instead of talking to a mail server inside a request. The task
:func:`chorus.mail.tasks.deliver_emails` sends it with ``CHORUS_EMAIL_DELIVERY_BACKEND``
(SMTP in production), retries with growing delays and, after the last attempt, marks it
failed for staff to see (Settings → Outgoing email). See docs/tasks.md.
"""
