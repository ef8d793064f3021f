"""The outbox app: outgoing emails, their delivery task and their admin listing."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """Outgoing emails, queued in the database and delivered by the task queue."""

    name = "chorus.mail"
    label = "mail"
    verbose_name = _("Outgoing email")
    default_auto_field = "django.db.models.BigAutoField"
