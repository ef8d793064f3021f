"""Population targets: how many people of each demographic category live in a place
(Census 2021 counts, or illustrative figures), for comparing the register with its population.
Imports of them from a CSV file run in the task queue, each tracked by a :class:`TargetImport`.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduction.register.categories import DIMENSIONS

from .imports import UploadedImport

DIMENSION_CHOICES = [(key, label) for key, (label, _choices) in DIMENSIONS.items()]


def category_error(dimension, category):
    """A message saying why ``category`` is not one of ``dimension``'s codes, or ``None``."""
    if dimension not in DIMENSIONS:
        return _("“%(dimension)s” is not a demographic question. Use one of: %(known)s.") % {
            "dimension": dimension,
            "known": ", ".join(DIMENSIONS),
        }
    label, choices = DIMENSIONS[dimension]
    if category not in choices.values:
        return _("“%(category)s” is not a category of %(label)s. Use one of: %(known)s.") % {
            "category": category,
            "label": label,
            "known": ", ".join(choices.values),
        }
    return None


class PopulationTarget(models.Model):
    """The number of people in one category of one demographic question, in one place."""

    place = models.ForeignKey(
        "partnerships.PartnershipHomePage",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        related_name="population_targets",
    )
    dimension = models.CharField(_("question"), max_length=40, choices=DIMENSION_CHOICES)
    category = models.CharField(
        _("category"),
        max_length=40,
        help_text=_("One of the question's categories, e.g. “16_24” for Age or “female” for Sex."),
    )
    count = models.PositiveIntegerField(_("number of people"), validators=[MinValueValidator(0)])
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the figure comes from, e.g. “Census 2021, table TS021”."),
    )
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Invented figures for a demonstration, not Census data."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["place__title", "dimension", "category"]
        verbose_name = _("population target")
        verbose_name_plural = _("population targets")
        constraints = [
            models.UniqueConstraint(
                fields=["place", "dimension", "category"],
                name="population_target_once",
                violation_error_message=_(
                    "This place already has a figure for this category: edit that one instead."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.place}: {self.get_dimension_display()}, {self.category_label}"

    @property
    def category_label(self):
        """The category's label, as the demographic question words it."""
        if self.dimension in DIMENSIONS:
            return dict(DIMENSIONS[self.dimension][1].choices).get(self.category, self.category)
        return self.category

    def clean(self):
        super().clean()
        if self.dimension in DIMENSIONS:
            error = category_error(self.dimension, self.category)
            if error:
                raise ValidationError({"category": error})


class TargetImport(UploadedImport):
    """One upload of a CSV file of population targets, imported by a task.

    The rows were checked when the file was uploaded and are kept here (as place primary
    key, dimension, category, count), so any worker can import them.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    source = models.CharField(_("source"), max_length=255, blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)
    rows = models.JSONField(default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )

    class Meta(UploadedImport.Meta):
        verbose_name = _("population target import")
        verbose_name_plural = _("population target imports")

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
