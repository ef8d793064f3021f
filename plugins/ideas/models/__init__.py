"""The ideas plugin's models: boards (pages), what people contribute, and moderation."""

from .boards import IdeaBoardPage
from .contributions import Comment, Idea, StatusChange, Support, Visibility
from .moderation import Decision, Report
from .verification import PendingAction

__all__ = [
    "Comment",
    "Decision",
    "Idea",
    "IdeaBoardPage",
    "PendingAction",
    "Report",
    "StatusChange",
    "Support",
    "Visibility",
]
