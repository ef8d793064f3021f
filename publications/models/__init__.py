"""The publications app's page types: a resource library and committee meetings."""

from .library import ResourceFormat, ResourceLibraryPage, ResourcePage, ResourcePageTag
from .meetings import CommitteePage, MeetingPage, MeetingPaper

__all__ = [
    "CommitteePage",
    "MeetingPage",
    "MeetingPaper",
    "ResourceFormat",
    "ResourceLibraryPage",
    "ResourcePage",
    "ResourcePageTag",
]
