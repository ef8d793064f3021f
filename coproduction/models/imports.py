"""What every uploaded file imported by a task keeps: its name, who uploaded it and when, and
how far the import has got (population targets, insight records)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UploadedImport(models.Model):
    """An upload imported row by row in the task queue; a subclass adds its ``Status``, the
    rows or file, and ``finished``."""

    filename = models.CharField(_("file"), max_length=255)
    total = models.PositiveIntegerField(_("rows"), default=0)
    done = models.PositiveIntegerField(_("rows imported"), default=0)
    error = models.TextField(_("error"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        default_permissions = ()

    def __str__(self):
        return self.filename

    @property
    def percent(self):
        """How far the import has got, 0 to 100."""
        return 100 * self.done // self.total if self.total else 100
