"""The surveys plugin's models: the survey page, and the responses to it."""

from .consultations import ConsultationPage, Quote, QuoteRedaction, ResponsePublication
from .pages import SurveyPage
from .responses import Answer, HearBack, Invitation, Response, Theme

__all__ = [
    "Answer",
    "HearBack",
    "Invitation",
    "Response",
    "SurveyPage",
    "Theme",
    # Consultations.
    "ConsultationPage",
    "Quote",
    "QuoteRedaction",
    "ResponsePublication",
]
