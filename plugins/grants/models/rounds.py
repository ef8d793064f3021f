"""Funding rounds (pots): a budget, the amounts a group may ask for, and when it is open."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from .money import positive_money, pounds


class GrantRound(ClusterableModel):
    """One pot of money in a programme, open for applications between two dates.

    A round closes itself: at its close date, or as soon as what is left in the pot is less
    than the smallest award. ``allocated`` is the pot's running total of committed money
    (paid or not); it only changes through :mod:`plugins.grants.ledger`, by a conditional
    update in the same transaction as the ledger rows that explain it, and the database
    refuses any value above the budget.
    """

    class Stage(models.TextChoices):
        UPCOMING = "upcoming", _("Opens soon")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey(
        "grants.GrantProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("e.g. “Spring 2027”."))
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("The round's address under its programme page.")
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What this round is for, if it has a focus.")
    )
    budget = positive_money(_("budget"), help_text=_("The whole pot, in pounds."))
    min_award = positive_money(_("smallest grant"))
    max_award = positive_money(_("largest grant"))
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    two_stage = models.BooleanField(
        _("expression of interest first"),
        default=False,
        help_text=_(
            "Applicants send a short expression of interest; those invited then complete a "
            "full application."
        ),
    )
    report_due_days = models.PositiveIntegerField(
        _("monitoring report due (days after the project ends)"), default=60
    )
    published = models.BooleanField(
        _("published"), default=True, help_text=_("Show this round on the programme page.")
    )
    # Changed only by plugins.grants.ledger (see the class docstring); never in a form.
    allocated = models.DecimalField(
        _("committed so far"), max_digits=10, decimal_places=2, default=Decimal("0"), editable=False
    )

    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("budget"),
                FieldRowPanel([FieldPanel("min_award"), FieldPanel("max_award")]),
            ],
            heading=_("Money"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("two_stage"),
                FieldPanel("report_due_days"),
                FieldPanel("published"),
            ],
            heading=_("Dates and process"),
        ),
        InlinePanel("criteria", label=_("Assessment criteria"), heading=_("Assessment criteria")),
    ]

    class Meta:
        verbose_name = _("funding round")
        ordering = ["-opens_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "slug"], name="grants_round_slug_unique_in_programme"
            ),
            models.CheckConstraint(
                condition=Q(allocated__gte=0) & Q(allocated__lte=F("budget")),
                name="grants_round_allocated_within_budget",
            ),
            models.CheckConstraint(
                condition=Q(min_award__lte=F("max_award")) & Q(max_award__lte=F("budget")),
                name="grants_round_award_range_within_budget",
            ),
            models.CheckConstraint(
                condition=Q(opens_at__lt=F("closes_at")), name="grants_round_opens_before_close"
            ),
        ]

    def __str__(self):
        return f"{self.programme.title}: {self.title}"

    def clean(self):
        super().clean()
        errors = {}
        if self.min_award and self.max_award and self.min_award > self.max_award:
            errors["max_award"] = _("The largest grant cannot be smaller than the smallest.")
        if self.max_award and self.budget and self.max_award > self.budget:
            errors["max_award"] = _("The largest grant cannot be more than the whole budget.")
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            errors["closes_at"] = _("A round must close after it opens.")
        if self.pk and self.budget is not None:
            committed = GrantRound.objects.filter(pk=self.pk).values_list("allocated", flat=True)
            committed = committed.first() or Decimal("0")
            if self.budget < committed:
                errors["budget"] = _(
                    "%(committed)s is already committed from this pot; the budget cannot be "
                    "less than that."
                ) % {"committed": pounds(committed)}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # An edit form holds the ``allocated`` it read when it opened; writing it back would
        # undo awards made meanwhile. Only the ledger writes it, with a conditional update.
        if self.pk and not self._state.adding and "update_fields" not in kwargs:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "allocated"
            ]
        super().save(*args, **kwargs)

    # --- Derived state ---------------------------------------------------------------

    @property
    def remaining(self):
        """Money left to commit from the pot."""
        return self.budget - self.allocated

    @property
    def fully_committed(self):
        """Whether too little is left for even the smallest grant."""
        return self.remaining < self.min_award

    def stage(self, now=None):
        """Return whether the round is upcoming, open or closed at ``now``."""
        now = now or timezone.now()
        if now < self.opens_at:
            return self.Stage.UPCOMING
        if now >= self.closes_at or self.fully_committed:
            return self.Stage.CLOSED
        return self.Stage.OPEN

    def is_open(self, now=None):
        """Whether applications (and expressions of interest) are accepted at ``now``."""
        return self.stage(now) == self.Stage.OPEN

    def closed_reason(self, now=None):
        """Explain why the round is not taking applications, or return ``""`` when it is."""
        now = now or timezone.now()
        stage = self.stage(now)
        if stage == self.Stage.UPCOMING:
            return _("This round opens on %(date)s.") % {
                "date": date_format(timezone.localtime(self.opens_at), "j E Y, H:i")
            }
        if stage == self.Stage.OPEN:
            return ""
        if now >= self.closes_at:
            return _("This round closed on %(date)s.") % {
                "date": date_format(timezone.localtime(self.closes_at), "j E Y, H:i")
            }
        return _("This round has closed early: its pot is fully committed.")

    @classmethod
    def open_rounds(cls, now=None):
        """Return the published rounds that are open at ``now`` (dates and money)."""
        now = now or timezone.now()
        return cls.objects.filter(
            published=True,
            opens_at__lte=now,
            closes_at__gt=now,
            programme__live=True,
        ).filter(budget__gte=F("allocated") + F("min_award"))


class AssessmentCriterion(Orderable):
    """One question assessors score an application against, e.g. “Benefit to the community”."""

    round = ParentalKey(GrantRound, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=255)
    guidance = models.TextField(_("guidance for assessors"), blank=True)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5)

    panels = [FieldPanel("title"), FieldPanel("guidance"), FieldPanel("max_score")]

    class Meta(Orderable.Meta):
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")

    def __str__(self):
        return self.title
