"""Assessors' records: scoring an application, or declaring a conflict of interest instead,
and the panel's summary of them.

Like :mod:`plugins.grants.workflow`, each recording function locks the application, checks
that the move is allowed, and raises :class:`~plugins.grants.errors.GrantActionError`
(changing nothing) when it is not. An assessor has one assessment per application, which
they may change until the panel decides; once they declare a conflict they cannot score it.
"""

from dataclasses import dataclass
from statistics import mean

from django.db import transaction
from django.utils.translation import gettext as _

from ..errors import GrantActionError
from ..models import Application, Assessment, CriterionScore
from ..workflow import lock_application


def _check_open_for_assessment(application):
    if application.status not in Application.DECIDABLE:
        raise GrantActionError(
            _("Application %(ref)s is %(status)s: it can no longer be assessed.")
            % {"ref": application.reference, "status": application.get_status_display().lower()}
        )


def record_assessment(application, assessor, *, scores, recommendation, comment=""):
    """Save ``assessor``'s scores (``{criterion: score}``) and recommendation.

    Every criterion of the round must be scored, each from 0 to its highest score.
    Refused for an assessor who declared a conflict on this application and for an
    application that has been decided.
    """
    with transaction.atomic():
        application = lock_application(application)
        _check_open_for_assessment(application)
        existing = Assessment.objects.filter(application=application, assessor=assessor).first()
        if existing is not None and existing.conflict_of_interest:
            raise GrantActionError(
                _(
                    "You declared a conflict of interest on application %(ref)s, so you "
                    "cannot score it."
                )
                % {"ref": application.reference}
            )
        criteria = list(application.round.criteria.all())
        given = {criterion.pk: value for criterion, value in scores.items()}
        for criterion in criteria:
            value = given.get(criterion.pk)
            if value is None:
                raise GrantActionError(_("Score “%(criterion)s”.") % {"criterion": criterion.title})
            if not 0 <= value <= criterion.max_score:
                raise GrantActionError(
                    _("Scores for “%(criterion)s” are from 0 to %(max)s.")
                    % {"criterion": criterion.title, "max": criterion.max_score}
                )
        if recommendation not in Assessment.Recommendation.values:
            raise GrantActionError(_("Choose a recommendation: fund, maybe or do not fund."))
        assessment, _created = Assessment.objects.update_or_create(
            application=application,
            assessor=assessor,
            defaults={"recommendation": recommendation, "comment": comment.strip()},
        )
        for criterion in criteria:
            CriterionScore.objects.update_or_create(
                assessment=assessment,
                criterion=criterion,
                defaults={"score": given[criterion.pk]},
            )
    return assessment


def declare_conflict(application, assessor, *, details=""):
    """Record that ``assessor`` has a conflict of interest on ``application``.

    A conflicted assessment carries no scores and no recommendation: any the assessor
    gave before declaring are withdrawn, so they never count towards the panel's view.
    """
    with transaction.atomic():
        application = lock_application(application)
        _check_open_for_assessment(application)
        assessment, _created = Assessment.objects.update_or_create(
            application=application,
            assessor=assessor,
            defaults={
                "conflict_of_interest": True,
                "conflict_details": details.strip(),
                "recommendation": "",
            },
        )
        assessment.scores.all().delete()
    return assessment


@dataclass(frozen=True)
class ScoredAssessment:
    """One assessor's row in the summary: a score per criterion (``None`` if not given)."""

    assessment: Assessment
    scores: list
    total: int


@dataclass(frozen=True)
class AssessmentSummary:
    """The panel's view of an application so far; made by :func:`summarise`.

    ``averages`` has one entry per criterion, in the order of ``criteria`` (``None`` where
    nobody scored it); ``recommendations`` pairs each recommendation's label with how many
    assessors made it; ``conflicts`` are the assessments of those who declared a conflict.
    """

    criteria: list
    rows: list
    averages: list
    average_total: float | None
    max_total: int
    recommendations: list
    conflicts: list


def _average(values):
    given = [value for value in values if value is not None]
    return round(mean(given), 1) if given else None


def summarise(application):
    """The :class:`AssessmentSummary` of ``application``: each assessor's scores and total,
    the averages, and the count of each recommendation. Assessors who declared a conflict of
    interest are listed apart and count towards nothing."""
    criteria = list(application.round.criteria.all())
    assessments = list(
        application.assessments.select_related("assessor")
        .prefetch_related("scores")
        .order_by("pk")  # in the order the assessors first recorded them
    )
    rows = []
    for assessment in assessments:
        if assessment.conflict_of_interest:
            continue
        by_criterion = {score.criterion_id: score.score for score in assessment.scores.all()}
        scores = [by_criterion.get(criterion.pk) for criterion in criteria]
        rows.append(ScoredAssessment(assessment, scores, sum(by_criterion.values())))
    return AssessmentSummary(
        criteria=criteria,
        rows=rows,
        averages=[_average(row.scores[index] for row in rows) for index in range(len(criteria))],
        average_total=_average(row.total for row in rows),
        max_total=sum(criterion.max_score for criterion in criteria),
        recommendations=[
            (label, sum(1 for row in rows if row.assessment.recommendation == value))
            for value, label in Assessment.Recommendation.choices
        ],
        conflicts=[a for a in assessments if a.conflict_of_interest],
    )
