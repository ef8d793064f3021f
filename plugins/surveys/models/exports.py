"""A survey's responses as an Excel file, written by a task with its progress, kept in the
private storage and served only by the permission-checked download view."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chorus.common.storage import private_storage


class SurveyExport(models.Model):
    """An XLSX of every submitted response to a survey, asked for by staff on its results
    screen and written in the task queue (``plugins.surveys.export_tasks``)."""

    class Format(models.TextChoices):
        XLSX = "xlsx", _("Excel (XLSX)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    survey = models.ForeignKey(
        "surveys.SurveyPage",
        verbose_name=_("survey"),
        on_delete=models.CASCADE,
        related_name="exports",
    )
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.XLSX
    )
    # Decided when staff ask (identified survey, and surveys.view_response), not when the
    # task runs; only staff who may see respondents may download such a file.
    with_email = models.BooleanField(_("with email addresses"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("responses"), default=0)
    done = models.PositiveIntegerField(_("written"), default=0)
    file = models.FileField(_("file"), storage=private_storage, upload_to="surveys/exports/")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked for by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("asked for"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("survey export")
        verbose_name_plural = _("survey exports")
        default_permissions = ()

    def __str__(self):
        return f"{self.survey} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def in_progress(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self):
        """How far the task has got, 0 to 100."""
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
