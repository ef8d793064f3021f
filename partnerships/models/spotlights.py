"""Partner spotlights: reports on a local organisation, and the index that lists them."""

import datetime
from typing import NamedTuple

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.routing import SingleQueryChildRouteMixin

from ..blocks import SpotlightStreamBlock

SPOTLIGHTS_PER_PAGE = 12
# The logo size in spotlight cards; only that rendition is prefetched.
LOGO_FILTER = "fill-160x160"


class ListingTag(NamedTuple):
    """A tag as a listing shows it."""

    slug: str
    name: str


def spotlight_listing(queryset, *, with_tags=True):
    """Return ``queryset`` of spotlight pages ready for a listing in a constant few queries.

    Organisations and their logos are joined and the logos' listing renditions prefetched;
    with ``with_tags`` the tags are prefetched too and set as ``listing_tags``. Newest
    first; the long report fields are left for the spotlight's own page.
    """
    queryset = (
        queryset.live()
        .select_related("organisation", "organisation__logo")
        .defer(*SpotlightPage.REPORT_FIELDS)
        .prefetch_related(
            Prefetch(
                "organisation__logo__renditions",
                queryset=get_image_model()
                .get_rendition_model()
                .objects.filter(filter_spec=LOGO_FILTER),
            ),
        )
        .order_by("-date_published", "-pk")
    )
    if with_tags:
        queryset = queryset.prefetch_related("tags")
    return queryset


class SpotlightFilterForm(forms.Form):
    """The filter form on a spotlight index: by tag and by partner organisation."""

    tag = forms.ChoiceField(label=_("Topic"), required=False)
    partner = forms.ChoiceField(label=_("Partner organisation"), required=False)

    def __init__(self, data, *, tags, partners):
        """``tags`` and ``partners`` are ``(value, label)`` pairs of the choices in use."""
        super().__init__(data)
        self.fields["tag"].choices = [("", _("All topics")), *tags]
        self.fields["partner"].choices = [("", _("All partner organisations")), *partners]


class SpotlightIndexPage(CachedViewRestrictionsMixin, SingleQueryChildRouteMixin, Page):
    """The list of a partnership's spotlight reports, newest first, filterable.

    Editors add one per partnership (e.g. "Spotlights") and write a short introduction.
    """

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    routed_child_model = "partnerships.SpotlightPage"
    routed_child_related = ("organisation", "organisation__logo")

    parent_page_types = ["partnerships.PartnershipHomePage"]
    subpage_types = ["partnerships.SpotlightPage", "easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("spotlight index page")

    def get_context(self, request, *args, **kwargs):
        """Add the filter form and the current page of (filtered) spotlights.

        Three queries however many spotlights there are: one for the facets (every live
        child's partner and tags, which fill the form, filter and count), one for the
        spotlights on this page of results, one for their logos' renditions.
        """
        context = super().get_context(request, *args, **kwargs)
        facets = SpotlightFacets(SpotlightPage.objects.child_of(self).live())
        form = SpotlightFilterForm(
            request.GET or None, tags=facets.tag_choices(), partners=facets.partner_choices()
        )
        query = {}
        if form.is_bound and form.is_valid():
            query = {name: value for name, value in form.cleaned_data.items() if value}

        paginator = Paginator(
            facets.matching(tag=query.get("tag"), partner=query.get("partner")),
            SPOTLIGHTS_PER_PAGE,
        )
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            filter_form=form,
            is_filtered=bool(query),
            spotlights=facets.spotlights(page_obj.object_list),
            page_obj=page_obj,
            extra_query=urlencode(query),
        )
        return context


class SpotlightFacets:
    """Every live spotlight of an index with its partner and tags, from one query.

    The index filters, counts and pages these in Python, then loads the full pages of
    only the spotlights it shows.
    """

    def __init__(self, queryset):
        rows = queryset.order_by("-date_published", "-pk").values_list(
            "pk", "organisation_id", "organisation__name", "tags__slug", "tags__name"
        )
        self.partners = {}
        self.tags = {}
        self.entries = {}
        for pk, organisation_id, organisation_name, tag_slug, tag_name in rows:
            entry = self.entries.setdefault(pk, {"partner": str(organisation_id), "tags": []})
            self.partners[str(organisation_id)] = organisation_name
            if tag_slug is not None:
                entry["tags"].append(ListingTag(tag_slug, tag_name))
                self.tags[tag_slug] = tag_name

    def tag_choices(self):
        """Return ``(slug, name)`` for every tag in use, by name."""
        return sorted(self.tags.items(), key=lambda item: item[1].lower())

    def partner_choices(self):
        """Return ``(id, name)`` for every partner with a spotlight here, by name."""
        return sorted(self.partners.items(), key=lambda item: item[1].lower())

    def matching(self, tag=None, partner=None):
        """Return the ids of the spotlights with ``tag`` and about ``partner``, newest first."""
        return [
            pk
            for pk, entry in self.entries.items()
            if (not tag or any(t.slug == tag for t in entry["tags"]))
            and (not partner or entry["partner"] == partner)
        ]

    def spotlights(self, pks):
        """Return the spotlight pages ``pks`` in that order, each with its listing tags."""
        pks = list(pks)
        pages = spotlight_listing(SpotlightPage.objects.filter(pk__in=pks), with_tags=False)
        by_pk = {page.pk: page for page in pages}
        spotlights = [by_pk[pk] for pk in pks if pk in by_pk]
        for spotlight in spotlights:
            spotlight.listing_tags = sorted(
                self.entries[spotlight.pk]["tags"], key=lambda t: t.name.lower()
            )
        return spotlights


class SpotlightPageTag(TaggedItemBase):
    """Tags on spotlight reports ("carers", "isolation", "young people"...)."""

    content_object = ParentalKey(
        "partnerships.SpotlightPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class SpotlightPage(CachedViewRestrictionsMixin, Page):
    """A report on one local organisation: who they are, what they do, what people told
    them, figures and quotes, and what changed as a result.

    Modelled on Healthwatch's spotlight reports on community organisations.
    """

    organisation = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        verbose_name=_("partner organisation"),
        on_delete=models.PROTECT,
        related_name="spotlights",
        help_text=_("The organisation this spotlight is about."),
    )
    date_published = models.DateField(_("date published"), default=datetime.date.today)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in listings."),
    )
    who_they_are = RichTextField(_("who they are"), blank=True)
    what_they_do = RichTextField(_("what they do"), blank=True)
    what_people_told_them = RichTextField(_("what people told them"), blank=True)
    what_changed = RichTextField(_("what changed"), blank=True)
    body = StreamField(
        SpotlightStreamBlock(),
        verbose_name=_("figures, quotes and more"),
        blank=True,
    )
    tags = ClusterTaggableManager(through=SpotlightPageTag, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("date_published"), FieldPanel("summary")],
            heading=_("About this spotlight"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("who_they_are"),
                FieldPanel("what_they_do"),
                FieldPanel("what_people_told_them"),
                FieldPanel("what_changed"),
            ],
            heading=_("The report"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("who_they_are"),
        index.SearchField("what_they_do"),
        index.SearchField("what_people_told_them"),
        index.SearchField("what_changed"),
        index.SearchField("body"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("date_published"),
    ]

    parent_page_types = ["partnerships.SpotlightIndexPage"]
    # Only its Easy Read version.
    subpage_types = ["easyread.EasyReadPage"]

    # The long fields that only the spotlight's own page shows; listings defer them.
    REPORT_FIELDS = ("who_they_are", "what_they_do", "what_people_told_them", "what_changed")

    _listing_tags = None

    @property
    def listing_tags(self):
        """The tags a listing card shows: given by the index's facets, else prefetched."""
        if self._listing_tags is None:
            return sorted(self.tags.all(), key=lambda tag: tag.name.lower())
        return self._listing_tags

    @listing_tags.setter
    def listing_tags(self, tags):
        self._listing_tags = tags

    class Meta:
        verbose_name = _("spotlight")
        verbose_name_plural = _("spotlights")
