"""The grants plugin's models, one module per part of a grant's life."""

from .applications import Application, Attachment, BudgetItem
from .assessments import Assessment, CriterionScore
from .awards import Award, DueDiligenceCheck, MonitoringReport, PotEntry
from .programmes import GrantProgrammePage
from .rounds import AssessmentCriterion, GrantRound
from .teams import GrantTeam

__all__ = [
    "Application",
    "Assessment",
    "AssessmentCriterion",
    "Attachment",
    "Award",
    "BudgetItem",
    "CriterionScore",
    "DueDiligenceCheck",
    "GrantProgrammePage",
    "GrantRound",
    "GrantTeam",
    "MonitoringReport",
    "PotEntry",
]
