"""The home page of a partnership's (or co-op's) own Wagtail Site."""

from django.db import models
from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.plugins.get_involved import get_involved_items
from chorus.plugins.panels import partnership_home_panels

# The logo size in the template; only that rendition is prefetched.
LOGO_FILTER = "fill-120x120"


class PartnershipHomePage(CachedViewRestrictionsMixin, Page):
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
    # subpage_types is deliberately left unset. Children are the spotlight index, the
    # coproduction app's assembly index and charter, and the page types of whichever
    # plugins are installed (events, grants...), including third-party ones the core cannot
    # name. Each of those declares ``parent_page_types = ["partnerships.PartnershipHomePage"]``
    # and plugin types are offered only where their plugin is on (PluginPageMixin), so the
    # rule lives with the child, and installing a plugin needs no change here.

    class Meta:
        verbose_name = _("partnership home page")

    def partner_listing(self):
        """Return this partnership's roles with organisations, logos and logo renditions.

        Three queries, however many partners there are.
        """
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=LOGO_FILTER)
        return self.partner_roles.select_related(
            "organisation", "organisation__logo"
        ).prefetch_related(Prefetch("organisation__logo__renditions", queryset=renditions))

    def get_context(self, request, *args, **kwargs):
        """Add what a resident can do here, the partners with their roles, and the panels of
        the plugins on here.

        Each is looked up only when the template first uses it: the template keeps them in
        cached fragments, so most requests read none of them.
        """
        context = super().get_context(request, *args, **kwargs)
        context.update(
            get_involved=SimpleLazyObject(lambda: get_involved_items(self, request)),
            partner_roles=SimpleLazyObject(lambda: list(self.partner_listing())),
            panels=SimpleLazyObject(lambda: partnership_home_panels(self, request)),
        )
        return context


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
