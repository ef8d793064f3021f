"""The applicant's forms: applying (both stages), the budget, and the monitoring report."""

from .application import (
    ApplicationForm,
    BudgetFormSet,
    ExpressionOfInterestForm,
    form_class_for,
)
from .completeness import Problem, problems
from .monitoring import MonitoringReportForm

__all__ = [
    "ApplicationForm",
    "BudgetFormSet",
    "ExpressionOfInterestForm",
    "MonitoringReportForm",
    "Problem",
    "form_class_for",
    "problems",
]
