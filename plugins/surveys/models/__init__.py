"""The surveys plugin's models: the survey page, the responses to it, and its exports."""

from .consultations import ConsultationPage, Quote, QuoteRedaction, ResponsePublication
from .exports import SurveyExport
from .pages import SurveyPage
from .responses import Answer, HearBack, Invitation, Response, Theme

__all__ = [
    "Answer",
    "HearBack",
    "Invitation",
    "Response",
    "SurveyExport",
    "SurveyPage",
    "Theme",
    # Consultations.
    "ConsultationPage",
    "Quote",
    "QuoteRedaction",
    "ResponsePublication",
]
