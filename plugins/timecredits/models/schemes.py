"""Schemes: one per site, with the rules that decide what its credits may do."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class Scheme(models.Model):
    """A site's time-credits scheme, e.g. Medway Time Credits.

    One hour given earns one credit. Time is added up per entry and rounded to the nearest
    whole hour, a half hour rounding up (see :mod:`plugins.timecredits.rounding`).
    """

    site = models.OneToOneField(
        "wagtailcore.Site", on_delete=models.PROTECT, related_name="timecredit_scheme"
    )
    name = models.CharField(_("name"), max_length=255)
    rules = models.TextField(
        _("rules"), help_text=_("How credits are earned and spent, in plain words for volunteers.")
    )
    administered_by = models.ForeignKey(
        "partnerships.PartnerOrganisation",
        verbose_name=_("administered by"),
        on_delete=models.PROTECT,
        related_name="administered_timecredit_schemes",
    )
    network_spending = models.BooleanField(
        _("spend across the network"),
        default=False,
        help_text=_(
            "Volunteers of this scheme may spend at other schemes' venues that also allow it, "
            "and this scheme's venues accept their credits."
        ),
    )
    allow_gifting = models.BooleanField(_("volunteers may gift credits"), default=False)
    credit_participation = models.BooleanField(
        _("credit community members for taking part"),
        default=False,
        help_text=_(
            "Other plugins may award credits, e.g. for attending an assembly as a community member."
        ),
    )
    participation_credits = models.PositiveSmallIntegerField(
        _("credits for taking part"), default=1
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("rules"),
        FieldPanel("administered_by"),
        MultiFieldPanel(
            [
                FieldPanel("network_spending"),
                FieldPanel("allow_gifting"),
                FieldPanel("credit_participation"),
                FieldPanel("participation_credits"),
            ],
            heading=_("What credits may do"),
        ),
    ]

    class Meta:
        verbose_name = _("time-credits scheme")

    def __str__(self):
        return self.name

    def accepts_credits_from(self, other):
        """Whether this scheme's venues take credits from volunteers of ``other``."""
        return other.pk == self.pk or (self.network_spending and other.network_spending)
