"""The standard content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin

from .blocks import ContentStreamBlock


class ContentPage(CachedViewRestrictionsMixin, Page):
    """A general page: About, the accessibility statement, the privacy notice, contact.

    An editor writes a short summary and builds the body from blocks (text, images,
    documents, calls to action, accordions, key figures, quotes, tables, videos and the
    site's contact details).
    """

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown under the title."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    # A site's general pages sit under its home (network or partnership), and may be
    # grouped under one another ("About us" > "Our board").
    parent_page_types = [
        "network.NetworkHomePage",
        "partnerships.PartnershipHomePage",
        "pages.ContentPage",
    ]
    subpage_types = ["pages.ContentPage", "easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
