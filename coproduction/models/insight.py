"""The insight bank: what people told us, kept once, shared as far as they agreed.

Each :class:`Insight` is one thing people told a partnership (a quote or a summary), where it
came from (with a link back), its place, date, themes and population group, who owns it, and
how far it may be shared (:class:`ConsentLevel`). Who sees what is decided in one place,
:func:`coproduction.insight.visibility.visible_to`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from coproduction.register.categories import DIMENSIONS

from .imports import UploadedImport

#: What replaces a redacted passage in a record's text.
REDACTED = "[redacted]"


class ConsentLevel(models.TextChoices):
    """How far a record may be shared, from widest to narrowest."""

    PUBLIC = "public", _("Public")
    PARTNERS = "partners", _("All partners")
    PARTNERSHIP = "partnership", _("This partnership only")
    INTERNAL = "internal", _("Internal")


class InsightSource(models.TextChoices):
    SURVEY = "survey", _("Survey answer")
    SPOTLIGHT = "spotlight", _("Partner spotlight")
    ASSEMBLY = "assembly", _("Assembly")
    EVENT = "event", _("Event or roadshow stop")
    REPORT = "report", _("Healthwatch or partner report")
    PARTNER = "partner", _("A partner's own engagement")


def group_choices():
    """The Census-style population groups a record may be about: ``"dimension:code"``."""
    choices = []
    for dimension, (label, categories) in DIMENSIONS.items():
        for value, name in categories.choices:
            if value != "prefer_not":
                choices.append((f"{dimension}:{value}", f"{label}: {name}"))
    return choices


def group_label(code):
    """The words for a population group: a Census-style code's label, or the free label."""
    for value, label in group_choices():
        if value == code:
            return str(label)
    return code


class InsightTheme(models.Model):
    """A theme in the bank's controlled list ("waiting times", "access to GPs"); staff add
    more under Insight bank → Themes."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("insight theme")
        verbose_name_plural = _("insight themes")

    def __str__(self):
        return self.name


class InsightTag(TaggedItemBase):
    """Free tags on insight records, beside the controlled themes."""

    content_object = ParentalKey(
        "coproduction.Insight", on_delete=models.CASCADE, related_name="tagged_items"
    )


class OrganisationStaff(models.Model):
    """Someone who works for a partner organisation: they see the insight shared with
    partners, and what is shared only with the partnerships their organisation is part of."""

    organisation = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="staff",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="partner_organisations",
    )

    panels = [FieldPanel("organisation"), FieldPanel("user")]

    class Meta:
        verbose_name = _("partner organisation staff")
        verbose_name_plural = _("partner organisation staff")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_staff_row_per_org")
        ]

    def __str__(self):
        return f"{self.user}: {self.organisation}"


class Insight(index.Indexed, ClusterableModel):
    """One thing people told us."""

    class Kind(models.TextChoices):
        QUOTE = "quote", _("Quote (their own words)")
        SUMMARY = "summary", _("Summary")

    text = models.TextField(
        _("what people told us"),
        help_text=_("A quote in their own words, or a summary. Nobody's name or contact details."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SUMMARY)
    source = models.CharField(_("source"), max_length=20, choices=InsightSource.choices)
    place = models.ForeignKey(
        "partnerships.PartnershipHomePage",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    themes = ParentalManyToManyField(
        InsightTheme, verbose_name=_("themes"), blank=True, related_name="insights"
    )
    tags = ClusterTaggableManager(through=InsightTag, blank=True)
    group = models.CharField(
        _("population group"),
        max_length=100,
        blank=True,
        help_text=_(
            "Who said it: a Census category such as “age_band:75_plus”, or your own words "
            "(“young carers”)."
        ),
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("source page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_label = models.CharField(
        _("source name"),
        max_length=255,
        blank=True,
        help_text=_("The report, event or engagement it came from, when it is not a page here."),
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    partnership = models.ForeignKey(
        "partnerships.PartnershipHomePage",
        verbose_name=_("owning partnership"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="insights",
        help_text=_("Leave empty for the network's own records."),
    )
    organisation = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="insights",
    )
    consent = models.CharField(
        _("shared with"),
        max_length=20,
        choices=ConsentLevel.choices,
        default=ConsentLevel.INTERNAL,
        help_text=_("Only as far as the people who told us agreed."),
    )
    needs_review = models.BooleanField(
        _("awaiting review"),
        default=False,
        help_text=_(
            "Made automatically from someone's own words: only the owning team sees it until "
            "someone has read it (and redacted anything that identifies a person) and unticks "
            "this."
        ),
    )
    #: Set for records made automatically, so that doing it again changes nothing.
    key = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("date")]),
        FieldPanel("place"),
        FieldPanel("themes"),
        FieldPanel("tags"),
        FieldPanel("group"),
        MultiFieldPanel(
            [FieldPanel("source_page"), FieldPanel("source_label"), FieldPanel("source_url")],
            heading=_("Where it came from"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("partnership"),
                FieldPanel("organisation"),
                FieldPanel("consent"),
                FieldPanel("needs_review"),
            ],
            heading=_("Who owns it and who may see it"),
        ),
    ]

    search_fields = [
        index.SearchField("text"),
        index.SearchField("source_label"),
        index.FilterField("id"),
        index.FilterField("consent"),
        index.FilterField("source"),
        index.FilterField("place_id"),
        index.FilterField("partnership_id"),
        index.FilterField("date"),
        index.FilterField("group"),
    ]

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("insight record")
        verbose_name_plural = _("insight records")
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=~Q(key=""), name="one_insight_per_key"
            )
        ]
        indexes = [models.Index(fields=["consent", "partnership"], name="insight_consent_idx")]

    def __str__(self):
        return self.text[:80]

    @property
    def group_display(self):
        return group_label(self.group)

    @property
    def source_link(self):
        """Where the record came from: its page's address, else the link given."""
        if self.source_page_id and self.source_page.live:
            return self.source_page.full_url or ""
        return self.source_url

    @property
    def source_name(self):
        if self.source_label:
            return self.source_label
        return self.source_page.title if self.source_page_id else ""


class InsightRedaction(models.Model):
    """A passage taken out of a record: who, when, what kind of thing and why. The passage
    itself is not kept anywhere: the record holds only the redacted text."""

    insight = models.ForeignKey(Insight, on_delete=models.CASCADE, related_name="redactions")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    removed = models.CharField(
        _("what was removed"),
        max_length=255,
        help_text=_("Describe it without repeating it, e.g. “a nurse's name”."),
    )
    characters = models.PositiveIntegerField(_("characters removed"), default=0)
    reason = models.TextField(_("why"))

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("redaction")
        verbose_name_plural = _("redactions")

    def __str__(self):
        return f"{self.removed} ({self.at:%d %B %Y})"


class InsightSynonym(models.Model):
    """Words people use for the same thing ("GP, doctor, surgery"): a search for any of them
    finds the others."""

    words = models.CharField(
        _("words"),
        max_length=255,
        unique=True,
        help_text=_("Separated by commas, e.g. “A&E, emergency department, casualty”."),
    )

    panels = [FieldPanel("words")]

    class Meta:
        ordering = ["words"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.words

    def terms(self):
        return [word.strip() for word in self.words.split(",") if word.strip()]


class InsightImport(UploadedImport):
    """One upload of a CSV or Excel file of records, checked whole and then imported by a
    task (``coproduction.insight.importing``). The file is kept only until then."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        CHECKING = "checking", _("Checking every row")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        REJECTED = "rejected", _("Rejected: nothing was imported")
        FAILED = "failed", _("Failed: nothing was imported")

    data = models.BinaryField(editable=False)
    partnership = models.ForeignKey(
        "partnerships.PartnershipHomePage",
        verbose_name=_("owning partnership"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    checked = models.PositiveIntegerField(_("rows checked"), default=0)
    #: ``[line, message]`` for each bad row (the first thousand).
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)

    class Meta(UploadedImport.Meta):
        verbose_name = _("insight import")
        verbose_name_plural = _("insight imports")

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.REJECTED, self.Status.FAILED)
