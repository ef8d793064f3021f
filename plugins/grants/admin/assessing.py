"""Assessors' records: scoring an application, or declaring a conflict of interest instead.

Like :mod:`plugins.grants.workflow`, each function locks the application, checks that the
move is allowed, and raises :class:`~plugins.grants.errors.GrantActionError` (changing
nothing) when it is not. An assessor has one assessment per application, which they may
change until the panel decides; once they declare a conflict they cannot score it.
"""

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
