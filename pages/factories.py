"""Factories for content pages, shared by the tests and the demo."""

from chorus.common.factories import PageFactory

from .models import ContentPage


class ContentPageFactory(PageFactory):
    """A content page (idempotent by slug under its parent)."""

    class Meta:
        model = ContentPage

    summary = ""
