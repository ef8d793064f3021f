"""The home page of a partnership's (or co-op's) own Wagtail Site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index


class PartnershipHomePage(Page):
    """The root page of one partnership's or care co-operative's site."""

    class Kind(models.TextChoices):
        PLACE = "place", _("Place-based health and care partnership")
        COOP = "coop", _("Care co-operative")
        CIC = "cic", _("Community interest company")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLACE)
    area_served = models.CharField(_("area served"), max_length=255, blank=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, shown on the network home."),
    )
    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("area_served"),
        FieldPanel("summary"),
        FieldPanel("introduction"),
        InlinePanel("partner_roles", label=_("Partner organisations")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("area_served"),
        index.SearchField("summary"),
        index.SearchField("introduction"),
    ]

    # A partnership home is the root of a Site: it sits directly under Wagtail's root page.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("partnership home page")


class PartnershipRole(Orderable):
    """A partner organisation's role in one partnership ("administers small grants")."""

    partnership = ParentalKey(
        PartnershipHomePage, on_delete=models.CASCADE, related_name="partner_roles"
    )
    organisation = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnership_roles",
    )
    role = models.CharField(_("role"), max_length=255)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner role")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="one_role_per_partner_per_partnership"
            )
        ]

    def __str__(self):
        return f"{self.organisation}: {self.role}"
