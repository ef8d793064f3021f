"""The resource library: reports, leaflets, policies and guides, each in one or more formats."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.routing import SingleQueryChildRouteMixin

from .common import PUBLICATION_PARENTS, documents_of


class ResourceLibraryPage(CachedViewRestrictionsMixin, SingleQueryChildRouteMixin, Page):
    """A site's library of published resources, filterable by type, topic, format and year.

    Editors add one per site (e.g. "Resources" or "Publications") under the network or a
    partnership home, then add each report, leaflet or guide as a resource page under it.
    """

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two on what the library holds and who it is for."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = PUBLICATION_PARENTS
    subpage_types = ["publications.ResourcePage", "easyread.EasyReadPage"]
    routed_child_model = "publications.ResourcePage"

    #: Resources per page of the listing.
    per_page = 10

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    @property
    def routed_child_prefetch(self):
        """A resource's page shows its formats (with their documents) and its topics."""
        return (documents_of("formats", ResourceFormat), "tags")

    def get_context(self, request, *args, **kwargs):
        """Add the filter form, the number of matching resources and a page of them."""
        from ..filters import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(self, request))
        return context


class ResourcePageTag(TaggedItemBase):
    """Topics of resources ("mental health", "carers", "urgent care"...)."""

    content_object = ParentalKey(
        "publications.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourcePage(CachedViewRestrictionsMixin, Page):
    """One published resource (a report, leaflet, policy...) and the formats it comes in."""

    class DocumentType(models.TextChoices):
        REPORT = "report", _("Report")
        LEAFLET = "leaflet", _("Leaflet")
        POLICY = "policy", _("Policy")
        GUIDE = "guide", _("Guide")
        PLAN = "plan", _("Plan or strategy")
        MINUTES = "minutes", _("Minutes")
        NEWSLETTER = "newsletter", _("Newsletter")
        FORM = "form", _("Form")
        OTHER = "other", _("Other")

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two plain sentences on what the resource is, shown in the library."),
    )
    document_type = models.CharField(
        _("type of document"),
        max_length=20,
        choices=DocumentType.choices,
        default=DocumentType.REPORT,
    )
    publication_date = models.DateField(
        _("publication date"),
        default=datetime.date.today,
        help_text=_("When the resource was published (the library is filtered by its year)."),
    )
    body = RichTextField(
        _("about this resource"),
        blank=True,
        help_text=_("Optional: who it is for, what it covers, how it was written."),
    )
    tags = ClusterTaggableManager(
        through=ResourcePageTag,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics people can filter the library by, e.g. “mental health”, “carers”."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("publication_date")]),
                FieldPanel("tags"),
            ],
            heading=_("About this resource"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "formats",
            label=_("Format"),
            heading=_("Formats"),
            min_num=1,
            help_text=_(
                "Add the standard version first, then any Easy Read, large print, audio or "
                "British Sign Language (BSL) versions. Each is a document or a link."
            ),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("document_type"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["publications.ResourceLibraryPage"]
    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    _listing_tags = None

    @property
    def listing_tags(self):
        """The topics shown for this resource: given by the library's facets, else prefetched."""
        if self._listing_tags is None:
            return sorted(self.tags.all(), key=lambda tag: tag.name.lower())
        return self._listing_tags

    @listing_tags.setter
    def listing_tags(self, tags):
        self._listing_tags = tags


class ResourceFormat(Orderable):
    """One format a resource comes in: a document to download or a link (e.g. a BSL video)."""

    class Format(models.TextChoices):
        STANDARD = "standard", _("Standard")
        EASY_READ = "easy_read", _("Easy Read")
        LARGE_PRINT = "large_print", _("Large print")
        AUDIO = "audio", _("Audio")
        BSL_VIDEO = "bsl_video", _("British Sign Language (BSL) video")

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="formats")
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.STANDARD
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The file to download (PDF, Word, audio…). Leave blank if you give a link."),
    )
    link = models.URLField(
        _("link"),
        blank=True,
        help_text=_("Or a web address, e.g. the BSL video on YouTube or Vimeo."),
    )

    panels = [FieldPanel("format"), FieldPanel("document"), FieldPanel("link")]

    class Meta(Orderable.Meta):
        verbose_name = _("format")
        verbose_name_plural = _("formats")

    def __str__(self):
        return self.get_format_display()

    def clean(self):
        """Require exactly one of a document and a link."""
        super().clean()
        if self.document_id is None and not self.link:
            raise ValidationError(
                {"document": _("Choose a document, or give a link for this format.")}
            )
        if self.document_id is not None and self.link:
            raise ValidationError(
                {"link": _("Give a document or a link for this format, not both.")}
            )

    @property
    def url(self):
        """Where the format is: the document's address, else the link."""
        return self.document.url if self.document_id else self.link
