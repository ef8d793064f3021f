"""Grant programmes: the public page for a scheme, such as Involving Medway's small grants."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from chorus.caching.restrictions import CachedViewRestrictionsMixin
from chorus.plugins import PluginPageMixin


class GrantProgrammePage(CachedViewRestrictionsMixin, PluginPageMixin, RoutablePageMixin, Page):
    """A grant programme: what it funds, who may apply, who runs it and who pays for it.

    Editors write the programme's story here; its funding rounds (budgets, amounts, dates,
    criteria) are managed under Grants → Rounds in the admin, because money is not page
    content. The page lists the rounds, and serves each round at ``rounds/<slug>/`` and the
    grants awarded at ``awarded/``.
    """

    chorus_plugin = "grants"

    summary = models.CharField(
        _("summary"),
        max_length=255,
        help_text=_(
            "One sentence for listings, e.g. “Grants of up to £1,500 for community groups”."
        ),
    )
    purpose = RichTextField(_("what the programme funds"))
    who_may_apply = RichTextField(_("who may apply"))
    how_to_apply = RichTextField(_("how to apply"), blank=True)
    administering_organisation = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        verbose_name=_("administering organisation"),
        on_delete=models.PROTECT,
        related_name="administered_grant_programmes",
        help_text=_("The organisation that runs the scheme, e.g. a community foundation."),
    )
    funder = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        related_name="funded_grant_programmes",
        help_text=_(
            "The organisation whose money this is. Its org-id is the funding organisation "
            "in the 360Giving data, so give it a registered number."
        ),
    )
    grant_id_prefix = models.CharField(
        _("360Giving identifier prefix"),
        max_length=60,
        help_text=_(
            "The prefix 360Giving registered for the publisher, e.g. “360G-involvingmedway”. "
            "Every grant's identifier starts with it."
        ),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("purpose"),
        FieldPanel("who_may_apply"),
        FieldPanel("how_to_apply"),
        MultiFieldPanel(
            [
                FieldPanel("administering_organisation"),
                FieldPanel("funder"),
                FieldPanel("contact_email"),
            ],
            heading=_("Who runs it"),
        ),
        FieldPanel("grant_id_prefix", heading=_("Open data")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("purpose"),
        index.SearchField("who_may_apply"),
    ]

    parent_page_types = ["partnerships.PartnershipHomePage", "network.NetworkHomePage"]
    # Rounds, applications and awards are records, not pages: they live in the admin. The
    # only child is the programme's Easy Read version.
    subpage_types = ["easyread.EasyReadPage"]

    class Meta:
        verbose_name = _("grant programme page")

    def clean(self):
        super().clean()
        if self.grant_id_prefix and not self.grant_id_prefix.startswith("360G-"):
            raise ValidationError({"grant_id_prefix": _("A 360Giving prefix starts with “360G-”.")})

    def public_rounds(self):
        """Return the programme's published rounds, newest opening first."""
        return self.rounds.filter(published=True).order_by("-opens_at")

    @path("", name="programme")
    def programme(self, request):
        """Show the programme with its rounds, open ones first."""
        from ..views.public import programme_page

        return programme_page(request, self)

    @path("rounds/<slug:slug>/", name="round")
    def round(self, request, slug):
        """Show one round: eligibility, amounts, dates, and how to apply (or that it closed)."""
        from ..views.public import round_page

        return round_page(request, self, slug)

    @path("awarded/", name="awarded")
    def awarded(self, request):
        """List the grants this programme has awarded: the public record."""
        from ..views.awarded import awarded_page

        return awarded_page(request, self)
