"""Partner organisations: one record per organisation, shared by the whole network."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ..orgid import to_org_id


class PartnerOrganisationTag(TaggedItemBase):
    """Tags on partner organisations ("carers", "mental health", "young people"...)."""

    content_object = ParentalKey(
        "partnerships.PartnerOrganisation", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PartnerOrganisation(index.Indexed, ClusterableModel):
    """A VCSE group, CIC, NHS body, council, Healthwatch, school or business.

    Editors keep one record per organisation for the whole network, so a group tells its
    story once and every partnership it works with links to the same record.
    """

    class Kind(models.TextChoices):
        VCSE = "vcse", _("Voluntary, community or social enterprise")
        CIC = "cic", _("Community interest company")
        NHS = "nhs", _("NHS body")
        COUNCIL = "council", _("Council")
        HEALTHWATCH = "healthwatch", _("Healthwatch")
        SCHOOL = "school", _("School or college")
        BUSINESS = "business", _("Business")

    name = models.CharField(_("name"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    registered_identifier = models.CharField(
        _("registered number"),
        max_length=100,
        blank=True,
        help_text=_(
            "Charity, company or society number as registered, e.g. 1123456, 09876543, "
            "RS007123. Stored alongside its org-id (GB-CHC-…, GB-COH-…, GB-MPR-…)."
        ),
    )
    org_id = models.CharField(
        _("org-id"),
        max_length=120,
        blank=True,
        help_text=_("Worked out from the registered number."),
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)
    places_served = models.CharField(
        _("places served"),
        max_length=255,
        blank=True,
        help_text=_("Towns, districts or neighbourhoods, e.g. “Walderslade, Hoo Peninsula”."),
    )
    tags = ClusterTaggableManager(through=PartnerOrganisationTag, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("registered_identifier"), FieldPanel("org_id", read_only=True)],
            heading=_("Registration"),
        ),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("places_served"),
        FieldPanel("tags"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("places_served"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name

    def clean(self):
        """Work out the org-id, telling the editor how to write an unrecognised number."""
        super().clean()
        try:
            self.org_id = to_org_id(self.registered_identifier, kind=self.kind or None)
        except ValidationError as error:
            raise ValidationError({"registered_identifier": error.error_list}) from error

    def save(self, *args, **kwargs):
        """Keep the org-id in step with the number, also for records made in code.

        An unrecognisable number raises ``ValidationError`` here too, so factories and
        ``seed_demo`` cannot store a number the admin form would have refused.
        """
        self.org_id = to_org_id(self.registered_identifier, kind=self.kind or None)
        super().save(*args, **kwargs)
