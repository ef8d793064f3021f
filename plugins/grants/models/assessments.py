"""Assessments: an assessor's scores and recommendation, or their declared conflict."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assessment(models.Model):
    """One assessor's view of one application.

    An assessor with a conflict of interest (they run the group, say) declares it instead of
    scoring: a conflicted assessment carries no scores and no recommendation, and the
    assessor cannot score that application afterwards.
    """

    class Recommendation(models.TextChoices):
        YES = "yes", _("Fund")
        MAYBE = "maybe", _("Maybe")
        NO = "no", _("Do not fund")

    application = models.ForeignKey(
        "grants.Application", on_delete=models.PROTECT, related_name="assessments"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grant_assessments"
    )
    conflict_of_interest = models.BooleanField(_("I have a conflict of interest"), default=False)
    conflict_details = models.TextField(_("nature of the conflict"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=5, choices=Recommendation.choices, blank=True
    )
    comment = models.TextField(_("comments for the panel"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assessment")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "assessor"], name="grants_one_assessment_per_assessor"
            ),
            models.CheckConstraint(
                condition=models.Q(conflict_of_interest=False) | models.Q(recommendation=""),
                name="grants_conflicted_assessment_has_no_recommendation",
            ),
        ]

    def __str__(self):
        return f"{self.application.reference} by {self.assessor}"

    @property
    def total_score(self):
        """The sum of this assessment's scores."""
        return sum(score.score for score in self.scores.all())


class CriterionScore(models.Model):
    """The score an assessment gives against one of the round's criteria."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "grants.AssessmentCriterion", on_delete=models.CASCADE, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="grants_one_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"
