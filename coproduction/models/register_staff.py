"""The register's staff side: which group works on a site's register, and contact-list
exports run in the task queue."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting

from chorus.common.storage import private_storage

from .consent import Purpose


class RegisterSettings(BaseSiteSetting):
    """Who works on the register for a site (Settings → Involvement register).

    The team of a partnership's site sees the people who chose that partnership; the team of
    the network's site sees everyone (``coproduction.register.permissions``).
    """

    team = models.ForeignKey(
        Group,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Staff in this group see and update the people on the register who chose this "
            "site's place (on the network's site: everyone). The group also needs “Can access "
            "Wagtail admin”, and the register's permissions to record sign-ups or export lists."
        ),
    )

    class Meta:
        verbose_name = _("involvement register settings")
        verbose_name_plural = _("involvement register settings")


class RegisterExport(models.Model):
    """A CSV of the people contactable for a purpose, made by a task, with its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    place = models.ForeignKey(
        "partnerships.PartnershipHomePage",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for every place you can see."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("people"), default=0)
    done = models.PositiveIntegerField(_("written"), default=0)
    file = models.FileField(_("file"), storage=private_storage, upload_to="register/exports/")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("asked for"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("register export")
        verbose_name_plural = _("register exports")
        default_permissions = ()

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def in_progress(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self):
        """How far the task has got, 0 to 100."""
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
